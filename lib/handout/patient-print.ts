import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import { db } from '@/db/client';
import { handoutPrints, plans, planVersions } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { PatientAccess } from '@/lib/patient-portal/link-access';

/** Prints of the same version closer together than this are one print (the dialog opened twice). */
const SAME_PRINT_MS = 10 * 60_000;

/**
 * Records that the patient printed their own copy (from "Print my plan"), for their
 * practitioner to see in the plan's history: which version and paper, no link issued.
 */
export async function recordPatientPrint(
  access: PatientAccess,
  input: { planVersionId: string; paper: 'a4' | 'letter' },
  now = new Date(),
): Promise<Result> {
  const [version] = await db()
    .select({ id: planVersions.id })
    .from(planVersions)
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.clinicId, planVersions.clinicId)))
    .where(
      and(
        eq(planVersions.id, input.planVersionId),
        eq(plans.patientId, access.patientId),
        eq(plans.clinicId, access.clinicId),
      ),
    );
  if (!version) return fail('not_found', 'That plan is not yours.');
  const [recent] = await db()
    .select({ id: handoutPrints.id })
    .from(handoutPrints)
    .where(
      and(
        eq(handoutPrints.planVersionId, input.planVersionId),
        eq(handoutPrints.patientId, access.patientId),
        eq(handoutPrints.byPatient, true),
        gt(handoutPrints.createdAt, new Date(now.getTime() - SAME_PRINT_MS)),
      ),
    )
    .limit(1);
  if (recent) return ok();
  await db().transaction(async (tx) => {
    await tx.insert(handoutPrints).values({
      clinicId: access.clinicId,
      patientId: access.patientId,
      planVersionId: input.planVersionId,
      byPatient: true,
      paper: input.paper,
    });
    await audit(tx, access, {
      action: 'handout.printed',
      subjectType: 'patient',
      subjectId: access.patientId,
      detail: { planVersionId: input.planVersionId, paper: input.paper, by: 'patient' },
    });
  });
  return ok();
}

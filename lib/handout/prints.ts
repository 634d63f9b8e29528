import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { handoutPrints, patientLinks, planVersions, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { formatDay } from '@/lib/dates';
import { insertLink } from '@/lib/patients/links';
import type { PrintHandoutInput } from '@/lib/validation/handout';
import { livePrintedLinks, practitionerHandout } from './handout';

/** The label a handout's link carries in the patient's list of links. */
export const printedLinkLabel = (day: string) => `Printed handout ${formatDay(day, 'letter')}`;

/**
 * Records a printed handout (who, which version, which paper) and, when it carries a QR code,
 * issues its link (revoking the earlier printed ones first for "replace"), all in one
 * transaction with the audit entries. The token comes back once, for the QR code.
 */
export async function recordHandoutPrint(
  actor: Actor,
  input: PrintHandoutInput,
  now = new Date(),
): Promise<Result<{ token: string | null; linkId: string | null }>> {
  const handout = await practitionerHandout(actor, input.patientId, now);
  if (!handout) return fail('not_found', 'That patient is not in your clinic.');
  if (handout.discharged) return fail('conflict', 'This patient is discharged: reactivate them to print a handout.');
  if (!handout.plan) return fail('conflict', 'There is no plan in effect today to print.');
  if (handout.plan.versionId !== input.planVersionId)
    return fail('conflict', 'The plan changed since this page opened: reload it to print the current version.');
  const live = input.link === 'replace' ? await livePrintedLinks(actor, input.patientId, now) : [];
  return db().transaction(async (tx) => {
    let token: string | null = null;
    let linkId: string | null = null;
    if (input.link === 'reuse') {
      const [link] = await tx
        .select({ id: patientLinks.id })
        .from(patientLinks)
        .where(
          and(
            eq(patientLinks.id, input.linkId!),
            eq(patientLinks.patientId, input.patientId),
            eq(patientLinks.clinicId, actor.clinicId),
            isNull(patientLinks.revokedAt),
          ),
        );
      if (!link) return fail('conflict', 'That printed link no longer works: print with a new one.');
      linkId = link.id;
    }
    if (input.link === 'replace' && live.length) {
      const ids = live.map((l) => l.linkId);
      await tx
        .update(patientLinks)
        .set({ revokedAt: now })
        .where(and(inArray(patientLinks.id, ids), eq(patientLinks.clinicId, actor.clinicId)));
      for (const id of ids)
        await audit(tx, actor, {
          action: 'patient_link.revoked',
          subjectType: 'patient',
          subjectId: input.patientId,
          detail: { linkId: id, reason: 'handout reprinted' },
        });
    }
    if (input.link === 'new' || input.link === 'replace') {
      const issued = await insertLink(tx, actor, input.patientId, printedLinkLabel(handout.today), null);
      token = issued.token;
      linkId = issued.linkId;
    }
    await tx.insert(handoutPrints).values({
      clinicId: actor.clinicId,
      patientId: input.patientId,
      planVersionId: input.planVersionId,
      printedBy: actor.userId,
      patientLinkId: linkId,
      paper: input.paper,
    });
    await audit(tx, actor, {
      action: 'handout.printed',
      subjectType: 'patient',
      subjectId: input.patientId,
      detail: { planVersionId: input.planVersionId, paper: input.paper, link: input.link, linkId },
    });
    return ok({ token, linkId });
  });
}

export type HandoutPrintRow = {
  planId: string;
  at: Date;
  by: string;
  version: number;
  withLink: boolean;
  paper: 'a4' | 'letter';
};

/** A patient's printed handouts, newest first, for the plan's history. */
export async function handoutPrintsOf(actor: Actor, patientId: string): Promise<HandoutPrintRow[]> {
  const rows = await db()
    .select({
      planId: planVersions.planId,
      at: handoutPrints.createdAt,
      name: users.name,
      byPatient: handoutPrints.byPatient,
      version: planVersions.version,
      linkId: handoutPrints.patientLinkId,
      paper: handoutPrints.paper,
    })
    .from(handoutPrints)
    .innerJoin(planVersions, eq(planVersions.id, handoutPrints.planVersionId))
    .leftJoin(users, eq(users.id, handoutPrints.printedBy))
    .where(and(eq(handoutPrints.clinicId, actor.clinicId), eq(handoutPrints.patientId, patientId)))
    .orderBy(desc(handoutPrints.createdAt))
    .limit(50);
  return rows.map((r) => ({
    planId: r.planId,
    at: r.at,
    by: r.byPatient ? 'the patient' : (r.name ?? 'a former team member'),
    version: r.version,
    withLink: r.linkId !== null,
    paper: r.paper,
  }));
}

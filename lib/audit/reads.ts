import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { audit, type AuditActor } from '@/lib/audit';

/** The practitioner pages that show a patient's record, as the audit trail names them. */
export const PATIENT_VIEWS = [
  'record',
  'plan',
  'new_plan',
  'screening',
  'progress',
  'edit',
  'new_referral',
  'handout',
  'letter',
] as const;
export type PatientView = (typeof PATIENT_VIEWS)[number];

/**
 * A practitioner opened one of a patient's pages. One row per page view, written before the page
 * is sent (a failed write fails the page, so nothing is shown unrecorded). Measured in
 * docs/benchmarks.md.
 */
export async function recordPatientView(actor: AuditActor, patientId: string, view: PatientView, subjectId?: string) {
  await audit(db(), actor, {
    action: 'patient.viewed',
    subjectType: view === 'letter' ? 'referral' : 'patient',
    subjectId: subjectId ?? patientId,
    patientId,
    detail: { view },
  });
}

/** The exports the audit trail names. */
export type ExportKind = 'roster' | 'directory' | 'patient_logs' | 'audit';

/** A CSV left the app: which one, and whose when it is one patient's. */
export async function recordExport(actor: AuditActor, kind: ExportKind, patientId?: string) {
  await audit(db(), actor, {
    action: 'export.downloaded',
    subjectType: patientId ? 'patient' : 'clinic',
    subjectId: patientId ?? actor.clinicId,
    patientId: patientId ?? null,
    detail: { export: kind },
  });
}

/**
 * A signed-in practitioner was refused: a role they lack, or an id that is not in their clinic
 * (the id they asked for is kept, never anything of the clinic it may belong to). Once per
 * request, though the layout and the page both check.
 */
export const recordDenied = cache(
  async (clinicId: string, userId: string, reason: 'not_in_clinic' | 'admin_only', what: string, id: string | null) => {
    await audit(
      db(),
      { clinicId, userId },
      {
        action: 'access.denied',
        outcome: 'denied',
        subjectType: what,
        subjectId: id,
        // The id was not found in this clinic: it names no patient of it.
        patientId: null,
        detail: { reason },
      },
    );
  },
);

/** A page's "not found" for an id outside the caller's clinic, recorded first. */
export async function notInClinic(
  actor: { clinicId: string; userId: string },
  what: string,
  id: string | null,
): Promise<never> {
  await recordDenied(actor.clinicId, actor.userId, 'not_in_clinic', what, id);
  notFound();
}

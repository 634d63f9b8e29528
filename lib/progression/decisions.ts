import 'server-only';
import { db } from '@/db/client';
import { progressionEvents } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { findPatient } from '@/lib/patients/patients';
import { adjustPlan, type SavedVersion } from '@/lib/plans/assign';
import { type PatientSuggestion, suggestionFor } from './for-patient';

const event = (actor: Actor, patientId: string, s: PatientSuggestion) => ({
  clinicId: actor.clinicId,
  patientId,
  planVersionId: s.planVersionId,
  suggestion: s.suggestion.kind,
  signature: s.signature,
  headline: s.suggestion.headline.slice(0, 500),
  actorUserId: actor.userId,
});

/** Records, once per suggestion and data, that a practitioner was shown it. */
export async function recordShown(actor: Actor, patientId: string, s: PatientSuggestion): Promise<void> {
  await db()
    .insert(progressionEvents)
    .values({ ...event(actor, patientId, s), kind: 'shown' })
    .onConflictDoNothing();
}

/** The suggestion as it stands now, only if it is the one the page showed (same signature). */
async function current(actor: Actor, patientId: string, signature: string): Promise<Result<PatientSuggestion>> {
  const patient = await findPatient(actor, patientId);
  if (!patient) return fail('not_found', 'That patient is not in your clinic.');
  if (patient.status !== 'active') return fail('conflict', 'This patient is discharged.');
  const s = await suggestionFor(actor, patient);
  if (!s || s.signature !== signature)
    return fail('conflict', 'The figures changed since the page opened: review the suggestion again.');
  return ok(s);
}

/**
 * Applies a suggestion through the same path as a change by hand (screening and limits checked
 * again by adjustPlan), effective today, with the suggestion's headline as the reason; the record
 * of it commits with the new version.
 */
export async function applySuggestion(
  actor: Actor,
  input: { patientId: string; signature: string },
): Promise<Result<SavedVersion>> {
  const found = await current(actor, input.patientId, input.signature);
  if (!found.ok) return found;
  const s = found.value;
  if (s.suggestion.kind === 'hold') return fail('invalid', 'There is nothing to apply: the plan stays as it is.');
  return adjustPlan(
    actor,
    s.planId,
    {
      effectiveDate: s.today,
      reason: s.suggestion.headline.slice(0, 500),
      items: s.suggestion.items,
      acknowledgements: {},
    },
    async (tx, saved) => {
      await tx
        .insert(progressionEvents)
        .values({ ...event(actor, input.patientId, s), kind: 'applied', appliedVersion: saved.version });
      await audit(tx, actor, {
        action: 'progression.applied',
        subjectType: 'plan',
        subjectId: s.planId,
        patientId: input.patientId,
        detail: { suggestion: s.suggestion.kind, version: saved.version },
      });
    },
  );
}

/** Dismisses a suggestion with who and why; it stays hidden until the data behind it change. */
export async function dismissSuggestion(
  actor: Actor,
  input: { patientId: string; signature: string; note: string },
): Promise<Result> {
  const found = await current(actor, input.patientId, input.signature);
  if (!found.ok) return found;
  const s = found.value;
  await db().transaction(async (tx) => {
    await tx
      .insert(progressionEvents)
      .values({ ...event(actor, input.patientId, s), kind: 'dismissed', note: input.note });
    await audit(tx, actor, {
      action: 'progression.dismissed',
      subjectType: 'plan',
      subjectId: s.planId,
      patientId: input.patientId,
      detail: { suggestion: s.suggestion.kind },
    });
  });
  return ok();
}

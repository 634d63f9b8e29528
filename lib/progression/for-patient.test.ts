import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, planItems, planVersions, progressionEvents } from '@/db/schema';
import { shiftDate, todayIn } from '@/lib/dates';
import { createClinicWithTeam } from '@/testing/factories';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { applySuggestion, dismissSuggestion, recordShown } from './decisions';
import { suggestionFor } from './for-patient';

const TZ = 'Europe/London';

/** A patient on thoracic extension (30 s holds, once a day) for 12 days, with a log on each of the last `days`. */
async function history(days: number, pain: [number, number] = [3, 2], extra: { redFlagDay?: number } = {}) {
  const exerciseId = await fixtureExercise();
  const today = todayIn(TZ);
  const p = await patientOnPlan(exerciseId, TZ, shiftDate(today, -12));
  for (let i = days; i >= 1; i--) {
    const iso = `${shiftDate(today, -i)}T09:00:00Z`;
    const flagged = extra.redFlagDay === i;
    await p.logAt(iso, new Date(Date.parse(iso) + 3_600_000), flagged ? [3, 8] : pain);
  }
  const patient = { id: p.patientId, timezone: TZ };
  return { ...p, patient, exerciseId };
}

describe('progression suggestions on the real database', () => {
  it('a patient who did every session with little pain is ready to progress; applying creates the next version with the suggestion as its reason', async () => {
    const p = await history(8);
    const s = await suggestionFor(p.practitioner, p.patient);
    expect(s?.suggestion.kind).toBe('step_up');
    expect(s?.suggestion.headline).toMatch(/hold 30 → 45 s/);
    expect(s?.dismissed).toBe(false);
    await recordShown(p.practitioner, p.patientId, s!);
    await recordShown(p.practitioner, p.patientId, s!);

    const applied = await applySuggestion(p.practitioner, { patientId: p.patientId, signature: s!.signature });
    expect(applied).toMatchObject({ ok: true, value: { version: 2 } });
    const [v2] = await db()
      .select({ id: planVersions.id, reason: planVersions.reason, effectiveDate: planVersions.effectiveDate })
      .from(planVersions)
      .where(and(eq(planVersions.planId, p.planId), eq(planVersions.version, 2)));
    expect(v2).toMatchObject({ reason: s!.suggestion.headline, effectiveDate: todayIn(TZ) });
    const [item] = await db().select().from(planItems).where(eq(planItems.planVersionId, v2!.id));
    expect(item?.holdSeconds).toBe(45);
    const events = await db()
      .select({ kind: progressionEvents.kind, appliedVersion: progressionEvents.appliedVersion })
      .from(progressionEvents)
      .where(eq(progressionEvents.patientId, p.patientId));
    // Shown once however often the page opened, then applied.
    expect(events.map((e) => e.kind).sort()).toEqual(['applied', 'shown']);
    expect(events.find((e) => e.kind === 'applied')?.appliedVersion).toBe(2);
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, p.planId), eq(auditEvents.action, 'progression.applied')));
    expect(audited).toHaveLength(1);
    // The new dose has no days behind it yet: nothing to suggest, and the old suggestion cannot be applied twice.
    expect(await suggestionFor(p.practitioner, p.patient)).toBeNull();
    expect(await applySuggestion(p.practitioner, { patientId: p.patientId, signature: s!.signature })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('a dismissed suggestion stays hidden until a new log changes the figures', async () => {
    const p = await history(8);
    const s = await suggestionFor(p.practitioner, p.patient);
    const refused = await dismissSuggestion(p.practitioner, {
      patientId: p.patientId,
      signature: 'f'.repeat(32),
      note: 'Not yet',
    });
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(
      await dismissSuggestion(p.practitioner, {
        patientId: p.patientId,
        signature: s!.signature,
        note: 'Wait for the review',
      }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await suggestionFor(p.practitioner, p.patient))?.dismissed).toBe(true);
    const now = new Date();
    await p.logAt(new Date(now.getTime() - 60_000).toISOString(), now);
    const after = await suggestionFor(p.practitioner, p.patient);
    expect(after?.signature).not.toBe(s!.signature);
    expect(after?.dismissed).toBe(false);
  });

  it('a red flag steps down and suggests in-person care; too few logged days suggest nothing', async () => {
    const flagged = await history(6, [3, 2], { redFlagDay: 2 });
    const down = await suggestionFor(flagged.practitioner, flagged.patient);
    expect(down?.suggestion.kind).toBe('step_down');
    expect(down?.suggestion.suggestReferral).toBe(true);
    const few = await history(3);
    expect(await suggestionFor(few.practitioner, few.patient)).toBeNull();
  });

  it('unauthorized access: another clinic sees no suggestion and cannot apply or dismiss it', async () => {
    const p = await history(8);
    const s = await suggestionFor(p.practitioner, p.patient);
    const other = await createClinicWithTeam();
    expect(await suggestionFor(other.admin, p.patient)).toBeNull();
    expect(await applySuggestion(other.admin, { patientId: p.patientId, signature: s!.signature })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      await dismissSuggestion(other.admin, { patientId: p.patientId, signature: s!.signature, note: 'Not mine' }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db().select().from(progressionEvents).where(eq(progressionEvents.patientId, p.patientId))).toEqual([]);
    expect((await suggestionFor(p.practitioner, p.patient))?.signature).toBe(s!.signature);
  });
});

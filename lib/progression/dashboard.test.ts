import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshenFigures } from '@/lib/adherence/figures';
import { shiftDate, todayIn } from '@/lib/dates';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { progressionGroups } from './dashboard';
import { dismissSuggestion } from './decisions';
import { suggestionFor } from './for-patient';

const TZ = 'Europe/London';

async function history(pain: (i: number) => [number, number]) {
  const exerciseId = await fixtureExercise();
  const today = todayIn(TZ);
  const p = await patientOnPlan(exerciseId, TZ, shiftDate(today, -12));
  for (let i = 8; i >= 1; i--) {
    const iso = `${shiftDate(today, -i)}T09:00:00Z`;
    await p.logAt(iso, new Date(Date.parse(iso) + 3_600_000), pain(i));
  }
  await freshenFigures(p.clinic.id, sql`true`);
  return p;
}

describe('dashboard progression groups', () => {
  it('lists who earned a step up and who should step down, each clinic only its own, dismissed ones left out', async () => {
    const up = await history(() => [3, 2]);
    const down = await history((i) => (i === 2 ? [3, 8] : [4, 4]));

    const a = await progressionGroups(up.practitioner);
    expect(a.readyToProgress.map((e) => e.patientId)).toEqual([up.patientId]);
    expect(a.readyToProgress[0]?.headline).toMatch(/^Ready to progress: hold 30 → 45 s/);
    expect(a.stepDown).toEqual([]);

    const b = await progressionGroups(down.practitioner);
    expect(b.stepDown.map((e) => e.patientId)).toEqual([down.patientId]);
    expect(b.readyToProgress).toEqual([]);

    const s = await suggestionFor(up.practitioner, { id: up.patientId, timezone: TZ });
    await dismissSuggestion(up.practitioner, {
      patientId: up.patientId,
      signature: s!.signature,
      note: 'Review first',
    });
    expect((await progressionGroups(up.practitioner)).readyToProgress).toEqual([]);
  });
});

describe('dashboard progression groups after new sessions', () => {
  it('picks candidates from figures brought up to date first, not the ones stored before the latest logs', async () => {
    const exerciseId = await fixtureExercise();
    const today = todayIn(TZ);
    const p = await patientOnPlan(exerciseId, TZ, shiftDate(today, -12));
    const logDay = (i: number) => {
      const iso = `${shiftDate(today, -i)}T09:00:00Z`;
      return p.logAt(iso, new Date(Date.parse(iso) + 3_600_000), [3, 2]);
    };
    for (let i = 8; i >= 6; i--) await logDay(i);
    await freshenFigures(p.clinic.id, sql`true`);
    expect(await progressionGroups(p.practitioner)).toEqual({ readyToProgress: [], stepDown: [] });

    // A week kept up since, logged after the figures were last stored: nobody has opened the
    // dashboard in between, so they are out of date when the groups are asked for.
    for (let i = 5; i >= 1; i--) await logDay(i);
    const groups = await progressionGroups(p.practitioner);
    expect(groups.readyToProgress.map((e) => e.patientId)).toEqual([p.patientId]);
  });
});

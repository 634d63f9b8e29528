import { describe, expect, it } from 'vitest';
import { todayIn } from '@/lib/dates';
import { lookupToken } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { adjustPlan } from '@/lib/plans/assign';
import { fixtureExercise, patientOnPlan, planItem } from '@/testing/on-plan';
import { recentChange } from './recent-change';
import { patientToday } from './today';

describe('recentChange', () => {
  it('tells the patient what a new version changed until they do a session of it', async () => {
    const exerciseId = await fixtureExercise();
    const today = todayIn('Europe/London');
    const p = await patientOnPlan(exerciseId, 'Europe/London', today);
    const link = await createPatientLink(p.practitioner, p.patientId, { label: 'phone', expiresInDays: null });
    if (!link.ok) throw new Error(link.message);
    const access = await lookupToken(link.value.token);
    if (!access.ok) throw new Error('lookup');
    const read = async () => {
      const view = await patientToday(access.value);
      return recentChange(
        access.value,
        view.plan,
        view.exercises.map((e) => ({ ...e, exerciseId: e.id })),
      );
    };
    expect(await read()).toBeNull();
    const saved = await adjustPlan(p.practitioner, p.planId, {
      effectiveDate: today,
      reason: 'Longer holds',
      items: [{ ...planItem(exerciseId, 1, [1, 2, 3, 4, 5, 6, 7]), holdSeconds: 60 }],
      acknowledgements: {},
    });
    expect(saved.ok).toBe(true);
    expect(await read()).toMatchObject({
      since: today,
      lines: [expect.stringMatching(/hold time on .+ went up to 1 minute/)],
    });
    const now = new Date();
    // A second ago, so the session falls on today (the new version's first day) at any hour.
    await p.logAt(new Date(now.getTime() - 1_000).toISOString(), now);
    expect(await read()).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createClinicWithTeam } from '@/testing/factories';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { shiftDate, todayIn } from '@/lib/dates';
import { LOG_PAGE_SIZE, logPageOfPatient, logPageSchema } from './session-logs';

describe('a patient’s logged sessions', () => {
  it('page through every one of them, newest first, counted in SQL', async () => {
    const exerciseId = await fixtureExercise();
    const now = new Date();
    const p = await patientOnPlan(exerciseId, 'UTC', shiftDate(todayIn('UTC', now), -10));
    const total = 2 * LOG_PAGE_SIZE + 5;
    for (let i = 0; i < total; i++) await p.logAt(new Date(now.getTime() - (i + 1) * 3 * 3_600_000).toISOString(), now);

    const pages = await Promise.all([1, 2, 3].map((n) => logPageOfPatient(p.practitioner, p.patientId, n)));
    expect(pages.map((g) => [g.page, g.logs.length, g.total])).toEqual([
      [1, LOG_PAGE_SIZE, total],
      [2, LOG_PAGE_SIZE, total],
      [3, 5, total],
    ]);
    const times = pages.flatMap((g) => g.logs.map((l) => l.performedAt.getTime()));
    expect(new Set(pages.flatMap((g) => g.logs.map((l) => l.id))).size).toBe(total);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A page past the end shows the last one; nonsense in the address is the first.
    expect((await logPageOfPatient(p.practitioner, p.patientId, 40)).page).toBe(3);
    expect(['0', '-2', 'two', '2.5', undefined, ['2', '3']].map((v) => logPageSchema.parse(v))).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(logPageSchema.parse('2')).toBe(2);
  });

  it('unauthorized access: another clinic pages through none of them', async () => {
    const exerciseId = await fixtureExercise();
    const now = new Date();
    const p = await patientOnPlan(exerciseId, 'UTC', shiftDate(todayIn('UTC', now), -3));
    await p.logAt(new Date(now.getTime() - 3_600_000).toISOString(), now);
    const other = await createClinicWithTeam();
    expect(await logPageOfPatient(other.admin, p.patientId, 1)).toEqual({
      logs: [],
      total: 0,
      page: 1,
      pageSize: LOG_PAGE_SIZE,
    });
  });
});

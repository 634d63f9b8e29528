import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { alerts } from '@/db/schema';
import { createClinicWithTeam } from '@/testing/factories';
import { EVERY_DAY, fixtureExercise, patientOnPlan as onPlan, planItem } from '@/testing/on-plan';
import { adherenceByPatient, dailyForPatient } from './adherence';
import { rosterFigures } from './figures';
import { patientChartData } from '@/lib/patients/charts';
import { prescribedSessions } from './prescription';
import { adjustPlan } from '@/lib/plans/assign';
import { dayBoundsIn, shiftDate } from '@/lib/dates';

let exerciseId: string;
let secondExerciseId: string;
beforeAll(async () => {
  exerciseId = await fixtureExercise();
  secondExerciseId = await fixtureExercise('upper-back-roll-bridge');
});

const item = (sessionsPerDay: number, daysOfWeek: (1 | 2 | 3 | 4 | 5 | 6 | 7)[]) =>
  planItem(exerciseId, sessionsPerDay, daysOfWeek);
const patientOnPlan = (timezone: string, startDate: string, sessionsPerDay = 1, days = EVERY_DAY) =>
  onPlan(exerciseId, timezone, startDate, sessionsPerDay, days);

describe('adherence, computed in SQL for a whole roster', () => {
  it('counts a plan changed mid-window, days with nothing prescribed, and caps days with extra logs', async () => {
    const now = new Date('2026-06-15T12:00:00Z'); // Monday in London
    const p = await patientOnPlan('Europe/London', '2026-06-01', 1, [1, 2, 3, 4, 5]);
    const changed = await adjustPlan(p.practitioner, p.planId, {
      effectiveDate: '2026-06-12',
      reason: 'Twice, three days a week',
      items: [item(2, [1, 3, 5])],
      acknowledgements: {},
    });
    expect(changed.ok).toBe(true);
    for (const iso of [
      '2026-06-09T08:00:00Z',
      '2026-06-09T12:00:00Z',
      '2026-06-09T18:00:00Z', // 3 logs, 1 prescribed
      '2026-06-11T12:00:00Z', // Thu, v1: 1 of 1
      '2026-06-12T12:00:00Z', // Fri, v2: 1 of 2
      '2026-06-13T12:00:00Z', // Sat: nothing prescribed, counts for nothing
      '2026-06-15T08:00:00Z',
      '2026-06-15T11:00:00Z', // Mon, v2: 2 of 2
    ])
      await p.logAt(iso, now);
    const [row] = await adherenceByPatient(p.clinic.id, { now });
    expect(row).toMatchObject({
      patientId: p.patientId,
      today: '2026-06-15',
      prescribed7: 7, // Tue 1 + Wed 1 + Thu 1 + Fri 2 + Sat 0 + Sun 0 + Mon 2
      completed7: 5, // 1 + 0 + 1 + 1 + 0 + 0 + 2
      logged7: 8,
      prescribed28: 13, // plus 1-5 June (5) and Mon 8 June (1)
      completed28: 5,
      lastSessionDay: '2026-06-15',
      daysSinceLastSession: 0,
      missedPrescribedDays: 0,
    });
    expect(row?.adherence7).toBeCloseTo(5 / 7, 6);
    expect(row?.adherence28).toBeCloseTo(5 / 13, 6);
    expect(row?.trend).toHaveLength(28);
    expect(row?.trend.at(-1)).toBeCloseTo(5 / 7, 3);

    const days = await dailyForPatient(p.clinic.id, p.patientId, 7, now);
    expect(days.map((d) => d.day)).toEqual([
      '2026-06-09',
      '2026-06-10',
      '2026-06-11',
      '2026-06-12',
      '2026-06-13',
      '2026-06-14',
      '2026-06-15',
    ]);
    expect(days.map((d) => d.prescribed)).toEqual([1, 1, 1, 2, 0, 0, 2]);
    expect(days.map((d) => d.logged)).toEqual([3, 0, 1, 1, 1, 0, 2]);
    expect(days.map((d) => d.completed)).toEqual([1, 0, 1, 1, 0, 0, 2]);
    expect(days.at(-1)?.rolling7).toBeCloseTo(5 / 7, 6);
  });

  it('takes the most sessions any item asks for on a weekday when a version has items that differ', async () => {
    const now = new Date('2026-06-14T12:00:00Z'); // Sunday
    const p = await patientOnPlan('UTC', '2026-06-01');
    const items = [planItem(exerciseId, 2, [1, 3]), planItem(secondExerciseId, 1, [1, 2, 3, 4, 5])];
    expect(
      (
        await adjustPlan(p.practitioner, p.planId, {
          effectiveDate: '2026-06-08',
          reason: 'Two exercises',
          items,
          acknowledgements: {},
        })
      ).ok,
    ).toBe(true);
    await p.logAt('2026-06-08T09:00:00Z', now); // Mon: 1 of 2
    await p.logAt('2026-06-09T09:00:00Z', now); // Tue: 1 of 1
    const days = await dailyForPatient(p.clinic.id, p.patientId, 7, now);
    expect(days.map((d) => d.prescribed)).toEqual([2, 1, 2, 1, 1, 0, 0]); // 8 to 14 June
    // The charts' per-exercise figures use the same rule, in TypeScript.
    expect(days.map((d) => prescribedSessions(d.day, items))).toEqual([2, 1, 2, 1, 1, 0, 0]);
    expect((await adherenceByPatient(p.clinic.id, { now }))[0]).toMatchObject({ prescribed7: 7, completed7: 2 });
  });

  it('counts a session only with an exercise done, and today only with what is logged', async () => {
    const now = new Date('2026-07-08T12:00:00Z'); // Wednesday, midday in London
    const p = await patientOnPlan('Europe/London', '2026-07-01', 2);
    await p.logAt('2026-07-06T09:00:00Z', now); // Monday: 1 of 2
    await p.logAt('2026-07-07T09:00:00Z', now, [8, 8], { itemsDone: [] }); // Tuesday: a red flag, nothing done
    const [before] = await adherenceByPatient(p.clinic.id, { now });
    // 2–7 July prescribed 2 a day; today has nothing logged yet, so it adds nothing either way.
    expect(before).toMatchObject({ prescribed7: 12, completed7: 1, logged7: 1, prescribedDays7: 6 });
    await p.logAt('2026-07-08T09:00:00Z', now);
    const [after] = await adherenceByPatient(p.clinic.id, { now });
    // One logged today: it counts, as 1 of 1 so far (adherence can only rise while the day runs).
    expect(after).toMatchObject({ prescribed7: 13, completed7: 2, logged7: 2, prescribedDays7: 7 });
  });

  it('does not call a plan assigned today behind, and judges it once 3 days have asked for sessions', async () => {
    const reasonsOn = async (p: Awaited<ReturnType<typeof patientOnPlan>>, iso: string) =>
      (await rosterFigures(p.clinic.id, { now: new Date(iso) })).find((r) => r.patientId === p.patientId)?.reasons;
    const p = await patientOnPlan('UTC', '2026-08-10');
    expect(await reasonsOn(p, '2026-08-10T15:00:00Z')).toEqual([]);
    expect(await reasonsOn(p, '2026-08-12T15:00:00Z')).not.toContain('low_adherence'); // 2 days asked so far
    expect(await reasonsOn(p, '2026-08-13T15:00:00Z')).toContain('low_adherence');
  });

  it('buckets Los Angeles days across the March DST change by local midnight', async () => {
    const now = new Date('2026-03-10T18:00:00Z'); // 11:00 PDT on 10 March
    const p = await patientOnPlan('America/Los_Angeles', '2026-03-01');
    await p.logAt('2026-03-08T09:30:00Z', now); // 01:30 PST, 8 March (before the clocks go forward)
    await p.logAt('2026-03-09T07:30:00Z', now); // 00:30 PDT, 9 March
    await p.logAt('2026-03-10T06:30:00Z', now); // 23:30 PDT, still 9 March there
    const [row] = await adherenceByPatient(p.clinic.id, { now });
    // 4 to 9 March; today (10 March), with nothing logged yet, does not count.
    expect(row).toMatchObject({
      today: '2026-03-10',
      prescribed7: 6,
      completed7: 2,
      logged7: 3,
      lastSessionDay: '2026-03-09',
      daysSinceLastSession: 1,
    });
  });

  it('buckets Auckland days across the April DST change, far from UTC', async () => {
    const now = new Date('2026-04-06T00:00:00Z'); // 12:00 NZST on 6 April
    const p = await patientOnPlan('Pacific/Auckland', '2026-03-30');
    await p.logAt('2026-04-04T11:30:00Z', now); // 00:30 NZDT on 5 April
    const [row] = await adherenceByPatient(p.clinic.id, { now });
    expect(row).toMatchObject({
      today: '2026-04-06',
      prescribed7: 6,
      completed7: 1,
      lastSessionDay: '2026-04-05',
      daysSinceLastSession: 1,
    });
    // 31 March to 5 April had something prescribed and only 5 April was done; today does not count as missed.
    expect(row?.missedPrescribedDays).toBe(0);

    // The clocks went back at 03:00 on 5 April, so that day ran 25 hours: 23:30 NZST is still
    // 5 April (11:30 UTC), and 00:30 NZST is 6 April (12:30 UTC), twelve hours from UTC now.
    await p.logAt('2026-04-05T11:30:00Z', now);
    await p.logAt('2026-04-05T12:30:00Z', now);
    const days = await dailyForPatient(p.clinic.id, p.patientId, 2, now);
    expect(days).toMatchObject([
      { day: '2026-04-05', logged: 2, completed: 1 },
      { day: '2026-04-06', logged: 1, completed: 1 },
    ]);
    expect((await adherenceByPatient(p.clinic.id, { now }))[0]).toMatchObject({
      logged7: 3,
      completed7: 2,
      lastSessionDay: '2026-04-06',
      daysSinceLastSession: 0,
    });
  });

  it('counts logs on the first day of each window in the zones furthest from UTC', async () => {
    // At 11:30 UTC it is already tomorrow in Kiritimati (UTC+14) and still yesterday at UTC-12:
    // the scans of the logs are bounded by the days that can be "today" anywhere, and must not
    // cut off either end.
    const now = new Date('2026-06-15T11:30:00Z');
    for (const [timezone, today] of [
      ['Pacific/Kiritimati', '2026-06-16'],
      ['Etc/GMT+12', '2026-06-14'],
    ] as const) {
      const p = await patientOnPlan(timezone, shiftDate(today, -60));
      const noonOn = (day: string) =>
        new Date(Date.parse(dayBoundsIn(day, timezone).from) + 12 * 3_600_000).toISOString();
      const loggedAt = async (day: string, pain: [number, number]) =>
        p.logAt(noonOn(day), new Date(Date.parse(noonOn(day)) + 3_600_000), pain);
      await loggedAt(shiftDate(today, -33), [2, 2]); // the first day of the first trend point's week
      await loggedAt(shiftDate(today, -14), [3, 6]); // the day before the pain windows
      await loggedAt(shiftDate(today, -13), [3, 4]); // the first day of the previous 7 days
      const oneInTheMorning = new Date(Date.parse(dayBoundsIn(today, timezone).from) + 3_600_000);
      await p.logAt(oneInTheMorning.toISOString(), now, [2, 1]); // today, ten and a half hours ago
      const [row] = await adherenceByPatient(p.clinic.id, { now });
      expect(row, timezone).toMatchObject({
        today,
        completed28: 3, // today, the 14th and the 13th days back; the 33rd is before the 28 days
        logged7: 1,
        lastSessionDay: today,
        painAfterPrevious7: 4,
        painBeforePrevious7: 3,
      });
      expect(row?.trend[0], timezone).toBeCloseTo(1 / 7, 3);
    }
  });

  it('reports inactivity, pain over the last two weeks and open red flags', async () => {
    const now = new Date('2026-05-20T12:00:00Z');
    const p = await patientOnPlan('UTC', '2026-05-01');
    const soonAfter = (iso: string) => new Date(Date.parse(iso) + 3_600_000);
    await p.logAt('2026-05-08T12:00:00Z', soonAfter('2026-05-08T12:00:00Z'), [2, 2]); // the 7 days before
    await p.logAt('2026-05-15T12:00:00Z', now, [3, 4]);
    await p.logAt('2026-05-16T12:00:00Z', now, [4, 8]); // red flag: 8, and +4
    const [row] = await adherenceByPatient(p.clinic.id, { now });
    expect(row).toMatchObject({
      lastSessionDay: '2026-05-16',
      daysSinceLastSession: 4,
      missedPrescribedDays: 3,
      painBefore7: 3.5,
      painAfter7: 6,
      painAfterPrevious7: 2,
      painBeforePrevious7: 2,
      openRedFlags: 1,
    });
    // The stored figures carry both changes: after sessions 6 - 2, before them 3.5 - 2.
    const [stored] = await rosterFigures(p.clinic.id, { now });
    expect(stored).toMatchObject({
      painChange: 4,
      painBeforeChange: 1.5,
      reasons: expect.arrayContaining(['red_flag', 'pain_rising']),
    });
    await db().update(alerts).set({ status: 'resolved' }).where(eq(alerts.patientId, p.patientId));
    expect((await adherenceByPatient(p.clinic.id, { now }))[0]?.openRedFlags).toBe(0);
  });

  it('charts mark the day a plan version took effect, name reported symptoms, and count each exercise', async () => {
    const now = new Date('2026-06-14T12:00:00Z');
    const p = await patientOnPlan('UTC', '2026-05-01');
    const items = [planItem(exerciseId, 1, [1, 2, 3, 4, 5, 6, 7]), planItem(secondExerciseId, 1, [1, 3, 5])];
    expect(
      (
        await adjustPlan(p.practitioner, p.planId, {
          effectiveDate: '2026-06-10',
          reason: 'Add the roll',
          items,
          acknowledgements: {},
        })
      ).ok,
    ).toBe(true);
    await p.logAt('2026-06-10T09:00:00Z', now, [3, 3], { itemsDone: [exerciseId, secondExerciseId] }); // Wed: both
    await p.logAt('2026-06-12T09:00:00Z', now, [3, 5], { itemsDone: [exerciseId], symptoms: ['tingling'] }); // Fri: one of two
    const data = await patientChartData(p.practitioner, p.patientId, '2w', now);
    expect(data?.versionChanges).toEqual([{ day: '2026-06-10', label: 'v2', reason: 'Add the roll' }]);
    expect(data?.sessions.map((s) => s.symptoms)).toEqual([[], ['Tingling or numbness in the arms or hands']]);
    // Thoracic extension: prescribed every day of the 2 weeks, done twice; the roll: Wed and Fri since v2, done once.
    expect(data?.exercises).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ prescribed: 14, done: 2 }),
        expect.objectContaining({ prescribed: 2, done: 1, rate: 0.5 }),
      ]),
    );
    expect(data?.summary).toBe(
      'Completed 2 of 13 prescribed sessions (15 %) in the last 2 weeks; pain after sessions averaged 4.0; 1 session with symptoms reported.',
    );
  });

  it('unauthorized access: one clinic’s roster never includes another’s patients', async () => {
    const a = await patientOnPlan('UTC', '2026-05-01');
    const b = await createClinicWithTeam();
    expect(await adherenceByPatient(b.clinic.id)).toEqual([]);
    expect((await adherenceByPatient(a.clinic.id)).map((r) => r.patientId)).toEqual([a.patientId]);
  });
});

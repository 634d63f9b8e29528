import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { dayIn } from '@/lib/dates';
import { alerts, patientLinks, patients, sessionLogs } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { lookupToken, newToken, type PatientAccess } from './link-access';
import { createPatientLink, revokePatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import { NO_EXERCISE_DONE, painMissing, sessionLogSchema, type SessionLogInput } from './log-contract';
import { recordSessionLog } from './record-log';
import { logsOfPatient } from '@/lib/patients/session-logs';

let ids: Map<string, string>;
beforeAll(async () => {
  await seedReference(db());
  ids = await builtinIdsBySlug(db());
});

async function patientWithPlan(timezone = 'Europe/London', slug = 'thoracic-extension', startDate = '2026-01-01') {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, { timezone });
  const plan = await assignPlan(team.practitioner, patientId, {
    templateId: null,
    startDate,
    endDate: null,
    items: [
      {
        exerciseId: ids.get(slug)!,
        sessionsPerDay: 2,
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        holdSeconds: 30,
        reps: 3,
        sets: 1,
        patientNote: null,
      },
    ],
    acknowledgements: {},
  });
  if (!plan.ok) throw new Error(plan.message);
  const link = await createPatientLink(team.practitioner, patientId, { label: 'Phone', expiresInDays: null });
  if (!link.ok) throw new Error('link');
  const found = await lookupToken(link.value.token);
  if (!found.ok) throw new Error('lookup');
  return {
    ...team,
    patientId,
    token: link.value.token,
    linkId: link.value.linkId,
    access: found.value as PatientAccess,
    exerciseId: ids.get(slug)!,
  };
}

const log = (exerciseId: string, patch: Partial<SessionLogInput> = {}): SessionLogInput => ({
  idempotencyKey: crypto.randomUUID(),
  performedAt: new Date(Date.now() - 60_000).toISOString(),
  itemsDone: [exerciseId],
  itemsPartial: [],
  painBefore: 3,
  painAfter: 2,
  symptoms: [],
  note: null,
  ...patch,
});

describe('logging a session', () => {
  it('stores it once however many times it is sent, even all at once', async () => {
    const { access, exerciseId, patientId } = await patientWithPlan();
    const body = log(exerciseId);
    const results = await Promise.all(Array.from({ length: 10 }, () => recordSessionLog(access, { ...body })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.status === 'recorded')).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.value.status === 'duplicate')).toHaveLength(9);
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).toHaveLength(1);
  });

  it('refuses the same key with a different body', async () => {
    const { access, exerciseId } = await patientWithPlan();
    const first = log(exerciseId);
    expect((await recordSessionLog(access, first)).ok).toBe(true);
    expect(await recordSessionLog(access, { ...first, painAfter: 5 })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('buckets by the patient’s own calendar day, across timezones', async () => {
    const instant = '2026-03-10T05:30:00.000Z';
    const now = new Date('2026-03-10T06:00:00Z');
    for (const [tz, day] of [
      ['Pacific/Auckland', '2026-03-10'],
      ['America/Los_Angeles', '2026-03-09'],
      ['Europe/London', '2026-03-10'],
      ['Asia/Kolkata', '2026-03-10'],
    ] as const) {
      const { access, exerciseId, patientId } = await patientWithPlan(tz);
      const outcome = await recordSessionLog(access, log(exerciseId, { performedAt: instant }), now);
      expect(outcome.ok, tz).toBe(true);
      const [row] = await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId));
      expect(row?.localDay, tz).toBe(day);
    }
  });

  it('raises an alert for red flags and keeps the patient’s last session time', async () => {
    const { access, exerciseId, patientId } = await patientWithPlan();
    const outcome = await recordSessionLog(
      access,
      log(exerciseId, { painBefore: 2, painAfter: 5, symptoms: ['tingling'] }),
    );
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        redFlags: ['Tingling or numbness in the arms or hands', 'Pain 2 or more points higher after the session'],
      },
    });
    const raised = await db().select().from(alerts).where(eq(alerts.patientId, patientId));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'red_flag', status: 'open' });
    const [p] = await db().select().from(patients).where(eq(patients.id, patientId));
    expect(p?.lastSessionAt).not.toBeNull();
    expect((await recordSessionLog(access, log(exerciseId, { painBefore: 1, painAfter: 1 }))).ok).toBe(true);
    expect(await db().select().from(alerts).where(eq(alerts.patientId, patientId))).toHaveLength(1);
  });

  it('refuses bad input with a message and writes nothing', async () => {
    const { access, exerciseId, patientId } = await patientWithPlan();
    const bad: [unknown, RegExp][] = [
      [{ ...log(exerciseId), painBefore: 11 }, /painBefore/],
      [{ ...log(exerciseId), painAfter: 2.5 }, /painAfter/],
      [{ ...log(exerciseId), symptoms: ['dizzy'] }, /symptoms/],
      [{ ...log(exerciseId), note: 'x'.repeat(2001) }, /note/],
      [{ ...log(exerciseId), idempotencyKey: 'not-a-uuid' }, /idempotencyKey/],
      [{ ...log(exerciseId), idempotencyKey: undefined }, /idempotencyKey/],
      [{ ...log(exerciseId), performedAt: 'yesterday' }, /performedAt/],
    ];
    for (const [body, field] of bad) {
      const parsed = sessionLogSchema.safeParse(body);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(Object.keys(z.flattenError(parsed.error).fieldErrors).join()).toMatch(field);
    }
    const future = await recordSessionLog(
      access,
      log(exerciseId, { performedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(future).toMatchObject({ ok: false, message: expect.stringMatching(/future/) });
    const old = await recordSessionLog(
      access,
      log(exerciseId, { performedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
    );
    expect(old).toMatchObject({ ok: false, message: expect.stringMatching(/7 days/) });
    const notInPlan = await recordSessionLog(access, log(ids.get('elbows-open-mobilization')!));
    expect(notInPlan).toMatchObject({ ok: false, message: 'Some exercises are not in your plan.' });
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).toHaveLength(0);
  });

  it('refuses a session on a day before the plan began, and stores nothing', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const p = await patientWithPlan('Europe/London', 'thoracic-extension', tomorrow);
    expect(await recordSessionLog(p.access, log(p.exerciseId))).toMatchObject({
      ok: false,
      message: 'There was no plan in effect on that day.',
    });
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, p.patientId))).toHaveLength(0);
  });

  it('a patient’s cookie cannot log exercises from another patient’s plan', async () => {
    const a = await patientWithPlan('Europe/London', 'segmental-mobilization');
    const b = await patientWithPlan('Europe/London', 'upper-back-roll-bridge');
    expect(await recordSessionLog(b.access, log(a.exerciseId))).toMatchObject({
      ok: false,
      message: 'Some exercises are not in your plan.',
    });
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, a.patientId))).toHaveLength(0);
  });

  it('by the phone’s link token: stores under that patient on their day; a revoked, expired or unknown link, or a discharged patient, stores nothing', async () => {
    const p = await patientWithPlan('Pacific/Auckland');
    // 23:30 UTC is already the next day in Auckland (UTC+12/13).
    const lateUtc = new Date(Date.now() - 86_400_000);
    lateUtc.setUTCHours(23, 30, 0, 0);
    const first = await recordSessionLog({ token: p.token }, log(p.exerciseId, { performedAt: lateUtc.toISOString() }));
    expect(first).toMatchObject({ ok: true, value: { status: 'recorded' } });
    const [stored] = await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, p.patientId));
    const aucklandDay = dayIn(lateUtc, 'Pacific/Auckland');
    expect(stored).toMatchObject({ clinicId: p.clinic.id, localDay: aucklandDay });

    const stores = async (token: string) => {
      const before = (await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, p.patientId))).length;
      const outcome = await recordSessionLog({ token }, log(p.exerciseId));
      const after = (await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, p.patientId))).length;
      return { outcome, stored: after - before };
    };
    const inactive = { outcome: { ok: false, code: 'refused' }, stored: 0 };
    expect(await stores(newToken())).toMatchObject(inactive);
    expect(await stores('not-a-token')).toMatchObject(inactive);

    await db()
      .update(patientLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(patientLinks.id, p.linkId));
    expect(await stores(p.token)).toMatchObject(inactive);
    await db().update(patientLinks).set({ expiresAt: null }).where(eq(patientLinks.id, p.linkId));
    expect(await stores(p.token)).toMatchObject({ outcome: { ok: true }, stored: 1 });

    await db().update(patients).set({ status: 'discharged' }).where(eq(patients.id, p.patientId));
    expect(await stores(p.token)).toMatchObject(inactive);
    await db().update(patients).set({ status: 'active' }).where(eq(patients.id, p.patientId));

    await revokePatientLink(p.practitioner, p.linkId);
    expect(await stores(p.token)).toMatchObject(inactive);
  });

  it('a red-flag symptom is stored with its alert even with the pain numbers and exercises left empty', async () => {
    const { access, patientId } = await patientWithPlan();
    const parsed = sessionLogSchema.safeParse({
      idempotencyKey: crypto.randomUUID(),
      performedAt: new Date(Date.now() - 60_000).toISOString(),
      itemsDone: [],
      symptoms: ['chest'],
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).toMatchObject({ painBefore: null, painAfter: null, itemsPartial: [] });
    const outcome = await recordSessionLog(access, parsed.data);
    expect(outcome).toMatchObject({
      ok: true,
      value: { status: 'recorded', redFlags: ['Chest pain or getting out of breath'] },
    });
    const [row] = await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId));
    expect(row).toMatchObject({ painBefore: null, painAfter: null, itemsDone: [], symptoms: ['chest'] });
    const [alert] = await db().select().from(alerts).where(eq(alerts.patientId, patientId));
    expect(alert).toMatchObject({ kind: 'red_flag', reasons: ['Chest pain or getting out of breath'] });
    // A retry of the same body (the offline queue's) is the same log, not a conflict.
    expect(await recordSessionLog(access, parsed.data)).toMatchObject({ ok: true, value: { status: 'duplicate' } });
  });

  it('without a symptom, both pain numbers and one exercise are needed; a high pain alone still counts as a red flag', async () => {
    const { access, exerciseId, patientId } = await patientWithPlan();
    const errorsOf = (body: unknown) => {
      const parsed = sessionLogSchema.safeParse(body);
      return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
    };
    const base = { idempotencyKey: crypto.randomUUID(), performedAt: new Date(Date.now() - 60_000).toISOString() };
    expect(errorsOf({ ...base, itemsDone: [exerciseId] })).toEqual({
      painBefore: [painMissing('before')],
      painAfter: [painMissing('after')],
    });
    expect(errorsOf({ ...base, itemsDone: [exerciseId], painBefore: 3 })).toEqual({
      painAfter: [painMissing('after')],
    });
    expect(errorsOf({ ...base, itemsDone: [], painBefore: 3, painAfter: 2 })).toEqual({
      itemsDone: [NO_EXERCISE_DONE],
    });
    expect(errorsOf({ ...base, itemsDone: [], painBefore: 8, painAfter: 8 })).toEqual({});
    expect(
      errorsOf({ ...base, itemsDone: [exerciseId], itemsPartial: [exerciseId], painBefore: 1, painAfter: 1 }),
    ).toHaveProperty('itemsPartial');
    // The database holds the same line: no log without pain numbers unless it names a symptom.
    const refused = await recordSessionLog(access, log(exerciseId, { painBefore: null })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(refused instanceof Error ? (refused.cause ?? refused) : refused)).toMatch(
      /session_logs_pain_or_symptom/,
    );
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).toHaveLength(0);
  });

  it('stores the exercises done only in part apart from those done in full, and only from the plan', async () => {
    const { access, exerciseId, patientId } = await patientWithPlan();
    expect(
      await recordSessionLog(access, log(exerciseId, { itemsDone: [], itemsPartial: [exerciseId], painBefore: 8 })),
    ).toMatchObject({
      ok: true,
    });
    const [row] = await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId));
    expect(row).toMatchObject({ itemsDone: [], itemsPartial: [exerciseId] });
    expect(
      await recordSessionLog(access, log(exerciseId, { itemsPartial: [ids.get('elbows-open-mobilization')!] })),
    ).toMatchObject({ ok: false, message: 'Some exercises are not in your plan.' });
  });

  it('a plan replaced on the day it began: that day’s logs go to the new plan', async () => {
    const today = dayIn(new Date(), 'Europe/London');
    const p = await patientWithPlan('Europe/London', 'thoracic-extension', today);
    const next = ids.get('upper-back-roll-bridge')!;
    const replaced = await assignPlan(p.practitioner, p.patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [
        {
          exerciseId: next,
          sessionsPerDay: 1,
          daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
          holdSeconds: 60,
          reps: 3,
          sets: 1,
          patientNote: null,
        },
      ],
      acknowledgements: {},
    });
    expect(replaced.ok).toBe(true);
    expect(await recordSessionLog(p.access, log(next))).toMatchObject({ ok: true, value: { status: 'recorded' } });
    expect(await recordSessionLog(p.access, log(p.exerciseId))).toMatchObject({
      ok: false,
      message: 'Some exercises are not in your plan.',
    });
  });

  it('unauthorized access: another clinic cannot read the logs', async () => {
    const a = await patientWithPlan();
    await recordSessionLog(a.access, log(a.exerciseId));
    const b = await createClinicWithTeam();
    expect(await logsOfPatient(b.admin, a.patientId)).toEqual([]);
    expect(await logsOfPatient(a.practitioner, a.patientId)).toHaveLength(1);
  });
});

import crypto from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { rateLimits, sessionLogs } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { createPatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import { LOG_LIMITS, recordPhoneLog } from './log-rate-limit';
import type { RecordableLog } from './record-log';

let exerciseId: string;
beforeAll(async () => {
  await seedReference(db());
  exerciseId = (await builtinIdsBySlug(db())).get('thoracic-extension')!;
});

async function patientWithLinks() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner);
  const plan = await assignPlan(team.practitioner, patientId, {
    templateId: null,
    startDate: '2026-01-01',
    endDate: null,
    acknowledgements: {},
    items: [
      {
        exerciseId,
        sessionsPerDay: 2,
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        holdSeconds: 30,
        reps: 3,
        sets: 1,
        patientNote: null,
      },
    ],
  });
  if (!plan.ok) throw new Error(plan.message);
  const link = async () => {
    const made = await createPatientLink(team.practitioner, patientId, { label: 'Phone', expiresInDays: null });
    if (!made.ok) throw new Error('link');
    return made.value;
  };
  return { ...team, patientId, phone: await link(), tablet: await link() };
}

const log = (patch: Partial<RecordableLog> = {}): RecordableLog => ({
  idempotencyKey: crypto.randomUUID(),
  performedAt: new Date(Date.now() - 60_000).toISOString(),
  itemsDone: [exerciseId],
  painBefore: 3,
  painAfter: 2,
  symptoms: [],
  note: null,
  ...patch,
});

const stored = async (patientId: string) =>
  (await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).length;

async function sendMany(token: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(await recordPhoneLog(token, log()));
  return out;
}

describe('session logs per patient link', () => {
  it('refuses the 13th in ten minutes with a wait, yet answers a retry of a stored log', async () => {
    const { patientId, phone } = await patientWithLinks();
    const first = log();
    expect(await recordPhoneLog(phone.token, first)).toMatchObject({ ok: true, value: { status: 'recorded' } });
    const rest = await sendMany(phone.token, LOG_LIMITS.burst.points - 1);
    expect(rest.every((r) => r.ok && r.value.status === 'recorded')).toBe(true);

    const over = await recordPhoneLog(phone.token, log());
    expect(over).toMatchObject({ ok: false, code: 'rate_limited' });
    const wait = 'retryAfterSeconds' in over ? over.retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(LOG_LIMITS.burst.duration - 60);
    expect(wait).toBeLessThanOrEqual(LOG_LIMITS.burst.duration);
    expect(await stored(patientId)).toBe(LOG_LIMITS.burst.points);

    // The phone did not hear the first answer and sends it again: still a success, not counted.
    expect(await recordPhoneLog(phone.token, { ...first })).toMatchObject({ ok: true, value: { status: 'duplicate' } });
    expect(await stored(patientId)).toBe(LOG_LIMITS.burst.points);
  });

  it('counts each link on its own, and only logs that were stored', async () => {
    const { patientId, phone, tablet } = await patientWithLinks();
    // Refused logs (an exercise not in the plan) and retries take nothing from the allowance.
    for (let i = 0; i < 20; i += 1) {
      expect(await recordPhoneLog(phone.token, log({ itemsDone: [crypto.randomUUID()] }))).toMatchObject({
        ok: false,
        code: 'invalid',
      });
    }
    const again = log();
    for (let i = 0; i < 5; i += 1) expect((await recordPhoneLog(phone.token, again)).ok).toBe(true);
    const burst = await sendMany(phone.token, LOG_LIMITS.burst.points);
    expect(burst.filter((r) => r.ok)).toHaveLength(LOG_LIMITS.burst.points - 1);
    expect(burst.at(-1)).toMatchObject({ ok: false, code: 'rate_limited' });

    expect(await recordPhoneLog(tablet.token, log())).toMatchObject({ ok: true, value: { status: 'recorded' } });
    expect(await stored(patientId)).toBe(LOG_LIMITS.burst.points + 1);
  });

  it('holds a day’s allowance even when the ten-minute window has passed', async () => {
    const { phone } = await patientWithLinks();
    const windowPasses = () =>
      db()
        .update(rateLimits)
        .set({ expire: sql`now() - interval '1 second'` })
        .where(like(rateLimits.key, `session-log-burst:${phone.linkId}`));
    let accepted = 0;
    for (let round = 0; round < 5; round += 1) {
      accepted += (await sendMany(phone.token, LOG_LIMITS.burst.points)).filter((r) => r.ok).length;
      await windowPasses();
    }
    expect(accepted).toBe(LOG_LIMITS.daily.points);
    const over = await recordPhoneLog(phone.token, log());
    expect(over).toMatchObject({ ok: false, code: 'rate_limited' });
    expect('retryAfterSeconds' in over && over.retryAfterSeconds).toBeGreaterThan(LOG_LIMITS.daily.duration - 3600);
  });

  it('a burst sent all at once stores no more than the allowance', async () => {
    const { patientId, phone } = await patientWithLinks();
    const all = await Promise.all(Array.from({ length: 30 }, () => recordPhoneLog(phone.token, log())));
    expect(all.filter((r) => r.ok)).toHaveLength(LOG_LIMITS.burst.points);
    expect(all.filter((r) => !r.ok && r.code === 'rate_limited')).toHaveLength(30 - LOG_LIMITS.burst.points);
    expect(await stored(patientId)).toBe(LOG_LIMITS.burst.points);
  });

  it('an unknown or revoked link gets the usual refusal and leaves no counter behind', async () => {
    const before = (await db().select().from(rateLimits)).length;
    expect(await recordPhoneLog('x'.repeat(43), log())).toMatchObject({ ok: false, code: 'refused' });
    expect(await recordPhoneLog('nope', log())).toMatchObject({ ok: false, code: 'refused' });
    expect((await db().select().from(rateLimits)).length).toBe(before);
  });
});

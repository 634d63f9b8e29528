import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { alertEvents, alerts, sessionLogs } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { lookupToken, type PatientAccess } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import { recordSessionLog, type RecordableLog } from '@/lib/patient-portal/record-log';
import { toAlertCard } from './alert-view';
import { actOnAlert, alertActionSchema, alertInbox, openAlertCount } from './alerts';
import { REOPENED_BY_REPEAT } from './red-flag-fold';

let exerciseId: string;
beforeAll(async () => {
  await seedReference(db());
  exerciseId = (await builtinIdsBySlug(db())).get('thoracic-extension')!;
});

async function patientOnPlan() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner);
  await assignPlan(team.practitioner, patientId, {
    templateId: null,
    startDate: '2026-01-01',
    endDate: null,
    acknowledgements: {},
    items: [
      {
        exerciseId,
        sessionsPerDay: 1,
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        holdSeconds: 30,
        reps: 3,
        sets: 1,
        patientNote: null,
      },
    ],
  });
  const link = await createPatientLink(team.practitioner, patientId, { label: 'x', expiresInDays: null });
  if (!link.ok) throw new Error('link');
  const found = await lookupToken(link.value.token);
  if (!found.ok) throw new Error('lookup');
  return { ...team, patientId, access: found.value as PatientAccess, token: link.value.token };
}

const redFlag = (patch: Partial<RecordableLog> = {}): RecordableLog => ({
  idempotencyKey: crypto.randomUUID(),
  performedAt: new Date(Date.now() - 60_000).toISOString(),
  itemsDone: [exerciseId],
  painBefore: 3,
  painAfter: 8,
  symptoms: ['sharp_pain'],
  note: null,
  ...patch,
});

const alertsOf = (patientId: string) => db().select().from(alerts).where(eq(alerts.patientId, patientId));
const repeatsOf = (alertId: string) =>
  db()
    .select()
    .from(alertEvents)
    .where(and(eq(alertEvents.alertId, alertId), eq(alertEvents.action, 'repeated')));
const act = (actor: Parameters<typeof actOnAlert>[0], input: unknown) =>
  actOnAlert(actor, alertActionSchema.parse(input));

describe('repeated red flags of one patient', () => {
  it('fold into the open alert as a repeat naming the log, with any new reason added', async () => {
    const { practitioner, patientId, access } = await patientOnPlan();
    await recordSessionLog(access, redFlag());
    const second = await recordSessionLog(access, redFlag({ symptoms: ['chest'], painAfter: 4 }));
    expect(second).toMatchObject({ ok: true, value: { status: 'recorded' } });

    const [alert, ...more] = await alertsOf(patientId);
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ status: 'open' });
    // The chest pain of the second report now ranks the alert first in the inbox.
    expect(alert!.reasons).toEqual(
      expect.arrayContaining(['Sharp or shooting pain', 'Pain of 7 or more', 'Chest pain or getting out of breath']),
    );
    const events = await repeatsOf(alert!.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sessionLogId: second.ok ? second.value.logId : 'x', note: null });
    expect(alert!.lastReportedAt.getTime()).toBeGreaterThanOrEqual(alert!.createdAt.getTime());
    // Both logs are kept.
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).toHaveLength(2);

    const [card] = (await alertInbox(practitioner, 'active')).alerts.map(toAlertCard);
    expect(card?.repeated).toMatch(/^Reported again once, last \w{3} \d+, \d{4}, /);
    expect(card?.history).toEqual([]);
  });

  it('a retry of a stored red-flag log is not a repeat', async () => {
    const { patientId, access } = await patientOnPlan();
    const body = redFlag();
    await recordSessionLog(access, body);
    await recordSessionLog(access, { ...body });
    const [alert] = await alertsOf(patientId);
    expect(await repeatsOf(alert!.id)).toHaveLength(0);
  });

  it('many at once still give one alert, every log stored', async () => {
    const { practitioner, patientId, token } = await patientOnPlan();
    // Open the pool's connections first (on PostgreSQL), so the logs really arrive together.
    await Promise.all(Array.from({ length: 10 }, () => db().execute(sql`select pg_sleep(0.05)`)));
    await Promise.all(Array.from({ length: 20 }, () => recordSessionLog({ token }, redFlag())));
    const [alert, ...more] = await alertsOf(patientId);
    expect(more).toHaveLength(0);
    expect(await repeatsOf(alert!.id)).toHaveLength(19);
    expect(await openAlertCount(practitioner)).toBe(1);
    expect(await db().select().from(sessionLogs).where(eq(sessionLogs.patientId, patientId))).toHaveLength(20);
  });

  it('reopen an acknowledged alert, saying so in its history', async () => {
    const { practitioner, patientId, access } = await patientOnPlan();
    await recordSessionLog(access, redFlag());
    const [raised] = await alertsOf(patientId);
    await act(practitioner, { alertId: raised!.id, action: 'acknowledge', note: 'Left a voicemail.' });
    expect(await openAlertCount(practitioner)).toBe(0);

    await recordSessionLog(access, redFlag());
    const [alert, ...more] = await alertsOf(patientId);
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ id: raised!.id, status: 'open' });
    expect(await openAlertCount(practitioner)).toBe(1);
    const [view] = (await alertInbox(practitioner, 'open')).alerts;
    expect(view?.history.map((e) => [e.action, e.note])).toEqual([
      ['acknowledge', 'Left a voicemail.'],
      ['repeated', REOPENED_BY_REPEAT],
    ]);
    expect(view?.repeats.count).toBe(1);
  });

  it('after the alert is resolved, the next red flag raises a new alert', async () => {
    const { practitioner, patientId, access } = await patientOnPlan();
    await recordSessionLog(access, redFlag());
    await recordSessionLog(access, redFlag());
    const [first] = await alertsOf(patientId);
    await act(practitioner, { alertId: first!.id, action: 'resolve', note: 'Seen in clinic.' });

    await recordSessionLog(access, redFlag());
    const all = await alertsOf(patientId);
    expect(all.map((a) => a.status).sort()).toEqual(['open', 'resolved']);
    const fresh = all.find((a) => a.status === 'open')!;
    expect(fresh.id).not.toBe(first!.id);
    expect(await repeatsOf(fresh.id)).toHaveLength(0);
    expect(await repeatsOf(first!.id)).toHaveLength(1);
  });

  it('another patient’s red flag raises its own alert', async () => {
    const a = await patientOnPlan();
    const b = await patientOnPlan();
    await recordSessionLog(a.access, redFlag());
    await recordSessionLog(b.access, redFlag());
    expect(await alertsOf(a.patientId)).toHaveLength(1);
    expect(await alertsOf(b.patientId)).toHaveLength(1);
  });
});

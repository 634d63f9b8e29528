import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { alerts } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { toAlertCard } from './alert-view';
import { actOnAlert, ALERT_PAGE_SIZE, alertActionSchema, alertInbox, openAlertCount, patientAlerts } from './alerts';
import { lookupToken } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import { recordSessionLog } from '@/lib/patient-portal/record-log';

let exerciseId: string;
beforeAll(async () => {
  await seedReference(db());
  exerciseId = (await builtinIdsBySlug(db())).get('thoracic-extension')!;
});

async function patientWithRedFlag() {
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
  await recordSessionLog(found.value, {
    idempotencyKey: crypto.randomUUID(),
    performedAt: new Date(Date.now() - 60_000).toISOString(),
    itemsDone: [exerciseId],
    painBefore: 3,
    painAfter: 8,
    symptoms: ['sharp_pain'],
    note: 'Sharp pain between my shoulder blades',
  });
  return { ...team, patientId };
}

const inbox = async (actor: Parameters<typeof alertInbox>[0], filter: Parameters<typeof alertInbox>[1] = 'active') =>
  (await alertInbox(actor, filter)).alerts;
const act = (actor: Parameters<typeof actOnAlert>[0], input: unknown) =>
  actOnAlert(actor, alertActionSchema.parse(input));

describe('red-flag alerts', () => {
  it('appear in the inbox with the log that raised them, and move through acknowledge and resolve', async () => {
    const { practitioner, admin, patientId } = await patientWithRedFlag();
    const [alert] = await inbox(practitioner);
    expect(alert).toMatchObject({
      status: 'open',
      history: [],
      reasons: ['Sharp or shooting pain', 'Pain of 7 or more', 'Pain 2 or more points higher after the session'],
      log: { painBefore: 3, painAfter: 8, note: 'Sharp pain between my shoulder blades' },
    });
    expect(
      await act(practitioner, { alertId: alert!.id, action: 'acknowledge', note: 'Left a voicemail.' }),
    ).toMatchObject({ ok: true, value: { status: 'acknowledged' } });
    expect(await inbox(practitioner, 'open')).toHaveLength(0);
    expect(
      await act(admin, { alertId: alert!.id, action: 'resolve', note: 'Called; advised the supported variant.' }),
    ).toMatchObject({ ok: true, value: { status: 'resolved' } });
    const [resolved] = await inbox(practitioner, 'resolved');
    // The acknowledgement's note and author survive the resolve: the history keeps both, in order.
    expect(resolved).toMatchObject({
      status: 'resolved',
      history: [
        { action: 'acknowledge', note: 'Left a voicemail.', actorName: practitioner.name },
        { action: 'resolve', note: 'Called; advised the supported variant.', actorName: admin.name },
      ],
    });
    expect(await inbox(practitioner, 'active')).toHaveLength(0);
    expect(await patientAlerts(practitioner, patientId, 'resolved')).toEqual([resolved]);
  });

  it('resolve only with a note, and refuse steps that make no sense, changing nothing', async () => {
    const { practitioner } = await patientWithRedFlag();
    const [alert] = await inbox(practitioner);
    const noNote = alertActionSchema.safeParse({ alertId: alert!.id, action: 'resolve', note: '   ' });
    expect(noNote.success).toBe(false);
    expect(noNote.error?.issues[0]).toMatchObject({
      path: ['note'],
      message: 'Say what was done before resolving the alert.',
    });
    expect(await act(practitioner, { alertId: alert!.id, action: 'reopen' })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'That alert is already open.',
    });
    await act(practitioner, { alertId: alert!.id, action: 'resolve', note: 'Seen in clinic.' });
    expect(await act(practitioner, { alertId: alert!.id, action: 'acknowledge' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await act(practitioner, { alertId: alert!.id, action: 'resolve', note: 'Again.' })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'That alert is already resolved.',
    });
    const [after] = await inbox(practitioner, 'resolved');
    expect(after?.history.map((e) => e.action)).toEqual(['resolve']);
    // Reopening is allowed, and is part of the history too.
    expect(await act(practitioner, { alertId: alert!.id, action: 'reopen', note: 'Pain came back.' })).toMatchObject({
      ok: true,
      value: { status: 'open' },
    });
    expect((await inbox(practitioner, 'open'))[0]?.history.map((e) => e.action)).toEqual(['resolve', 'reopen']);
  });

  it('refuses unknown actions and oversized notes', () => {
    expect(alertActionSchema.safeParse({ alertId: crypto.randomUUID(), action: 'delete' }).success).toBe(false);
    expect(
      alertActionSchema.safeParse({ alertId: crypto.randomUUID(), action: 'resolve', note: 'x'.repeat(1001) }).success,
    ).toBe(false);
    expect(alertActionSchema.safeParse({ alertId: 'not-a-uuid', action: 'acknowledge' }).success).toBe(false);
  });

  it('page the inbox most severe first, the longest waiting first within a severity, and count them all', async () => {
    const { practitioner, patientId } = await patientWithRedFlag();
    const [first] = await inbox(practitioner);
    await db()
      .insert(alerts)
      .values(
        Array.from({ length: ALERT_PAGE_SIZE + 4 }, (_, i) => ({
          clinicId: practitioner.clinicId,
          patientId,
          kind: 'red_flag' as const,
          reasons: [`Flag ${i}`],
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        })),
      );
    const page1 = await alertInbox(practitioner, 'active', 1);
    const page2 = await alertInbox(practitioner, 'active', 2);
    expect({
      total: page1.total,
      pages: page1.pages,
      onPage1: page1.alerts.length,
      onPage2: page2.alerts.length,
    }).toEqual({ total: ALERT_PAGE_SIZE + 5, pages: 2, onPage1: ALERT_PAGE_SIZE, onPage2: 5 });
    // Pain of 8 outranks the unnamed flags, however much newer it is.
    expect(page1.alerts[0]?.id).toBe(first!.id);
    expect(page1.alerts[1]?.reasons).toEqual(['Flag 0']);
    expect(page2.alerts.at(-1)?.reasons).toEqual([`Flag ${ALERT_PAGE_SIZE + 3}`]);
    expect(new Set([...page1.alerts, ...page2.alerts].map((a) => a.id)).size).toBe(ALERT_PAGE_SIZE + 5);
    expect((await alertInbox(practitioner, 'active', 9)).alerts).toEqual([]);
  });

  it('rank chest pain, then tingling, then pain of 7+, then rising pain, whatever their age; resolved ones newest first', async () => {
    const { practitioner, patientId } = await patientWithRedFlag();
    await db().delete(alerts).where(eq(alerts.patientId, patientId));
    const raised = (reasons: string[], minutesAgo: number) => ({
      clinicId: practitioner.clinicId,
      patientId,
      kind: 'red_flag' as const,
      reasons,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    await db()
      .insert(alerts)
      .values([
        raised(['Pain 2 or more points higher after the session'], 90),
        raised(['Sharp or shooting pain', 'Pain of 7 or more'], 80),
        raised(['Something else felt wrong'], 70),
        raised(['Tingling or numbness in the arms or hands'], 60),
        raised(['Pain of 7 or more', 'Chest pain or getting out of breath'], 5),
        raised(['Chest pain or getting out of breath'], 50),
      ]);
    expect((await inbox(practitioner)).map((a) => a.reasons)).toEqual([
      ['Chest pain or getting out of breath'],
      ['Pain of 7 or more', 'Chest pain or getting out of breath'],
      ['Tingling or numbness in the arms or hands'],
      ['Sharp or shooting pain', 'Pain of 7 or more'],
      ['Pain 2 or more points higher after the session'],
      ['Something else felt wrong'],
    ]);
    expect(await openAlertCount(practitioner)).toBe(6);
    const [top] = await inbox(practitioner);
    await act(practitioner, { alertId: top!.id, action: 'acknowledge' });
    expect(await openAlertCount(practitioner)).toBe(5);
    const active = await inbox(practitioner);
    for (const a of [active.at(-1)!, active[2]!]) {
      await act(practitioner, { alertId: a.id, action: 'resolve', note: 'Called.' });
    }
    // Resolved is the record of what was done: newest first, as it was before.
    expect((await inbox(practitioner, 'resolved')).map((a) => a.reasons)).toEqual([
      ['Tingling or numbness in the arms or hands'],
      ['Something else felt wrong'],
    ]);
    expect(await createClinicWithTeam().then((b) => openAlertCount(b.admin))).toBe(0);
  });

  it('unauthorized access: another clinic neither sees nor changes them', async () => {
    const a = await patientWithRedFlag();
    const b = await createClinicWithTeam();
    expect(await inbox(b.admin, 'active')).toEqual([]);
    expect(await patientAlerts(b.admin, a.patientId, 'active')).toEqual([]);
    const [alert] = await inbox(a.practitioner);
    expect(await actOnAlert(b.admin, { alertId: alert!.id, action: 'resolve', note: 'Not mine.' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await inbox(a.practitioner, 'open')).toMatchObject([{ id: alert!.id, history: [] }]);
  });
});

describe('alert cards', () => {
  it('write every time in the patient’s timezone with its name, whatever the server’s zone', () => {
    const at = new Date('2026-11-28T15:09:00Z');
    const view = {
      id: 'a',
      patientId: 'p',
      patientName: 'D',
      patientTimezone: 'America/Denver',
      reasons: [],
      status: 'resolved' as const,
      createdAt: at,
      history: [{ action: 'resolve' as const, note: 'ok', actorName: 'Dana', at: new Date('2026-11-29T01:30:00Z') }],
      log: { performedAt: at, painBefore: 4, painAfter: 7, symptoms: [], note: null },
      repeats: { count: 0, lastAt: null },
    };
    const card = toAlertCard(view);
    expect(card).toMatchObject({
      createdAt: 'Nov 28, 2026, 8:09 AM MST',
      log: { performedAt: 'Nov 28, 2026, 8:09 AM MST' },
      history: [{ at: 'Nov 28, 2026, 6:30 PM MST' }],
    });
    expect(card).not.toHaveProperty('patientTimezone');
    expect(toAlertCard({ ...view, patientTimezone: 'Pacific/Auckland' }).createdAt).toBe(
      'Nov 29, 2026, 4:09 AM GMT+13',
    );
  });
});

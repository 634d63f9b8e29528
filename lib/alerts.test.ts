import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { builtinIdsBySlug, seedReference } from '@/db/seed-reference';
import { createClinicWithTeam, createScreenedPatient } from '@/db/testing/factories';
import { actOnAlert, alertActionSchema, clinicAlerts } from './alerts';
import { createPatientLink, lookupToken } from './patient-links';
import { assignPlan } from './plans/assign';
import { recordSessionLog } from './session-logs';

let exerciseId: string;
beforeAll(async () => {
  await seedReference(db());
  exerciseId = (await builtinIdsBySlug(db())).get('thoracic-extension')!;
});

async function patientWithRedFlag() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner);
  await assignPlan(team.practitioner, patientId, {
    templateId: null, startDate: '2026-01-01', endDate: null, acknowledgements: {},
    items: [{ exerciseId, sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7], holdSeconds: 30, reps: 3, sets: 1, patientNote: null }],
  });
  const link = await createPatientLink(team.practitioner, patientId, { label: 'x', expiresInDays: null });
  if (!link.ok) throw new Error('link');
  const found = await lookupToken(link.token);
  if (!found.ok) throw new Error('lookup');
  await recordSessionLog(found.access, {
    idempotencyKey: crypto.randomUUID(), performedAt: new Date(Date.now() - 60_000).toISOString(),
    itemsDone: [exerciseId], painBefore: 3, painAfter: 8, symptoms: ['sharp_pain'], note: 'Sharp pain between my shoulder blades',
  });
  return { ...team, patientId };
}

describe('red-flag alerts', () => {
  it('appear in the inbox with the log that raised them, and move through acknowledge and resolve', async () => {
    const { practitioner } = await patientWithRedFlag();
    const [alert] = await clinicAlerts(practitioner);
    expect(alert).toMatchObject({ status: 'open', reasons: ['Sharp or shooting pain', 'Pain of 7 or more', 'Pain 2 or more points higher after the session'], log: { painBefore: 3, painAfter: 8, note: 'Sharp pain between my shoulder blades' } });
    expect(await actOnAlert(practitioner, alertActionSchema.parse({ alertId: alert!.id, action: 'acknowledge' }))).toMatchObject({ ok: true, status: 'acknowledged' });
    expect((await clinicAlerts(practitioner, 'open'))).toHaveLength(0);
    await actOnAlert(practitioner, alertActionSchema.parse({ alertId: alert!.id, action: 'resolve', note: 'Called; advised the supported variant.' }));
    const [resolved] = await clinicAlerts(practitioner, 'resolved');
    expect(resolved).toMatchObject({ status: 'resolved', note: 'Called; advised the supported variant.', handledByName: practitioner.name });
    expect(await clinicAlerts(practitioner, 'active')).toHaveLength(0);
  });

  it('refuses unknown actions and oversized notes', () => {
    expect(alertActionSchema.safeParse({ alertId: crypto.randomUUID(), action: 'delete' }).success).toBe(false);
    expect(alertActionSchema.safeParse({ alertId: crypto.randomUUID(), action: 'resolve', note: 'x'.repeat(1001) }).success).toBe(false);
  });

  it('unauthorized access: another clinic neither sees nor changes them', async () => {
    const a = await patientWithRedFlag();
    const b = await createClinicWithTeam();
    expect(await clinicAlerts(b.admin, 'active')).toEqual([]);
    const [alert] = await clinicAlerts(a.practitioner);
    expect(await actOnAlert(b.admin, { alertId: alert!.id, action: 'resolve', note: null })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await clinicAlerts(a.practitioner, 'open'))[0]?.id).toBe(alert!.id);
  });
});

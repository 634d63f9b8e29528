import { describe, expect, it } from 'vitest';
import { shiftDate, todayIn } from '@/lib/dates';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { recordPatientView } from './reads';
import { auditTrailCsv, auditTrailPage } from './trail';
import { parseAuditQuery } from './trail-query';

const q = (params: Record<string, string> = {}) => parseAuditQuery(params).query;

describe('the audit viewer', () => {
  it('shows an admin their clinic’s rows with names, filtered by patient, actor and action', async () => {
    const a = await createClinicWithTeam();
    const mine = await createScreenedPatient(a.practitioner, { name: 'Viewed Patient' });
    const other = await createScreenedPatient(a.practitioner);
    await recordPatientView(a.practitioner, mine, 'record');
    await recordPatientView(a.admin, other, 'plan');

    const page = await auditTrailPage(a.admin, q({ patient: mine, action: 'patient.viewed' }));
    if (!page.ok) throw new Error(page.message);
    expect(page.value.total).toBe(1);
    expect(page.value.rows[0]).toMatchObject({
      action: 'patient.viewed',
      actorUserId: a.practitioner.userId,
      actorName: a.practitioner.name,
      patientId: mine,
      patientName: 'Viewed Patient',
      detail: { view: 'record' },
    });
    const byAdmin = await auditTrailPage(a.admin, q({ actor: a.admin.userId, action: 'patient.viewed' }));
    expect(byAdmin.ok && byAdmin.value.rows.map((r) => r.patientId)).toEqual([other]);
    const tomorrow = shiftDate(todayIn('Europe/London'), 1);
    const none = await auditTrailPage(a.admin, q({ from: '2001-01-01', to: '2001-12-31' }));
    expect(none.ok && none.value.total).toBe(0);
    const csv = await auditTrailCsv(a.admin, q({ patient: mine, from: '2001-01-01', to: tomorrow }));
    expect(csv.ok && csv.value.split('\r\n')[1]).toContain('"Viewed Patient"');
  });

  it('another clinic’s admin sees none of it, and a practitioner is refused', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const patient = await createScreenedPatient(a.practitioner);
    await recordPatientView(a.practitioner, patient, 'record');

    const filters: Record<string, string>[] = [{}, { patient }, { actor: a.practitioner.userId }];
    for (const filter of filters) {
      const page = await auditTrailPage(b.admin, q(filter));
      expect(
        page.ok && page.value.rows.filter((r) => r.patientId === patient || r.actorUserId === a.practitioner.userId),
      ).toEqual([]);
      const csv = await auditTrailCsv(b.admin, q(filter));
      expect(csv.ok && csv.value).not.toContain(patient);
    }
    expect(await auditTrailPage(a.practitioner, q())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await auditTrailCsv(a.practitioner, q())).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

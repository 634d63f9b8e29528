import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, handoutPrints, patientLinks, patients } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { printHandoutSchema } from '@/lib/validation/handout';
import { createClinicWithTeam } from '@/testing/factories';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { practitionerHandout } from './handout';
import { lookupToken } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { logGrid } from './log-grid';
import { recordPatientPrint } from './patient-print';
import { handoutPrintsOf, recordHandoutPrint } from './prints';

async function onPlan() {
  const exerciseId = await fixtureExercise();
  const c = await patientOnPlan(exerciseId, 'Europe/London', todayIn('Europe/London'), 2, [1, 3, 5]);
  const handout = await practitionerHandout(c.practitioner, c.patientId);
  if (!handout?.plan) throw new Error('no plan');
  const print = (link: string, extra: Record<string, string> = {}) =>
    printHandoutSchema.parse({
      patientId: c.patientId,
      planVersionId: handout.plan!.versionId,
      paper: 'a4',
      link,
      ...extra,
    });
  return { ...c, handout, print };
}

const liveLinks = (patientId: string) =>
  db()
    .select()
    .from(patientLinks)
    .where(and(eq(patientLinks.patientId, patientId), isNull(patientLinks.revokedAt)));

describe('handout prints', () => {
  it('reads the plan in effect with its two-week log and the clinic as in-person care', async () => {
    const c = await onPlan();
    expect(c.handout.patientName).toBeTruthy();
    expect(c.handout.exercises).toHaveLength(1);
    expect(c.handout.logDays).toHaveLength(14);
    // Monday, Wednesday and Friday, twice a day: six boxes in every week, rest days between.
    expect(c.handout.logDays.slice(0, 7).reduce((n, d) => n + d.sessions, 0)).toBe(6);
    expect(c.handout.care.at(-1)).toMatchObject({ referralId: null, name: c.clinic.name });
  });

  it('a print with a QR code issues a link labelled for the handout, records who printed which version, and audits both', async () => {
    const c = await onPlan();
    const before = (await liveLinks(c.patientId)).length;
    const printed = await recordHandoutPrint(c.practitioner, c.print('new'));
    expect(printed.ok).toBe(true);
    if (!printed.ok) return;
    expect(printed.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const links = await liveLinks(c.patientId);
    expect(links).toHaveLength(before + 1);
    expect(links.find((l) => l.id === printed.value.linkId)?.label).toMatch(/^Printed handout \d{1,2} \w+ \d{4}$/);
    const rows = await db().select().from(handoutPrints).where(eq(handoutPrints.patientId, c.patientId));
    expect(rows).toMatchObject([
      {
        printedBy: c.practitioner.userId,
        planVersionId: c.handout.plan!.versionId,
        patientLinkId: printed.value.linkId,
      },
    ]);
    const audited = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, c.patientId));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['patient_link.created', 'handout.printed']));
    expect(await handoutPrintsOf(c.practitioner, c.patientId)).toMatchObject([{ version: 1, withLink: true }]);
  });

  it('reprinting replaces the printed link (the old sheet stops opening the plan) and leaves the phone’s own link alone', async () => {
    const c = await onPlan();
    const first = await recordHandoutPrint(c.practitioner, c.print('new'));
    const second = await recordHandoutPrint(c.practitioner, c.print('replace'));
    if (!first.ok || !second.ok) throw new Error('print failed');
    const live = (await liveLinks(c.patientId)).map((l) => l.id);
    expect(live).not.toContain(first.value.linkId);
    expect(live).toContain(second.value.linkId);
    expect(live).toHaveLength(2);
    // Printing again from the same page reuses the link it issued.
    const again = await recordHandoutPrint(c.practitioner, c.print('reuse', { linkId: second.value.linkId! }));
    expect(again).toMatchObject({ ok: true, value: { token: null, linkId: second.value.linkId } });
    // A revoked link cannot be reused.
    const stale = await recordHandoutPrint(c.practitioner, c.print('reuse', { linkId: first.value.linkId! }));
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('a print without a QR code issues no link', async () => {
    const c = await onPlan();
    const before = (await liveLinks(c.patientId)).length;
    expect(await recordHandoutPrint(c.practitioner, c.print('none'))).toMatchObject({
      ok: true,
      value: { token: null, linkId: null },
    });
    expect(await liveLinks(c.patientId)).toHaveLength(before);
    expect(await handoutPrintsOf(c.practitioner, c.patientId)).toMatchObject([{ withLink: false, paper: 'a4' }]);
  });

  it('refuses a discharged patient or a plan that changed since the page opened, and issues nothing', async () => {
    const c = await onPlan();
    const before = (await liveLinks(c.patientId)).length;
    const stale = await recordHandoutPrint(
      c.practitioner,
      c.print('new', { planVersionId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(stale).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/plan changed/) });
    await db().update(patients).set({ status: 'discharged' }).where(eq(patients.id, c.patientId));
    const discharged = await recordHandoutPrint(c.practitioner, c.print('new'));
    expect(discharged).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/discharged/) });
    expect(await liveLinks(c.patientId)).toHaveLength(before);
    expect(await db().select().from(handoutPrints).where(eq(handoutPrints.patientId, c.patientId))).toHaveLength(0);
  });

  it('unauthorized access: another clinic reads no handout and prints nothing for this patient', async () => {
    const c = await onPlan();
    const other = await createClinicWithTeam();
    expect(await practitionerHandout(other.admin, c.patientId)).toBeNull();
    expect(await recordHandoutPrint(other.admin, c.print('new'))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await handoutPrintsOf(other.admin, c.patientId)).toEqual([]);
    expect(await db().select().from(handoutPrints).where(eq(handoutPrints.patientId, c.patientId))).toHaveLength(0);
  });
});

describe('the patient’s own copy', () => {
  it('records a print by the patient once however often the dialog opens, and only for their own plan', async () => {
    const c = await onPlan();
    const other = await onPlan();
    const link = await createPatientLink(c.practitioner, c.patientId, { label: 'phone', expiresInDays: null });
    if (!link.ok) throw new Error(link.message);
    const access = await lookupToken(link.value.token);
    if (!access.ok) throw new Error('lookup');
    const mine = { planVersionId: c.handout.plan!.versionId, paper: 'letter' as const };
    expect(await recordPatientPrint(access.value, mine)).toEqual({ ok: true, value: undefined });
    expect(await recordPatientPrint(access.value, mine)).toEqual({ ok: true, value: undefined });
    expect(
      await recordPatientPrint(access.value, { planVersionId: other.handout.plan!.versionId, paper: 'a4' }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await handoutPrintsOf(c.practitioner, c.patientId)).toMatchObject([
      { by: 'the patient', withLink: false, paper: 'letter' },
    ]);
    expect(await handoutPrintsOf(other.practitioner, other.patientId)).toEqual([]);
  });
});

describe('logGrid', () => {
  it('gives each day the most sessions of the exercises due that weekday, and rest days none', () => {
    // 2026-11-30 is a Monday.
    const days = logGrid('2026-11-30', [
      { sessionsPerDay: 2, daysOfWeek: [1, 3] },
      { sessionsPerDay: 1, daysOfWeek: [1, 2] },
    ]);
    expect(days.slice(0, 4).map((d) => [d.label, d.sessions])).toEqual([
      ['Mon 30 Nov', 2],
      ['Tue 1 Dec', 1],
      ['Wed 2 Dec', 2],
      ['Thu 3 Dec', 0],
    ]);
    expect(days.at(-1)?.day).toBe('2026-12-13');
  });
});

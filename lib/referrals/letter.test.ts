import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { alerts, auditEvents, providers, referralEvents } from '@/db/schema';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { createReferralSchema } from '@/lib/validation/referral';
import { recordLetterPrinted, referralLetter } from './letter';
import { letterWeeks } from './letter-weeks';
import { createReferral } from './referrals';

async function referred() {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, { yes: ['osteopenia'] });
  const [provider] = await db()
    .insert(providers)
    .values({ clinicId: team.clinic.id, name: 'Dr Lena Ortiz', discipline: 'physician' })
    .returning({ id: providers.id });
  const created = await createReferral(
    team.practitioner,
    createReferralSchema.parse({
      patientId,
      providerId: provider!.id,
      reason: 'Known osteopenia: please assess before extension work.',
      urgency: 'soon',
      request: 'assess_and_report',
      send: 'on',
    }),
  );
  if (!created.ok) throw new Error(created.message);
  return { ...team, patientId, referralId: created.value.id };
}

describe('referral letter', () => {
  it('gathers the letterhead, recipient, findings, four weeks and red flags of the referral', async () => {
    const c = await referred();
    await db()
      .insert(alerts)
      .values({ clinicId: c.clinic.id, patientId: c.patientId, kind: 'red_flag', reasons: ['Chest pain'] });
    const letter = await referralLetter(c.practitioner, c.patientId, c.referralId);
    expect(letter).not.toBeNull();
    expect(letter!.clinic.name).toBe(c.clinic.name);
    expect(letter!.provider.name).toBe('Dr Lena Ortiz');
    expect(letter!.referrer.email).toBe(c.practitioner.email);
    expect(letter!.screening?.answers.osteopenia?.present).toBe(true);
    expect(letter!.weeks).toHaveLength(4);
    expect(letter!.redFlags.map((f) => f.reasons)).toEqual([['Chest pain']]);
    expect(letter!.plan).toBeNull();
  });

  it('unauthorized access: another clinic, or another patient of the same clinic, reads no letter', async () => {
    const c = await referred();
    const other = await createClinicWithTeam();
    expect(await referralLetter(other.admin, c.patientId, c.referralId)).toBeNull();
    const sibling = await createScreenedPatient(c.practitioner, {});
    expect(await referralLetter(c.practitioner, sibling, c.referralId)).toBeNull();
  });

  it('records each print on the referral with an audit entry; another clinic records nothing', async () => {
    const c = await referred();
    const other = await createClinicWithTeam();
    expect(await recordLetterPrinted(other.admin, c.referralId)).toMatchObject({ ok: false, code: 'not_found' });
    const printedEvents = () =>
      db()
        .select()
        .from(referralEvents)
        .where(and(eq(referralEvents.referralId, c.referralId), eq(referralEvents.kind, 'letter_printed')));
    expect(await printedEvents()).toHaveLength(0);
    expect(await recordLetterPrinted(c.practitioner, c.referralId)).toEqual({ ok: true, value: undefined });
    expect(await recordLetterPrinted(c.practitioner, c.referralId)).toMatchObject({ ok: true });
    expect(await printedEvents()).toMatchObject([
      { actorUserId: c.practitioner.userId },
      { actorUserId: c.practitioner.userId },
    ]);
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, c.referralId), eq(auditEvents.action, 'referral.letter_printed')));
    expect(audited).toHaveLength(2);
  });
});

describe('letterWeeks', () => {
  const days = Array.from({ length: 28 }, (_, i) => ({
    day: `2026-11-${String(i + 1).padStart(2, '0')}`,
    prescribed: i < 7 ? 0 : 2,
    completed: i < 7 ? 0 : i % 2,
  }));

  it('splits 28 days into four weeks ending on the last, oldest first', () => {
    const weeks = letterWeeks(days, []);
    expect(weeks.map((w) => [w.from, w.to])).toEqual([
      ['2026-11-01', '2026-11-07'],
      ['2026-11-08', '2026-11-14'],
      ['2026-11-15', '2026-11-21'],
      ['2026-11-22', '2026-11-28'],
    ]);
    expect(weeks[0]).toMatchObject({ prescribed: 0, adherence: null });
    expect(weeks[1]).toMatchObject({ prescribed: 14, completed: 4, adherence: 4 / 14 });
  });

  it('averages the pain each week logged, leaving out a missing rating', () => {
    const weeks = letterWeeks(days, [
      { day: '2026-11-22', painBefore: 4, painAfter: 2 },
      { day: '2026-11-28', painBefore: 5, painAfter: null },
      { day: '2026-11-23', painBefore: null, painAfter: 3 },
    ]);
    expect(weeks[3]).toMatchObject({ painBefore: 4.5, painAfter: 2.5, logs: 3 });
    expect(weeks[2]).toMatchObject({ painBefore: null, painAfter: null, logs: 0 });
  });
});

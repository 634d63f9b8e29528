import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditEvents, clinics } from '@/db/schema';
import { thresholdsOf } from '@/lib/progression/clinic-thresholds';
import { DEFAULT_THRESHOLDS } from '@/lib/progression/thresholds';
import {
  defaultAndRange,
  progressionThresholdsFormSchema,
  thresholdFormValues,
} from '@/lib/validation/progression-thresholds';
import { createClinicWithTeam } from '@/testing/factories';
import { resetProgressionThresholds, updateProgressionThresholds } from './progression-thresholds';

/** The form as the page fills it (the defaults, adherence in percent), with what the admin typed. */
const form = (patch: Record<string, string> = {}) => ({ ...thresholdFormValues(DEFAULT_THRESHOLDS), ...patch });

const stored = async (id: string) =>
  (await db().select().from(clinics).where(eq(clinics.id, id)))[0]!.progressionThresholds;

const auditsOf = (clinicId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, clinicId), eq(auditEvents.action, 'clinic.progression_thresholds_updated')));

const fieldErrors = (patch: Record<string, string>) => {
  const parsed = progressionThresholdsFormSchema.safeParse(form(patch));
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('progression thresholds in the clinic settings', () => {
  it('the form shows each default and safe range, adherence in percent', () => {
    expect(form()).toMatchObject({ stepUpAdherence: '80', simplifyAdherence: '50', holdIncrement: '15' });
    expect(defaultAndRange('stepUpAdherence')).toBe('Default 80 %, 50–100 %');
    expect(defaultAndRange('holdIncrement')).toBe('Default 15 s, 5–30 s');
    expect(defaultAndRange('windowDays')).toBe('Default 7 days, 5–28 days');
    expect(defaultAndRange('stepDownPain')).toBe('Default 6, 0–10');
  });

  it('an admin saves them: only figures that differ from the defaults are stored, read back, and audited', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const input = progressionThresholdsFormSchema.parse(form({ stepUpAdherence: '90', holdIncrement: '20' }));
    expect(input.stepUpAdherence).toBe(0.9);
    expect(await updateProgressionThresholds(admin, input)).toEqual({
      ok: true,
      value: { changed: ['stepUpAdherence', 'holdIncrement'] },
    });
    expect(await stored(clinic.id)).toEqual({ stepUpAdherence: 0.9, holdIncrement: 20 });
    expect(thresholdsOf(await stored(clinic.id))).toEqual({
      ...DEFAULT_THRESHOLDS,
      stepUpAdherence: 0.9,
      holdIncrement: 20,
    });
    const events = await auditsOf(clinic.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.userId,
      detail: {
        changed: ['stepUpAdherence', 'holdIncrement'],
        from: { stepUpAdherence: 0.8, holdIncrement: 15 },
        to: { stepUpAdherence: 0.9, holdIncrement: 20 },
      },
    });
    // The same again changes nothing and records nothing.
    expect(await updateProgressionThresholds(admin, input)).toEqual({ ok: true, value: { changed: [] } });
    expect(await auditsOf(clinic.id)).toHaveLength(1);
  });

  it('reset to defaults clears the clinic’s own figures, with an audit entry', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    await updateProgressionThresholds(admin, progressionThresholdsFormSchema.parse(form({ windowDays: '10' })));
    expect(await resetProgressionThresholds(admin)).toEqual({ ok: true, value: { changed: ['windowDays'] } });
    expect(await stored(clinic.id)).toEqual({});
    expect(thresholdsOf(await stored(clinic.id))).toEqual(DEFAULT_THRESHOLDS);
    const events = await auditsOf(clinic.id);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.detail)).toContainEqual({
      changed: ['windowDays'],
      from: { windowDays: 10 },
      to: { windowDays: 7 },
    });
  });

  it('refuses out-of-range figures field by field, in the form’s units', () => {
    expect(fieldErrors({ stepUpAdherence: '120' })).toEqual({
      stepUpAdherence: ['Step-up adherence must be between 50 and 100 %.'],
    });
    expect(fieldErrors({ stepUpAdherence: '0.9' })).toHaveProperty('stepUpAdherence'); // a fraction, not a percentage
    expect(fieldErrors({ holdIncrement: '45' })).toEqual({
      holdIncrement: ['Hold increment must be between 5 and 30 s.'],
    });
    expect(fieldErrors({ windowDays: '7.5' })).toEqual({ windowDays: ['Window must be a whole number.'] });
    expect(fieldErrors({ stepDownPain: '' })).toEqual({ stepDownPain: ['Enter the step-down pain.'] });
    expect(fieldErrors({ painRise: 'lots' })).toEqual({ painRise: ['Step-down pain rise must be a number.'] });
    expect(fieldErrors({ stepUpMaxPain: '2.5' })).toEqual({});
  });

  it('refuses figures that would make two rules fire at once, at the field to change', () => {
    expect(fieldErrors({ stepUpMaxPain: '5', stepDownPain: '5' })).toEqual({
      stepDownPain: ['Step-down pain must be above the most pain a step up allows.'],
    });
    expect(fieldErrors({ stepUpAdherence: '60', simplifyAdherence: '70' })).toEqual({
      simplifyAdherence: ['Simplify adherence must be below step-up adherence.'],
    });
  });

  it('saves nothing on bad input, whoever bypasses the form', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const result = await updateProgressionThresholds(admin, {
      ...DEFAULT_THRESHOLDS,
      stepUpAdherence: 0.4,
      simplifyAdherence: 0.45,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { stepUpAdherence: [expect.any(String)] },
    });
    expect(await updateProgressionThresholds(admin, { ...DEFAULT_THRESHOLDS, stepDownPain: 2 })).toMatchObject({
      ok: false,
      fieldErrors: { stepDownPain: [expect.any(String)] },
    });
    expect(await stored(clinic.id)).toEqual({});
    expect(await auditsOf(clinic.id)).toHaveLength(0);
  });

  it('unauthorized access: a practitioner cannot change them, and an admin only ever changes their own clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const input = progressionThresholdsFormSchema.parse(form({ stepUpAdherence: '95' }));
    expect(await updateProgressionThresholds(a.practitioner, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await resetProgressionThresholds(a.practitioner)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await stored(a.clinic.id)).toEqual({});
    expect(await auditsOf(a.clinic.id)).toHaveLength(0);
    // A forged clinic id in the form is dropped by the schema; the save goes to the admin's own clinic.
    const forged = progressionThresholdsFormSchema.parse({ ...form({ stepUpAdherence: '95' }), clinicId: a.clinic.id });
    expect(forged).not.toHaveProperty('clinicId');
    expect(await updateProgressionThresholds(b.admin, forged)).toMatchObject({ ok: true });
    expect(await stored(b.clinic.id)).toEqual({ stepUpAdherence: 0.95 });
    expect(await stored(a.clinic.id)).toEqual({});
    expect(await auditsOf(a.clinic.id)).toHaveLength(0);
  });
});

import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { patients, plans, planVersions, precautionAcknowledgements } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { setExerciseHidden } from '@/lib/exercises/library';
import { setPatientStatus } from '@/lib/patients/patients';
import { invalidInput } from '@/lib/actions/result';
import { formatDay, formatDayRange, todayIn, shiftDate } from '@/lib/dates';
import {
  adjustPlanSchema,
  assignPlanSchema,
  planFieldKey,
  planFormToObject,
  planItemSchema,
  type PlanItemInput,
} from '@/lib/validation/plan';
import { adjustPlan, assignPlan, restorePlanVersion, swapToVariant } from './assign';
import { planDetail } from './read';

let ids: Map<string, string>;
const id = (slug: string) => ids.get(slug)!;

beforeAll(async () => {
  await seedReference(db());
  ids = await builtinIdsBySlug(db());
});

const item = (slug: string, dose: Partial<PlanItemInput> = {}): PlanItemInput => ({
  exerciseId: id(slug),
  sessionsPerDay: 1,
  daysOfWeek: [1, 2, 3, 4, 5],
  holdSeconds: 30,
  reps: 5,
  sets: 1,
  patientNote: null,
  ...dose,
});

const today = todayIn('Europe/London');

async function assigned(options: { yes?: string[] } = {}) {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner, options);
  return { ...team, patientId };
}

describe('screening is enforced when a plan is assigned', () => {
  it('refuses any exercise before the patient has been screened', async () => {
    const { practitioner } = await createClinicWithTeam();
    const { createPatient } = await import('@/lib/patients/patients');
    const created = await createPatient(practitioner, {
      name: 'Unscreened',
      birthYear: null,
      email: null,
      phone: null,
      timezone: 'UTC',
      primaryPractitionerId: null,
      notes: null,
    });
    if (!created.ok) throw new Error('patient');
    const outcome = await assignPlan(practitioner, created.value.id, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/Screen this patient/) });
  });

  it('blocks an exercise with an absolute contraindication, says which answer, and writes nothing', async () => {
    const { practitioner, patientId } = await assigned({ yes: ['acute_fracture'] });
    const outcome = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldErrors?.['items.0.exerciseId']?.[0]).toMatch(
      /cannot be assigned: the screening records “Acute vertebral or rib fracture”.*in-person care/,
    );
    expect(await db().select().from(plans).where(eq(plans.patientId, patientId))).toHaveLength(0);
  });

  it('needs a stated reason for a relative contraindication, and stores it', async () => {
    const { practitioner, patientId } = await assigned({ yes: ['osteopenia'] });
    const input = {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('supported-mobilization', { holdSeconds: 20, reps: 4 })],
    };
    const refused = await assignPlan(practitioner, patientId, { ...input, acknowledgements: {} });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { [`ack.${id('supported-mobilization')}:osteopenia`]: [expect.any(String)] },
    });
    const accepted = await assignPlan(practitioner, patientId, {
      ...input,
      acknowledgements: { [`${id('supported-mobilization')}:osteopenia`]: 'Supported variant, small range only.' },
    });
    expect(accepted).toMatchObject({ ok: true, value: { version: 1 } });
    const acks = await db()
      .select()
      .from(precautionAcknowledgements)
      .where(eq(precautionAcknowledgements.exerciseId, id('supported-mobilization')));
    expect(
      acks.some((a) => a.reason === 'Supported variant, small range only.' && a.acknowledgedBy === practitioner.userId),
    ).toBe(true);
  });

  it('uses the newest screening: a rescreen that clears the finding allows the exercise', async () => {
    const { practitioner, patientId } = await assigned({ yes: ['acute_fracture'] });
    const { recordScreening } = await import('@/lib/screening/screening');
    await recordScreening(practitioner, patientId, {
      acute_fracture: { present: false, note: 'Healed, cleared by GP' },
    });
    const outcome = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    expect(outcome.ok).toBe(true);
  });
});

describe('doses', () => {
  it('refuses what is not a whole number, a day or a short note, with a message each', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ holdSeconds: '2.5' }, 'holdSeconds', /whole number/],
      [{ sessionsPerDay: 'lots' }, 'sessionsPerDay', /must be a number/],
      [{ reps: 'Infinity' }, 'reps', /must be a number/],
      [{ daysOfWeek: [] }, 'daysOfWeek', /at least one day/],
      [{ patientNote: 'x'.repeat(501) }, 'patientNote', /at most 500/],
    ];
    for (const [patch, field, message] of cases) {
      const parsed = planItemSchema.safeParse({ ...item('thoracic-extension'), daysOfWeek: ['1'], ...patch });
      expect(parsed.success, field).toBe(false);
      if (!parsed.success) expect(z.flattenError(parsed.error).fieldErrors[field as 'sets']?.[0]).toMatch(message);
    }
  });

  it('refuses negative, zero and huge numbers with the exercise’s own limits, not the schema’s', async () => {
    const { practitioner, patientId } = await assigned();
    const outcome = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension', { holdSeconds: 10_000, sets: 0, reps: 1e9, sessionsPerDay: -5 })],
      acknowledgements: {},
    });
    expect(outcome).toMatchObject({ ok: false, message: 'Check the highlighted doses.' });
    if (outcome.ok) return;
    const name = 'Upper-back extension over the roller';
    expect(outcome.fieldErrors).toEqual({
      'items.0.holdSeconds': [`Hold time for ${name} must be between 30 and 300 seconds.`],
      'items.0.reps': [`Breaths or reps for ${name} must be between 1 and 6.`],
      'items.0.sets': [`Sets for ${name} must be between 1 and 3.`],
      'items.0.sessionsPerDay': [`Sessions per day for ${name} must be between 1 and 3.`],
    });
  });

  it('keys a refused form’s errors to the editor’s own fields, so each shows beside its input', () => {
    const form = new FormData();
    form.set('effectiveDate', today);
    form.set('reason', 'Longer holds');
    form.set('items.0.exerciseId', id('thoracic-extension'));
    form.append('items.0.daysOfWeek', '1');
    form.set('items.0.holdSeconds', 'ten');
    form.set('items.0.reps', '3');
    form.set('items.0.sets', '1');
    form.set('items.0.sessionsPerDay', '1');
    form.set('items.1.exerciseId', id('upper-back-roll-bridge'));
    form.set('items.1.holdSeconds', '30');
    form.set('items.1.reps', '2.5');
    form.set('items.1.sets', '1');
    form.set('items.1.sessionsPerDay', '1');
    form.set(`ack.${id('thoracic-extension')}:osteopenia`, 'x'.repeat(501));
    const parsed = adjustPlanSchema.safeParse(planFormToObject(form));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(invalidInput(parsed.error, undefined, planFieldKey)).toEqual({
      ok: false,
      code: 'invalid',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        'items.0.holdSeconds': ['Hold time must be a number.'],
        'items.1.reps': ['Breaths or reps must be a whole number.'],
        'items.1.daysOfWeek': ['Choose at least one day of the week.'],
        [`ack.${id('thoracic-extension')}:osteopenia`]: ['Reasons are at most 500 characters.'],
      },
    });
  });

  it('refuses a dose outside the exercise’s own limits', async () => {
    const { practitioner, patientId } = await assigned();
    const outcome = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension', { holdSeconds: 600, reps: 9 })],
      acknowledgements: {},
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldErrors?.['items.0.holdSeconds']?.[0]).toMatch(/between 30 and 300 seconds/);
    expect(outcome.fieldErrors?.['items.0.reps']?.[0]).toMatch(/between 1 and 6/);
  });

  it('refuses an end date before the start date, and the same exercise twice', () => {
    const formItem = (slug: string) => ({ ...item(slug), patientNote: undefined });
    const base = { startDate: '2026-03-10', items: [formItem('thoracic-extension')], acknowledgements: {} };
    expect(assignPlanSchema.safeParse(base).success).toBe(true);
    const backwards = assignPlanSchema.safeParse({ ...base, endDate: '2026-03-01' });
    expect(backwards.success).toBe(false);
    if (!backwards.success)
      expect(z.flattenError(backwards.error).fieldErrors.endDate?.[0]).toMatch(/cannot be before/);
    const twice = assignPlanSchema.safeParse({
      ...base,
      items: [formItem('thoracic-extension'), formItem('thoracic-extension')],
    });
    expect(twice.success).toBe(false);
    expect(assignPlanSchema.safeParse({ ...base, startDate: '2026-02-31' }).success).toBe(false);
  });

  it('reads the nested form shape the plan editor posts', () => {
    const form = new FormData();
    form.set('startDate', '2026-03-10');
    form.set('items.0.exerciseId', id('thoracic-extension'));
    for (const d of ['1', '3', '5']) form.append('items.0.daysOfWeek', d);
    form.set('items.0.holdSeconds', '45');
    form.set('items.0.reps', '3');
    form.set('items.0.sets', '1');
    form.set('items.0.sessionsPerDay', '2');
    form.set(`ack.${id('thoracic-extension')}:osteopenia`, 'reason here');
    const parsed = assignPlanSchema.parse(planFormToObject(form));
    expect(parsed.items[0]).toMatchObject({ daysOfWeek: [1, 3, 5], holdSeconds: 45, sessionsPerDay: 2 });
    expect(parsed.acknowledgements).toEqual({ [`${id('thoracic-extension')}:osteopenia`]: 'reason here' });
  });

  it('refuses an exercise the clinic has hidden from its library', async () => {
    const { practitioner, admin, patientId } = await assigned();
    await setExerciseHidden(admin, id('elbows-open-mobilization'), true);
    const outcome = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('elbows-open-mobilization')],
      acknowledgements: {},
    });
    expect(outcome).toMatchObject({
      ok: false,
      fieldErrors: { 'items.0.exerciseId': [expect.stringMatching(/not in your clinic’s library/)] },
    });
  });
});

describe('plans are versioned', () => {
  async function withPlan() {
    const ctx = await assigned();
    const outcome = await assignPlan(ctx.practitioner, ctx.patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension'), item('upper-back-roll-bridge', { holdSeconds: 60, reps: 3 })],
      acknowledgements: {},
    });
    if (!outcome.ok) throw new Error(outcome.message);
    return { ...ctx, planId: outcome.value.planId };
  }

  it('creates a new immutable version with date, author and reason for every change', async () => {
    const { practitioner, planId } = await withPlan();
    const adjusted = await adjustPlan(practitioner, planId, {
      effectiveDate: today,
      reason: 'Longer holds, twice a day',
      items: [
        item('thoracic-extension', { holdSeconds: 45, sessionsPerDay: 2 }),
        item('upper-back-roll-bridge', { holdSeconds: 60, reps: 3 }),
      ],
      acknowledgements: {},
    });
    expect(adjusted).toMatchObject({ ok: true, value: { version: 2 } });
    const detail = await planDetail(practitioner, planId);
    expect(detail?.versions.map((v) => v.version)).toEqual([2, 1]);
    const [v2, v1] = detail!.versions;
    expect(v2).toMatchObject({
      reason: 'Longer holds, twice a day',
      effectiveDate: today,
      authorName: expect.any(String),
    });
    expect(v1!.items[0]).toMatchObject({ holdSeconds: 30, sessionsPerDay: 1 });
    expect(v2!.diff?.changed).toEqual([
      {
        exerciseName: expect.stringMatching(/extension/i),
        changes: [
          { field: 'holdSeconds', from: '30 s', to: '45 s' },
          { field: 'sessionsPerDay', from: '1/day', to: '2/day' },
        ],
      },
    ]);
  });

  it('refuses a change that changes nothing, or takes effect before the latest version', async () => {
    const { practitioner, planId } = await withPlan();
    const same = await adjustPlan(practitioner, planId, {
      effectiveDate: today,
      reason: 'No-op',
      items: [item('thoracic-extension'), item('upper-back-roll-bridge', { holdSeconds: 60, reps: 3 })],
      acknowledgements: {},
    });
    expect(same).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing changed/) });
    const early = await adjustPlan(practitioner, planId, {
      effectiveDate: shiftDate(today, -1),
      reason: 'Backdated',
      items: [item('thoracic-extension', { holdSeconds: 60 })],
      acknowledgements: {},
    });
    expect(early).toMatchObject({ ok: false, fieldErrors: { effectiveDate: [expect.any(String)] } });
    expect(
      adjustPlanSchema.safeParse({ effectiveDate: today, reason: '', items: [item('thoracic-extension')] }).success,
    ).toBe(false);
  });

  it('restores an earlier version as a new one, and swaps an exercise for its easier variant', async () => {
    const { practitioner, planId } = await withPlan();
    await adjustPlan(practitioner, planId, {
      effectiveDate: today,
      reason: 'Drop the roll',
      items: [item('thoracic-extension', { holdSeconds: 60 })],
      acknowledgements: {},
    });
    const restored = await restorePlanVersion(practitioner, planId, 1, 'Back to the start', 'Europe/London');
    expect(restored).toMatchObject({ ok: true, value: { version: 3 } });
    const swapped = await swapToVariant(practitioner, planId, 0, 'easier', 'Tingling in the hands', 'Europe/London');
    expect(swapped).toMatchObject({ ok: true, value: { version: 4 } });
    const detail = await planDetail(practitioner, planId);
    const [v4, v3] = detail!.versions;
    expect(v3).toMatchObject({ restoredFrom: 1, reason: 'Back to the start' });
    expect(v3!.items.map((i) => i.exerciseId)).toEqual([id('thoracic-extension'), id('upper-back-roll-bridge')]);
    expect(v4!.items[0]!.exerciseId).toBe(id('supported-mobilization'));
    expect(v4!.diff).toMatchObject({
      added: [expect.stringMatching(/Supported/)],
      removed: [expect.stringMatching(/extension/i)],
    });
  });

  it('keeps one active plan: a new plan ends the previous one the day before it starts', async () => {
    const { practitioner, patientId, planId } = await withPlan();
    const start = shiftDate(today, 7);
    const next = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: start,
      endDate: null,
      items: [item('segmental-mobilization')],
      acknowledgements: {},
    });
    expect(next.ok).toBe(true);
    const all = await db().select().from(plans).where(eq(plans.patientId, patientId));
    expect(all.filter((p) => p.status === 'active')).toHaveLength(1);
    expect(all.find((p) => p.id === planId)).toMatchObject({ status: 'ended', endDate: shiftDate(start, -1) });
  });

  it('the database refuses a second active plan even if the code forgot', async () => {
    const { patientId, clinic } = await withPlan();
    await expect(
      db().insert(plans).values({ clinicId: clinic.id, patientId, startDate: today, status: 'active' }),
    ).rejects.toThrow();
  });

  it('discharging a patient ends their plan', async () => {
    const { practitioner, patientId, planId } = await withPlan();
    expect(await setPatientStatus(practitioner, patientId, 'discharged')).toEqual({ ok: true });
    const [plan] = await db().select().from(plans).where(eq(plans.id, planId));
    // Discharged the day it started: the plan ran that one day, never ending before it began.
    expect(plan).toMatchObject({ status: 'ended', startDate: today, endDate: today });
    expect(formatDayRange(plan!.startDate, plan!.endDate)).toBe(`${formatDay(today)} (one day)`);
    const refused = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('a plan replaced the day it started ran that day; a later end is never pushed out, nor one before the start written', async () => {
    const { practitioner, patientId, planId } = await withPlan();
    const next = await assignPlan(practitioner, patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    if (!next.ok) throw new Error(next.message);
    const [replaced] = await db().select().from(plans).where(eq(plans.id, planId));
    expect(replaced).toMatchObject({ status: 'ended', startDate: today, endDate: today });

    // A plan whose own end has passed keeps that end when the patient is discharged later.
    const planned = shiftDate(today, -3);
    await db()
      .update(plans)
      .set({ startDate: shiftDate(today, -10), endDate: planned })
      .where(eq(plans.id, next.value.planId));
    await setPatientStatus(practitioner, patientId, 'discharged');
    const [kept] = await db().select().from(plans).where(eq(plans.id, next.value.planId));
    expect(kept).toMatchObject({ status: 'ended', endDate: planned });

    await expect(
      db()
        .update(plans)
        .set({ endDate: shiftDate(today, -11) })
        .where(eq(plans.id, next.value.planId)),
    ).rejects.toThrow();
  });
});

describe('unauthorized access: another clinic’s plans', () => {
  it('cannot assign to, adjust, restore, swap or read clinic A’s patient and plan', async () => {
    const a = await assigned();
    const b = await createClinicWithTeam();
    const assignedA = await assignPlan(a.practitioner, a.patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    if (!assignedA.ok) throw new Error('setup');
    const planId = assignedA.value.planId;

    expect(
      await assignPlan(b.admin, a.patientId, {
        templateId: null,
        startDate: today,
        endDate: null,
        items: [item('thoracic-extension')],
        acknowledgements: {},
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      await adjustPlan(b.admin, planId, {
        effectiveDate: today,
        reason: 'Hijack',
        items: [item('thoracic-extension', { holdSeconds: 300 })],
        acknowledgements: {},
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await restorePlanVersion(b.admin, planId, 1, 'Hijack', 'UTC')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await swapToVariant(b.admin, planId, 0, 'easier', 'Hijack', 'UTC')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await planDetail(b.admin, planId)).toBeNull();
    expect(await setPatientStatus(b.admin, a.patientId, 'discharged')).toMatchObject({ ok: false, code: 'not_found' });

    const versions = await db().select().from(planVersions).where(eq(planVersions.planId, planId));
    expect(versions).toHaveLength(1);
    const [patient] = await db()
      .select()
      .from(patients)
      .where(and(eq(patients.id, a.patientId)));
    expect(patient?.status).toBe('active');
  });

  it('cannot assign clinic A’s custom exercise or template to its own patient', async () => {
    const a = await createClinicWithTeam();
    const b = await assigned();
    const { createCustomExercise } = await import('@/lib/exercises/custom');
    const { customExerciseSchema } = await import('@/lib/validation/exercise');
    const custom = await createCustomExercise(
      a.admin,
      customExerciseSchema.parse({
        name: 'Clinic A wall slide',
        kind: 'joint_mobility',
        contraindications: ['spinal_instability'],
        equipment: 'standard_roller',
        steps: 'One\nTwo',
        safetyNotes: 'Stop if it hurts',
        timing: 'hold',
        repsUnit: 'reps',
        holdMin: '10',
        holdMax: '60',
        repsMin: '1',
        repsMax: '10',
        setsMin: '1',
        setsMax: '3',
        sessionsMin: '1',
        sessionsMax: '3',
        defaultHoldSeconds: '20',
        defaultReps: '5',
        defaultSets: '1',
        defaultSessionsPerDay: '1',
      }),
    );
    if (!custom.ok) throw new Error('setup');
    const { saveTemplate } = await import('@/lib/plans/templates');
    const template = await saveTemplate(a.admin, null, {
      name: 'A only',
      description: null,
      items: [item('thoracic-extension')],
    });
    if (!template.ok) throw new Error('setup');

    const withCustom = await assignPlan(b.practitioner, b.patientId, {
      templateId: null,
      startDate: today,
      endDate: null,
      items: [{ ...item('thoracic-extension'), exerciseId: custom.value.id }],
      acknowledgements: {},
    });
    expect(withCustom).toMatchObject({
      ok: false,
      fieldErrors: { 'items.0.exerciseId': [expect.stringMatching(/not in your clinic’s library/)] },
    });
    const withTemplate = await assignPlan(b.practitioner, b.patientId, {
      templateId: template.value.id,
      startDate: today,
      endDate: null,
      items: [item('thoracic-extension')],
      acknowledgements: {},
    });
    expect(withTemplate).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db().select().from(plans).where(eq(plans.patientId, b.patientId))).toHaveLength(0);
  });
});

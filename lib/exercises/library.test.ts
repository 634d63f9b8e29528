import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { hiddenExercises } from '@/db/schema';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam } from '@/testing/factories';
import { customExerciseSchema } from '@/lib/validation/exercise';
import { createCustomExercise } from './custom';
import { assignableExercises, clinicLibrary, findExercise, setExerciseHidden } from './library';

const BUILT_IN_SLUGS = [
  'elbows-open-mobilization',
  'segmental-mobilization',
  'supported-mobilization',
  'thoracic-extension',
  'upper-back-roll-arms-crossed',
  'upper-back-roll-bridge',
];

/** What an admin would type into the form, as FormData would send it (strings). */
const formInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Seated rotation with a roller',
  kind: 'joint_mobility',
  equipment: 'standard_roller',
  summary: 'Turns your upper back gently while you sit with a roller across your chest.',
  steps: 'Sit tall on a firm chair.\nHug the roller across your chest.\nTurn slowly to one side, then the other.',
  cues: 'Breathe out as you turn.\nKeep your hips still.',
  safetyNotes: 'Stop if the pain becomes sharp or spreads.',
  illustration: '',
  timing: 'hold',
  repsUnit: 'reps',
  holdMin: '5',
  holdMax: '30',
  repsMin: '3',
  repsMax: '12',
  setsMin: '1',
  setsMax: '3',
  sessionsMin: '1',
  sessionsMax: '2',
  defaultHoldSeconds: '10',
  defaultReps: '6',
  defaultSets: '2',
  defaultSessionsPerDay: '1',
  contraindications: ['spinal_instability', 'hypermobility'],
  easierId: '',
  harderId: '',
  ...overrides,
});

let builtIns: Map<string, string>;

beforeAll(async () => {
  await seedReference(db());
  builtIns = await builtinIdsBySlug(db());
});

const builtIn = (slug: string) => {
  const id = builtIns.get(slug);
  if (!id) throw new Error(`built-in ${slug} not seeded`);
  return id;
};

describe('the exercise library of a clinic', () => {
  it('lists the six built-ins, none hidden', async () => {
    const { practitioner } = await createClinicWithTeam();
    const library = await clinicLibrary(practitioner);
    expect(library.map((e) => e.slug).sort()).toEqual(BUILT_IN_SLUGS);
    expect(library.every((e) => e.builtIn && !e.hidden && e.clinicId === null)).toBe(true);
  });

  it('an admin hides a built-in: gone from the library and from what can be assigned, back when shown', async () => {
    const { admin, practitioner } = await createClinicWithTeam();
    const id = builtIn('thoracic-extension');
    expect(await setExerciseHidden(admin, id, true)).toEqual({ ok: true });

    expect((await clinicLibrary(practitioner)).map((e) => e.id)).not.toContain(id);
    expect((await assignableExercises(practitioner, [id])).has(id)).toBe(false);
    // Admins still see it, flagged, so they can show it again; the detail page still finds it.
    const forAdmin = await clinicLibrary(admin, { includeHidden: true });
    expect(forAdmin.find((e) => e.id === id)).toMatchObject({ hidden: true, builtIn: true });
    expect(await findExercise(practitioner, id)).toMatchObject({ id, hidden: true });

    expect(await setExerciseHidden(admin, id, false)).toEqual({ ok: true });
    expect((await clinicLibrary(practitioner)).map((e) => e.id)).toContain(id);
    expect((await assignableExercises(practitioner, [id])).has(id)).toBe(true);
  });

  it('a practitioner without the admin role cannot hide a built-in, and nothing changes', async () => {
    const { clinic, practitioner } = await createClinicWithTeam();
    const id = builtIn('upper-back-roll-bridge');
    expect(await setExerciseHidden(practitioner, id, true)).toMatchObject({ ok: false, code: 'forbidden' });
    const rows = await db().select().from(hiddenExercises).where(eq(hiddenExercises.clinicId, clinic.id));
    expect(rows).toEqual([]);
    expect((await clinicLibrary(practitioner)).map((e) => e.id)).toContain(id);
  });

  it('an admin adds a custom exercise that is listed for the clinic', async () => {
    const { admin, practitioner, clinic } = await createClinicWithTeam();
    const input = customExerciseSchema.parse(formInput({ easierId: builtIn('supported-mobilization') }));
    const outcome = await createCustomExercise(admin, input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;

    const listed = (await clinicLibrary(practitioner)).find((e) => e.id === outcome.value.id);
    expect(listed).toMatchObject({
      clinicId: clinic.id,
      builtIn: false,
      hidden: false,
      name: 'Seated rotation with a roller',
      steps: [
        'Sit tall on a firm chair.',
        'Hug the roller across your chest.',
        'Turn slowly to one side, then the other.',
      ],
      contraindications: ['spinal_instability', 'hypermobility'],
      easierId: builtIn('supported-mobilization'),
      harderId: null,
      defaultDose: { holdSeconds: 10, reps: 6, sets: 2, sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5] },
    });
    expect((await assignableExercises(practitioner, [outcome.value.id])).has(outcome.value.id)).toBe(true);
  });

  it('refuses, at the field, an exercise with no contraindications unless that is confirmed', async () => {
    const { admin } = await createClinicWithTeam();
    const none = customExerciseSchema.safeParse(formInput({ contraindications: [] }));
    expect(none.success).toBe(false);
    expect(none.success ? {} : z.flattenError(none.error).fieldErrors).toEqual({
      contraindications: [
        'Tick the conditions this exercise is not suitable for, or confirm that it is safe for every one of them.',
      ],
    });
    expect(
      customExerciseSchema.safeParse(formInput({ contraindications: [], noContraindications: 'no' })).success,
    ).toBe(false);
    const confirmed = customExerciseSchema.parse(formInput({ contraindications: [], noContraindications: 'yes' }));
    const outcome = await createCustomExercise(admin, confirmed);
    if (!outcome.ok) throw new Error(outcome.message);
    expect((await findExercise(admin, outcome.value.id))?.contraindications).toEqual([]);
  });

  it('only admins add exercises', async () => {
    const { practitioner } = await createClinicWithTeam();
    const before = await clinicLibrary(practitioner);
    const outcome = await createCustomExercise(practitioner, customExerciseSchema.parse(formInput()));
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await clinicLibrary(practitioner)).toHaveLength(before.length);
  });
});

describe('unauthorized access: one clinic cannot see or change another clinic’s library', () => {
  it('another clinic’s admin cannot find, list or assign a clinic’s custom exercise', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const created = await createCustomExercise(
      a.admin,
      customExerciseSchema.parse(formInput({ name: 'Clinic A only' })),
    );
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;

    expect(await findExercise(b.admin, id)).toBeNull();
    expect((await clinicLibrary(b.admin, { includeHidden: true })).map((e) => e.id)).not.toContain(id);
    expect((await assignableExercises(b.admin, [id])).size).toBe(0);
    // Nor can it hide it (custom exercises are not hideable anyway, and this one is not in its library).
    expect(await setExerciseHidden(b.admin, id, true)).toMatchObject({ ok: false, code: 'not_found' });
    // Nor link to it as a variant of its own exercise.
    const linked = await createCustomExercise(b.admin, customExerciseSchema.parse(formInput({ harderId: id })));
    expect(linked).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { harderId: [expect.any(String)] } });
  });

  it('a clinic hiding a built-in does not hide it for another clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const id = builtIn('segmental-mobilization');
    expect(await setExerciseHidden(b.admin, id, true)).toEqual({ ok: true });

    expect((await clinicLibrary(b.practitioner)).map((e) => e.id)).not.toContain(id);
    expect((await clinicLibrary(a.practitioner)).find((e) => e.id === id)).toMatchObject({ hidden: false });
    expect((await assignableExercises(a.practitioner, [id])).has(id)).toBe(true);
    const hiddenForA = await db()
      .select()
      .from(hiddenExercises)
      .where(and(eq(hiddenExercises.clinicId, a.clinic.id), eq(hiddenExercises.exerciseId, id)));
    expect(hiddenForA).toEqual([]);
  });
});

describe('customExerciseSchema keeps each default inside its own limits', () => {
  it('refuses a default outside min–max, with a message on the default', () => {
    const result = customExerciseSchema.safeParse(formInput({ defaultHoldSeconds: '45', defaultSets: '0' }));
    expect(result.success).toBe(false);
    const errors = result.error ? z.flattenError(result.error).fieldErrors : {};
    expect(errors.defaultHoldSeconds).toEqual(['The default must be between 5 and 30.']);
    expect(errors.defaultSets?.[0]).toMatch(/at least 1/);
  });

  it('refuses a largest value below the smallest, with a message on the largest', () => {
    const result = customExerciseSchema.safeParse(formInput({ repsMin: '10', repsMax: '4', defaultReps: '6' }));
    expect(result.success).toBe(false);
    const errors = result.error ? z.flattenError(result.error).fieldErrors : {};
    expect(errors.repsMax).toEqual(['The largest value must not be below the smallest.']);
    expect(errors.defaultReps).toBeUndefined();
  });

  it('accepts the realistic form and turns lines into lists and numbers into numbers', () => {
    const parsed = customExerciseSchema.parse(formInput());
    expect(parsed).toMatchObject({
      holdMin: 5,
      defaultReps: 6,
      cues: ['Breathe out as you turn.', 'Keep your hips still.'],
      illustration: null,
      easierId: null,
    });
  });
});

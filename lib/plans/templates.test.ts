import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { builtinIdsBySlug, seedReference } from '@/scripts/seed/reference';
import { createClinicWithTeam } from '@/testing/factories';
import { clinicTemplates, deleteTemplate, findTemplate, saveTemplate } from './templates';

let ids: Map<string, string>;
beforeAll(async () => {
  await seedReference(db());
  ids = await builtinIdsBySlug(db());
});

const item = (slug: string, holdSeconds = 30) => ({
  exerciseId: ids.get(slug)!,
  sessionsPerDay: 1,
  daysOfWeek: [1, 3, 5] as (1 | 3 | 5)[],
  holdSeconds,
  reps: 3,
  sets: 1,
  patientNote: null,
});

describe('plan templates', () => {
  it('an admin saves, edits and deletes a template; doses must fit the exercise', async () => {
    const { admin } = await createClinicWithTeam();
    const created = await saveTemplate(admin, null, {
      name: 'Desk week 1',
      description: null,
      items: [item('thoracic-extension')],
    });
    if (!created.ok) throw new Error('setup');
    const tooLong = await saveTemplate(admin, created.value.id, {
      name: 'Desk week 1',
      description: null,
      items: [item('thoracic-extension', 900)],
    });
    expect(tooLong).toMatchObject({
      ok: false,
      fieldErrors: { 'items.0.holdSeconds': [expect.stringMatching(/between 30 and 300/)] },
    });
    await saveTemplate(admin, created.value.id, {
      name: 'Desk week 2',
      description: 'Longer',
      items: [item('thoracic-extension', 60), item('upper-back-roll-bridge', 60)],
    });
    expect(await findTemplate(admin, created.value.id)).toMatchObject({
      name: 'Desk week 2',
      items: [{ holdSeconds: 60 }, { holdSeconds: 60 }],
    });
    const dup = await saveTemplate(admin, null, {
      name: 'desk WEEK 2',
      description: null,
      items: [item('thoracic-extension')],
    });
    expect(dup).toMatchObject({ ok: false, code: 'conflict' });
    expect(await deleteTemplate(admin, created.value.id)).toEqual({ ok: true });
    expect(await clinicTemplates(admin)).toEqual([]);
  });

  it('practitioners without the admin role cannot change templates', async () => {
    const { practitioner } = await createClinicWithTeam();
    expect(
      await saveTemplate(practitioner, null, { name: 'Nope', description: null, items: [item('thoracic-extension')] }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('unauthorized access: another clinic cannot read, edit or delete the template', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const created = await saveTemplate(a.admin, null, {
      name: 'A template',
      description: null,
      items: [item('thoracic-extension')],
    });
    if (!created.ok) throw new Error('setup');
    expect(await findTemplate(b.admin, created.value.id)).toBeNull();
    expect(
      await saveTemplate(b.admin, created.value.id, {
        name: 'Hijack',
        description: null,
        items: [item('thoracic-extension')],
      }),
    ).toMatchObject({ code: 'not_found' });
    expect(await deleteTemplate(b.admin, created.value.id)).toMatchObject({ code: 'not_found' });
    expect((await findTemplate(a.admin, created.value.id))?.name).toBe('A template');
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { clinics, providers } from '@/db/schema';
import { providerSchema } from '@/lib/directory/provider-schema';
import { seedDemo } from './demo';

describe('the demo directory', () => {
  it('gives each demo clinic its own entry and about eight providers of its own, once', async () => {
    await seedDemo(db());
    await seedDemo(db());
    const rows = await db()
      .select({ slug: clinics.slug, provider: providers })
      .from(providers)
      .innerJoin(clinics, eq(clinics.id, providers.clinicId));
    const of = (slug: string) => rows.filter((r) => r.slug === slug).map((r) => r.provider);
    for (const slug of ['harbour', 'northside']) {
      const list = of(slug);
      expect(list.filter((p) => p.isClinic)).toHaveLength(1);
      expect(list.filter((p) => !p.isClinic).length).toBeGreaterThanOrEqual(7);
      // What the seed writes would pass the form's own checks.
      for (const p of list) {
        const parsed = providerSchema.safeParse({
          ...p,
          languages: p.languages.join(', '),
          tags: p.tags.join(', '),
          acceptingNewPatients: p.acceptingNewPatients ? 'yes' : 'no',
          organisation: p.organisation ?? '',
          address: p.address ?? '',
          phone: p.phone ?? '',
          email: p.email ?? '',
          website: p.website ?? '',
          openingHours: p.openingHours ?? '',
          internalNotes: p.internalNotes ?? '',
        });
        expect(parsed.success, `${slug}: ${p.name}`).toBe(true);
      }
    }
    const harbourNames = new Set(of('harbour').map((p) => p.name));
    expect(of('northside').filter((p) => harbourNames.has(p.name))).toEqual([]);
    expect(of('harbour').find((p) => p.isClinic)).toMatchObject({
      name: 'Harbour Street Chiropractic',
      discipline: 'chiropractor',
      phone: '+1 503 555 0142',
      tags: ['this clinic'],
    });
  });
});

import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/client';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { clinics, type OpeningHours, users } from '@/db/schema';

type NewClinic = typeof clinics.$inferInsert;
import { seedDemoCare } from './demo-care';
import { seedDemoProviders } from './demo-providers';
import { seedDemoReferrals } from './demo-referrals';
import { seedReference } from './reference';

export { DEMO_ACCOUNTS };

const weekdays = (opens: string, closes: string): OpeningHours =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens, closes }));

const DEMO_CLINICS: (NewClinic & { slug: string })[] = [
  {
    slug: 'harbour',
    name: 'Harbour Street Chiropractic',
    phone: '+1 503 555 0142',
    email: 'frontdesk@harbour.example.com',
    address: '12 Harbour Street, Portland, OR',
    timezone: 'America/Los_Angeles',
    handoutFooter: 'Questions about your exercises? Call us on +1 503 555 0142.',
    openingHours: [...weekdays('08:00', '18:00'), { day: 6, opens: '09:00', closes: '13:00' }],
    closedAdvice:
      'When we are closed and it cannot wait, call your doctor or an urgent care clinic. In an emergency, call 911.',
  },
  {
    slug: 'northside',
    name: 'Northside Physio & Massage',
    phone: '+44 161 555 0190',
    email: 'hello@northside.example.com',
    address: '4 Mill Lane, Manchester',
    timezone: 'Europe/London',
    handoutFooter: 'Northside Physio & Massage — ring +44 161 555 0190 with any concerns.',
    openingHours: weekdays('08:30', '19:00'),
    closedAdvice: 'When we are closed, call NHS 111 for urgent advice, or 999 in an emergency.',
  },
];

export async function hasAnyClinic(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(clinics);
  return (row?.n ?? 0) > 0;
}

/** Demo clinics, practitioners, patients and plans. Safe to run again: existing rows are left as they are. */
export async function seedDemo(db: Database): Promise<{ clinics: number; users: number; patients: number }> {
  await seedReference(db);
  let createdClinics = 0;
  let createdUsers = 0;
  const ids = new Map<string, string>();
  for (const clinic of DEMO_CLINICS) {
    const inserted = await db
      .insert(clinics)
      .values(clinic)
      .onConflictDoNothing({ target: clinics.slug })
      .returning({ id: clinics.id });
    createdClinics += inserted.length;
    const [row] = await db
      .select({ id: clinics.id })
      .from(clinics)
      .where(sql`${clinics.slug} = ${clinic.slug}`);
    if (row) ids.set(clinic.slug, row.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    const clinicId = ids.get(account.clinic);
    if (!clinicId) continue;
    const inserted = await db
      .insert(users)
      .values({
        clinicId,
        name: account.name,
        email: account.email,
        role: account.role,
        discipline: account.discipline,
        passwordHash: await hashPassword(account.password),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    createdUsers += inserted.length;
  }
  const care = await seedDemoCare(db);
  await seedDemoProviders(db);
  await seedDemoReferrals(db);
  return { clinics: createdClinics, users: createdUsers, patients: care.patients };
}

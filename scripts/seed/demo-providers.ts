import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { clinics, providers } from '@/db/schema';
import { ensureClinicEntry } from '@/lib/directory/clinic-entry';

type NewProvider = Omit<typeof providers.$inferInsert, 'clinicId'>;

/** Portland, OR: US phone formats, English and Spanish, the providers a chiropractor refers to. */
const HARBOUR: NewProvider[] = [
  {
    name: 'Dr. Angela Reyes, MD',
    discipline: 'physician',
    organisation: 'Burnside Family Medicine',
    address: '1420 E Burnside St, Portland, OR 97214',
    phone: '+1 503 555 0117',
    email: 'referrals@burnside-fm.example.com',
    website: 'https://burnside-fm.example.com',
    languages: ['English', 'Spanish'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 8:00–17:00',
    tags: ['primary care', 'osteoporosis', 'bone density'],
    internalNotes: 'Fax referrals to +1 503 555 0118; she likes a short letter with the red flags first.',
  },
  {
    name: 'Rose City Imaging',
    discipline: 'other',
    organisation: 'Rose City Imaging',
    address: '2801 N Gantenbein Ave, Portland, OR 97227',
    phone: '+1 503 555 0163',
    website: 'https://rosecityimaging.example.com',
    languages: ['English'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Sat 7:00–19:00',
    tags: ['imaging', 'x-ray', 'mri'],
    internalNotes: 'Needs a physician’s order for MRI; X-rays on our request.',
  },
  {
    name: 'Willamette Physical Therapy',
    discipline: 'physical_therapist',
    organisation: 'Willamette Physical Therapy',
    address: '615 SW Alder St, Portland, OR 97205',
    phone: '+1 503 555 0129',
    email: 'frontdesk@willamettept.example.com',
    website: 'https://willamettept.example.com',
    languages: ['English', 'Vietnamese'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Thu 7:00–19:00, Fri 7:00–15:00',
    tags: ['thoracic', 'post-surgical', 'strength'],
  },
  {
    name: 'Dr. Marcus Hale, DO',
    discipline: 'osteopath',
    organisation: 'Pearl District Osteopathic',
    address: '1100 NW Glisan St, Portland, OR 97209',
    phone: '+1 503 555 0182',
    languages: ['English'],
    acceptingNewPatients: false,
    openingHours: 'Tue–Fri 9:00–17:00',
    tags: ['thoracic', 'rib pain'],
    internalNotes: 'Waiting list about six weeks; call ahead for urgent cases.',
  },
  {
    name: 'Stumptown Sports Massage',
    discipline: 'massage_therapist',
    organisation: 'Stumptown Sports Massage',
    address: '3330 SE Division St, Portland, OR 97202',
    phone: '+1 503 555 0145',
    email: 'book@stumptownmassage.example.com',
    website: 'https://stumptownmassage.example.com',
    languages: ['English', 'Spanish'],
    acceptingNewPatients: true,
    openingHours: 'Daily 10:00–20:00',
    tags: ['sports', 'soft tissue'],
  },
  {
    name: 'Cascade Women’s Health',
    discipline: 'physical_therapist',
    organisation: 'Cascade Women’s Health',
    address: '4805 NE Glisan St, Portland, OR 97213',
    phone: '+1 503 555 0176',
    email: 'intake@cascadewomenshealth.example.com',
    website: 'https://cascadewomenshealth.example.com',
    languages: ['English'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 8:30–16:30',
    tags: ['pregnancy', 'postpartum', 'pelvic floor'],
  },
  {
    name: 'Dr. Priyanka Shah, MD',
    discipline: 'physician',
    organisation: 'OHSU Spine Center',
    address: '3303 S Bond Ave, Portland, OR 97239',
    phone: '+1 503 555 0190',
    website: 'https://spine.example.edu',
    languages: ['English', 'Hindi', 'Gujarati'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 8:00–16:30',
    tags: ['spine', 'neurology', 'pain management'],
    internalNotes: 'For numbness, tingling or progressive weakness.',
  },
  {
    name: 'Eastside Urgent Care',
    discipline: 'physician',
    organisation: 'Eastside Urgent Care',
    address: '12240 NE Glisan St, Portland, OR 97230',
    phone: '+1 503 555 0105',
    languages: ['English', 'Spanish', 'Russian'],
    acceptingNewPatients: true,
    openingHours: 'Daily 8:00–22:00, walk-in',
    tags: ['urgent', 'walk-in'],
  },
];

/** Manchester, UK: UK phone formats, NHS and private providers a physio and massage clinic refers to. */
const NORTHSIDE: NewProvider[] = [
  {
    name: 'Dr Helen Okafor',
    discipline: 'physician',
    organisation: 'Ancoats Medical Practice',
    address: '22 Great Ancoats Street, Manchester M4 5AZ',
    phone: '0161 555 0123',
    email: 'practice.admin@ancoats-gp.example.nhs.uk',
    languages: ['English', 'Yoruba'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 08:00–18:30',
    tags: ['gp', 'osteoporosis'],
    internalNotes: 'Send letters via the practice inbox, not to Dr Okafor directly.',
  },
  {
    name: 'Manchester Diagnostic Imaging',
    discipline: 'other',
    organisation: 'Manchester Diagnostic Imaging',
    address: '9 Oxford Road, Manchester M1 5QA',
    phone: '0161 555 0177',
    website: 'https://mcr-imaging.example.co.uk',
    languages: ['English'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Sat 08:00–20:00',
    tags: ['imaging', 'mri', 'ultrasound'],
    internalNotes: 'Self-pay MRI in about a week; NHS referrals go through the GP.',
  },
  {
    name: 'Salford Quays Osteopaths',
    discipline: 'osteopath',
    organisation: 'Salford Quays Osteopaths',
    address: '3 The Quays, Salford M50 3AG',
    phone: '0161 555 0148',
    email: 'hello@quaysosteo.example.co.uk',
    website: 'https://quaysosteo.example.co.uk',
    languages: ['English', 'Polish'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 08:00–20:00, Sat 09:00–13:00',
    tags: ['thoracic', 'desk workers'],
  },
  {
    name: 'Didsbury Chiropractic',
    discipline: 'chiropractor',
    organisation: 'Didsbury Chiropractic',
    address: '140 Wilmslow Road, Didsbury, Manchester M20 5LH',
    phone: '0161 555 0162',
    website: 'https://didsburychiro.example.co.uk',
    languages: ['English'],
    acceptingNewPatients: false,
    openingHours: 'Mon, Wed, Fri 09:00–18:00',
    tags: ['thoracic', 'sports'],
  },
  {
    name: 'Etihad Campus Sports Massage',
    discipline: 'massage_therapist',
    organisation: 'Etihad Campus Sports Massage',
    address: 'Unit 5, Ashton New Road, Manchester M11 3FF',
    phone: '07700 900 451',
    email: 'bookings@etihadmassage.example.co.uk',
    languages: ['English', 'Spanish'],
    acceptingNewPatients: true,
    openingHours: 'Tue–Sun 10:00–21:00',
    tags: ['sports', 'soft tissue'],
  },
  {
    name: 'Bump & Beyond Physiotherapy',
    discipline: 'physical_therapist',
    organisation: 'Bump & Beyond Physiotherapy',
    address: '58 Deansgate, Manchester M3 2FF',
    phone: '0161 555 0115',
    email: 'care@bumpandbeyond.example.co.uk',
    website: 'https://bumpandbeyond.example.co.uk',
    languages: ['English', 'Urdu'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Thu 09:00–17:00',
    tags: ['pregnancy', 'postpartum', 'pelvic health'],
  },
  {
    name: 'Mr Tomasz Nowak, Consultant Spinal Surgeon',
    discipline: 'physician',
    organisation: 'Manchester Royal Infirmary Spinal Clinic',
    address: 'Oxford Road, Manchester M13 9WL',
    phone: '0161 555 0199',
    languages: ['English', 'Polish'],
    acceptingNewPatients: true,
    openingHours: 'Clinics Tue and Thu mornings',
    tags: ['spine', 'surgery'],
    internalNotes: 'NHS route: GP referral needed. Private clinic on Thursdays.',
  },
  {
    name: 'Northern Care Alliance Falls & Bone Health',
    discipline: 'other',
    organisation: 'Northern Care Alliance',
    address: 'Stott Lane, Salford M6 8HD',
    phone: '0161 555 0134',
    languages: ['English'],
    acceptingNewPatients: true,
    openingHours: 'Mon–Fri 09:00–16:00',
    tags: ['osteoporosis', 'bone density', 'falls'],
  },
];

const BY_SLUG: Record<string, NewProvider[]> = { harbour: HARBOUR, northside: NORTHSIDE };

/**
 * Each demo clinic's own entry and about eight providers of its own. Skips a clinic that already
 * has any provider besides its own entry, so running the seed again changes nothing.
 */
export async function seedDemoProviders(db: Database): Promise<number> {
  let created = 0;
  for (const [slug, list] of Object.entries(BY_SLUG)) {
    const [clinic] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug)).limit(1);
    if (!clinic) continue;
    await ensureClinicEntry(db, clinic.id);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(providers)
      .where(sql`${providers.clinicId} = ${clinic.id} and not ${providers.isClinic}`);
    if ((row?.n ?? 0) > 0) continue;
    await db.insert(providers).values(list.map((p) => ({ ...p, clinicId: clinic.id })));
    created += list.length;
  }
  return created;
}

import { eq, sql } from 'drizzle-orm';
import { addDays } from 'date-fns';
import type { Database } from '@/db/client';
import { shiftDate, todayIn } from '@/lib/dates';
import { hashToken, newToken } from '@/lib/patient-portal/link-access';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { BUILTIN_EXERCISES } from './reference-exercises';
import {
  type ScreeningAnswers,
  clinics,
  patientLinks,
  patients,
  planItems,
  plans,
  planTemplateItems,
  planTemplates,
  planVersions,
  precautionAcknowledgements,
  screenings,
  users,
  type Dose,
  type Weekday,
} from '@/db/schema';
import { DEMO_PATIENT_LINK } from './demo-accounts';
import { type LogStory, seedDemoLogs } from './demo-logs';
import { builtinIdsBySlug } from './reference';

type Item = { slug: string; dose?: Partial<Dose>; note?: string };

const base = (slug: string): Dose => {
  const e = BUILTIN_EXERCISES.find((x) => x.slug === slug);
  if (!e) throw new Error(`unknown built-in ${slug}`);
  return { ...e.defaultDose, daysOfWeek: [...e.defaultDose.daysOfWeek] };
};

const TEMPLATES: { name: string; description: string; items: Item[] }[] = [
  {
    name: 'Desk worker — week 1',
    description: 'For people who sit most of the day: soft-tissue work first, then short extension holds.',
    items: [
      { slug: 'upper-back-roll-bridge', dose: { holdSeconds: 60, reps: 3, sets: 1 } },
      { slug: 'thoracic-extension', dose: { holdSeconds: 30, reps: 3, sets: 1 } },
    ],
  },
  {
    name: 'Gentle start — supported',
    description: 'For sensitive or apprehensive patients, or anyone who felt tingling with the standard set-up.',
    items: [
      { slug: 'supported-mobilization', dose: { holdSeconds: 20, reps: 4, sets: 1 } },
      { slug: 'upper-back-roll-bridge', dose: { holdSeconds: 45, reps: 2, sets: 1 } },
    ],
  },
];

const NO: ScreeningAnswers = {};
const yes = (...codes: [string, string?][]): ScreeningAnswers =>
  Object.fromEntries(codes.map(([c, note]) => [c, { present: true, ...(note ? { note } : {}) }]));

type DemoPatient = {
  name: string;
  birthYear: number;
  timezone: string;
  practitioner: 'admin' | 'practitioner';
  status?: 'discharged';
  screening?: ScreeningAnswers;
  /** Each entry is one version: [days after the plan start, reason, items]. */
  versions?: [number, string, Item[]][];
  acknowledge?: { slug: string; code: string; reason: string }[];
  notes?: string;
  startDaysAgo?: number;
  logs?: LogStory;
};

const desk: Item[] = [
  { slug: 'upper-back-roll-bridge', dose: { holdSeconds: 60, reps: 3, sets: 1 } },
  { slug: 'thoracic-extension', dose: { holdSeconds: 30, reps: 3, sets: 1 } },
];

const HARBOUR: DemoPatient[] = [
  {
    name: 'Maria Lopez',
    logs: { rate: 0.9, pain: [5, 2] },
    birthYear: 1979,
    timezone: 'America/Los_Angeles',
    practitioner: 'admin',
    notes: 'Accountant; stiffness after long days at the screen.',
    versions: [
      [0, 'Assigned from “Desk worker — week 1”', desk],
      [
        14,
        'Tolerating well; longer extension holds',
        [desk[0]!, { slug: 'thoracic-extension', dose: { holdSeconds: 45, reps: 3, sets: 1 } }],
      ],
      [
        28,
        'Second daily session for long office days',
        [
          { slug: 'upper-back-roll-bridge', dose: { holdSeconds: 60, reps: 3, sets: 1, sessionsPerDay: 2 } },
          { slug: 'thoracic-extension', dose: { holdSeconds: 45, reps: 3, sets: 1, sessionsPerDay: 2 } },
        ],
      ],
    ],
  },
  {
    name: 'James O’Connor',
    logs: { rate: 0.8, pain: [4, 3] },
    birthYear: 1961,
    timezone: 'America/New_York',
    practitioner: 'practitioner',
    screening: yes(['osteopenia', 'DEXA 2024: T-score −1.8 at the lumbar spine']),
    notes: 'Prefers morning sessions.',
    versions: [[0, 'Assigned', [{ slug: 'supported-mobilization', dose: { holdSeconds: 20, reps: 4, sets: 1 } }]]],
    acknowledge: [
      {
        slug: 'supported-mobilization',
        code: 'osteopenia',
        reason: 'Supported variant only, small range, no loaded flexion; reviewed DEXA report.',
      },
    ],
  },
  {
    name: 'Aiko Tanaka',
    logs: { rate: 0.85, lapseDays: 6, pain: [6, 4] },
    birthYear: 1990,
    timezone: 'Asia/Tokyo',
    practitioner: 'admin',
    versions: [
      [0, 'Assigned', [{ slug: 'segmental-mobilization' }]],
      [10, 'Tingling in the hands with elbows wide: easier variant', [{ slug: 'supported-mobilization' }]],
    ],
  },
  {
    name: 'Tom Becker',
    logs: { rate: 0.25, pain: [5, 5] },
    birthYear: 1958,
    timezone: 'Europe/Berlin',
    practitioner: 'practitioner',
    versions: [[0, 'Assigned from “Desk worker — week 1”', desk]],
  },
  {
    name: 'Nisha Patel',
    logs: { rate: 0.85, pain: [4, 1] },
    birthYear: 1985,
    timezone: 'Europe/London',
    practitioner: 'practitioner',
    versions: [
      [0, 'Assigned', [{ slug: 'upper-back-roll-arms-crossed' }, { slug: 'segmental-mobilization' }]],
      [
        21,
        'Ready for more: elbows-open variant',
        [{ slug: 'upper-back-roll-arms-crossed' }, { slug: 'elbows-open-mobilization' }],
      ],
    ],
  },
  {
    name: 'Liam Walsh',
    logs: { rate: 0.7, pain: [3, 2] },
    birthYear: 1972,
    timezone: 'Pacific/Auckland',
    practitioner: 'admin',
    versions: [
      [
        0,
        'Assigned',
        [
          {
            slug: 'thoracic-extension',
            dose: { holdSeconds: 60, reps: 4, sets: 2, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
          },
        ],
      ],
    ],
  },
  {
    name: 'Grace Kim',
    logs: { rate: 0.6, pain: [4, 3] },
    birthYear: 1995,
    timezone: 'America/Los_Angeles',
    practitioner: 'practitioner',
    // Three exercises: the handout's fit on two pages is checked on her plan.
    versions: [
      [
        0,
        'Desk worker — week 1, with segmental work for the stiff mid-back',
        [...desk, { slug: 'segmental-mobilization', dose: { holdSeconds: 30, reps: 5, sets: 1 } }],
      ],
    ],
    startDaysAgo: 20,
  },
  {
    name: 'Daniel Ruiz',
    logs: { rate: 0.75, pain: [3, 6], redFlagAtEnd: true },
    birthYear: 1988,
    timezone: 'America/Denver',
    practitioner: 'admin',
    versions: [[0, 'Assigned', [{ slug: 'upper-back-roll-bridge' }, { slug: 'segmental-mobilization' }]]],
  },
  {
    name: 'Olivia Brown',
    birthYear: 1969,
    timezone: 'America/Los_Angeles',
    practitioner: 'admin',
    status: 'discharged',
    versions: [[0, 'Assigned', desk]],
    startDaysAgo: 70,
  },
  {
    name: 'Ethan Clarke',
    logs: { rate: 0.7, lapseDays: 4, pain: [3, 3] },
    birthYear: 2000,
    timezone: 'America/Chicago',
    practitioner: 'practitioner',
    versions: [[0, 'Assigned', [{ slug: 'upper-back-roll-bridge', dose: { sessionsPerDay: 2 } }]]],
    startDaysAgo: 30,
  },
  {
    name: 'Fatima Haddad',
    logs: { rate: 0.75, pain: [5, 3] },
    birthYear: 1982,
    timezone: 'Australia/Sydney',
    practitioner: 'admin',
    versions: [[0, 'Assigned', [{ slug: 'thoracic-extension' }, { slug: 'upper-back-roll-arms-crossed' }]]],
  },
  {
    name: 'Noah Fischer',
    birthYear: 1976,
    timezone: 'America/Los_Angeles',
    practitioner: 'practitioner',
    notes: 'New patient: screened, plan not yet chosen.',
  },
];

const NORTHSIDE: DemoPatient[] = [
  {
    name: 'Hannah Price',
    logs: { rate: 0.8, pain: [4, 2] },
    birthYear: 1987,
    timezone: 'Europe/London',
    practitioner: 'admin',
    versions: [[0, 'Assigned', desk]],
  },
  {
    name: 'Oliver Hughes',
    logs: { rate: 0.5, pain: [5, 4] },
    birthYear: 1970,
    timezone: 'Europe/London',
    practitioner: 'admin',
    versions: [[0, 'Assigned', [{ slug: 'supported-mobilization' }]]],
  },
  { name: 'Amelia Ward', birthYear: 1993, timezone: 'Europe/Dublin', practitioner: 'admin' },
];

async function seedClinicCare(db: Database, slug: string, list: DemoPatient[], ids: Map<string, string>) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, slug));
  if (!clinic) return 0;
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(patients)
    .where(eq(patients.clinicId, clinic.id));
  if (n > 0) return 0;
  const staff = await db.select().from(users).where(eq(users.clinicId, clinic.id));
  const admin = staff.find((u) => u.role === 'admin') ?? staff[0];
  const practitioner = staff.find((u) => u.role === 'practitioner') ?? admin;
  if (!admin || !practitioner) return 0;

  for (const t of TEMPLATES) {
    const [template] = await db
      .insert(planTemplates)
      .values({ clinicId: clinic.id, name: t.name, description: t.description, createdBy: admin.id })
      .onConflictDoNothing()
      .returning({ id: planTemplates.id });
    if (!template) continue;
    await db.insert(planTemplateItems).values(
      t.items.map((item, position) => ({
        clinicId: clinic.id,
        templateId: template.id,
        position,
        exerciseId: ids.get(item.slug)!,
        ...base(item.slug),
        ...item.dose,
        patientNote: item.note ?? null,
      })),
    );
  }

  for (const p of list) {
    const owner = p.practitioner === 'admin' ? admin : practitioner;
    const [patient] = await db
      .insert(patients)
      .values({
        clinicId: clinic.id,
        name: p.name,
        birthYear: p.birthYear,
        timezone: p.timezone,
        primaryPractitionerId: owner.id,
        status: p.status ?? 'active',
        dischargedAt: p.status === 'discharged' ? new Date() : null,
        notes: p.notes ?? null,
        createdBy: owner.id,
      })
      .returning({ id: patients.id });
    if (!patient) continue;
    const answers: ScreeningAnswers = {};
    for (const c of CONTRAINDICATIONS) answers[c.code] = { present: false };
    Object.assign(answers, p.screening ?? NO);
    await db.insert(screenings).values({ clinicId: clinic.id, patientId: patient.id, screenedBy: owner.id, answers });
    // Every demo patient has a link; Maria's is the fixed one the README opens.
    const token = p.name === DEMO_PATIENT_LINK.patientName ? DEMO_PATIENT_LINK.token : newToken();
    await db.insert(patientLinks).values({
      clinicId: clinic.id,
      patientId: patient.id,
      tokenHash: hashToken(token),
      label: 'Phone',
      createdBy: owner.id,
      revokedAt: p.status === 'discharged' ? new Date() : null,
    });
    if (!p.versions) continue;

    const today = todayIn(p.timezone);
    const start = shiftDate(today, -(p.startDaysAgo ?? 42));
    const ended = p.status === 'discharged';
    const [plan] = await db
      .insert(plans)
      .values({
        clinicId: clinic.id,
        patientId: patient.id,
        startDate: start,
        status: ended ? 'ended' : 'active',
        endDate: ended ? shiftDate(start, 41) : null,
        endedAt: ended ? new Date() : null,
        createdBy: owner.id,
      })
      .returning({ id: plans.id });
    if (!plan) continue;
    let number = 0;
    const seeded: {
      versionId: string;
      effectiveDate: string;
      items: { exerciseId: string; sessionsPerDay: number; daysOfWeek: Weekday[] }[];
    }[] = [];
    for (const [offset, reason, items] of p.versions) {
      number++;
      const [version] = await db
        .insert(planVersions)
        .values({
          clinicId: clinic.id,
          planId: plan.id,
          version: number,
          effectiveDate: shiftDate(start, offset),
          authorId: owner.id,
          reason,
          createdAt: addDays(new Date(`${start}T17:00:00Z`), offset),
        })
        .returning({ id: planVersions.id });
      if (!version) continue;
      seeded.push({
        versionId: version.id,
        effectiveDate: shiftDate(start, offset),
        items: items.map((item) => ({ exerciseId: ids.get(item.slug)!, ...base(item.slug), ...item.dose })),
      });
      await db.insert(planItems).values(
        items.map((item, position) => ({
          clinicId: clinic.id,
          planVersionId: version.id,
          position,
          exerciseId: ids.get(item.slug)!,
          ...base(item.slug),
          ...item.dose,
          patientNote: item.note ?? null,
        })),
      );
      for (const a of p.acknowledge ?? []) {
        if (!items.some((i) => i.slug === a.slug)) continue;
        await db.insert(precautionAcknowledgements).values({
          clinicId: clinic.id,
          planVersionId: version.id,
          exerciseId: ids.get(a.slug)!,
          contraindication: a.code,
          reason: a.reason,
          acknowledgedBy: owner.id,
        });
      }
    }
    if (p.logs && !ended) {
      await seedDemoLogs(
        db,
        { id: patient.id, clinicId: clinic.id, timezone: p.timezone, name: p.name },
        plan.id,
        start,
        seeded,
        p.logs,
      );
    }
  }
  return list.length;
}

/** Demo patients, screenings, templates and plans for the demo clinics; skipped for a clinic that has patients. */
export async function seedDemoCare(db: Database): Promise<{ patients: number }> {
  const ids = await builtinIdsBySlug(db);
  const a = await seedClinicCare(db, 'harbour', HARBOUR, ids);
  const b = await seedClinicCare(db, 'northside', NORTHSIDE, ids);
  return { patients: a + b };
}

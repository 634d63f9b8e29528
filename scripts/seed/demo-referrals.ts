import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { clinics, patients, providers, referralEvents, referrals, type ReferralStatus, users } from '@/db/schema';
import { shiftDate, todayIn } from '@/lib/dates';

type Story = {
  patient: string;
  provider: string;
  reason: string;
  urgency: 'routine' | 'soon' | 'urgent';
  request: 'assess' | 'treat' | 'assess_and_report';
  /** Each step and how many days ago it happened, oldest first; the last is where it stands. */
  steps: [ReferralStatus, number][];
  report?: { findings: string; recommendations: string };
};

// A few of the demo patients at different steps, so the patient page, the dashboard's Referrals
// group and the phone's In-person care all have something to show.
const HARBOUR: Story[] = [
  {
    patient: 'Aiko Tanaka',
    provider: 'Dr. Angela Reyes, MD',
    reason: 'Tingling in both hands during segmental work, easing with the supported variant but not gone.',
    urgency: 'soon',
    request: 'assess_and_report',
    steps: [
      ['draft', 9],
      ['sent', 9],
    ],
  },
  {
    patient: 'Daniel Ruiz',
    provider: 'Eastside Urgent Care',
    reason: 'Pain after sessions rising to 6 with a new red flag; needs a medical review before more loading.',
    urgency: 'urgent',
    request: 'assess',
    steps: [
      ['draft', 1],
      ['sent', 1],
    ],
  },
  {
    patient: 'Tom Becker',
    provider: 'Rose City Imaging',
    reason: 'Persistent mid-back stiffness at 68; rule out compression fracture before extension work.',
    urgency: 'routine',
    request: 'assess_and_report',
    steps: [
      ['draft', 30],
      ['sent', 30],
      ['booked', 25],
      ['seen', 16],
    ],
  },
  {
    patient: 'Nisha Patel',
    provider: 'Willamette Physical Therapy',
    reason: 'Ready for more load than home work gives: a supervised strength block.',
    urgency: 'routine',
    request: 'treat',
    steps: [
      ['draft', 40],
      ['sent', 40],
      ['booked', 35],
      ['seen', 28],
      ['report_received', 21],
    ],
    report: {
      findings: 'Good thoracic mobility; scapular endurance below par on the left.',
      recommendations: 'Keep the home plan; add banded rows three times a week.',
    },
  },
];

const DAY_COLUMN: Partial<Record<ReferralStatus, 'sentOn' | 'bookedOn' | 'seenOn' | 'reportOn' | 'closedOn'>> = {
  sent: 'sentOn',
  booked: 'bookedOn',
  seen: 'seenOn',
  report_received: 'reportOn',
};

/** Demo referrals for the Harbour clinic. Safe to run again: a clinic with any referral is left alone. */
export async function seedDemoReferrals(db: Database): Promise<number> {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, 'harbour')).limit(1);
  if (!clinic) return 0;
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(eq(referrals.clinicId, clinic.id));
  if ((existing?.n ?? 0) > 0) return 0;
  const [author] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.clinicId, clinic.id), eq(users.role, 'admin')))
    .limit(1);
  const today = todayIn(clinic.timezone);
  let created = 0;
  for (const story of HARBOUR) {
    const [patient] = await db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.clinicId, clinic.id), eq(patients.name, story.patient)));
    const [provider] = await db
      .select({ id: providers.id })
      .from(providers)
      .where(and(eq(providers.clinicId, clinic.id), eq(providers.name, story.provider)));
    if (!patient || !provider) continue;
    const last = story.steps.at(-1)!;
    const days = Object.fromEntries(
      story.steps.flatMap(([status, ago]) => {
        const column = DAY_COLUMN[status];
        return column ? [[column, shiftDate(today, -ago)]] : [];
      }),
    );
    const [row] = await db
      .insert(referrals)
      .values({
        clinicId: clinic.id,
        patientId: patient.id,
        providerId: provider.id,
        createdBy: author?.id ?? null,
        reason: story.reason,
        urgency: story.urgency,
        request: story.request,
        patientInformed: true,
        status: last[0],
        ...days,
        reportFindings: story.report?.findings ?? null,
        reportRecommendations: story.report?.recommendations ?? null,
        createdAt: new Date(Date.now() - story.steps[0]![1] * 86_400_000),
      })
      .returning({ id: referrals.id });
    if (!row) continue;
    let previous: ReferralStatus | null = null;
    for (const [status, ago] of story.steps) {
      await db.insert(referralEvents).values({
        clinicId: clinic.id,
        referralId: row.id,
        actorUserId: author?.id ?? null,
        kind: status === 'report_received' ? 'report' : 'status',
        fromStatus: previous,
        toStatus: status,
        occurredOn: shiftDate(today, -ago),
      });
      previous = status;
    }
    created++;
  }
  return created;
}

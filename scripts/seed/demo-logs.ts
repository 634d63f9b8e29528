import crypto from 'node:crypto';
import { getISODay, parseISO } from 'date-fns';
import { fromZonedTime } from 'date-fns-tz';
import { eq } from 'drizzle-orm';
import { shiftDate, todayIn } from '@/lib/dates';
import { redFlagsOf } from '@/lib/patient-portal/red-flags';
import type { Database } from '@/db/client';
import { alertEvents, alerts, patients, sessionLogs } from '@/db/schema';

/** How a demo patient has been getting on: the story their charts should tell. */
export type LogStory = {
  /** Chance of doing each prescribed session. */
  rate: number;
  /** No sessions in the last N days (a lapse). */
  lapseDays?: number;
  /** Pain after sessions, from the start of the plan to now. */
  pain: [from: number, to: number];
  /** The last session reports tingling and pain 7: an open red flag. */
  redFlagAtEnd?: boolean;
};

type Version = {
  versionId: string;
  effectiveDate: string;
  items: { exerciseId: string; sessionsPerDay: number; daysOfWeek: number[] }[];
};

/** A small deterministic generator, so the demo clinic looks the same on every machine. */
function random(seed: string) {
  let h = crypto.createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Session logs from the plan's start to yesterday, following the story. */
export async function seedDemoLogs(
  db: Database,
  patient: { id: string; clinicId: string; timezone: string; name: string },
  planId: string,
  start: string,
  versions: Version[],
  story: LogStory,
) {
  const rand = random(patient.name);
  const today = todayIn(patient.timezone);
  const rows: (typeof sessionLogs.$inferInsert)[] = [];
  const totalDays = Math.max(1, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000));
  for (let day = start, n = 0; day < today; day = shiftDate(day, 1), n++) {
    if (story.lapseDays && Date.parse(today) - Date.parse(day) <= story.lapseDays * 86_400_000) continue;
    const version = [...versions].reverse().find((v) => v.effectiveDate <= day);
    if (!version) continue;
    const weekday = getISODay(parseISO(day));
    const todays = version.items.filter((i) => i.daysOfWeek.includes(weekday));
    const sessions = Math.max(0, ...todays.map((i) => i.sessionsPerDay));
    for (let s = 0; s < sessions; s++) {
      if (rand() > story.rate) continue;
      const progress = n / totalDays;
      // Only the patient whose story is a red flag reaches red-flag pain; the others stay below it.
      const ceiling = story.redFlagAtEnd ? 10 : 5;
      const after = Math.max(
        0,
        Math.min(
          ceiling,
          Math.round(story.pain[0] + (story.pain[1] - story.pain[0]) * progress + (rand() - 0.5) * 1.5),
        ),
      );
      const before = Math.max(0, Math.min(ceiling + 1, after + (rand() < 0.7 ? 1 : 0)));
      const hour = 7 + s * 6 + Math.floor(rand() * 3);
      const performedAt = fromZonedTime(
        `${day}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00`,
        patient.timezone,
      );
      rows.push({
        clinicId: patient.clinicId,
        patientId: patient.id,
        planId,
        planVersionId: version.versionId,
        performedAt,
        localDay: day,
        itemsDone: todays.map((i) => i.exerciseId),
        painBefore: before,
        painAfter: after,
        symptoms: [],
        note: null,
        idempotencyKey: crypto.randomUUID(),
        payloadHash: crypto.createHash('sha256').update(`${patient.id}${performedAt.toISOString()}`).digest('hex'),
      });
    }
  }
  if (story.redFlagAtEnd && rows.length) {
    const last = rows[rows.length - 1]!;
    Object.assign(last, {
      painBefore: 4,
      painAfter: 7,
      symptoms: ['tingling'],
      note: 'Pins and needles in my right hand after the extension.',
    });
  }
  if (!rows.length) return 0;
  const inserted = await db.insert(sessionLogs).values(rows).returning({
    id: sessionLogs.id,
    painBefore: sessionLogs.painBefore,
    painAfter: sessionLogs.painAfter,
    symptoms: sessionLogs.symptoms,
    performedAt: sessionLogs.performedAt,
  });
  const flagged = inserted.map((r) => ({ r, flags: redFlagsOf(r) })).filter((x) => x.flags.length);
  if (flagged.length) {
    // Older red flags were seen to; the newest stays open for the practitioner.
    const newest = flagged.reduce((a, b) => (a.r.performedAt > b.r.performedAt ? a : b));
    const raised = await db
      .insert(alerts)
      .values(
        flagged.map(({ r, flags }) => ({
          clinicId: patient.clinicId,
          patientId: patient.id,
          sessionLogId: r.id,
          kind: 'red_flag' as const,
          reasons: flags,
          status: r === newest.r ? ('open' as const) : ('resolved' as const),
          createdAt: r.performedAt,
        })),
      )
      .returning({ id: alerts.id, status: alerts.status, createdAt: alerts.createdAt });
    const handled = raised.filter((a) => a.status === 'resolved');
    if (handled.length) {
      await db.insert(alertEvents).values(
        handled.map((a) => ({
          clinicId: patient.clinicId,
          alertId: a.id,
          action: 'resolve' as const,
          note: 'Reviewed at the next appointment.',
          createdAt: a.createdAt,
        })),
      );
    }
  }
  const lastAt = inserted.reduce((a, b) => (a.performedAt > b.performedAt ? a : b)).performedAt;
  await db.update(patients).set({ lastSessionAt: lastAt }).where(eq(patients.id, patient.id));
  return inserted.length;
}

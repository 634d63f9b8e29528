import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { type ScreeningAnswers, patients, screenings, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { text } from '@/lib/validation/form';
import { CONTRAINDICATIONS } from './contraindications';

/** Every question needs an explicit yes or no; a note is optional. */
export const screeningFormSchema = z.object(
  Object.fromEntries(
    CONTRAINDICATIONS.flatMap((c) => [
      [c.code, z.enum(['yes', 'no'], { error: 'Answer yes or no.' })],
      [
        `${c.code}_note`,
        text({ label: 'The note', max: 500, multiline: true, tooLong: 'Notes are at most 500 characters.' }).optional(),
      ],
    ]),
  ) as Record<string, z.ZodType<string | undefined>>,
);

export function answersFromForm(parsed: Record<string, string | undefined>): ScreeningAnswers {
  const answers: ScreeningAnswers = {};
  for (const c of CONTRAINDICATIONS) {
    const note = parsed[`${c.code}_note`];
    answers[c.code] = { present: parsed[c.code] === 'yes', ...(note ? { note } : {}) };
  }
  return answers;
}

export async function recordScreening(
  actor: Actor,
  patientId: string,
  answers: ScreeningAnswers,
): Promise<Result<{ id: string }>> {
  return db().transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .limit(1);
    if (!patient) return fail('not_found', 'That patient is not in your clinic.');
    const [row] = await tx
      .insert(screenings)
      .values({ clinicId: actor.clinicId, patientId, screenedBy: actor.userId, answers })
      .returning({ id: screenings.id });
    await audit(tx, actor, {
      action: 'patient.screened',
      subjectType: 'patient',
      subjectId: patientId,
      detail: {
        positives: Object.entries(answers)
          .filter(([, a]) => a.present)
          .map(([code]) => code),
      },
    });
    return ok({ id: row!.id });
  });
}

export type ScreeningRecord = {
  id: string;
  answers: ScreeningAnswers;
  createdAt: Date;
  screenedByName: string | null;
};

/** Newest first; the first one is the screening in force. */
export async function screeningHistory(actor: Actor, patientId: string): Promise<ScreeningRecord[]> {
  return db()
    .select({
      id: screenings.id,
      answers: screenings.answers,
      createdAt: screenings.createdAt,
      screenedByName: users.name,
    })
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.screenedBy))
    .where(and(eq(screenings.patientId, patientId), eq(screenings.clinicId, actor.clinicId)))
    .orderBy(desc(screenings.createdAt), desc(screenings.id));
}

export async function currentScreening(actor: Actor, patientId: string): Promise<ScreeningRecord | null> {
  const [latest] = await db()
    .select({
      id: screenings.id,
      answers: screenings.answers,
      createdAt: screenings.createdAt,
      screenedByName: users.name,
    })
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.screenedBy))
    .where(and(eq(screenings.patientId, patientId), eq(screenings.clinicId, actor.clinicId)))
    .orderBy(desc(screenings.createdAt), desc(screenings.id))
    .limit(1);
  return latest ?? null;
}

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { SYMPTOM_CODES, sessionLogs } from '@/db/schema';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { SYMPTOMS, symptomLabel } from './log-contract';

describe('the session-log contract', () => {
  it('offers the patient exactly the symptoms the database knows, each in words', () => {
    expect(SYMPTOMS.map((s) => s.code).sort()).toEqual([...SYMPTOM_CODES].sort());
    for (const s of SYMPTOMS) expect(symptomLabel(s.code)).toBe(s.label);
    expect(symptomLabel('dizzy')).toBe('dizzy');
  });

  it('the database stores every symptom the phone offers, and refuses any other', async () => {
    const { patientId, logAt } = await patientOnPlan(await fixtureExercise(), 'Europe/London', '2026-01-01');
    const now = new Date();
    await logAt(new Date(now.getTime() - 60_000).toISOString(), now, [3, 2], { symptoms: SYMPTOMS.map((s) => s.code) });
    const [row] = await db()
      .select({ symptoms: sessionLogs.symptoms })
      .from(sessionLogs)
      .where(eq(sessionLogs.patientId, patientId));
    expect(row?.symptoms).toEqual(SYMPTOMS.map((s) => s.code));
    const unknown = await db()
      .execute(sql`update session_logs set symptoms = array['dizzy'] where patient_id = ${patientId}`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(String(unknown instanceof Error ? (unknown.cause ?? unknown) : unknown)).toMatch(
      /session_logs_symptoms_valid/,
    );
  });
});

import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { symptomLabel } from '@/lib/patient-portal/log-limits';
import { RED_FLAG_HIGH_PAIN, RED_FLAG_PAIN_ROSE } from '@/lib/patient-portal/red-flags';

/**
 * Alert severity, highest (1) first, as the design defines it: chest pain or breathlessness;
 * numbness or tingling; pain ≥ 7; pain rising by ≥ 2; then adherence under 50 %; then no session
 * for 3+ prescribed days. Any other red flag (sharp pain, "something else") ranks below the named
 * ones and above the lapses: it is still something the patient felt.
 */
export const SEVERITY = {
  chest: 1,
  tingling: 2,
  highPain: 3,
  painRising: 4,
  otherRedFlag: 5,
  lowAdherence: 6,
  inactive: 7,
} as const;

// Alerts keep their reasons as the words the patient was shown (lib/patient-portal/red-flags.ts),
// so the rank reads those same words: one place names them.
const RANKED_REASONS: [string, number][] = [
  [symptomLabel('chest'), SEVERITY.chest],
  [symptomLabel('tingling'), SEVERITY.tingling],
  [RED_FLAG_HIGH_PAIN, SEVERITY.highPain],
  [RED_FLAG_PAIN_ROSE, SEVERITY.painRising],
];

/** The severity of an alert with the given reasons (a text[] expression), computed by the database. */
export function alertSeveritySql(reasons: SQL): SQL {
  const cases = RANKED_REASONS.map(
    ([label, rank]) => sql`when ${label}::text = any(${reasons}) then ${sql.raw(String(rank))}`,
  );
  return sql`(case ${sql.join(cases, sql` `)} else ${sql.raw(String(SEVERITY.otherRedFlag))} end)`;
}

/**
 * A patient's severity on the dashboard: the worst of their open alerts' (an int expression, null
 * without one) and of the attention reasons stored with their figures (a text[] expression).
 */
export function attentionSeveritySql(openAlertSeverity: SQL, figureReasons: SQL): SQL {
  return sql`least(${openAlertSeverity},
    case when 'pain_rising' = any(${figureReasons}) then ${sql.raw(String(SEVERITY.painRising))} end,
    case when 'low_adherence' = any(${figureReasons}) then ${sql.raw(String(SEVERITY.lowAdherence))} end,
    case when 'inactive' = any(${figureReasons}) then ${sql.raw(String(SEVERITY.inactive))} end)`;
}

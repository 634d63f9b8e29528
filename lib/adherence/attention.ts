import 'server-only';
import { type SQL, sql } from 'drizzle-orm';

export type AttentionReason = 'red_flag' | 'low_adherence' | 'inactive' | 'pain_rising';

/**
 * The figures of each row of `base` (a patient's adherence figures, as lib/adherence.ts computes
 * them) with the adherence ratios, pain change and who needs attention, by the rules in the
 * adherence issue: an open red flag; under 50 % over 7 days, once at least 3 of them asked for
 * sessions (a plan assigned minutes ago is not "behind"); no session for 3+ days while one
 * was prescribed (or never a session with 3+ prescribed days missed); pain after sessions up 2+
 * points. lib/figures.ts stores the result with each patient's figures; the open red flag is the
 * one reason it adds again when reading, since alerts change without the figures changing.
 */
/** A plan is judged on adherence only once it has asked for sessions on this many days. */
export const MIN_DAYS_TO_JUDGE = 3;

export function withAttention(base: SQL): SQL {
  return sql`
    select b.*,
           case when b."prescribed7" > 0 then b."completed7"::float8 / b."prescribed7" end as "adherence7",
           case when b."prescribed28" > 0 then b."completed28"::float8 / b."prescribed28" end as "adherence28",
           (b.today::date - b."lastSessionDay"::date) as "daysSinceLastSession",
           round((b."painAfter7" - b."painAfterPrevious7")::numeric, 2)::float8 as "painChange",
           round((b."painBefore7" - b."painBeforePrevious7")::numeric, 2)::float8 as "painBeforeChange",
           array_remove(array[
             case when b."openRedFlags" > 0 then 'red_flag' end,
             case when b."prescribedDays7" >= ${MIN_DAYS_TO_JUDGE} and b."completed7"::float8 / b."prescribed7" < 0.5 then 'low_adherence' end,
             case when (b."lastSessionDay" is null and b."missedPrescribedDays" >= 3)
                    or (b.today::date - b."lastSessionDay"::date >= 3 and b."missedPrescribedDays" > 0) then 'inactive' end,
             case when b."painAfter7" - b."painAfterPrevious7" >= 2 then 'pain_rising' end
           ], null) as reasons
    from (${base}) b
  `;
}

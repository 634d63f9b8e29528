import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import type { Actor } from '@/lib/auth/guard';
import { thresholdsOf } from './clinic-thresholds';
import { suggestionsFor } from './for-patient';

/** How many patients each group lists, and how many candidates the stored figures may put forward. */
const SHOWN = 8;
const CANDIDATES = 60;

export type ProgressionEntry = { patientId: string; patientName: string; headline: string; reasons: string[] };

/**
 * The dashboard's "Ready to progress" and "Step down" groups. The stored figures (patient_figures)
 * pick the candidates in one query: 7-day adherence and pain near a step up, or pain high,
 * rising or a red flag lately; the rules then decide for those few at once (suggestionsFor,
 * a fixed number of queries). Dismissed suggestions stay off.
 */
export async function progressionGroups(actor: Actor, now = new Date()) {
  const [clinic] = rowsOf<{ thresholds: Record<string, unknown> }>(
    await db().execute(
      sql`select progression_thresholds as thresholds from clinics where id = ${actor.clinicId}::uuid`,
    ),
  );
  const t = thresholdsOf(clinic?.thresholds);
  const candidates = rowsOf<{ id: string; name: string; timezone: string; down: boolean }>(
    await db().execute(sql`
      select p.id, p.name, p.timezone,
             (coalesce(f.pain_after7 >= ${t.stepDownPain}, false) or coalesce(f.pain_change >= ${t.painRise}, false)
              or exists (select 1 from alerts a where a.clinic_id = p.clinic_id and a.patient_id = p.id
                          and a.kind = 'red_flag' and a.created_at > ${now.toISOString()}::timestamptz - interval '14 days')) as down
      from patients p
      join patient_figures f on f.patient_id = p.id
      where p.clinic_id = ${actor.clinicId}::uuid and p.status = 'active'
        and ((f.adherence7 >= ${t.stepUpAdherence} and f.pain_after7 <= ${t.stepUpMaxPain})
             or f.pain_after7 >= ${t.stepDownPain} or f.pain_change >= ${t.painRise}
             or exists (select 1 from alerts a where a.clinic_id = p.clinic_id and a.patient_id = p.id
                         and a.kind = 'red_flag' and a.created_at > ${now.toISOString()}::timestamptz - interval '14 days'))
      order by 4 desc, f.pain_after7 desc nulls last, p.name
      limit ${CANDIDATES}
    `),
  );
  const suggestions = await suggestionsFor(
    actor,
    candidates.map((c) => ({ id: c.id, timezone: c.timezone })),
    now,
  );
  const group = (kind: 'step_up' | 'step_down'): ProgressionEntry[] =>
    candidates.flatMap((c) => {
      const s = suggestions.get(c.id);
      if (!s || s.dismissed || s.suggestion.kind !== kind) return [];
      return [{ patientId: c.id, patientName: c.name, headline: s.suggestion.headline, reasons: s.suggestion.reasons }];
    });
  return { readyToProgress: group('step_up').slice(0, SHOWN), stepDown: group('step_down').slice(0, SHOWN) };
}

import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import type { Actor } from '@/lib/auth/guard';
import { freshenFigures } from '@/lib/adherence/figures';
import { thresholdsOf } from './clinic-thresholds';
import { suggestionsFor } from './for-patient';

/** How many patients each group lists, and how many candidates the stored figures may put forward. */
const SHOWN = 8;
const CANDIDATES = 60;

export type ProgressionEntry = { patientId: string; patientName: string; headline: string; reasons: string[] };

/**
 * The dashboard's "Ready to progress" and "Step down" groups. The stored figures
 * (patient_figures, made current first) pick the candidates in one query: 7-day adherence and
 * pain near a step up, or pain high, rising or a red flag lately; the rules then decide for those
 * few at once (suggestionsFor, a fixed number of queries). Dismissed suggestions stay off.
 */
export async function progressionGroups(actor: Actor, now = new Date()): Promise<Groups> {
  // What the groups are made of, in one cheap read: every patient's figures_version (bumped by
  // triggers on each log, plan, version and item change), the decisions taken, the thresholds
  // and the day. While it holds, the groups computed for it hold too.
  const [clinic] = rowsOf<{ thresholds: Record<string, unknown>; key: string }>(
    await db().execute(sql`
      select c.progression_thresholds as thresholds,
             concat_ws(':', (${now.toISOString()}::timestamptz at time zone c.timezone)::date,
               md5(c.progression_thresholds::text),
               (select concat_ws(':', coalesce(sum(p.figures_version), 0), count(*))
                  from patients p where p.clinic_id = c.id and p.status = 'active'),
               (select count(*) from progression_events e where e.clinic_id = c.id and e.kind <> 'shown')) as key
      from clinics c where c.id = ${actor.clinicId}::uuid`),
  );
  const cached = computed.get(actor.clinicId);
  if (cached && clinic && cached.key === clinic.key) return cached.groups;
  // The candidates come from the stored figures, so those out of date (a log since they were
  // stored, a new day) are brought up to date first: else a patient who earned a group since
  // would miss it until something else changed the key. Beside the dashboard's own read this
  // waits on the same per-clinic locks (lib/adherence/figures.ts) instead of computing twice.
  await freshenFigures(actor.clinicId, sql`true`, now);
  const groups = await computeGroups(actor, thresholdsOf(clinic?.thresholds), now);
  if (clinic) computed.set(actor.clinicId, { key: clinic.key, groups });
  return groups;
}

type Groups = { readyToProgress: ProgressionEntry[]; stepDown: ProgressionEntry[] };

/** The last groups computed for each clinic in this process, with the key they were computed for. */
const computed = new Map<string, { key: string; groups: Groups }>();

async function computeGroups(actor: Actor, t: ReturnType<typeof thresholdsOf>, now: Date): Promise<Groups> {
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

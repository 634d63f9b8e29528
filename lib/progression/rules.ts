import { fewerSessions, stepDownItem, stepUpItem } from './doses';
import { type ProgressionFigures, progressionFigures } from './figures';
import { type ProgressionThresholds, withDefaults } from './thresholds';
import type { ItemChange, PlanItemDose, ProgressionInput, ProgressionSuggestion, SuggestionKind } from './types';
import { changeSummary, doneInWords, headlineOf, figure, painInWords, percent, plural, redFlagsInWords } from './words';

export {
  DEFAULT_THRESHOLDS,
  progressionThresholdsSchema,
  progressionThresholdsShape,
  THRESHOLD_RANGES,
} from './thresholds';
export type { ProgressionThresholds } from './thresholds';
export type { ProgressionFigures, WindowFigures } from './figures';
export type * from './types';

/*
 * The next step for one plan, from what the patient did since its current version took effect
 * (design.md, "Progression suggestion"; issue 15). Pure: no database and no clock, so the same
 * inputs always give the same suggestion, the dashboard can run it over stored figures, and the
 * rules are pinned by property tests. It only suggests: a practitioner applies it as a new version.
 *
 * In order, the first that applies:
 *  1. fewer than `minLoggedDays` days logged since the change → null: too little to go on;
 *  2. a red flag, pain after averaging ≥ `stepDownPain`, or pain after up ≥ `painRise` on the
 *     window before → step_down, with in-person care suggested (safety first, whatever else holds);
 *  3. `noStepUpDays` on this dose, adherence ≥ `stepUpAdherence`, pain after scored and ≤
 *     `stepUpMaxPain` → step_up, if any exercise has somewhere to go;
 *  4. adherence < `simplifyAdherence` over `simplifyWindowDays` → simplify, if anything can go
 *     (red flags and rising pain were taken by 2);
 *  5. otherwise hold: keep the plan as it is, with the figures and what stands between the
 *     patient and the next step ("progress needs 80 % of sessions done"), so a practitioner sees
 *     the plan was looked at and what to talk about, rather than nothing.
 */
export function suggestProgression(input: ProgressionInput): ProgressionSuggestion | null {
  const t = withDefaults(input.thresholds);
  const { items, effectiveDate } = input.version;
  const figures = progressionFigures(input.days, effectiveDate, input.today, t);
  if (items.length === 0 || figures.loggedDaysSinceChange < t.minLoggedDays) return null;

  const suggestion = (kind: SuggestionKind, reasons: string[], changes: ItemChange[], headline: string) => ({
    kind,
    headline,
    reasons,
    changes,
    items: nextItems(items, changes),
    suggestReferral: kind === 'step_down',
    figures,
  });
  const change = (position: number, action: ItemChange['action'], to: PlanItemDose | null): ItemChange => {
    const from = items[position] as PlanItemDose;
    return { position, action, from, to, summary: changeSummary({ position, action, from, to }, input.exercises) };
  };
  const { recent, longer } = figures;
  const facts = [doneInWords(recent), painInWords(recent, t.windowDays)];

  const down = stepDownReasons(figures, t);
  if (down.length > 0) {
    const changes = eachItem(items, change, (item, i, taken) =>
      stepDownItem(item, i, input.previousItems, input.exercises, t.holdIncrement, taken),
    );
    return suggestion('step_down', down, changes, headlineOf('Step down', changes, 'suggest in-person care'));
  }

  const blockers = stepUpBlockers(figures, t);
  if (blockers.length === 0) {
    const changes = eachItem(items, change, (item, _, taken) => {
      const exercise = input.exercises.get(item.exerciseId);
      return exercise ? stepUpItem(item, exercise, t.holdIncrement, taken) : null;
    });
    if (changes.length > 0) return suggestion('step_up', facts, changes, headlineOf('Ready to progress', changes, ''));
    blockers.push('every exercise is at its limits and has no harder variant');
  }

  if (longer.adherence !== null && longer.adherence < t.simplifyAdherence) {
    const longerFacts = [`${doneInWords(longer)} (${percent(longer.adherence)})`, painInWords(recent, t.windowDays)];
    const changes = simplifyChanges(items, input, change);
    if (changes.length > 0) return suggestion('simplify', longerFacts, changes, headlineOf('Simplify', changes, ''));
    blockers.unshift('already one exercise at its fewest sessions: ask what gets in the way');
  }

  return suggestion('hold', [...facts, ...blockers], [], `Hold steady: ${blockers[0] ?? facts[0]}`);
}

/** Why to step down, in words; empty when nothing calls for it. */
function stepDownReasons(f: ProgressionFigures, t: ProgressionThresholds): string[] {
  const reasons: string[] = [];
  if (f.recent.redFlagDays.length > 0) reasons.push(redFlagsInWords(f.recent.redFlagDays));
  if (f.recent.painAfter !== null && f.recent.painAfter >= t.stepDownPain)
    reasons.push(`pain after averaged ${figure(f.recent.painAfter)}`);
  if (f.painRise !== null && f.painRise >= t.painRise)
    reasons.push(`pain after rose from ${figure(f.earlier.painAfter ?? 0)} to ${figure(f.recent.painAfter ?? 0)}`);
  return reasons;
}

/** What keeps the patient from a step up, in words; empty when it is earned. */
function stepUpBlockers(f: ProgressionFigures, t: ProgressionThresholds): string[] {
  const blockers: string[] = [];
  if (f.daysSinceChange < t.noStepUpDays)
    blockers.push(
      `changed ${plural(f.daysSinceChange, 'day')} ago, and a dose is kept ${plural(t.noStepUpDays, 'day')} before it goes up`,
    );
  if (f.recent.adherence === null || f.recent.adherence < t.stepUpAdherence)
    blockers.push(`progress needs ${percent(t.stepUpAdherence)} of sessions done`);
  if (f.recent.painAfter === null) blockers.push('progress needs pain after scores');
  else if (f.recent.painAfter > t.stepUpMaxPain)
    blockers.push(`progress needs pain after at ${figure(t.stepUpMaxPain)} or less`);
  return blockers;
}

/** One session a day fewer wherever an exercise allows it; else leave out the last exercise. Never a higher dose. */
function simplifyChanges(items: PlanItemDose[], input: ProgressionInput, change: MakeChange): ItemChange[] {
  const fewer = items.flatMap((item, i) => {
    const facts = input.exercises.get(item.exerciseId);
    const move = facts && fewerSessions(item, facts);
    return move ? [change(i, move.action, move.to)] : [];
  });
  if (fewer.length > 0 || items.length < 2) return fewer;
  return [change(items.length - 1, 'remove', null)];
}

type MakeChange = (position: number, action: ItemChange['action'], to: PlanItemDose | null) => ItemChange;
type ItemMove = { action: 'dose' | 'swap'; to: PlanItemDose } | null;

/** Each item's move in plan order, keeping track of the exercises in the plan so no swap doubles one up. */
function eachItem(
  items: PlanItemDose[],
  change: MakeChange,
  move: (item: PlanItemDose, position: number, taken: ReadonlySet<string>) => ItemMove,
): ItemChange[] {
  const taken = new Set(items.map((i) => i.exerciseId));
  return items.flatMap((item, i) => {
    const m = move(item, i, taken);
    if (!m) return [];
    taken.add(m.to.exerciseId);
    return [change(i, m.action, m.to)];
  });
}

function nextItems(items: PlanItemDose[], changes: ItemChange[]): PlanItemDose[] {
  const byPosition = new Map(changes.map((c) => [c.position, c]));
  return items.flatMap((item, i) => {
    const c = byPosition.get(i);
    if (!c) return [item];
    return c.to ? [c.to] : [];
  });
}

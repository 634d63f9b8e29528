import { formatDay } from '@/lib/dates';
import { daysInWords } from '@/lib/exercises/dose';
import type { WindowFigures } from './figures';
import type { ExerciseFacts, ItemChange, PlanItemDose } from './types';

/*
 * The suggestion in the words a practitioner reads at a glance on the plan page and the
 * dashboard: what changes, on which exercise, and the figures that earned it.
 */

/** 2, 2.5, 2.33: no trailing zeros. */
export const figure = (n: number) => String(Math.round(n * 100) / 100);
export const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

const nameOf = (exercises: ReadonlyMap<string, ExerciseFacts>, id: string) =>
  exercises.get(id)?.name ?? 'this exercise';

function doseSummary(from: PlanItemDose, to: PlanItemDose, facts: ExerciseFacts | undefined): string {
  const parts: string[] = [];
  if (from.holdSeconds !== to.holdSeconds)
    parts.push(`${facts?.timing === 'roll' ? 'roll' : 'hold'} ${from.holdSeconds} → ${to.holdSeconds} s`);
  if (from.reps !== to.reps) parts.push(`${from.reps} → ${to.reps} ${facts?.repsUnit ?? 'reps'}`);
  if (from.sets !== to.sets) parts.push(`${from.sets} → ${to.sets} sets`);
  if (from.sessionsPerDay !== to.sessionsPerDay)
    parts.push(`${from.sessionsPerDay} → ${to.sessionsPerDay} sessions a day`);
  if (daysInWords(from.daysOfWeek) !== daysInWords(to.daysOfWeek))
    parts.push(`${daysInWords(from.daysOfWeek)} → ${daysInWords(to.daysOfWeek)}`);
  return `${parts.join(', ')} on ${facts?.name ?? 'this exercise'}`;
}

/** "hold 45 → 60 s on Thoracic extension", "swap Thoracic extension for …", "leave out …". */
export function changeSummary(
  change: Omit<ItemChange, 'summary'>,
  exercises: ReadonlyMap<string, ExerciseFacts>,
): string {
  const { from, to } = change;
  if (!to) return `leave out ${nameOf(exercises, from.exerciseId)}`;
  if (to.exerciseId !== from.exerciseId) {
    const target = [...exercises.values()].flatMap((f) => [f.easier, f.harder]).find((v) => v?.id === to.exerciseId);
    const toName = exercises.get(to.exerciseId)?.name ?? target?.name ?? 'another exercise';
    return `swap ${nameOf(exercises, from.exerciseId)} for ${toName}`;
  }
  return doseSummary(from, to, exercises.get(from.exerciseId));
}

/** "Ready to progress: hold 45 → 60 s on Thoracic extension and 1 more". */
export function headlineOf(lead: string, changes: ItemChange[], fallback: string): string {
  const [first, ...rest] = changes;
  if (!first) return `${lead}: ${fallback}`;
  return `${lead}: ${first.summary}${rest.length > 0 ? ` and ${rest.length} more` : ''}`;
}

/** "6 of 7 days done" while every day asks for one session; "11 of 14 sessions done" otherwise. */
export function doneInWords(w: WindowFigures): string {
  return w.oneSessionADay
    ? `${w.doneDays} of ${w.prescribedDays} days done`
    : `${w.completed} of ${w.prescribed} sessions done`;
}

export function painInWords(w: WindowFigures, windowDays: number): string {
  return w.painAfter === null
    ? `no pain scores in the last ${windowDays} days`
    : `pain after averaged ${figure(w.painAfter)}`;
}

export function redFlagsInWords(days: string[]): string {
  const last = days.at(-1);
  if (!last) return 'no red flag';
  return days.length === 1
    ? `a red flag was reported on ${formatDay(last, 'short')}`
    : `red flags were reported on ${days.length} days, last on ${formatDay(last, 'short')}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

import type { DoseLimits } from '@/lib/exercises/types';
import type { ExerciseFacts, ExerciseVariant, PlanItemDose } from './types';

/*
 * One item's next dose for each kind of suggestion. Every dose returned is inside the limits of
 * the exercise it names, so applying it passes the same checks as a manual change. `taken` holds
 * the exercises already in the plan: a swap never puts the same exercise in a plan twice.
 */

type Move = { action: 'dose' | 'swap'; to: PlanItemDose } | null;

const clamp = (n: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, n));

export function withinLimits(item: PlanItemDose, limits: DoseLimits): PlanItemDose {
  return {
    ...item,
    holdSeconds: clamp(item.holdSeconds, limits.holdSeconds),
    reps: clamp(item.reps, limits.reps),
    sets: clamp(item.sets, limits.sets),
    sessionsPerDay: clamp(item.sessionsPerDay, limits.sessionsPerDay),
  };
}

export function sameDose(a: PlanItemDose, b: PlanItemDose): boolean {
  return (
    a.exerciseId === b.exerciseId &&
    a.holdSeconds === b.holdSeconds &&
    a.reps === b.reps &&
    a.sets === b.sets &&
    a.sessionsPerDay === b.sessionsPerDay &&
    a.daysOfWeek.join() === b.daysOfWeek.join()
  );
}

/**
 * The variant at the dose the previous version gave it, if it had one (what the patient last
 * managed), else at its default hold, count and sets; how often and on which days stay the
 * patient's, as the manual swap keeps them.
 */
function swapTo(item: PlanItemDose, variant: ExerciseVariant, previous: PlanItemDose[] | null = null): PlanItemDose {
  const { limits } = variant;
  const before = previous?.find((p) => p.exerciseId === variant.id);
  if (before) return withinLimits({ ...before, patientNote: item.patientNote }, limits);
  const d = variant.defaultDose;
  return withinLimits(
    {
      ...item,
      exerciseId: variant.id,
      holdSeconds: d?.holdSeconds ?? limits.holdSeconds.min,
      reps: d?.reps ?? limits.reps.min,
      sets: d?.sets ?? limits.sets.min,
    },
    limits,
  );
}

/**
 * One step harder, changing one thing at a time so the patient can tell what made the
 * difference: the hold by the clinic's increment, else one more breath or rep, else one more
 * session a day, else (at all its limits) the harder variant. Null when there is nowhere to go.
 */
export function stepUpItem(
  item: PlanItemDose,
  facts: ExerciseFacts,
  holdIncrement: number,
  taken: ReadonlySet<string>,
): Move {
  const { limits } = facts;
  if (item.holdSeconds < limits.holdSeconds.max)
    return { action: 'dose', to: withinLimits({ ...item, holdSeconds: item.holdSeconds + holdIncrement }, limits) };
  if (item.reps < limits.reps.max)
    return { action: 'dose', to: withinLimits({ ...item, reps: item.reps + 1 }, limits) };
  if (item.sessionsPerDay < limits.sessionsPerDay.max)
    return { action: 'dose', to: withinLimits({ ...item, sessionsPerDay: item.sessionsPerDay + 1 }, limits) };
  return facts.harder && !taken.has(facts.harder.id) ? { action: 'swap', to: swapTo(item, facts.harder) } : null;
}

/** Undoes the last step up in reverse order: a session a day, else a breath or rep, else the hold. */
function notchDown(item: PlanItemDose, limits: DoseLimits, holdIncrement: number): PlanItemDose {
  if (item.sessionsPerDay > limits.sessionsPerDay.min) return { ...item, sessionsPerDay: item.sessionsPerDay - 1 };
  if (item.reps > limits.reps.min) return { ...item, reps: item.reps - 1 };
  if (item.holdSeconds > limits.holdSeconds.min)
    return withinLimits({ ...item, holdSeconds: item.holdSeconds - holdIncrement }, limits);
  return item;
}

/**
 * One step easier. The previous version is what the patient last tolerated, so go back to it:
 * the same exercise at no more than its previous dose (and no more than now), or the exercise
 * that stood at this position before a swap. Otherwise the easier variant; otherwise one notch
 * down within the limits. Null when the item is already as easy as it gets.
 */
export function stepDownItem(
  item: PlanItemDose,
  position: number,
  previous: PlanItemDose[] | null,
  exercises: ReadonlyMap<string, ExerciseFacts>,
  holdIncrement: number,
  taken: ReadonlySet<string>,
): Move {
  const facts = exercises.get(item.exerciseId);
  if (!facts) return null;
  const before = previous?.find((p) => p.exerciseId === item.exerciseId);
  if (before) {
    const fewerDays = before.daysOfWeek.every((d) => item.daysOfWeek.includes(d));
    const back = withinLimits(
      {
        ...item,
        holdSeconds: Math.min(item.holdSeconds, before.holdSeconds),
        reps: Math.min(item.reps, before.reps),
        sets: Math.min(item.sets, before.sets),
        sessionsPerDay: Math.min(item.sessionsPerDay, before.sessionsPerDay),
        daysOfWeek: fewerDays ? before.daysOfWeek : item.daysOfWeek,
      },
      facts.limits,
    );
    if (!sameDose(back, item)) return { action: 'dose', to: back };
  } else {
    const swappedFrom = previous?.[position];
    const swappedFacts = swappedFrom && exercises.get(swappedFrom.exerciseId);
    if (swappedFrom && swappedFacts && !taken.has(swappedFrom.exerciseId))
      return { action: 'swap', to: withinLimits(swappedFrom, swappedFacts.limits) };
  }
  if (facts.easier && !taken.has(facts.easier.id)) return { action: 'swap', to: swapTo(item, facts.easier, previous) };
  const lower = notchDown(item, facts.limits, holdIncrement);
  return sameDose(lower, item) ? null : { action: 'dose', to: lower };
}

/** One session a day fewer, never below the exercise's minimum; null when it is already there. */
export function fewerSessions(item: PlanItemDose, facts: ExerciseFacts): Move {
  const floor = Math.max(1, facts.limits.sessionsPerDay.min);
  if (item.sessionsPerDay <= floor) return null;
  return {
    action: 'dose',
    to: { ...item, sessionsPerDay: Math.min(item.sessionsPerDay - 1, facts.limits.sessionsPerDay.max) },
  };
}

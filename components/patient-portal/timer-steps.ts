import type { PatientExercise } from './types';

export type TimerStep = { kind: 'work' | 'rest'; seconds: number; breathing: boolean; progress: string };

/** The rest between two sets. */
export const REST_SECONDS = 30;

function whole(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min;
}

/**
 * Every timed part of one exercise, as its version prescribes it, with a rest between sets.
 * Reps: one timer per position (a hold) or per pass (rolling) in each set. Breaths: one timer per
 * set, the breaths taken in it at the breathing pace.
 */
export function timerStepsOf(ex: PatientExercise): TimerStep[] {
  const sets = whole(ex.sets, 1, 20);
  const reps = whole(ex.reps, 1, 50);
  const seconds = whole(ex.holdSeconds, 1, 3600);
  const setText = (s: number) => (sets > 1 ? `Set ${s} of ${sets} · ` : '');
  const steps: TimerStep[] = [];
  for (let s = 1; s <= sets; s++) {
    if (ex.repsUnit === 'reps') {
      const what = ex.timing === 'hold' ? 'Position' : 'Roll';
      for (let r = 1; r <= reps; r++)
        steps.push({
          kind: 'work',
          seconds,
          breathing: ex.timing === 'roll',
          progress: `${setText(s)}${what} ${r} of ${reps}`,
        });
    } else {
      steps.push({
        kind: 'work',
        seconds,
        breathing: true,
        progress: `${setText(s)}${reps} slow breath${reps === 1 ? '' : 's'}`,
      });
    }
    if (s < sets)
      steps.push({
        kind: 'rest',
        seconds: REST_SECONDS,
        breathing: false,
        progress: `Rest before set ${s + 1} of ${sets}`,
      });
  }
  return steps;
}

import type { Exercise, ScreeningAnswers } from '@/db/schema';
import { doseProblems, limitsOf } from '@/lib/exercises/dose';
import { evaluateExercise } from '@/lib/screening/evaluate';
import type { PlanItemInput } from '@/lib/validation/plan';

export type PlanProblems = {
  fieldErrors: Record<string, string[]>;
  /** Relative contraindications that still need a reason, keyed `${exerciseId}:${code}`. */
  missingAcknowledgements: string[];
};

export type AcceptedAcknowledgement = { exerciseId: string; contraindication: string; reason: string };

/**
 * Checks a proposed list of plan items against the library, the exercise's dose limits and the
 * patient's screening. Pure: the caller loads the exercises and the screening.
 */
export function checkPlanItems(
  items: PlanItemInput[],
  exercisesById: Map<string, Exercise>,
  answers: ScreeningAnswers,
  acknowledgements: Record<string, string>,
): { problems: PlanProblems; accepted: AcceptedAcknowledgement[] } {
  const fieldErrors: Record<string, string[]> = {};
  const missingAcknowledgements: string[] = [];
  const accepted: AcceptedAcknowledgement[] = [];
  const add = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);

  items.forEach((item, index) => {
    const exercise = exercisesById.get(item.exerciseId);
    if (!exercise) {
      add(`items.${index}.exerciseId`, 'That exercise is not in your clinic’s library.');
      return;
    }
    for (const [field, message] of Object.entries(doseProblems(item, limitsOf(exercise), exercise.name))) {
      add(`items.${index}.${field}`, message);
    }
    const verdict = evaluateExercise(answers, exercise.contraindications);
    for (const c of verdict.blocked) {
      add(
        `items.${index}.exerciseId`,
        `${exercise.name} cannot be assigned: the screening records “${c.label}”. ${c.guidance} Consider in-person care instead.`,
      );
    }
    for (const c of verdict.cautions) {
      const key = `${exercise.id}:${c.code}`;
      const reason = acknowledgements[key]?.trim() ?? '';
      if (reason.length < 3) {
        missingAcknowledgements.push(key);
        add(`ack.${key}`, `Give a reason for assigning ${exercise.name} despite “${c.label}”.`);
      } else {
        accepted.push({ exerciseId: exercise.id, contraindication: c.code, reason });
      }
    }
  });
  return { problems: { fieldErrors, missingAcknowledgements }, accepted };
}

export function hasProblems(p: PlanProblems): boolean {
  return Object.keys(p.fieldErrors).length > 0;
}

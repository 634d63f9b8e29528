import type { ScreeningAnswers } from '@/db/schema';
import { type Contraindication, contraindicationByCode } from './contraindications';

export type ExerciseVerdict = {
  /** Absolute contraindications the patient has that this exercise lists: it cannot be assigned. */
  blocked: Contraindication[];
  /** Relative ones: it can be assigned with a stated reason for each. */
  cautions: Contraindication[];
};

/** Which of an exercise's contraindications this patient's screening says yes to. */
export function evaluateExercise(
  answers: ScreeningAnswers,
  exerciseContraindications: readonly string[],
): ExerciseVerdict {
  const blocked: Contraindication[] = [];
  const cautions: Contraindication[] = [];
  for (const code of exerciseContraindications) {
    const c = contraindicationByCode.get(code);
    if (!c || !answers[code]?.present) continue;
    (c.severity === 'absolute' ? blocked : cautions).push(c);
  }
  return { blocked, cautions };
}

/** Everything the patient said yes to, most serious first. */
export function positiveFindings(answers: ScreeningAnswers): (Contraindication & { note?: string })[] {
  return Object.entries(answers)
    .filter(([, a]) => a.present)
    .flatMap(([code, a]) => {
      const c = contraindicationByCode.get(code);
      return c ? [{ ...c, note: a.note }] : [];
    })
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'absolute' ? -1 : 1));
}

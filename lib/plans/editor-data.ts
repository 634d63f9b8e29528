import 'server-only';
import type { Actor } from '@/lib/auth/guard';
import type { LimitsSource } from '@/lib/exercises/dose';
import { clinicLibrary } from '@/lib/exercises/library';
import { evaluateExercise } from '@/lib/screening/evaluate';
import type { ScreeningAnswers } from '@/db/schema';

/** One exercise as the plan editor offers it: its dose limits and what the screening says. */
export type EditorExercise = {
  id: string;
  name: string;
  kind: 'soft_tissue' | 'joint_mobility';
  timing: 'roll' | 'hold';
  repsUnit: 'breaths' | 'reps';
  defaultDose: { sessionsPerDay: number; daysOfWeek: number[]; holdSeconds: number; reps: number; sets: number };
  limits: LimitsSource;
  blocked: { label: string; guidance: string }[];
  cautions: { code: string; label: string; guidance: string }[];
};

/** The assignable library, with what this patient's screening says about each exercise. */
export async function editorLibrary(actor: Actor, answers: ScreeningAnswers | null): Promise<EditorExercise[]> {
  const library = await clinicLibrary(actor);
  return library.map((e) => {
    const verdict = answers ? evaluateExercise(answers, e.contraindications) : { blocked: [], cautions: [] };
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      timing: e.timing,
      repsUnit: e.repsUnit,
      defaultDose: e.defaultDose,
      limits: {
        holdMin: e.holdMin,
        holdMax: e.holdMax,
        repsMin: e.repsMin,
        repsMax: e.repsMax,
        setsMin: e.setsMin,
        setsMax: e.setsMax,
        sessionsMin: e.sessionsMin,
        sessionsMax: e.sessionsMax,
      },
      blocked: verdict.blocked.map((c) => ({ label: c.label, guidance: c.guidance })),
      cautions: verdict.cautions.map((c) => ({ code: c.code, label: c.label, guidance: c.guidance })),
    };
  });
}

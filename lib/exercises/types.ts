import type { ContraindicationCode } from '@/lib/screening/contraindications';

export {
  EQUIPMENT,
  EXERCISE_KINDS,
  REPS_UNITS,
  TIMINGS,
  type Dose,
  type Equipment,
  type ExerciseKind,
  type RepsUnit,
  type Timing,
  type Weekday,
} from '@/db/schema';
import type { Dose, Equipment, ExerciseKind, RepsUnit, Timing } from '@/db/schema';

export type Range = { min: number; max: number };

export type DoseLimits = {
  holdSeconds: Range;
  reps: Range;
  sets: Range;
  sessionsPerDay: Range;
};

export type BuiltinExercise = {
  slug: string;
  name: string;
  kind: ExerciseKind;
  equipment: Equipment;
  /** One sentence: what it is for. */
  summary: string;
  /** 4 to 7 numbered steps, patient-facing, plain words. */
  steps: string[];
  /** 2 to 4 short cues (breathing, bracing, elbow position). */
  cues: string[];
  safetyNotes: string[];
  /** Key of the drawing in components/exercises/illustration.tsx. */
  illustration: string;
  timing: Timing;
  repsUnit: RepsUnit;
  defaultDose: Dose;
  limits: DoseLimits;
  contraindications: ContraindicationCode[];
  easier: string | null;
  harder: string | null;
};

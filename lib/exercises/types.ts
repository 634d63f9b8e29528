import type { ContraindicationCode } from '@/lib/screening/contraindications';

export const EXERCISE_KINDS = ['soft_tissue', 'joint_mobility'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const EQUIPMENT = ['standard_roller', 'hard_core_roller'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** What the count in a dose counts: slow breaths (on a stiff segment) or repetitions. */
export const REPS_UNITS = ['breaths', 'reps'] as const;
export type RepsUnit = (typeof REPS_UNITS)[number];

/** Whether the timed part is rolling for a while or holding a position. Changes the patient's wording. */
export const TIMINGS = ['roll', 'hold'] as const;
export type Timing = (typeof TIMINGS)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Dose = {
  sessionsPerDay: number;
  daysOfWeek: Weekday[];
  holdSeconds: number;
  reps: number;
  sets: number;
};

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

import type { Dose, RepsUnit, Timing } from '@/db/schema';
import type { DoseLimits } from '@/lib/exercises/types';
import type { ProgressionFigures } from './figures';
import type { ProgressionThresholds } from './thresholds';

/** One exercise of a plan version, as plan_items holds it (in position order). */
export type PlanItemDose = Dose & { exerciseId: string; patientNote: string | null };

/** The part of a dose an exercise's default sets; how often it is done stays the patient's. */
export type VariantDose = Pick<Dose, 'holdSeconds' | 'reps' | 'sets'>;

export type ExerciseVariant = {
  id: string;
  name: string;
  limits: DoseLimits;
  /** Its library default; without one a swap starts at the variant's minimum. */
  defaultDose?: VariantDose | null;
};

/** What the rules need to know of an exercise: its name and wording, its limits and its variants. */
export type ExerciseFacts = {
  name: string;
  timing: Timing;
  repsUnit: RepsUnit;
  limits: DoseLimits;
  easier: ExerciseVariant | null;
  harder: ExerciseVariant | null;
};

/**
 * One calendar day in the patient's timezone. `completed` is min(logged, prescribed) as
 * design.md defines adherence (it is capped again here); `painAfter` is the day's average.
 */
export type DayPoint = {
  day: string;
  prescribed: number;
  completed: number;
  painAfter: number | null;
  redFlag: boolean;
  logged: number;
};

export type ProgressionInput = {
  version: { effectiveDate: string; items: PlanItemDose[] };
  /** The version before this one, or null for a plan's first version. */
  previousItems: PlanItemDose[] | null;
  /** Facts for every exercise in both versions; an item whose exercise is missing is left as it is. */
  exercises: ReadonlyMap<string, ExerciseFacts>;
  /**
   * The days up to `today`, reaching back `windowDays` before the version took effect (the pain
   * rise compares with the days before the change). A day not given counts as nothing
   * prescribed and nothing logged; days after `today` are ignored.
   */
  days: DayPoint[];
  /** YYYY-MM-DD where the patient is: the rules read no clock. */
  today: string;
  thresholds?: Partial<ProgressionThresholds>;
};

export type SuggestionKind = 'step_up' | 'step_down' | 'hold' | 'simplify';

/** One item of the plan as the suggestion would leave it: a new dose, another exercise, or left out. */
export type ItemChange = {
  /** Index in the current version's items. */
  position: number;
  action: 'dose' | 'swap' | 'remove';
  from: PlanItemDose;
  /** Null when the item is left out. */
  to: PlanItemDose | null;
  /** E.g. "hold 45 → 60 s on Thoracic extension". */
  summary: string;
};

export type ProgressionSuggestion = {
  kind: SuggestionKind;
  /** E.g. "Ready to progress: hold 45 → 60 s on Thoracic extension". */
  headline: string;
  /** Plain words, e.g. "6 of 7 days done", "pain after averaged 2". */
  reasons: string[];
  changes: ItemChange[];
  /** The whole next version if the suggestion is applied (the current items for 'hold'). */
  items: PlanItemDose[];
  /** A step down also suggests in-person care. */
  suggestReferral: boolean;
  /** The figures it was decided on, so a dismissal can be kept until they change. */
  figures: ProgressionFigures;
};

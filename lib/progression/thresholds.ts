import { z } from 'zod';

/**
 * The figures that decide a progression suggestion (design.md, "Progression suggestion"). A clinic
 * may change them within THRESHOLD_RANGES; these defaults apply to whatever it leaves unset.
 * Adherence is a fraction (0.8 = 80 %), pain is the 0–10 scale patients log, windows are days.
 */
export type ProgressionThresholds = {
  /** Step up only at or above this adherence over the last `windowDays`. */
  stepUpAdherence: number;
  /** Step up only when pain after averaged at most this. */
  stepUpMaxPain: number;
  /** Step down when pain after averaged at least this. */
  stepDownPain: number;
  /** Step down when pain after rose by at least this against the `windowDays` before. */
  painRise: number;
  /** Simplify below this adherence over the last `simplifyWindowDays`. */
  simplifyAdherence: number;
  windowDays: number;
  simplifyWindowDays: number;
  /** Below this many days with a session logged since the last change, say nothing: too little to go on. */
  minLoggedDays: number;
  /** A new dose is kept at least this many days before it is raised again. */
  noStepUpDays: number;
  /** Seconds a step up adds to a hold. */
  holdIncrement: number;
};

export const DEFAULT_THRESHOLDS: Readonly<ProgressionThresholds> = Object.freeze({
  stepUpAdherence: 0.8,
  stepUpMaxPain: 3,
  stepDownPain: 6,
  painRise: 2,
  simplifyAdherence: 0.5,
  windowDays: 7,
  simplifyWindowDays: 14,
  minLoggedDays: 5,
  noStepUpDays: 7,
  holdIncrement: 15,
});

type Range = { min: number; max: number; integer: boolean };

/**
 * What a clinic may set, so a careless setting cannot make the rules unsafe: progress never on
 * less than half the sessions done, windows long enough to average out one bad day and short
 * enough to still describe the current dose, a hold never raised by more than 30 s at a time.
 * A settings form shows these beside the defaults.
 */
export const THRESHOLD_RANGES: Readonly<Record<keyof ProgressionThresholds, Range>> = Object.freeze({
  stepUpAdherence: { min: 0.5, max: 1, integer: false },
  stepUpMaxPain: { min: 0, max: 10, integer: false },
  stepDownPain: { min: 0, max: 10, integer: false },
  painRise: { min: 1, max: 10, integer: false },
  simplifyAdherence: { min: 0.1, max: 0.8, integer: false },
  windowDays: { min: 5, max: 28, integer: true },
  simplifyWindowDays: { min: 5, max: 28, integer: true },
  minLoggedDays: { min: 3, max: 14, integer: true },
  noStepUpDays: { min: 3, max: 28, integer: true },
  holdIncrement: { min: 5, max: 30, integer: true },
});

const field = ({ min, max, integer }: Range) => {
  // Coerced: the values arrive from FormData as strings.
  const n = integer ? z.coerce.number().int() : z.coerce.number();
  return n.min(min).max(max);
};

const shape = Object.fromEntries(Object.entries(THRESHOLD_RANGES).map(([key, range]) => [key, field(range)])) as Record<
  keyof ProgressionThresholds,
  ReturnType<typeof field>
>;

/** Each threshold on its own, for a clinic's stored overrides (`.partial()` works on it; refinements would not). */
export const progressionThresholdsShape = z.object(shape);

/** A complete set, checked for ranges and for orderings that would make two rules fire at once. */
export const progressionThresholdsSchema = progressionThresholdsShape
  .refine((t) => t.stepDownPain > t.stepUpMaxPain, {
    path: ['stepDownPain'],
    message: 'Step-down pain must be above the most pain a step up allows.',
  })
  .refine((t) => t.simplifyAdherence < t.stepUpAdherence, {
    path: ['simplifyAdherence'],
    message: 'Simplify adherence must be below step-up adherence.',
  });

/** A clinic's overrides laid over the defaults. */
export function withDefaults(overrides: Partial<ProgressionThresholds> = {}): ProgressionThresholds {
  const set = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_THRESHOLDS, ...set };
}

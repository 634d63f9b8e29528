import { z } from 'zod';
import {
  DEFAULT_THRESHOLDS,
  type ProgressionThresholds,
  progressionThresholdsSchema,
  THRESHOLD_RANGES,
} from '@/lib/progression/thresholds';

type Key = keyof ProgressionThresholds;

type ThresholdField = {
  label: string;
  /** What the figure does, in the clinic's words. */
  hint: string;
  unit: '%' | 's' | 'days' | '';
};

/**
 * How the settings form names each threshold. Adherence is a fraction inside RollCall and a
 * percentage on the form, since that is how clinicians say it.
 */
export const THRESHOLD_FIELDS: Readonly<Record<Key, ThresholdField>> = {
  stepUpAdherence: {
    label: 'Step-up adherence',
    hint: 'Suggest a step up only when at least this share of sessions was done over the window.',
    unit: '%',
  },
  stepUpMaxPain: {
    label: 'Step-up pain limit',
    hint: 'Suggest a step up only when pain after averaged at most this (0–10).',
    unit: '',
  },
  holdIncrement: { label: 'Hold increment', hint: 'Seconds a step up adds to a hold.', unit: 's' },
  noStepUpDays: {
    label: 'Days between step ups',
    hint: 'A new dose is kept at least this long before it is raised again.',
    unit: 'days',
  },
  stepDownPain: {
    label: 'Step-down pain',
    hint: 'Suggest a step down when pain after averaged at least this (0–10).',
    unit: '',
  },
  painRise: {
    label: 'Step-down pain rise',
    hint: 'Suggest a step down when pain after rose by at least this against the window before.',
    unit: '',
  },
  simplifyAdherence: {
    label: 'Simplify adherence',
    hint: 'Suggest a simpler plan below this share of sessions done over the simplify window.',
    unit: '%',
  },
  simplifyWindowDays: { label: 'Simplify window', hint: 'Days the simplify adherence is counted over.', unit: 'days' },
  windowDays: {
    label: 'Window',
    hint: 'Days adherence and pain are averaged over for a step up or down.',
    unit: 'days',
  },
  minLoggedDays: {
    label: 'Logged days needed',
    hint: 'Below this many days with a session since the last change, suggest nothing.',
    unit: 'days',
  },
};

/** The form's sections, in the order a clinician reads them. */
export const THRESHOLD_GROUPS: readonly { title: string; keys: readonly Key[] }[] = [
  { title: 'Step up', keys: ['stepUpAdherence', 'stepUpMaxPain', 'holdIncrement', 'noStepUpDays'] },
  { title: 'Step down', keys: ['stepDownPain', 'painRise'] },
  { title: 'Simplify', keys: ['simplifyAdherence', 'simplifyWindowDays'] },
  { title: 'Enough to go on', keys: ['windowDays', 'minLoggedDays'] },
];

const KEYS = Object.keys(DEFAULT_THRESHOLDS) as Key[];

const scaleOf = (key: Key) => (THRESHOLD_FIELDS[key].unit === '%' ? 100 : 1);

/** A stored figure as the form shows it (0.8 → 80); rounded so 0.07 never shows as 7.000000000000001. */
export const shownFigure = (key: Key, value: number) => Math.round(value * scaleOf(key) * 1000) / 1000;

const withUnit = (key: Key, n: number) => {
  const unit = THRESHOLD_FIELDS[key].unit;
  return unit ? `${n} ${unit}` : String(n);
};

/** "Default 80 %, 50–100 %", shown beside each field. */
export function defaultAndRange(key: Key): string {
  const { min, max } = THRESHOLD_RANGES[key];
  return `Default ${withUnit(key, shownFigure(key, DEFAULT_THRESHOLDS[key]))}, ${shownFigure(key, min)}–${withUnit(key, shownFigure(key, max))}`;
}

/** A clinic's thresholds as the form's text values. */
export function thresholdFormValues(t: ProgressionThresholds): Record<Key, string> {
  return Object.fromEntries(KEYS.map((k) => [k, String(shownFigure(k, t[k]))])) as Record<Key, string>;
}

function figureInput(key: Key) {
  const { label } = THRESHOLD_FIELDS[key];
  const { integer } = THRESHOLD_RANGES[key];
  const scale = scaleOf(key);
  const min = shownFigure(key, THRESHOLD_RANGES[key].min);
  const max = shownFigure(key, THRESHOLD_RANGES[key].max);
  // One message per mistake: each check stops the ones after it.
  return z
    .string({ error: `Enter the ${label.toLowerCase()}.` })
    .trim()
    .refine((v) => v !== '', { message: `Enter the ${label.toLowerCase()}.`, abort: true })
    .transform(Number)
    .refine(Number.isFinite, { message: `${label} must be a number.`, abort: true })
    .refine((n) => !(integer || scale !== 1) || Number.isInteger(n), {
      message: `${label} must be a whole number.`,
      abort: true,
    })
    .refine((n) => n >= min && n <= max, {
      message: `${label} must be between ${min} and ${withUnit(key, max)}.`,
      abort: true,
    })
    .transform((n) => n / scale);
}

const figures = z.object(
  Object.fromEntries(KEYS.map((k) => [k, figureInput(k)])) as Record<Key, ReturnType<typeof figureInput>>,
);

/**
 * The "Progression suggestions" form on /settings/clinic: every threshold, adherence as a
 * percentage, each within its safe range, then the orderings that keep two rules from firing at
 * once (their messages land on the field to change).
 */
export const progressionThresholdsFormSchema = figures.pipe(
  // Its input is typed `unknown` (it coerces); here it always gets numbers.
  progressionThresholdsSchema as z.ZodType<ProgressionThresholds, ProgressionThresholds>,
);

export const THRESHOLD_KEYS: readonly Key[] = KEYS;

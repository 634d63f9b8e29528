import { DEFAULT_THRESHOLDS, type ProgressionThresholds, progressionThresholdsShape, withDefaults } from './thresholds';

/**
 * A clinic's thresholds from what it stored (clinics.progression_thresholds): each stored value
 * that is still within its safe range, the default for anything else. A value saved under
 * older, wider ranges can never make the rules unsafe.
 */
export function thresholdsOf(stored: Record<string, unknown> | null | undefined): ProgressionThresholds {
  const kept: Partial<ProgressionThresholds> = {};
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof ProgressionThresholds)[]) {
    const parsed = progressionThresholdsShape.shape[key].safeParse(stored?.[key]);
    if (parsed.success && stored?.[key] !== undefined && stored[key] !== null) kept[key] = parsed.data;
  }
  return withDefaults(kept);
}

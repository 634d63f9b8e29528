import type { Dose, DoseLimits, RepsUnit, Timing, Weekday } from './types';

/** An exercise's dose-limit columns, as the library row and the plan editor carry them. */
export type LimitsSource = {
  holdMin: number;
  holdMax: number;
  repsMin: number;
  repsMax: number;
  setsMin: number;
  setsMax: number;
  sessionsMin: number;
  sessionsMax: number;
};

export function limitsOf(e: LimitsSource): DoseLimits {
  return {
    holdSeconds: { min: e.holdMin, max: e.holdMax },
    reps: { min: e.repsMin, max: e.repsMax },
    sets: { min: e.setsMin, max: e.setsMax },
    sessionsPerDay: { min: e.sessionsMin, max: e.sessionsMax },
  };
}

const LABELS: Record<keyof DoseLimits, string> = {
  holdSeconds: 'Hold time',
  reps: 'Breaths or reps',
  sets: 'Sets',
  sessionsPerDay: 'Sessions per day',
};

/** Messages for each part of a dose outside the exercise's limits; empty when it fits. */
export function doseProblems(
  dose: Dose,
  limits: DoseLimits,
  exerciseName: string,
): Partial<Record<keyof Dose, string>> {
  const problems: Partial<Record<keyof Dose, string>> = {};
  for (const key of Object.keys(limits) as (keyof DoseLimits)[]) {
    const { min, max } = limits[key];
    const value = dose[key];
    if (value < min || value > max) {
      const unit = key === 'holdSeconds' ? ' seconds' : '';
      problems[key] = `${LABELS[key]} for ${exerciseName} must be between ${min} and ${max}${unit}.`;
    }
  }
  if (dose.daysOfWeek.length === 0) problems.daysOfWeek = 'Choose at least one day of the week.';
  return problems;
}

export const WEEKDAYS: { day: Weekday; short: string; long: string }[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
];

/** "every day", "weekdays", "Mon, Wed, Fri". */
export function daysInWords(days: readonly number[]): string {
  const set = [...new Set(days)].sort((a, b) => a - b);
  if (set.length === 7) return 'every day';
  if (set.join() === '1,2,3,4,5') return 'weekdays';
  if (set.join() === '6,7') return 'weekends';
  return set.map((d) => WEEKDAYS[d - 1]?.short ?? '?').join(', ');
}

function seconds(n: number): string {
  if (n >= 120 && n % 60 === 0) return `${n / 60} minutes`;
  return `${n} second${n === 1 ? '' : 's'}`;
}

/** The dose in a patient's words: "Hold 45 seconds · 5 breaths · 3 sets · 2 sessions a day, weekdays". */
export function doseInWords(dose: Dose, exercise: { timing: Timing; repsUnit: RepsUnit }): string {
  const parts = [
    `${exercise.timing === 'roll' ? 'Roll for' : 'Hold'} ${seconds(dose.holdSeconds)}`,
    exercise.repsUnit === 'breaths'
      ? `${dose.reps} slow breath${dose.reps === 1 ? '' : 's'}`
      : `${dose.reps} time${dose.reps === 1 ? '' : 's'}`,
    dose.sets === 1 ? '1 set' : `${dose.sets} sets`,
    `${dose.sessionsPerDay === 1 ? 'once' : dose.sessionsPerDay === 2 ? 'twice' : `${dose.sessionsPerDay} times`} a day, ${daysInWords(dose.daysOfWeek)}`,
  ];
  return parts.join(' · ');
}

export type DoseChange = { field: keyof Dose | 'patientNote'; from: string; to: string };

/** What differs between two doses of the same exercise, in words. */
export function doseChanges(
  before: Dose & { patientNote?: string | null },
  after: Dose & { patientNote?: string | null },
): DoseChange[] {
  const changes: DoseChange[] = [];
  if (before.holdSeconds !== after.holdSeconds)
    changes.push({ field: 'holdSeconds', from: `${before.holdSeconds} s`, to: `${after.holdSeconds} s` });
  if (before.reps !== after.reps) changes.push({ field: 'reps', from: String(before.reps), to: String(after.reps) });
  if (before.sets !== after.sets) changes.push({ field: 'sets', from: String(before.sets), to: String(after.sets) });
  if (before.sessionsPerDay !== after.sessionsPerDay)
    changes.push({ field: 'sessionsPerDay', from: `${before.sessionsPerDay}/day`, to: `${after.sessionsPerDay}/day` });
  if (daysInWords(before.daysOfWeek) !== daysInWords(after.daysOfWeek))
    changes.push({ field: 'daysOfWeek', from: daysInWords(before.daysOfWeek), to: daysInWords(after.daysOfWeek) });
  if ((before.patientNote ?? '') !== (after.patientNote ?? ''))
    changes.push({ field: 'patientNote', from: before.patientNote || '—', to: after.patientNote || '—' });
  return changes;
}

/** A plan or template item's dose and note, picked from a row that has more columns. */
export function itemDose(item: Dose & { patientNote: string | null }): Dose & { patientNote: string | null } {
  const { sessionsPerDay, daysOfWeek, holdSeconds, reps, sets, patientNote } = item;
  return { sessionsPerDay, daysOfWeek, holdSeconds, reps, sets, patientNote };
}

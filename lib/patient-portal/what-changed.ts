import type { Dose, RepsUnit, Timing } from '@/db/schema';
import { daysInWords } from '@/lib/exercises/dose';

type Item = Dose & { exerciseId: string; name: string; timing: Timing; repsUnit: RepsUnit };

const seconds = (n: number) =>
  n % 60 === 0
    ? `${n / 60} minute${n === 60 ? '' : 's'}`
    : n > 60
      ? `${Math.floor(n / 60)} min ${n % 60} s`
      : `${n} seconds`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const moved = (before: number, after: number) => (after > before ? 'went up' : 'went down');

/**
 * What a new plan version changed, in the patient's words ("Your hold time on Thoracic extension
 * went up to 60 seconds"), shown on the phone until they have done a session of it.
 */
export function whatChanged(before: Item[], after: Item[]): string[] {
  const old = new Map(before.map((i) => [i.exerciseId, i]));
  const now = new Set(after.map((i) => i.exerciseId));
  const lines: string[] = [];
  for (const i of after) {
    const p = old.get(i.exerciseId);
    if (!p) {
      lines.push(`New exercise: ${i.name}.`);
      continue;
    }
    const hold = i.timing === 'roll' ? 'rolling time' : 'hold time';
    if (p.holdSeconds !== i.holdSeconds)
      lines.push(`Your ${hold} on ${i.name} ${moved(p.holdSeconds, i.holdSeconds)} to ${seconds(i.holdSeconds)}.`);
    if (p.reps !== i.reps)
      lines.push(`${i.name}: ${i.reps} ${i.repsUnit === 'breaths' ? 'slow breaths' : 'times'} now (it was ${p.reps}).`);
    if (p.sets !== i.sets) lines.push(`${i.name}: ${i.sets} set${i.sets === 1 ? '' : 's'} now (it was ${p.sets}).`);
    if (p.sessionsPerDay !== i.sessionsPerDay)
      lines.push(`${i.name}: ${times(i.sessionsPerDay)} a day now (it was ${times(p.sessionsPerDay)}).`);
    if (daysInWords(p.daysOfWeek) !== daysInWords(i.daysOfWeek))
      lines.push(`${i.name}: now on ${daysInWords(i.daysOfWeek)}.`);
  }
  for (const p of before) if (!now.has(p.exerciseId)) lines.push(`${p.name} is no longer in your plan.`);
  return lines;
}

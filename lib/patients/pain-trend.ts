import { shiftDate } from '@/lib/dates';

type PainLog = { day: string; painAfter: number | null };

const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * How pain after sessions moved over a range, in words, for every range that has a pain number:
 * the average of the first week with one (the 7 days from the first such log) against the last
 * (the 7 days to the latest). The first and last weeks of the range itself would leave the trend
 * out whenever the plan began, or the logging stopped, inside it: most 12-week ranges.
 * Null without any pain after a session.
 */
export function painTrendText(logs: readonly PainLog[]): string | null {
  const pained = logs
    .filter((l): l is { day: string; painAfter: number } => l.painAfter !== null)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = pained[0];
  const last = pained.at(-1);
  if (!first || !last) return null;
  if (last.day < shiftDate(first.day, 7)) {
    return `pain after sessions averaged ${average(pained.map((l) => l.painAfter)).toFixed(1)}`;
  }
  const early = average(pained.filter((l) => l.day < shiftDate(first.day, 7)).map((l) => l.painAfter));
  const late = average(pained.filter((l) => l.day > shiftDate(last.day, -7)).map((l) => l.painAfter));
  if (Math.abs(late - early) <= 0.05) return `pain after sessions stayed at ${late.toFixed(1)}`;
  return `pain after sessions ${late < early ? 'fell' : 'rose'} from ${early.toFixed(1)} to ${late.toFixed(1)}`;
}

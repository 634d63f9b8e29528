/** One week of the last four, as the referral letter's table shows it. */
export type LetterWeek = {
  from: string;
  to: string;
  prescribed: number;
  completed: number;
  /** Completed ÷ prescribed, or null for a week with nothing prescribed. */
  adherence: number | null;
  painBefore: number | null;
  painAfter: number | null;
  logs: number;
};

type Day = { day: string; prescribed: number; completed: number };
type Log = { day: string; painBefore: number | null; painAfter: number | null };

const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

/**
 * Splits a patient's last 28 days (oldest first, lib/adherence's daily points) into four
 * weeks ending today, with each week's sessions and average pain from its logs.
 */
export function letterWeeks(days: readonly Day[], logs: readonly Log[]): LetterWeek[] {
  const weeks: LetterWeek[] = [];
  for (let end = days.length; end > 0; end -= 7) {
    const slice = days.slice(Math.max(0, end - 7), end);
    const first = slice[0];
    const last = slice[slice.length - 1];
    if (!first || !last) break;
    const inWeek = logs.filter((l) => l.day >= first.day && l.day <= last.day);
    const prescribed = slice.reduce((n, d) => n + d.prescribed, 0);
    const completed = slice.reduce((n, d) => n + d.completed, 0);
    weeks.unshift({
      from: first.day,
      to: last.day,
      prescribed,
      completed,
      adherence: prescribed > 0 ? completed / prescribed : null,
      painBefore: average(inWeek.flatMap((l) => (l.painBefore === null ? [] : [l.painBefore]))),
      painAfter: average(inWeek.flatMap((l) => (l.painAfter === null ? [] : [l.painAfter]))),
      logs: inWeek.length,
    });
  }
  return weeks;
}

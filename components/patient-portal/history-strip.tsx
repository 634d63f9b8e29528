'use client';

import type { PatientDay } from '@/lib/patient-portal/today';
import { cn } from '@/lib/utils';
import { type DayBounds, useDoneToday } from './today-progress';

/** One day of the strip, its words made on the server (no date library on the phone). */
export type StripDay = PatientDay;

/** The last 14 days as done/prescribed, readable as text (not colour alone); today follows sessions logged on the phone. */
export function HistoryStrip({ days, today }: { days: StripDay[]; today: DayBounds }) {
  const last = days.at(-1);
  const doneToday = useDoneToday(last?.done ?? 0, today);
  return (
    // Columns at least 2.375rem wide: seven a row on a 360 px phone, fewer (never clipped) as text grows.
    <ol
      className="grid grid-cols-[repeat(auto-fill,minmax(2.375rem,1fr))] gap-1"
      aria-label="Your last 14 days"
      data-testid="history"
    >
      {days.map((d) => {
        const done = d === last ? doneToday : d.done;
        const full = d.prescribed > 0 && done >= d.prescribed;
        const rest = d.prescribed === 0;
        const spoken = rest
          ? `${d.label}: rest day${done > 0 ? `, ${done} done` : ''}`
          : `${d.label}: ${done} of ${d.prescribed} done`;
        return (
          <li
            key={d.day}
            className={cn(
              'flex min-w-0 flex-col items-center rounded-md border px-0.5 py-1.5 text-center text-xs leading-tight',
              full
                ? 'border-brand-600 bg-brand-50'
                : rest
                  ? 'border-dashed border-line text-muted'
                  : done > 0
                    ? 'border-amber-300 bg-amber-50'
                    : 'border-line bg-white',
            )}
          >
            <span className="sr-only">{spoken}</span>
            <span aria-hidden className="flex flex-col items-center">
              <span className="font-medium">{d.weekday}</span>
              <span>{d.dayOfMonth}</span>
              {d.month ? <span className="uppercase">{d.month}</span> : null}
              <span className="mt-0.5 font-semibold">{rest ? (done > 0 ? done : '–') : `${done}/${d.prescribed}`}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

import { formatDay } from '@/lib/dates';
import type { PatientDay } from '@/lib/patient-portal/today';
import { cn } from '@/lib/utils';

/** The last 14 days as done/prescribed, readable as text (not colour alone). */
export function HistoryStrip({ days }: { days: PatientDay[] }) {
  return (
    <ol className="grid grid-cols-7 gap-1.5" aria-label="Your last 14 days" data-testid="history">
      {days.map((d) => {
        const full = d.prescribed > 0 && d.done >= d.prescribed;
        const rest = d.prescribed === 0;
        return (
          <li
            key={d.day}
            className={cn(
              'flex flex-col items-center rounded-md border px-1 py-1.5 text-center text-xs',
              full
                ? 'border-brand-600 bg-brand-50'
                : rest
                  ? 'border-dashed border-line text-muted'
                  : d.done > 0
                    ? 'border-amber-300 bg-amber-50'
                    : 'border-line bg-white',
            )}
          >
            <span className="font-medium">{formatDay(d.day, 'weekday')}</span>
            <span>{formatDay(d.day, 'dayOfMonth')}</span>
            <span
              className="mt-0.5 font-semibold"
              aria-label={
                rest
                  ? `${formatDay(d.day, 'long')}: rest day`
                  : `${formatDay(d.day, 'long')}: ${d.done} of ${d.prescribed} done`
              }
            >
              {rest ? '–' : `${d.done}/${d.prescribed}`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

import { cn } from '@/lib/utils';
import { PAIN_MAX, PAIN_MIN } from './types';

const PAIN_LEVELS = Array.from({ length: PAIN_MAX - PAIN_MIN + 1 }, (_, i) => PAIN_MIN + i);

/** 0 to 10 as big radio buttons, with its legend, scale words and error wired for screen readers. */
export function PainScale({
  idBase,
  name,
  legend,
  value,
  error,
  onChange,
}: {
  idBase: string;
  name: string;
  legend: string;
  value: number | null;
  error: string | undefined;
  onChange: (n: number) => void;
}) {
  const descId = `${idBase}-desc`;
  const errorId = `${idBase}-error`;
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={error ? `${descId} ${errorId}` : descId}>
      <legend className="text-base font-semibold text-ink">{legend}</legend>
      <p id={descId} className="text-sm text-muted">
        0 = no pain · 10 = worst pain imaginable
      </p>
      <div className="flex flex-wrap gap-2">
        {PAIN_LEVELS.map((n) => (
          <label key={n} className="group relative cursor-pointer">
            <input
              type="radio"
              id={`${idBase}-${n}`}
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="peer sr-only"
            />
            <span
              className={cn(
                'flex min-h-12 min-w-12 items-center justify-center rounded-md border-2 bg-white px-2 text-lg font-semibold text-ink',
                error ? 'border-danger' : 'border-line',
                'group-hover:border-brand-600 peer-checked:border-brand-800 peer-checked:bg-brand-600 peer-checked:text-white',
                'peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600',
              )}
            >
              {n}
              {n === PAIN_MIN ? <span className="sr-only">, no pain</span> : null}
              {n === PAIN_MAX ? <span className="sr-only">, worst pain imaginable</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

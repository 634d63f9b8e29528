import { Sparkline } from '@/components/charts/sparkline';
import { Badge } from '@/components/ui/badge';
import { lastSessionInWords } from '@/lib/dates';
import { cn } from '@/lib/utils';

/** Table cells for a patient's stored figures, the same on the dashboard and the roster. */
export const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

export function AdherenceCell({ value, trend }: { value: number | null; trend?: (number | null)[] }) {
  return (
    <div className="flex items-center gap-2">
      <span
        className={cn(
          'w-12 font-medium',
          value === null && 'text-muted',
          value !== null && value < 0.5 && 'text-danger',
        )}
      >
        {percent(value)}
      </span>
      {trend && trend.filter((v) => v !== null).length >= 2 ? (
        <Sparkline values={trend} label={`7-day adherence over the last 4 weeks, now ${percent(value)}`} />
      ) : null}
    </div>
  );
}

export function PainCell({ after, change }: { after: number | null; change: number | null }) {
  if (after === null) return <span className="text-muted">—</span>;
  return (
    <span className={cn('whitespace-nowrap', change !== null && change >= 2 && 'font-medium text-danger')}>
      {after.toFixed(1)}
      {change !== null ? ` (${change > 0 ? '▲ +' : change < 0 ? '▼ ' : '± '}${change.toFixed(1)})` : ''}
    </span>
  );
}

/** Calendar days since the last session (daysSince in lib/dates.ts), in words. */
export function LastSessionCell({ daysAgo }: { daysAgo: number | null }) {
  return <span className={daysAgo === null ? 'text-muted' : undefined}>{lastSessionInWords(daysAgo)}</span>;
}

export function AlertsCell({ open }: { open: number }) {
  return open > 0 ? <Badge tone="danger">{open} open</Badge> : <span className="text-muted">—</span>;
}

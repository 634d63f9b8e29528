import { formatDateTime } from '@/lib/dates';
import type { HandoutPrintRow } from '@/lib/handout/prints';
import { PAPER_SIZES } from '@/lib/print/paper';

/** The handouts printed of one plan version, as its history entry lists them. */
export function PrintedHandouts({ prints, timezone }: { prints: HandoutPrintRow[]; timezone: string }) {
  if (prints.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-muted" data-testid="handout-prints">
      {prints.map((p) => (
        <li key={p.at.toISOString()}>
          Handout printed {formatDateTime(p.at, timezone)} by {p.by} ·{' '}
          {p.withLink ? 'with a QR code link' : 'without a link'} · {PAPER_SIZES[p.paper].label}
        </li>
      ))}
    </ul>
  );
}

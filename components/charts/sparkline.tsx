/** A tiny line of 7-day adherence (0–100 %), with its meaning in the accessible name. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 84;
  const h = 22;
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : `${((i / Math.max(1, values.length - 1)) * w).toFixed(1)},${(h - 2 - v * (h - 4)).toFixed(1)}`,
    )
    .filter(Boolean);
  if (points.length < 2) return <span className="text-xs text-muted">—</span>;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="text-brand-600">
      <line
        x1="0"
        x2={w}
        y1={h - 2 - 0.5 * (h - 4)}
        y2={h - 2 - 0.5 * (h - 4)}
        stroke="currentColor"
        strokeOpacity="0.2"
        strokeDasharray="2 2"
      />
      <polyline
        points={points.join(' ')}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

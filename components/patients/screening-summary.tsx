import type { ScreeningAnswers } from '@/db/schema';
import { Badge } from '@/components/ui/badge';
import { positiveFindings } from '@/lib/screening/evaluate';

export function ScreeningFindings({ answers }: { answers: ScreeningAnswers }) {
  const findings = positiveFindings(answers);
  if (findings.length === 0)
    return <p className="text-sm text-success">No contraindications or precautions recorded.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {findings.map((f) => (
        <li key={f.code} className="flex flex-wrap items-start gap-2">
          <Badge tone={f.severity === 'absolute' ? 'danger' : 'warning'}>
            {f.severity === 'absolute' ? 'Absolute' : 'Precaution'}
          </Badge>
          <span>
            <span className="font-medium">{f.label}</span>
            {f.note ? <span className="text-muted"> — {f.note}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

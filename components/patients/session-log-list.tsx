import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/dates';
import { painChangeText, symptomLabel } from '@/lib/patient-portal/log-limits';
import type { LoggedSession } from '@/lib/patients/session-logs';

export function SessionLogList({
  logs,
  exerciseNames,
  timezone,
}: {
  logs: LoggedSession[];
  exerciseNames: Map<string, string>;
  timezone: string;
}) {
  if (logs.length === 0) return <p className="text-sm text-muted">No sessions logged yet.</p>;
  return (
    <ol className="divide-y divide-line text-sm">
      {logs.map((log) => (
        <li key={log.id} className="py-3" data-testid="session-log">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">{formatDateTime(log.performedAt, timezone)}</span>
            <span>
              Pain {painChangeText(log.painBefore, log.painAfter)}
              {log.redFlags ? (
                <Badge tone="danger" className="ml-2">
                  Red flag · {log.alertStatus}
                </Badge>
              ) : null}
            </span>
          </div>
          <p className="text-muted">
            {log.itemsDone.length || log.itemsPartial.length
              ? [
                  ...log.itemsDone.map((id) => exerciseNames.get(id) ?? 'An earlier exercise'),
                  ...log.itemsPartial.map(
                    (id) => `${exerciseNames.get(id) ?? 'An earlier exercise'} (partly: some skipped)`,
                  ),
                ].join(', ')
              : 'No exercise done'}
          </p>
          {log.symptoms.length ? <p className="text-danger">{log.symptoms.map(symptomLabel).join('; ')}</p> : null}
          {log.note ? <p className="mt-1 whitespace-pre-wrap">“{log.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}

'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import type { AlertCardData } from '@/lib/alerts/alert-view';
import { painChangeText, symptomLabel } from '@/lib/patient-portal/log-limits';

const DONE = {
  acknowledge: 'Acknowledged',
  resolve: 'Resolved',
  reopen: 'Reopened',
  repeated: 'Reported again',
} as const;

/** A referral pre-filled from the alert: its reasons, urgent for chest pain or numbness. */
function referHref(alert: AlertCardData): string {
  const serious = alert.reasons.some((r) => /chest|breath|tingling|numbness/i.test(r));
  const reason = `Reported on ${alert.createdAt}: ${alert.reasons.join('; ')}.`;
  const query = new URLSearchParams({ from: 'alert', reason, urgency: serious ? 'urgent' : 'soon' });
  return `/patients/${alert.patientId}/referrals/new?${query.toString()}`;
}

export function AlertCard({
  alert,
  showPatient = true,
  action,
}: {
  alert: AlertCardData;
  showPatient?: boolean;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  return (
    <article
      className="rounded-lg border border-line bg-white p-4"
      data-testid="alert"
      aria-label={`Alert for ${alert.patientName}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          {showPatient ? (
            <Link
              href={`/patients/${alert.patientId}`}
              className="font-semibold text-brand-800 underline-offset-4 hover:underline"
            >
              {alert.patientName}
            </Link>
          ) : null}
          <p className="text-xs text-muted">Raised {alert.createdAt}</p>
        </div>
        <Badge tone={alert.status === 'open' ? 'danger' : alert.status === 'acknowledged' ? 'warning' : 'neutral'}>
          {alert.status[0]!.toUpperCase() + alert.status.slice(1)}
        </Badge>
      </div>
      <ul className="mt-2 list-disc pl-5 text-sm text-danger">
        {alert.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {alert.repeated ? (
        <p className="mt-1 text-sm font-medium text-danger" data-testid="alert-repeated">
          {alert.repeated}
        </p>
      ) : null}
      <Link
        href={referHref(alert)}
        className="mt-2 inline-block text-sm font-medium text-brand-800 underline underline-offset-4"
      >
        Refer to in-person care
      </Link>
      {alert.log ? (
        <p className="mt-2 text-sm">
          Session {alert.log.performedAt}: pain {painChangeText(alert.log.painBefore, alert.log.painAfter)}
          {alert.log.symptoms.length ? ` · ${alert.log.symptoms.map(symptomLabel).join('; ')}` : ''}
          {alert.log.note ? <span className="mt-1 block text-muted">“{alert.log.note}”</span> : null}
        </p>
      ) : null}
      {alert.history.length ? (
        <ol className="mt-3 space-y-1 border-l-2 border-line pl-3 text-sm" aria-label="What was done">
          {alert.history.map((e, i) => (
            // The history only grows, so a position is a stable key.
            <li key={i}>
              <span className="font-medium">{DONE[e.action]}</span>
              <span className="text-muted">
                {e.actorName ? ` by ${e.actorName}` : ''}, {e.at}
              </span>
              {e.note ? <span className="block">{e.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <form action={submit} className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="alertId" value={alert.id} />
        <label className="min-w-48 flex-1 text-xs font-medium">
          Note {alert.status === 'resolved' ? '(optional)' : '(needed to resolve)'}
          <Input
            name="note"
            maxLength={1000}
            className="h-9"
            placeholder="e.g. Called the patient; switched to the supported variant"
            aria-invalid={state.fieldErrors?.note ? true : undefined}
            aria-describedby={
              state.fieldErrors?.note || state.status === 'error' ? `alert-${alert.id}-error` : undefined
            }
          />
        </label>
        {alert.status === 'open' ? (
          <SubmitButton name="action" value="acknowledge" size="sm" variant="secondary">
            Acknowledge
          </SubmitButton>
        ) : null}
        {alert.status !== 'resolved' ? (
          <SubmitButton name="action" value="resolve" size="sm">
            Resolve
          </SubmitButton>
        ) : (
          <SubmitButton name="action" value="reopen" size="sm" variant="secondary">
            Reopen
          </SubmitButton>
        )}
      </form>
      {state.status === 'invalid' || state.status === 'error' ? (
        <p id={`alert-${alert.id}-error`} className="mt-1 text-xs text-danger" data-testid="alert-error">
          {state.fieldErrors?.note?.[0] ?? state.message}
        </p>
      ) : null}
    </article>
  );
}

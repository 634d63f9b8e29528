'use client';

import { FileText } from 'lucide-react';
import Link from 'next/link';
import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import {
  isOpen,
  nextSteps,
  REQUEST_LABELS,
  type ReferralStatus,
  STATUS_LABELS,
  URGENCY_LABELS,
} from '@/lib/referrals/status';

/** One referral as the patient's page shows it; dates already written out by the page. */
export type ReferralRow = {
  id: string;
  /** The printable letter to the provider. */
  letterHref: string;
  providerName: string;
  providerDetail: string;
  providerArchived: boolean;
  reason: string;
  urgency: keyof typeof URGENCY_LABELS;
  request: keyof typeof REQUEST_LABELS;
  status: ReferralStatus;
  patientRequested: string | null;
  report: { findings: string; recommendations: string | null; on: string } | null;
  steps: { id: string; text: string; note: string | null }[];
};

const TONE: Record<ReferralStatus, 'brand' | 'neutral' | 'danger'> = {
  draft: 'neutral',
  sent: 'brand',
  booked: 'brand',
  seen: 'brand',
  report_received: 'neutral',
  declined: 'danger',
  cancelled: 'neutral',
};

/** The patient's referrals, open first, each with its steps and what can be done next. */
export function ReferralList({
  referrals,
  moveAction,
  reportAction,
}: {
  referrals: ReferralRow[];
  moveAction: FormAction;
  reportAction: FormAction;
}) {
  if (referrals.length === 0)
    return <p className="text-sm text-muted">No referrals yet. Refer the patient when in-person care is needed.</p>;
  return (
    <ul className="space-y-4" data-testid="referrals">
      {referrals.map((r) => (
        <li key={r.id} className="rounded-lg border border-line p-3" data-testid="referral">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-medium">
                {r.providerName}
                {r.providerArchived ? <span className="text-muted"> (archived)</span> : null}
              </p>
              <p className="text-xs text-muted">{r.providerDetail}</p>
            </div>
            <div className="flex flex-wrap gap-1">
              {r.urgency === 'urgent' ? <Badge tone="danger">Urgent</Badge> : null}
              <Badge tone={TONE[r.status]}>{STATUS_LABELS[r.status]}</Badge>
            </div>
          </div>
          <p className="mt-2 text-sm">
            <span className="text-muted">
              {URGENCY_LABELS[r.urgency]} · {REQUEST_LABELS[r.request]}:
            </span>{' '}
            {r.reason}
          </p>
          {r.patientRequested ? (
            <p className="mt-1 text-sm font-medium text-brand-800">
              The patient asked for an appointment {r.patientRequested}.
            </p>
          ) : null}
          <p className="mt-2 text-sm">
            <Link
              href={r.letterHref}
              className="inline-flex items-center gap-1 text-brand-700 underline underline-offset-4"
              aria-label={`Letter to ${r.providerName}`}
            >
              <FileText className="size-4" aria-hidden /> Letter
            </Link>
          </p>
          <ol className="mt-2 space-y-0.5 border-l-2 border-line pl-3 text-xs text-muted">
            {r.steps.map((s) => (
              <li key={s.id}>
                {s.text}
                {s.note ? <span className="text-ink"> — {s.note}</span> : null}
              </li>
            ))}
          </ol>
          {r.report ? (
            <div className="mt-2 rounded-md bg-surface p-2 text-sm">
              <p className="font-medium">Report of {r.report.on}</p>
              <p className="whitespace-pre-wrap">{r.report.findings}</p>
              {r.report.recommendations ? (
                <p className="mt-1 whitespace-pre-wrap">Recommended: {r.report.recommendations}</p>
              ) : null}
            </div>
          ) : null}
          {isOpen(r.status) ? <NextStep referral={r} action={moveAction} /> : null}
          {r.status === 'seen' ? <RecordReport referralId={r.id} action={reportAction} /> : null}
        </li>
      ))}
    </ul>
  );
}

function NextStep({ referral, action }: { referral: ReferralRow; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const steps = nextSteps(referral.status).filter((s) => s !== 'report_received');
  const v = state.status === 'ok' ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  const id = (name: string) => `ref-${referral.id}-${name}`;
  return (
    <form
      action={submit}
      noValidate
      aria-label={`Next step for the referral to ${referral.providerName}`}
      className="mt-3 grid gap-2 border-t border-line pt-3 sm:grid-cols-[1fr_9.5rem]"
      key={JSON.stringify(v)}
    >
      <input type="hidden" name="referralId" value={referral.id} />
      <Field id={id('to')} label="Next step" errors={e.to}>
        {(c) => (
          <Select {...c} name="to" defaultValue={steps[0]}>
            {steps.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id('on')} label="On" hint="Empty: today" errors={e.on}>
        {(c) => <Input {...c} type="date" name="on" defaultValue={v.on ?? ''} />}
      </Field>
      <div className="sm:col-span-2">
        <Field id={id('note')} label="Note (optional)" errors={e.note}>
          {(c) => <Input {...c} name="note" maxLength={2000} defaultValue={v.note ?? ''} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton size="sm" pendingLabel="Saving…">
          Record step
        </SubmitButton>
      </div>
    </form>
  );
}

function RecordReport({ referralId, action }: { referralId: string; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const v = state.status === 'ok' ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  const id = (name: string) => `report-${referralId}-${name}`;
  return (
    <form
      action={submit}
      noValidate
      aria-label="Record the provider’s report"
      className="mt-3 space-y-2 border-t border-line pt-3"
      key={JSON.stringify(v)}
    >
      <input type="hidden" name="referralId" value={referralId} />
      <p className="text-sm font-medium">The provider reported back</p>
      <Field id={id('findings')} label="Findings" errors={e.findings}>
        {(c) => <Textarea {...c} name="findings" rows={3} maxLength={5000} defaultValue={v.findings ?? ''} />}
      </Field>
      <Field id={id('recommendations')} label="Recommendations (optional)" errors={e.recommendations}>
        {(c) => (
          <Textarea {...c} name="recommendations" rows={2} maxLength={5000} defaultValue={v.recommendations ?? ''} />
        )}
      </Field>
      <Field id={id('reportOn')} label="Date of the report" errors={e.reportOn}>
        {(c) => <Input {...c} type="date" name="reportOn" defaultValue={v.reportOn ?? ''} className="max-w-44" />}
      </Field>
      <SubmitButton size="sm" pendingLabel="Saving…">
        Record report
      </SubmitButton>
    </form>
  );
}

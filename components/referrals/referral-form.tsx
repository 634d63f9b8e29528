'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { REQUEST_LABELS, URGENCY_LABELS } from '@/lib/referrals/status';

export type ProviderChoice = { id: string; label: string };

/** Refer a patient to a provider of the directory: why, how soon, what is asked. */
export function ReferralForm({
  patientId,
  providers,
  prefill,
  action,
}: {
  patientId: string;
  providers: ProviderChoice[];
  prefill: { reason?: string; urgency?: string };
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const v: Record<string, string> = {
    urgency: prefill.urgency ?? 'routine',
    request: 'assess_and_report',
    ...state.values,
  };
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={submit}
      noValidate
      aria-label="Refer the patient"
      className="space-y-4"
      key={JSON.stringify(state.values ?? {})}
    >
      {state.status === 'invalid' || state.status === 'error' ? (
        <Notice tone="danger" role="alert">
          {state.message ?? 'Some fields need fixing.'}
        </Notice>
      ) : null}
      <input type="hidden" name="patientId" value={patientId} />
      <Field id="referral-provider" label="Refer to" errors={e.providerId}>
        {(c) => (
          <Select {...c} name="providerId" defaultValue={v.providerId ?? ''}>
            <option value="">Choose a provider…</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="referral-reason" label="Reason" errors={e.reason}>
        {(c) => (
          <Textarea {...c} name="reason" rows={4} maxLength={2000} defaultValue={v.reason ?? prefill.reason ?? ''} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="referral-urgency" label="Urgency" errors={e.urgency}>
          {(c) => (
            <Select {...c} name="urgency" defaultValue={v.urgency}>
              {Object.entries(URGENCY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="referral-request" label="What you ask" errors={e.request}>
          {(c) => (
            <Select {...c} name="request" defaultValue={v.request}>
              {Object.entries(REQUEST_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        id="referral-goal"
        label="Goal (optional)"
        hint="What you hope the visit achieves, for the letter."
        errors={e.goal}
      >
        {(c) => <Textarea {...c} name="goal" rows={2} maxLength={1000} defaultValue={v.goal ?? ''} />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="patientInformed"
          defaultChecked={v.patientInformed === 'on'}
          className="size-4 accent-brand-600"
        />
        The patient knows about this referral and agrees to it
      </label>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="send" value="on" pendingLabel="Saving…">
          Refer and mark sent
        </SubmitButton>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save as draft
        </SubmitButton>
      </div>
    </form>
  );
}

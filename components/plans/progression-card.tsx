'use client';

import { ArrowDownRight, ArrowUpRight, Minus, Sparkles } from 'lucide-react';
import Link from 'next/link';
import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export type SuggestionView = {
  kind: 'step_up' | 'step_down' | 'hold' | 'simplify';
  headline: string;
  reasons: string[];
  changes: string[];
  /** A step down suggests in-person care: the referral form, pre-filled. */
  referralHref: string | null;
};

const ICON = { step_up: ArrowUpRight, step_down: ArrowDownRight, simplify: ArrowDownRight, hold: Minus };
const TONE = {
  step_up: 'border-brand-100 bg-brand-50',
  hold: 'border-line bg-white',
  simplify: 'border-amber-200 bg-amber-50',
  step_down: 'border-red-200 bg-red-50',
};

/**
 * The plan's progression suggestion with why, and what a practitioner can do: apply it (a new
 * version, its reason the suggestion), dismiss it with a reason, or refer after a step down.
 */
export function ProgressionCard({
  patientId,
  signature,
  suggestion,
  applyAction,
  dismissAction,
}: {
  patientId: string;
  signature: string;
  suggestion: SuggestionView;
  applyAction: FormAction;
  dismissAction: FormAction;
}) {
  const [applied, apply] = useActionState<ActionState, FormData>(applyAction, idle);
  const [dismissed, dismiss] = useActionState<ActionState, FormData>(dismissAction, idle);
  useActionToast(applied);
  useActionToast(dismissed);
  const Icon = ICON[suggestion.kind];
  const note = dismissed.status === 'ok' ? '' : (dismissed.values?.note ?? '');
  return (
    <section
      aria-labelledby="suggestion-heading"
      className={`rounded-lg border p-4 ${TONE[suggestion.kind]}`}
      data-testid="progression-suggestion"
    >
      <h2 id="suggestion-heading" className="flex items-start gap-2 font-semibold">
        <Icon className="mt-0.5 size-5 shrink-0" aria-hidden />
        <span>{suggestion.headline}</span>
      </h2>
      <ul className="mt-2 list-disc space-y-0.5 pl-6 text-sm">
        {suggestion.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {suggestion.changes.length ? (
        <div className="mt-3 text-sm">
          <p className="flex items-center gap-1 font-medium">
            <Sparkles className="size-4" aria-hidden /> The new version would change
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-6">
            {suggestion.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {suggestion.kind !== 'hold' ? (
        <div className="mt-4 flex flex-wrap items-start gap-3">
          <form action={apply} aria-label="Apply the suggestion">
            <input type="hidden" name="patientId" value={patientId} />
            <input type="hidden" name="signature" value={signature} />
            <SubmitButton pendingLabel="Applying…">Apply as a new version</SubmitButton>
          </form>
          {suggestion.referralHref ? (
            <Link
              href={suggestion.referralHref}
              className="inline-flex h-10 items-center rounded-md border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50"
            >
              Refer to in-person care
            </Link>
          ) : null}
          <details className="basis-full text-sm">
            <summary className="cursor-pointer text-brand-700">Dismiss</summary>
            <form action={dismiss} aria-label="Dismiss the suggestion" className="mt-2 max-w-lg space-y-2" key={note}>
              <input type="hidden" name="patientId" value={patientId} />
              <input type="hidden" name="signature" value={signature} />
              <Field id="dismiss-note" label="Why not now?" errors={dismissed.fieldErrors?.note}>
                {(c) => <Textarea {...c} name="note" rows={2} maxLength={500} defaultValue={note} />}
              </Field>
              <SubmitButton size="sm" variant="secondary" pendingLabel="Dismissing…">
                Dismiss until the figures change
              </SubmitButton>
            </form>
          </details>
        </div>
      ) : null}
    </section>
  );
}

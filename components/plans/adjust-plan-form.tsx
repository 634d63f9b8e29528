'use client';

import { useActionState, useState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { type EditorExercise, type EditorItem, PlanItemsEditor } from './plan-items-editor';

export function AdjustPlanForm({
  patientId,
  planId,
  library,
  items,
  acknowledgements,
  earliest,
  version,
  action,
}: {
  patientId: string;
  planId: string;
  library: EditorExercise[];
  items: EditorItem[];
  acknowledgements: Record<string, string>;
  earliest: string;
  version: number;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const errors = state.fieldErrors ?? {};
  // Held here rather than in the inputs: React empties a form's own inputs after every submit,
  // and a refused save must keep what was typed. A saved version starts them again.
  const [effectiveDate, setEffectiveDate] = useState(earliest);
  const [reason, setReason] = useState('');
  const [savedVersion, setSavedVersion] = useState(version);
  if (version !== savedVersion) {
    setSavedVersion(version);
    setEffectiveDate(earliest);
    setReason('');
  }
  return (
    <form action={submit} noValidate aria-label="Adjust the plan" className="space-y-5">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="planId" value={planId} />
      {(state.status === 'invalid' || state.status === 'error') && state.message ? (
        <Notice tone="danger" live data-testid="plan-form-error">
          {state.message}
        </Notice>
      ) : null}
      <PlanItemsEditor
        patientId={patientId}
        library={library}
        items={items}
        errors={errors}
        acknowledgements={acknowledgements}
        onItemsReplaced={version /* a saved version brings new items: start again from them */}
      />
      <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
        <Field id="effectiveDate" label="Takes effect" errors={errors.effectiveDate}>
          {(c) => (
            <Input
              {...c}
              name="effectiveDate"
              type="date"
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
              min={earliest}
              required
            />
          )}
        </Field>
        <Field id="reason" label="Reason for the change" errors={errors.reason} hint="Kept with the version history.">
          {(c) => (
            <Input
              {...c}
              name="reason"
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. tolerating well, longer holds"
            />
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Saving…">Save as a new version</SubmitButton>
    </form>
  );
}

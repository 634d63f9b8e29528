'use client';

import { useActionState, useState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

/** "Restore" on an earlier version: asks for a reason, then saves its items as a new version. */
export function RestoreVersion({
  patientId,
  planId,
  version,
  action,
}: {
  patientId: string;
  planId: string;
  version: number;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const [open, setOpen] = useState(false);
  useActionToast(state);
  if (!open) {
    return (
      <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Restore version {version}
      </Button>
    );
  }
  return (
    <form action={submit} className="flex flex-wrap items-end gap-2" aria-label={`Restore version ${version}`}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <label className="text-xs font-medium">
        Reason
        <Input name="reason" required minLength={3} maxLength={500} className="h-8 w-64" />
      </label>
      <SubmitButton size="sm" pendingLabel="Restoring…">
        Restore
      </SubmitButton>
      {state.status !== 'ok' && state.fieldErrors?.reason ? (
        <p className="w-full text-xs text-danger">{state.fieldErrors.reason[0]}</p>
      ) : null}
    </form>
  );
}

/** One-click swap to an easier or harder variant, with a reason. */
export function SwapVariant({
  patientId,
  planId,
  position,
  direction,
  variantName,
  action,
}: {
  patientId: string;
  planId: string;
  position: number;
  direction: 'easier' | 'harder';
  variantName: string;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const [open, setOpen] = useState(false);
  useActionToast(state);
  const label = `${direction === 'easier' ? 'Easier' : 'Harder'}: ${variantName}`;
  if (!open) {
    return (
      <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form action={submit} className="flex flex-wrap items-end gap-2" aria-label={`Swap to ${variantName}`}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="position" value={position} />
      <input type="hidden" name="direction" value={direction} />
      <label className="text-xs font-medium">
        Reason for switching to {variantName}
        <Input name="reason" required minLength={3} maxLength={500} className="h-8 w-64" />
      </label>
      <SubmitButton size="sm" pendingLabel="Saving…">
        Switch
      </SubmitButton>
      {state.status === 'invalid' || state.status === 'error' ? (
        <p className="w-full text-xs text-danger">{state.fieldErrors?.reason?.[0] ?? state.message}</p>
      ) : null}
    </form>
  );
}

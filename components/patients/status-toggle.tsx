'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export function StatusToggle({
  patientId,
  status,
  name,
  action,
}: {
  patientId: string;
  status: 'active' | 'discharged';
  name: string;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const discharging = status === 'active';
  return (
    <form
      action={submit}
      onSubmit={(e) => {
        if (discharging && !window.confirm(`Discharge ${name}? Their active plan ends today.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="status" value={discharging ? 'discharged' : 'active'} />
      <SubmitButton variant="secondary" pendingLabel={discharging ? 'Discharging…' : 'Reactivating…'}>
        {discharging ? 'Discharge' : 'Reactivate'}
      </SubmitButton>
    </form>
  );
}

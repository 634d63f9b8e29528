'use client';

import { useActionState } from 'react';
import { setPatientStatusAction } from '@/app/(dashboard)/patients/actions';
import { useActionToast } from '@/components/ui/action-toast';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, idle } from '@/lib/actions/action-state';

export function StatusToggle({ patientId, status, name }: { patientId: string; status: 'active' | 'discharged'; name: string }) {
  const [state, action] = useActionState<ActionState, FormData>(setPatientStatusAction, idle);
  useActionToast(state);
  const discharging = status === 'active';
  return (
    <form
      action={action}
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

'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

/** Admins take a built-in exercise out of their clinic's library, or put it back. */
export function HideToggle({
  exerciseId,
  name,
  hidden,
  action,
}: {
  exerciseId: string;
  name: string;
  hidden: boolean;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  return (
    <form action={submit}>
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <input type="hidden" name="hidden" value={hidden ? 'false' : 'true'} />
      <SubmitButton
        variant="secondary"
        size="sm"
        aria-label={hidden ? `Show ${name} again` : `Hide ${name} from your clinic`}
        pendingLabel={hidden ? 'Showing…' : 'Hiding…'}
      >
        {hidden ? <Eye aria-hidden /> : <EyeOff aria-hidden />}
        {hidden ? 'Show' : 'Hide'}
      </SubmitButton>
    </form>
  );
}

'use client';

import { Archive, ArchiveRestore } from 'lucide-react';
import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

/** Admins take an entry out of the directory (past referrals keep it), or put it back. */
export function ArchiveToggle({
  providerId,
  name,
  archived,
  archiveAction,
  restoreAction,
}: {
  providerId: string;
  name: string;
  archived: boolean;
  archiveAction: FormAction;
  restoreAction: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(archived ? restoreAction : archiveAction, idle);
  useActionToast(state);
  return (
    <form action={submit}>
      <input type="hidden" name="providerId" value={providerId} />
      <SubmitButton
        variant="secondary"
        aria-label={archived ? `Restore ${name}` : `Archive ${name}`}
        pendingLabel={archived ? 'Restoring…' : 'Archiving…'}
      >
        {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
        {archived ? 'Restore' : 'Archive'}
      </SubmitButton>
    </form>
  );
}

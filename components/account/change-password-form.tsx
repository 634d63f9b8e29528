'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/(auth)/account/password/actions';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, idle } from '@/lib/actions/action-state';
import { PASSWORD_MIN } from '@/lib/validation/account';

export function ChangePasswordForm({ next }: { next: string }) {
  const [state, action] = useActionState<ActionState, FormData>(changePasswordAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Change password">
      <input type="hidden" name="next" value={next} />
      {state.status === 'error' && state.message ? (
        <Notice tone="danger" live>
          {state.message}
        </Notice>
      ) : null}
      <Field id="currentPassword" label="Current password" errors={errors.currentPassword}>
        {(c) => <Input {...c} name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} />}
      </Field>
      <Field id="newPassword" label="New password" errors={errors.newPassword} hint={`At least ${PASSWORD_MIN} characters.`}>
        {(c) => <Input {...c} name="newPassword" type="password" autoComplete="new-password" required maxLength={256} />}
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" errors={errors.confirmPassword}>
        {(c) => <Input {...c} name="confirmPassword" type="password" autoComplete="new-password" required maxLength={256} />}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save password</SubmitButton>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { PASSWORD_MIN } from '@/lib/validation/account';

export function ChangePasswordForm({ next, action }: { next: string; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-4" noValidate aria-label="Change password">
      <input type="hidden" name="next" value={next} />
      {state.status === 'error' && state.message ? (
        <Notice tone="danger" live>
          {state.message}
        </Notice>
      ) : null}
      <Field id="currentPassword" label="Current password" errors={errors.currentPassword}>
        {(c) => (
          <Input
            {...c}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
          />
        )}
      </Field>
      <Field
        id="newPassword"
        label="New password"
        errors={errors.newPassword}
        hint={`At least ${PASSWORD_MIN} characters.`}
      >
        {(c) => (
          <Input {...c} name="newPassword" type="password" autoComplete="new-password" required maxLength={256} />
        )}
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" errors={errors.confirmPassword}>
        {(c) => (
          <Input {...c} name="confirmPassword" type="password" autoComplete="new-password" required maxLength={256} />
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save password</SubmitButton>
    </form>
  );
}

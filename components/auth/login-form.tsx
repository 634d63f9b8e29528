'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export function LoginForm({ callbackUrl, action }: { callbackUrl: string; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  return (
    <form action={submit} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.status === 'error' && state.message ? (
        <Notice tone="danger" live data-testid="login-error">
          {state.message}
        </Notice>
      ) : null}
      <Field id="email" label="Email" errors={state.fieldErrors?.email}>
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={1024}
            defaultValue={state.values?.email ?? ''}
            autoFocus
          />
        )}
      </Field>
      <Field id="password" label="Password" errors={state.fieldErrors?.password}>
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
          />
        )}
      </Field>
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

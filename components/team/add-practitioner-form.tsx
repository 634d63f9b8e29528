'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { PASSWORD_MIN } from '@/lib/validation/account';
import { DisciplineOptions } from '@/components/team/discipline-options';

export function AddPractitionerForm({ action }: { action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);
  const v = state.status === 'ok' ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={submit} className="space-y-4" noValidate aria-label="Add a practitioner">
      <Field id="new-name" label="Full name" errors={errors.name}>
        {(c) => <Input {...c} name="name" required maxLength={120} defaultValue={v.name ?? ''} key={`n${v.name}`} />}
      </Field>
      <Field id="new-email" label="Email (their sign-in)" errors={errors.email}>
        {(c) => <Input {...c} name="email" type="email" required defaultValue={v.email ?? ''} key={`e${v.email}`} />}
      </Field>
      <Field id="new-discipline" label="Discipline" errors={errors.discipline}>
        {(c) => (
          <Select {...c} name="discipline" defaultValue={v.discipline ?? 'physical_therapist'} key={`d${v.discipline}`}>
            <DisciplineOptions />
          </Select>
        )}
      </Field>
      <Field
        id="new-role"
        label="Role"
        errors={errors.role}
        hint="Admins manage the team, templates and the referral directory."
      >
        {(c) => (
          <Select {...c} name="role" defaultValue={v.role ?? 'practitioner'} key={`r${v.role}`}>
            <option value="practitioner">Practitioner</option>
            <option value="admin">Admin</option>
          </Select>
        )}
      </Field>
      <Field
        id="new-password"
        label="Temporary password"
        errors={errors.temporaryPassword}
        hint={`At least ${PASSWORD_MIN} characters. They must change it when they first sign in.`}
      >
        {(c) => <Input {...c} name="temporaryPassword" type="text" autoComplete="off" required maxLength={256} />}
      </Field>
      {state.status !== 'ok' && state.message && state.status === 'error' ? (
        <p className="text-sm text-danger" data-testid="add-practitioner-error">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pendingLabel="Adding…">Add practitioner</SubmitButton>
    </form>
  );
}

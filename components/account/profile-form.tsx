'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { DisciplineOptions } from '@/components/team/discipline-options';

export function ProfileForm({ name, discipline, action }: { name: string; discipline: string; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const v = state.values ?? { name, discipline };
  return (
    <form action={submit} className="space-y-4" noValidate aria-label="Profile">
      <Field id="profile-name" label="Full name" errors={state.fieldErrors?.name}>
        {(c) => <Input {...c} name="name" required maxLength={120} defaultValue={v.name} key={v.name} />}
      </Field>
      <Field id="profile-discipline" label="Discipline" errors={state.fieldErrors?.discipline}>
        {(c) => (
          <Select {...c} name="discipline" defaultValue={v.discipline} key={v.discipline}>
            <DisciplineOptions />
          </Select>
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}

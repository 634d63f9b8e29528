'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export type PatientFormValues = {
  name: string;
  birthYear: string;
  email: string;
  phone: string;
  timezone: string;
  primaryPractitionerId: string;
  notes: string;
};

export function PatientForm({
  patientId,
  initial,
  practitioners,
  timezones,
  action,
}: {
  patientId?: string;
  initial: PatientFormValues;
  practitioners: { id: string; name: string }[];
  timezones: string[];
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const v = { ...initial, ...(state.values ?? {}) };
  const e = state.fieldErrors ?? {};
  const k = JSON.stringify(state.values ?? {});
  return (
    <form
      action={submit}
      className="grid gap-5 md:grid-cols-2"
      noValidate
      aria-label={patientId ? 'Edit patient' : 'New patient'}
    >
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      {state.status !== 'idle' && state.message ? (
        <Notice tone="danger" live className="md:col-span-2">
          {state.message}
        </Notice>
      ) : null}
      <div className="md:col-span-2">
        <Field id="patient-name" label="Full name" errors={e.name}>
          {(c) => (
            <Input
              {...c}
              name="name"
              required
              maxLength={200}
              defaultValue={v.name}
              key={`name${k}`}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Field id="patient-birthYear" label="Birth year (optional)" errors={e.birthYear}>
        {(c) => (
          <Input
            {...c}
            name="birthYear"
            inputMode="numeric"
            defaultValue={v.birthYear}
            key={`by${k}`}
            placeholder="e.g. 1979"
          />
        )}
      </Field>
      <Field
        id="patient-timezone"
        label="Timezone"
        errors={e.timezone}
        hint="Days of the plan run midnight to midnight here."
      >
        {(c) => (
          <Select {...c} name="timezone" defaultValue={v.timezone} key={`tz${k}`}>
            {timezones.map((tz) => (
              <option key={tz} value={tz}>
                {tz.replaceAll('_', ' ')}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="patient-email" label="Email (optional)" errors={e.email}>
        {(c) => <Input {...c} name="email" type="email" defaultValue={v.email} key={`em${k}`} autoComplete="off" />}
      </Field>
      <Field id="patient-phone" label="Phone (optional)" errors={e.phone}>
        {(c) => (
          <Input
            {...c}
            name="phone"
            type="tel"
            defaultValue={v.phone}
            key={`ph${k}`}
            autoComplete="off"
            maxLength={40}
          />
        )}
      </Field>
      <Field id="patient-practitioner" label="Primary practitioner" errors={e.primaryPractitionerId}>
        {(c) => (
          <Select {...c} name="primaryPractitionerId" defaultValue={v.primaryPractitionerId} key={`pp${k}`}>
            <option value="">Unassigned</option>
            {practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="md:col-span-2">
        <Field id="patient-notes" label="Notes (optional, for the clinic only)" errors={e.notes}>
          {(c) => <Textarea {...c} name="notes" maxLength={5000} defaultValue={v.notes} key={`nt${k}`} />}
        </Field>
      </div>
      <div className="md:col-span-2">
        <SubmitButton pendingLabel="Saving…">{patientId ? 'Save changes' : 'Add patient'}</SubmitButton>
      </div>
    </form>
  );
}

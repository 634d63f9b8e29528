'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';

export type ProviderFormValues = Record<string, string>;

/** Adds a provider to the directory or edits one: contact details, what they offer, internal notes. */
export function ProviderForm({
  action,
  values,
  providerId,
  submitLabel,
}: {
  action: FormAction;
  values: ProviderFormValues;
  providerId?: string;
  submitLabel: string;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  // A failed save keeps what was typed; a saved one shows what is now stored.
  const v = state.status === 'ok' ? values : { ...values, ...state.values };
  const e = state.fieldErrors ?? {};
  const text = (name: string) => v[name] ?? '';
  return (
    <form action={submit} noValidate aria-label={submitLabel} className="space-y-6" key={JSON.stringify(v)}>
      {providerId ? <input type="hidden" name="providerId" value={providerId} /> : null}
      {state.status === 'invalid' ? (
        <Notice tone="danger" role="alert">
          {state.message ?? 'Some fields need fixing.'}
        </Notice>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="space-y-4">
          <CardTitle>Who they are</CardTitle>
          <Field id="provider-name" label="Name" hint="A person or a practice." errors={e.name}>
            {(c) => <Input {...c} name="name" required maxLength={200} defaultValue={text('name')} />}
          </Field>
          <Field id="provider-discipline" label="Discipline" errors={e.discipline}>
            {(c) => (
              <Select {...c} name="discipline" defaultValue={text('discipline') || 'physician'}>
                {Object.entries(PROVIDER_DISCIPLINE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="provider-organisation" label="Organisation" errors={e.organisation}>
            {(c) => <Input {...c} name="organisation" maxLength={200} defaultValue={text('organisation')} />}
          </Field>
          <Field
            id="provider-tags"
            label="Services and tags"
            hint="Separated by commas, e.g. thoracic, sports, pregnancy, imaging."
            errors={e.tags}
          >
            {(c) => <Input {...c} name="tags" maxLength={1500} defaultValue={text('tags')} />}
          </Field>
          <Field
            id="provider-languages"
            label="Languages"
            hint="Separated by commas, e.g. English, Spanish."
            errors={e.languages}
          >
            {(c) => <Input {...c} name="languages" maxLength={1500} defaultValue={text('languages')} />}
          </Field>
          <Field id="provider-accepting" label="Accepting new patients" errors={e.acceptingNewPatients}>
            {(c) => (
              <Select {...c} name="acceptingNewPatients" defaultValue={text('acceptingNewPatients') || 'yes'}>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </Select>
            )}
          </Field>
        </Card>
        <Card className="space-y-4">
          <CardTitle>How to reach them</CardTitle>
          <Field id="provider-phone" label="Phone" errors={e.phone}>
            {(c) => <Input {...c} name="phone" type="tel" maxLength={40} defaultValue={text('phone')} />}
          </Field>
          <Field id="provider-email" label="Email" errors={e.email}>
            {(c) => <Input {...c} name="email" type="email" maxLength={320} defaultValue={text('email')} />}
          </Field>
          <Field id="provider-website" label="Website" hint="Starting with https://" errors={e.website}>
            {(c) => (
              <Input
                {...c}
                name="website"
                type="url"
                maxLength={500}
                placeholder="https://"
                defaultValue={text('website')}
              />
            )}
          </Field>
          <Field id="provider-address" label="Address" errors={e.address}>
            {(c) => <Textarea {...c} name="address" rows={3} maxLength={500} defaultValue={text('address')} />}
          </Field>
          <Field
            id="provider-hours"
            label="Opening hours"
            hint="As the provider states them, e.g. Mon–Fri 8:00–17:00."
            errors={e.openingHours}
          >
            {(c) => (
              <Textarea {...c} name="openingHours" rows={2} maxLength={500} defaultValue={text('openingHours')} />
            )}
          </Field>
        </Card>
      </div>
      <Card className="space-y-4">
        <Field
          id="provider-notes"
          label="Internal notes"
          hint="For your team only: never shown to patients or printed on their pages."
          errors={e.internalNotes}
        >
          {(c) => (
            <Textarea {...c} name="internalNotes" rows={3} maxLength={2000} defaultValue={text('internalNotes')} />
          )}
        </Field>
      </Card>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}

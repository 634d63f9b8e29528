'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

const DAYS = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
] as const;

export type ClinicSettingsValues = Record<string, string>;

/** The clinic's name, contact details, hours, timezone, emergency number and handout footer. */
export function ClinicSettingsForm({
  action,
  values,
  timezones,
  defaultEmergencyNumber,
}: {
  action: FormAction;
  values: ClinicSettingsValues;
  timezones: string[];
  defaultEmergencyNumber: string;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  // A failed save keeps what was typed; a saved one shows what is now stored.
  const v = state.status === 'ok' ? values : { ...values, ...state.values };
  const e = state.fieldErrors ?? {};
  const text = (name: string) => v[name] ?? '';
  return (
    <form action={submit} noValidate aria-label="Clinic settings" className="space-y-6" key={JSON.stringify(v)}>
      {state.status === 'invalid' ? (
        <Notice tone="danger" role="alert">
          {state.message ?? 'Some fields need fixing.'}
        </Notice>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="space-y-4">
          <CardTitle>The clinic</CardTitle>
          <Field id="clinic-name" label="Clinic name" errors={e.name}>
            {(c) => <Input {...c} name="name" required maxLength={200} defaultValue={text('name')} />}
          </Field>
          <Field id="clinic-phone" label="Phone" hint="Patients tap it to call you." errors={e.phone}>
            {(c) => <Input {...c} name="phone" type="tel" maxLength={40} defaultValue={text('phone')} />}
          </Field>
          <Field id="clinic-email" label="Email" errors={e.email}>
            {(c) => <Input {...c} name="email" type="email" maxLength={200} defaultValue={text('email')} />}
          </Field>
          <Field id="clinic-address" label="Address" errors={e.address}>
            {(c) => <Textarea {...c} name="address" rows={2} maxLength={300} defaultValue={text('address')} />}
          </Field>
          <Field
            id="clinic-timezone"
            label="Timezone"
            hint="Opening hours are in this timezone; it also sets the default emergency number."
            errors={e.timezone}
          >
            {(c) => (
              <Select {...c} name="timezone" defaultValue={text('timezone')}>
                {timezones.map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </Card>

        <Card className="space-y-4">
          <CardTitle>Safety</CardTitle>
          <Field
            id="clinic-emergency"
            label="Emergency number"
            hint={`Shown first when a patient reports chest pain. Leave empty for the default for your timezone: ${defaultEmergencyNumber}.`}
            errors={e.emergencyNumber}
          >
            {(c) => (
              <Input
                {...c}
                name="emergencyNumber"
                inputMode="numeric"
                maxLength={6}
                placeholder={defaultEmergencyNumber}
                defaultValue={text('emergencyNumber')}
                className="max-w-32"
              />
            )}
          </Field>
          <Field
            id="clinic-closed-advice"
            label="When the clinic is closed"
            hint="What a patient should do out of hours, e.g. “Call NHS 111 for urgent advice, or 999 in an emergency.” Leave empty for our general advice."
            errors={e.closedAdvice}
          >
            {(c) => (
              <Textarea {...c} name="closedAdvice" rows={2} maxLength={300} defaultValue={text('closedAdvice')} />
            )}
          </Field>
          <Field
            id="clinic-footer"
            label="Handout footer"
            hint="Printed at the foot of handouts and the patient’s page. Phone numbers in it become tap-to-call links."
            errors={e.handoutFooter}
          >
            {(c) => (
              <Textarea {...c} name="handoutFooter" rows={2} maxLength={300} defaultValue={text('handoutFooter')} />
            )}
          </Field>
        </Card>
      </div>

      <Card>
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold text-ink">Opening hours</legend>
          <p className="text-sm text-muted">Leave both times empty on a day the clinic is closed.</p>
          <div className="grid gap-3">
            <div
              aria-hidden
              className="grid grid-cols-[7rem_1fr_1fr] gap-2 text-xs font-medium text-muted sm:grid-cols-[8rem_10rem_10rem]"
            >
              <span />
              <span>Opens</span>
              <span>Closes</span>
            </div>
            {DAYS.map(([d, day]) => {
              const error = e[`opens${d}`]?.[0] ?? e[`closes${d}`]?.[0];
              const errorId = `hours-${d}-error`;
              return (
                <div
                  key={d}
                  className="grid grid-cols-[7rem_1fr_1fr] items-center gap-2 sm:grid-cols-[8rem_10rem_10rem]"
                >
                  <span className="text-sm font-medium" id={`hours-${d}-day`}>
                    {day}
                  </span>
                  <label className="text-sm">
                    <span className="sr-only">{day} opens</span>
                    <Input
                      type="time"
                      name={`opens${d}`}
                      defaultValue={text(`opens${d}`)}
                      aria-invalid={Boolean(e[`opens${d}`])}
                      aria-describedby={error ? errorId : undefined}
                    />
                  </label>
                  <label className="text-sm">
                    <span className="sr-only">{day} closes</span>
                    <Input
                      type="time"
                      name={`closes${d}`}
                      defaultValue={text(`closes${d}`)}
                      aria-invalid={Boolean(e[`closes${d}`])}
                      aria-describedby={error ? errorId : undefined}
                    />
                  </label>
                  {error ? (
                    <p id={errorId} className="col-span-3 text-sm text-danger">
                      {error}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      </Card>

      <SubmitButton pendingLabel="Saving…">Save clinic settings</SubmitButton>
    </form>
  );
}

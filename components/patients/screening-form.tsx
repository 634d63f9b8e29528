'use client';

import { useActionState } from 'react';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { CONTRAINDICATIONS, type Severity } from '@/lib/screening/contraindications';
import { cn } from '@/lib/utils';

type Previous = Record<string, { present: boolean; note?: string }> | null;

export function ScreeningForm({
  patientId,
  previous,
  action,
}: {
  patientId: string;
  previous: Previous;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const groups: { severity: Severity; title: string; help: string }[] = [
    {
      severity: 'absolute',
      title: 'Absolute contraindications',
      help: 'A yes blocks the exercises that list it; suggest in-person care.',
    },
    {
      severity: 'relative',
      title: 'Relative contraindications and precautions',
      help: 'A yes allows the exercise only with your stated reason at assignment.',
    },
  ];
  const valueOf = (code: string): string | undefined =>
    state.values?.[code] ?? (previous?.[code] ? (previous[code].present ? 'yes' : 'no') : undefined);
  const noteOf = (code: string) => state.values?.[`${code}_note`] ?? previous?.[code]?.note ?? '';
  const k = JSON.stringify(state.values ?? {});

  return (
    <form action={submit} noValidate aria-label="Screening" className="space-y-8">
      <input type="hidden" name="patientId" value={patientId} />
      {state.status !== 'idle' && state.message ? (
        <Notice tone="danger" live>
          {state.message}
        </Notice>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group.severity} className="rounded-lg border border-line bg-white">
          <legend className="ml-4 px-1 text-base font-semibold">{group.title}</legend>
          <p className="px-4 text-sm text-muted">{group.help}</p>
          <ul className="mt-2 divide-y divide-line">
            {CONTRAINDICATIONS.filter((c) => c.severity === group.severity).map((c) => {
              const error = state.fieldErrors?.[c.code]?.[0];
              return (
                <li
                  key={c.code}
                  className={cn(
                    'grid gap-2 px-4 py-3 md:grid-cols-[1fr_auto_16rem] md:items-center',
                    error && 'bg-red-50',
                  )}
                >
                  <div id={`${c.code}-label`} className="text-sm font-medium">
                    {c.label}
                    {error ? (
                      <span className="block text-xs font-normal text-danger" id={`${c.code}-error`}>
                        {error}
                      </span>
                    ) : null}
                  </div>
                  <div
                    role="radiogroup"
                    aria-labelledby={`${c.code}-label`}
                    aria-describedby={error ? `${c.code}-error` : undefined}
                    className="flex gap-4"
                    key={`${c.code}${k}`}
                  >
                    {(['no', 'yes'] as const).map((answer) => (
                      <label key={answer} className="flex items-center gap-1.5 text-sm">
                        <input
                          type="radio"
                          name={c.code}
                          value={answer}
                          defaultChecked={valueOf(c.code) === answer}
                          className="size-4 accent-brand-600"
                        />
                        {answer === 'yes' ? 'Yes' : 'No'}
                      </label>
                    ))}
                  </div>
                  <Input
                    name={`${c.code}_note`}
                    aria-label={`Note on ${c.label}`}
                    placeholder="Note (optional)"
                    maxLength={500}
                    defaultValue={noteOf(c.code)}
                    key={`${c.code}_note${k}`}
                    className="h-9"
                  />
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <SubmitButton pendingLabel="Saving…">Save screening</SubmitButton>
    </form>
  );
}

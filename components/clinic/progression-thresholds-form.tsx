'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Card, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { DEFAULT_THRESHOLDS, type ProgressionThresholds, THRESHOLD_RANGES } from '@/lib/progression/thresholds';
import {
  THRESHOLD_FIELDS,
  THRESHOLD_GROUPS,
  THRESHOLD_KEYS,
  defaultAndRange,
  shownFigure,
  thresholdFormValues,
} from '@/lib/validation/progression-thresholds';

type Key = keyof ProgressionThresholds;

const DEFAULT_VALUES = thresholdFormValues(DEFAULT_THRESHOLDS);

/**
 * The figures behind progression suggestions, each with its default and safe range beside it.
 * `action` saves, or with `intent=reset` goes back to the defaults; both share one state.
 */
export function ProgressionThresholdsForm({ action, values }: { action: FormAction; values: Record<Key, string> }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  // A failed save keeps what was typed; a saved one shows what is now stored.
  const v: Record<string, string> = state.status === 'ok' ? values : { ...values, ...state.values };
  const e = state.fieldErrors ?? {};
  const own = THRESHOLD_KEYS.filter((k) => values[k] !== DEFAULT_VALUES[k]).length;
  return (
    <Card className="space-y-4" aria-labelledby="progression-title">
      <div>
        <CardTitle id="progression-title">Progression suggestions</CardTitle>
        <p className="mt-1 text-sm text-muted">
          RollCall suggests a step up, a step down or a simpler plan from these figures; a practitioner always decides.{' '}
          {own === 0 ? 'Your clinic uses the defaults.' : `Your clinic has changed ${own} of them from the defaults.`}
        </p>
      </div>
      <form
        action={submit}
        noValidate
        aria-label="Progression suggestions"
        className="space-y-5"
        key={JSON.stringify(v)}
      >
        {state.status === 'invalid' ? (
          <Notice tone="danger" role="alert">
            {state.message ?? 'Some fields need fixing.'}
          </Notice>
        ) : null}
        <div className="grid items-start gap-5 md:grid-cols-2">
          {THRESHOLD_GROUPS.map((group) => (
            <fieldset key={group.title} className="space-y-4">
              <legend className="mb-2 text-sm font-semibold text-ink">{group.title}</legend>
              {group.keys.map((key) => (
                <ThresholdField key={key} name={key} value={v[key] ?? ''} error={e[key]?.[0]} />
              ))}
            </fieldset>
          ))}
        </div>
        <SubmitButton pendingLabel="Saving…">Save progression thresholds</SubmitButton>
      </form>
      {own > 0 ? (
        <form action={submit} className="border-t border-line pt-4">
          <input type="hidden" name="intent" value="reset" />
          <SubmitButton variant="secondary" pendingLabel="Resetting…">
            Reset to defaults
          </SubmitButton>
        </form>
      ) : null}
    </Card>
  );
}

function ThresholdField({ name, value, error }: { name: Key; value: string; error: string | undefined }) {
  const { label, hint, unit } = THRESHOLD_FIELDS[name];
  const { min, max, integer } = THRESHOLD_RANGES[name];
  const percent = unit === '%';
  const id = `threshold-${name}`;
  const describedBy = [`${id}-range`, `${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Input
          id={id}
          name={name}
          type="number"
          inputMode={integer || percent ? 'numeric' : 'decimal'}
          step={integer || percent ? 1 : 'any'}
          min={shownFigure(name, min)}
          max={shownFigure(name, max)}
          defaultValue={value}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          className="w-24"
        />
        {unit ? (
          <span className="text-sm text-muted" aria-hidden>
            {unit}
          </span>
        ) : null}
        <span id={`${id}-range`} className="text-xs text-muted">
          {defaultAndRange(name)}
        </span>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

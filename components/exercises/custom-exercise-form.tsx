'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { contraindicationsOfKind, retickForKind } from '@/lib/screening/kind-contraindications';
import { ContraindicationsField } from './contraindications-field';
import { EQUIPMENT_LABELS, KIND_LABELS } from './exercise-card';
import { ILLUSTRATION_KEYS, type IllustrationKey } from '@/lib/exercises/illustrations';

const ILLUSTRATION_LABELS: Record<IllustrationKey, string> = {
  'upper-back-roll-bridge': 'Upper-back roll in a low bridge',
  'upper-back-roll-arms-crossed': 'Upper-back roll with arms crossed',
  'thoracic-extension': 'Extension over the roller',
  'segmental-mobilization': 'Segmental mobilization on a firm roller',
  'supported-mobilization': 'Supported mobilization, head on a block',
  'elbows-open-mobilization': 'Open-elbow mobilization on a firm roller',
};

/** What a blank form starts with: inside every range, so an admin only changes what differs. */
const BLANK: Record<string, string> = {
  timing: 'hold',
  repsUnit: 'breaths',
  holdMin: '10',
  holdMax: '120',
  defaultHoldSeconds: '30',
  repsMin: '1',
  repsMax: '10',
  defaultReps: '5',
  setsMin: '1',
  setsMax: '3',
  defaultSets: '2',
  sessionsMin: '1',
  sessionsMax: '3',
  defaultSessionsPerDay: '1',
};

/** The ticks a form starts with: its kind's for a new form, what was sent after a refused save. */
function tickedFrom(state: ActionState): Set<string> {
  const sent = state.status === 'idle' ? undefined : state.values;
  if (!sent) return new Set(contraindicationsOfKind(''));
  return new Set((sent.contraindications ?? '').split(',').filter(Boolean));
}

type NumberField = { name: string; label: string };

const DOSE_ROWS: {
  legend: string;
  hint: string;
  min: number;
  max: number;
  fields: [NumberField, NumberField, NumberField];
}[] = [
  {
    legend: 'Time, in seconds',
    hint: 'How long each roll or hold lasts (1 to 1800).',
    min: 1,
    max: 1800,
    fields: [
      { name: 'holdMin', label: 'Shortest time (seconds)' },
      { name: 'holdMax', label: 'Longest time (seconds)' },
      { name: 'defaultHoldSeconds', label: 'Default time (seconds)' },
    ],
  },
  {
    legend: 'Breaths or reps',
    hint: 'Counted in the unit chosen above (1 to 30).',
    min: 1,
    max: 30,
    fields: [
      { name: 'repsMin', label: 'Fewest breaths or reps' },
      { name: 'repsMax', label: 'Most breaths or reps' },
      { name: 'defaultReps', label: 'Default breaths or reps' },
    ],
  },
  {
    legend: 'Sets',
    hint: '1 to 10.',
    min: 1,
    max: 10,
    fields: [
      { name: 'setsMin', label: 'Fewest sets' },
      { name: 'setsMax', label: 'Most sets' },
      { name: 'defaultSets', label: 'Default sets' },
    ],
  },
  {
    legend: 'Sessions a day',
    hint: '1 to 6.',
    min: 1,
    max: 6,
    fields: [
      { name: 'sessionsMin', label: 'Fewest sessions a day' },
      { name: 'sessionsMax', label: 'Most sessions a day' },
      { name: 'defaultSessionsPerDay', label: 'Default sessions a day' },
    ],
  },
];

export function CustomExerciseForm({
  library,
  action,
}: {
  library: { id: string; name: string }[];
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  useActionToast(state);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // After a refused submit, take keyboard and screen-reader users to the first field to fix.
    if (state.status === 'invalid') formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const v: Record<string, string> = state.status === 'idle' ? BLANK : { ...BLANK, ...(state.values ?? {}) };
  const errors = state.fieldErrors ?? {};
  const val = (name: string) => v[name] ?? '';
  // A new key whenever the echoed value changes, so React remounts the control with it.
  const key = (name: string) => `${name}:${val(name)}`;
  // The kind and the ticks are the form's own state (ticking follows the kind); a refused save
  // starts them again from what was sent.
  const [kind, setKind] = useState(val('kind'));
  const [ticked, setTicked] = useState<Set<string>>(() => tickedFrom(state));
  const [shown, setShown] = useState(state);
  if (shown !== state) {
    setShown(state);
    setKind(val('kind'));
    setTicked(tickedFrom(state));
  }

  return (
    <form ref={formRef} action={submit} className="space-y-6" noValidate aria-label="Add an exercise">
      <Card aria-labelledby="about-heading">
        <CardTitle id="about-heading">About the exercise</CardTitle>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field id="ex-name" label="Name" errors={errors.name}>
              {(c) => (
                <Input {...c} name="name" required maxLength={120} defaultValue={val('name')} key={key('name')} />
              )}
            </Field>
          </div>
          <div className="md:col-span-2">
            <Field
              id="ex-summary"
              label="Summary"
              errors={errors.summary}
              hint="One sentence: what it is for. Up to 300 characters."
            >
              {(c) => (
                <Textarea
                  {...c}
                  name="summary"
                  rows={2}
                  maxLength={300}
                  className="min-h-16"
                  defaultValue={val('summary')}
                  key={key('summary')}
                />
              )}
            </Field>
          </div>
          <Field id="ex-kind" label="Kind" errors={errors.kind}>
            {(c) => (
              <Select
                {...c}
                name="kind"
                required
                defaultValue={val('kind')}
                key={key('kind')}
                onChange={(e) => {
                  const next = e.target.value;
                  setTicked((t) => retickForKind(t, kind, next));
                  setKind(next);
                }}
              >
                <option value="">Choose…</option>
                {Object.entries(KIND_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="ex-equipment" label="Equipment" errors={errors.equipment}>
            {(c) => (
              <Select {...c} name="equipment" required defaultValue={val('equipment')} key={key('equipment')}>
                <option value="">Choose…</option>
                {Object.entries(EQUIPMENT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="ex-illustration"
            label="Drawing"
            errors={errors.illustration}
            hint="Shown with the steps on the patient’s phone and handout."
          >
            {(c) => (
              <Select {...c} name="illustration" defaultValue={val('illustration')} key={key('illustration')}>
                <option value="">No drawing</option>
                {ILLUSTRATION_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {ILLUSTRATION_LABELS[k]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Card>

      <Card aria-labelledby="instructions-heading">
        <CardTitle id="instructions-heading">Instructions for the patient</CardTitle>
        <div className="mt-4 space-y-4">
          <Field
            id="ex-steps"
            label="Steps"
            errors={errors.steps}
            hint="One step per line, in order: 2 to 10 steps. They are numbered for the patient."
          >
            {(c) => <Textarea {...c} name="steps" rows={7} required defaultValue={val('steps')} key={key('steps')} />}
          </Field>
          <Field
            id="ex-cues"
            label="Cues (optional)"
            errors={errors.cues}
            hint="One cue per line, up to 6: breathing, bracing, speed."
          >
            {(c) => <Textarea {...c} name="cues" rows={4} defaultValue={val('cues')} key={key('cues')} />}
          </Field>
          <Field
            id="ex-safetyNotes"
            label="Safety notes"
            errors={errors.safetyNotes}
            hint="One note per line, 1 to 6: where not to roll, when to stop."
          >
            {(c) => (
              <Textarea
                {...c}
                name="safetyNotes"
                rows={4}
                required
                defaultValue={val('safetyNotes')}
                key={key('safetyNotes')}
              />
            )}
          </Field>
        </div>
      </Card>

      <Card aria-labelledby="dose-heading">
        <CardTitle id="dose-heading">Dose</CardTitle>
        <p className="mt-1 text-sm text-muted">
          Practitioners can adjust a patient’s dose only within these limits. The default is where a new plan starts.
        </p>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Field id="ex-timing" label="Timing" errors={errors.timing}>
            {(c) => (
              <Select {...c} name="timing" defaultValue={val('timing')} key={key('timing')}>
                <option value="roll">Roll for a time</option>
                <option value="hold">Hold a position</option>
              </Select>
            )}
          </Field>
          <Field id="ex-repsUnit" label="Count in" errors={errors.repsUnit}>
            {(c) => (
              <Select {...c} name="repsUnit" defaultValue={val('repsUnit')} key={key('repsUnit')}>
                <option value="breaths">Slow breaths</option>
                <option value="reps">Repetitions</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="mt-5 space-y-5">
          {DOSE_ROWS.map((row) => {
            const hintId = `ex-${row.fields[0].name}-row-hint`;
            return (
              <fieldset key={row.legend} aria-describedby={hintId}>
                <legend className="text-sm font-semibold text-ink">{row.legend}</legend>
                <p id={hintId} className="mb-2 text-xs text-muted">
                  {row.hint}
                </p>
                <div className="grid gap-3 sm:grid-cols-3">
                  {row.fields.map((f) => (
                    <Field key={f.name} id={`ex-${f.name}`} label={f.label} errors={errors[f.name]}>
                      {(c) => (
                        <Input
                          {...c}
                          name={f.name}
                          type="number"
                          inputMode="numeric"
                          min={row.min}
                          max={row.max}
                          step={1}
                          required
                          defaultValue={val(f.name)}
                          key={key(f.name)}
                        />
                      )}
                    </Field>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      </Card>

      <Card aria-labelledby="contraindications-heading">
        <CardTitle id="contraindications-heading">Screening</CardTitle>
        <ContraindicationsField
          ticked={ticked}
          onToggle={(code, on) =>
            setTicked((t) => {
              const next = new Set(t);
              if (on) next.add(code);
              else next.delete(code);
              return next;
            })
          }
          kindLabel={Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as keyof typeof KIND_LABELS] : null}
          confirmedNone={val('noContraindications') === 'yes'}
          error={errors.contraindications?.[0]}
        />
      </Card>

      <Card aria-labelledby="variants-heading">
        <CardTitle id="variants-heading">Easier and harder versions</CardTitle>
        <p className="mt-1 text-sm text-muted">
          Optional. Lets practitioners step a patient down or up from this exercise.
        </p>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Field id="ex-easierId" label="Easier version" errors={errors.easierId}>
            {(c) => (
              <Select {...c} name="easierId" defaultValue={val('easierId')} key={key('easierId')}>
                <option value="">None</option>
                {library.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="ex-harderId" label="Harder version" errors={errors.harderId}>
            {(c) => (
              <Select {...c} name="harderId" defaultValue={val('harderId')} key={key('harderId')}>
                <option value="">None</option>
                {library.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Card>

      {state.status === 'invalid' || state.status === 'error' ? (
        <Notice tone="danger" live data-testid="add-exercise-error">
          {state.message ?? 'Check the highlighted fields.'}
        </Notice>
      ) : null}
      <SubmitButton pendingLabel="Adding…">Add exercise</SubmitButton>
    </form>
  );
}

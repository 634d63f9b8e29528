'use client';

import Link from 'next/link';
import { AlertTriangle, ArrowDown, ArrowUp, Ban, Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/input';
import { WEEKDAYS } from '@/lib/exercises/dose';
import type { EditorExercise } from '@/lib/plans/editor-data';
import { cn } from '@/lib/utils';

export type { EditorExercise };

export type EditorItem = {
  exerciseId: string;
  sessionsPerDay: number;
  daysOfWeek: number[];
  holdSeconds: number;
  reps: number;
  sets: number;
  patientNote: string | null;
};

type Row = {
  key: number;
  exerciseId: string;
  sessionsPerDay: string;
  daysOfWeek: number[];
  holdSeconds: string;
  reps: string;
  sets: string;
  patientNote: string;
};

let nextKey = 1;
const toRow = (i: EditorItem): Row => ({
  key: nextKey++,
  exerciseId: i.exerciseId,
  sessionsPerDay: String(i.sessionsPerDay),
  daysOfWeek: [...i.daysOfWeek],
  holdSeconds: String(i.holdSeconds),
  reps: String(i.reps),
  sets: String(i.sets),
  patientNote: i.patientNote ?? '',
});

export function fromDefaults(e: EditorExercise): EditorItem {
  return { exerciseId: e.id, ...e.defaultDose, patientNote: null };
}

/**
 * The ordered list of exercises and doses inside a plan or template form. Inputs are named
 * `items.N.field` and `ack.<exerciseId>:<code>` for the server action to parse; the server
 * checks everything again (limits, screening), this only helps the practitioner get it right.
 */
export function PlanItemsEditor({
  library,
  items: initial,
  errors,
  acknowledgements = {},
  onItemsReplaced,
  patientId,
}: {
  library: EditorExercise[];
  items: EditorItem[];
  errors: Record<string, string[] | undefined>;
  acknowledgements?: Record<string, string>;
  onItemsReplaced?: number;
  /** The patient the plan is for: a refused exercise then links to a pre-filled referral. */
  patientId?: string;
}) {
  const [rows, setRows] = useState<Row[]>(() => initial.map(toRow));
  const [seenReplace, setSeenReplace] = useState(onItemsReplaced);
  const [picked, setPicked] = useState('');
  const [acks, setAcks] = useState<Record<string, string>>(acknowledgements);
  const pickerId = useId();
  if (onItemsReplaced !== seenReplace) {
    // A template was chosen: its items replace the list.
    setSeenReplace(onItemsReplaced);
    setRows(initial.map(toRow));
  }
  const byId = new Map(library.map((e) => [e.id, e]));
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const used = new Set(rows.map((r) => r.exerciseId));
  const listError = errors.items?.[0];

  return (
    <div className="space-y-4">
      {listError ? (
        <p className="text-sm text-danger" role="alert">
          {listError}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">
          No exercises yet. Add one below.
        </p>
      ) : null}
      <ol className="space-y-4">
        {rows.map((row, index) => {
          const exercise = byId.get(row.exerciseId);
          const err = (field: string) => errors[`items.${index}.${field}`]?.[0];
          const prefix = `items.${index}`;
          const ids = (field: string) => `${prefix}.${field}`.replaceAll('.', '-');
          const numberField = (
            field: 'holdSeconds' | 'reps' | 'sets' | 'sessionsPerDay',
            label: string,
            min?: number,
            max?: number,
            unit = '',
          ) => (
            <div>
              <label htmlFor={ids(field)} className="block text-xs font-medium">
                {label}
              </label>
              <Input
                id={ids(field)}
                name={`${prefix}.${field}`}
                inputMode="numeric"
                value={row[field]}
                onChange={(e) => update(row.key, { [field]: e.target.value })}
                aria-invalid={Boolean(err(field))}
                aria-describedby={`${ids(field)}-hint${err(field) ? ` ${ids(field)}-error` : ''}`}
                className="h-9"
              />
              <p id={`${ids(field)}-hint`} className="text-xs text-muted">
                {min !== undefined ? `${min}–${max}${unit}` : ''}
              </p>
              {err(field) ? (
                <p id={`${ids(field)}-error`} className="text-xs text-danger" data-testid={`${ids(field)}-error`}>
                  {err(field)}
                </p>
              ) : null}
            </div>
          );
          return (
            <li
              key={row.key}
              className="rounded-lg border border-line bg-white p-4"
              data-testid="editor-item"
              aria-label={exercise?.name ?? 'Exercise'}
            >
              <input type="hidden" name={`${prefix}.exerciseId`} value={row.exerciseId} />
              <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-medium">
                  {index + 1}. {exercise?.name ?? 'Unknown exercise'}
                </h3>
                <div className="flex gap-1">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move ${exercise?.name} up`}
                  >
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => move(index, 1)}
                    disabled={index === rows.length - 1}
                    aria-label={`Move ${exercise?.name} down`}
                  >
                    <ArrowDown aria-hidden />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                    aria-label={`Remove ${exercise?.name}`}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </div>
              {err('exerciseId') ? (
                <p
                  className="mb-3 flex gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-danger"
                  data-testid="item-blocked"
                >
                  <Ban className="mt-0.5 size-4 shrink-0" aria-hidden /> {err('exerciseId')}
                </p>
              ) : exercise?.blocked.length ? (
                <p className="mb-3 flex gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-danger">
                  <Ban className="mt-0.5 size-4 shrink-0" aria-hidden />
                  <span>
                    Not suitable: {exercise.blocked.map((b) => b.label).join(', ')}. Consider in-person care.
                    {patientId ? (
                      <>
                        {' '}
                        <Link
                          className="font-medium underline underline-offset-2"
                          href={`/patients/${patientId}/referrals/new?${new URLSearchParams({
                            from: 'screening',
                            urgency: 'soon',
                            reason: `Screening records ${exercise.blocked.map((b) => b.label).join(', ')}: ${exercise.name} is not safe at home. Please assess.`,
                          }).toString()}`}
                        >
                          Refer the patient
                        </Link>
                      </>
                    ) : null}
                  </span>
                </p>
              ) : null}
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {numberField(
                  'holdSeconds',
                  exercise?.timing === 'roll' ? 'Roll for (seconds)' : 'Hold (seconds)',
                  exercise?.limits.holdMin,
                  exercise?.limits.holdMax,
                  ' s',
                )}
                {numberField(
                  'reps',
                  exercise?.repsUnit === 'breaths' ? 'Breaths' : 'Reps',
                  exercise?.limits.repsMin,
                  exercise?.limits.repsMax,
                )}
                {numberField('sets', 'Sets', exercise?.limits.setsMin, exercise?.limits.setsMax)}
                {numberField(
                  'sessionsPerDay',
                  'Sessions per day',
                  exercise?.limits.sessionsMin,
                  exercise?.limits.sessionsMax,
                )}
              </div>
              <fieldset className="mt-3">
                <legend className="text-xs font-medium">Days of the week</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {WEEKDAYS.map((d) => {
                    const on = row.daysOfWeek.includes(d.day);
                    return (
                      <label
                        key={d.day}
                        className={cn(
                          'flex cursor-pointer items-center gap-1 rounded-md border px-2 py-1 text-sm',
                          on ? 'border-brand-600 bg-brand-50' : 'border-line',
                        )}
                      >
                        <input
                          type="checkbox"
                          name={`${prefix}.daysOfWeek`}
                          value={d.day}
                          checked={on}
                          onChange={(e) =>
                            update(row.key, {
                              daysOfWeek: e.target.checked
                                ? [...row.daysOfWeek, d.day].sort()
                                : row.daysOfWeek.filter((x) => x !== d.day),
                            })
                          }
                          className="accent-brand-600"
                          aria-label={d.long}
                        />
                        {d.short}
                      </label>
                    );
                  })}
                </div>
                {err('daysOfWeek') ? <p className="text-xs text-danger">{err('daysOfWeek')}</p> : null}
              </fieldset>
              <div className="mt-3">
                <label htmlFor={ids('patientNote')} className="block text-xs font-medium">
                  Note for the patient (optional)
                </label>
                <Input
                  id={ids('patientNote')}
                  name={`${prefix}.patientNote`}
                  value={row.patientNote}
                  maxLength={500}
                  onChange={(e) => update(row.key, { patientNote: e.target.value })}
                  className="h-9"
                />
                {err('patientNote') ? <p className="text-xs text-danger">{err('patientNote')}</p> : null}
              </div>
              {exercise?.cautions.map((c) => {
                const key = `${exercise.id}:${c.code}`;
                const ackError = errors[`ack.${key}`]?.[0];
                const fieldId = `ack-${exercise.id}-${c.code}`;
                return (
                  <div key={c.code} className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3">
                    <p className="flex gap-2 text-sm text-warning">
                      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                      <span>
                        Precaution: <strong>{c.label}</strong>. {c.guidance}
                      </span>
                    </p>
                    <label htmlFor={fieldId} className="mt-2 block text-xs font-medium">
                      Your reason for assigning it anyway
                    </label>
                    <Textarea
                      id={fieldId}
                      name={`ack.${key}`}
                      value={acks[key] ?? ''}
                      onChange={(e) => setAcks((a) => ({ ...a, [key]: e.target.value }))}
                      maxLength={500}
                      className="min-h-16"
                      aria-invalid={Boolean(ackError)}
                      aria-describedby={ackError ? `${fieldId}-error` : undefined}
                    />
                    {ackError ? (
                      <p id={`${fieldId}-error`} className="text-xs text-danger">
                        {ackError}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-line p-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={pickerId} className="block text-sm font-medium">
            Add an exercise
          </label>
          <Select id={pickerId} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose from the library…</option>
            {library
              .filter((e) => !used.has(e.id))
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                  {e.blocked.length ? ' — not suitable for this patient' : e.cautions.length ? ' — needs a reason' : ''}
                </option>
              ))}
          </Select>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!picked}
          onClick={() => {
            const e = byId.get(picked);
            if (e) setRows((rs) => [...rs, toRow(fromDefaults(e))]);
            setPicked('');
          }}
        >
          <Plus aria-hidden /> Add
        </Button>
      </div>
    </div>
  );
}

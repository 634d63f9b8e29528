'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { planDays } from '@/lib/validation/date-ranges';
import { type EditorExercise, type EditorItem, PlanItemsEditor } from './plan-items-editor';

export type TemplateChoice = { id: string; name: string; description: string | null; items: EditorItem[] };

export function AssignPlanForm({
  patientId,
  library,
  templates,
  today,
  replacing,
  action,
}: {
  patientId: string;
  library: EditorExercise[];
  templates: TemplateChoice[];
  today: string;
  replacing: boolean;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const [templateId, setTemplateId] = useState('');
  const [items, setItems] = useState<EditorItem[]>([]);
  const [replaced, setReplaced] = useState(0);
  // Held here, not in the inputs: React empties a form's own inputs after a submit, and a refused
  // plan must keep its dates.
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const errors = state.fieldErrors ?? {};
  const reach = planDays(today);
  return (
    <form action={submit} noValidate aria-label="Assign a plan" className="space-y-6">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="templateId" value={templateId} />
      {state.status !== 'idle' && state.message ? (
        <Notice tone="danger" live data-testid="plan-form-error">
          {state.message}
        </Notice>
      ) : null}
      {replacing ? (
        <Notice>This patient has an active plan. It will end the day before the new one starts.</Notice>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="template" className="text-sm font-medium">
            Start from a template
          </label>
          <Select
            id="template"
            value={templateId}
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value);
              setTemplateId(e.target.value);
              setItems(t ? t.items : []);
              setReplaced((n) => n + 1);
            }}
          >
            <option value="">No template: pick exercises</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          <p className="mt-1 text-xs text-muted">
            {templates.find((t) => t.id === templateId)?.description ?? 'Choosing one replaces the list below.'}
          </p>
        </div>
        <Field id="startDate" label="Start date" errors={errors.startDate}>
          {(c) => (
            <Input
              {...c}
              name="startDate"
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              min={reach.earliest}
              max={reach.latest}
              required
            />
          )}
        </Field>
        <Field id="endDate" label="End date (optional)" errors={errors.endDate}>
          {(c) => (
            <Input
              {...c}
              name="endDate"
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              min={startDate || reach.earliest}
              max={reach.latest}
            />
          )}
        </Field>
      </div>
      <PlanItemsEditor
        patientId={patientId}
        library={library}
        items={items}
        errors={errors}
        onItemsReplaced={replaced}
      />
      <SubmitButton pendingLabel="Assigning…">Assign plan</SubmitButton>
    </form>
  );
}

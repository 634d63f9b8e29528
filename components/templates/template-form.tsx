'use client';

import { useActionState } from 'react';
import { type EditorExercise, type EditorItem, PlanItemsEditor } from '@/components/plans/plan-items-editor';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export function TemplateForm({
  templateId,
  name,
  description,
  items,
  library,
  action,
}: {
  templateId?: string;
  name: string;
  description: string;
  items: EditorItem[];
  library: EditorExercise[];
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const errors = state.fieldErrors ?? {};
  const v = { name, description, ...(state.values ?? {}) };
  const k = JSON.stringify(state.values ?? {});
  return (
    <form action={submit} noValidate aria-label="Template" className="space-y-5">
      {templateId ? <input type="hidden" name="templateId" value={templateId} /> : null}
      {state.status !== 'idle' && state.message ? (
        <Notice tone="danger" live>
          {state.message}
        </Notice>
      ) : null}
      <Field id="template-name" label="Name" errors={errors.name}>
        {(c) => <Input {...c} name="name" required maxLength={120} defaultValue={v.name} key={`n${k}`} />}
      </Field>
      <Field id="template-description" label="When to use it (optional)" errors={errors.description}>
        {(c) => (
          <Textarea
            {...c}
            name="description"
            maxLength={500}
            defaultValue={v.description}
            key={`d${k}`}
            className="min-h-16"
          />
        )}
      </Field>
      <h2 className="text-base font-semibold text-ink">Exercises</h2>
      <PlanItemsEditor library={library} items={items} errors={errors} />
      <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
    </form>
  );
}

export function DeleteTemplate({ templateId, name, action }: { templateId: string; name: string; action: FormAction }) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  return (
    <form
      action={submit}
      onSubmit={(e) => {
        if (!window.confirm(`Delete the template “${name}”? Plans assigned from it are not affected.`))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
        Delete template
      </SubmitButton>
      {state.status === 'error' ? <p className="mt-1 text-xs text-danger">{state.message}</p> : null}
    </form>
  );
}

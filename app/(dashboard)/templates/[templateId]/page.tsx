import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeleteTemplate, TemplateForm } from '@/components/templates/template-form';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { notInClinic } from '@/lib/audit/reads';
import { requirePractitioner } from '@/lib/auth/guard';
import { doseInWords } from '@/lib/exercises/dose';
import { editorLibrary } from '@/lib/plans/editor-data';
import { findTemplate } from '@/lib/plans/templates';
import { idParam } from '@/lib/validation/params';
import { deleteTemplateAction, saveTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'Template' };

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ templateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const id = idParam((await params).templateId);
  if (!id) notFound();
  const template = await findTemplate(actor, id);
  if (!template) return notInClinic(actor, 'template', id);
  const flags = await searchParams;
  const library = await editorLibrary(actor, null);
  const byId = new Map(library.map((e) => [e.id, e]));
  return (
    <>
      <PageHeader
        title={template.name}
        description={template.description ?? undefined}
        actions={
          actor.role === 'admin' ? (
            <DeleteTemplate templateId={template.id} name={template.name} action={deleteTemplateAction} />
          ) : null
        }
      />
      {flags.saved ? (
        <Notice tone="success" live className="mb-4">
          Template saved.
        </Notice>
      ) : null}
      {actor.role === 'admin' ? (
        <div className="max-w-4xl">
          <TemplateForm
            templateId={template.id}
            name={template.name}
            description={template.description ?? ''}
            items={template.items}
            library={library}
            action={saveTemplateAction}
          />
        </div>
      ) : (
        <Card className="max-w-3xl">
          <ol className="list-decimal space-y-2 pl-5 text-sm">
            {template.items.map((i) => {
              const e = byId.get(i.exerciseId);
              return (
                <li key={i.exerciseId}>
                  <span className="font-medium">{i.exerciseName}</span>
                  {e ? <span className="block text-muted">{doseInWords(i, e)}</span> : null}
                </li>
              );
            })}
          </ol>
        </Card>
      )}
    </>
  );
}

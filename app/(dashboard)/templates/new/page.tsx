import type { Metadata } from 'next';
import { TemplateForm } from '@/components/templates/template-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { editorLibrary } from '@/lib/plans/editor-data';
import { saveTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'New template' };

export default async function NewTemplatePage() {
  const actor = await requireAdmin();
  const library = await editorLibrary(actor, null);
  return (
    <>
      <PageHeader
        title="New template"
        description="Doses must fit each exercise’s limits. Screening is checked when the template is assigned to a patient."
      />
      <div className="max-w-4xl">
        <TemplateForm name="" description="" items={[]} library={library} action={saveTemplateAction} />
      </div>
    </>
  );
}

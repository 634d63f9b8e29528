import { ClipboardList, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicTemplates } from '@/lib/plans/templates';

export const metadata: Metadata = { title: 'Templates' };

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const templates = await clinicTemplates(actor);
  const flags = await searchParams;
  return (
    <>
      <PageHeader
        title="Plan templates"
        description="Named, reusable starting points. Assigning one copies its exercises and doses into the patient’s plan, where you can still change them."
        actions={
          actor.role === 'admin' ? (
            <Button asChild>
              <Link href="/templates/new">
                <Plus aria-hidden /> New template
              </Link>
            </Button>
          ) : null
        }
      />
      {flags.deleted ? (
        <Notice tone="success" live className="mb-4">
          Template deleted.
        </Notice>
      ) : null}
      {templates.length === 0 ? (
        <EmptyState icon={ClipboardList} title="No templates yet">
          {actor.role === 'admin'
            ? 'Create one for the plans you assign most often.'
            : 'Ask a clinic admin to create templates for common plans.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {templates.map((t) => (
            <li key={t.id}>
              <Card className="h-full">
                <h2 className="font-semibold">
                  <Link href={`/templates/${t.id}`} className="text-brand-800 underline-offset-4 hover:underline">
                    {t.name}
                  </Link>
                </h2>
                {t.description ? <p className="mt-1 text-sm text-muted">{t.description}</p> : null}
                <ol className="mt-3 list-decimal space-y-0.5 pl-5 text-sm">
                  {t.items.map((i) => (
                    <li key={i.exerciseId}>{i.exerciseName}</li>
                  ))}
                </ol>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

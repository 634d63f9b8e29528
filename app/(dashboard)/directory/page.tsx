import { Download, Plus, Upload, Stethoscope } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DirectoryTable } from '@/components/directory/directory-table';
import { DirectoryToolbar } from '@/components/directory/directory-toolbar';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { parseDirectoryQuery } from '@/lib/directory/provider-schema';
import { directoryPage, directoryVocabulary } from '@/lib/directory/providers';

export const metadata: Metadata = { title: 'Referral directory' };

export default async function DirectoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const query = parseDirectoryQuery(await searchParams);
  const { rows, total } = await directoryPage(actor, query);
  const vocabulary = await directoryVocabulary(actor);
  const isAdmin = actor.role === 'admin';
  const filtered = Boolean(query.q || query.discipline || query.accepting || query.language || query.tag);
  // Every clinic has its own entry, so "empty" means that entry alone.
  const onlyClinic = !filtered && total === 1 && rows[0]?.isClinic === true;
  return (
    <>
      <PageHeader
        title="Referral directory"
        description="Where your clinic sends patients for in-person care. Search by name, service or language; the address bar keeps the view."
        actions={
          isAdmin ? (
            <>
              <Button asChild variant="secondary">
                <a href="/api/exports/directory.csv">
                  <Download aria-hidden /> Export CSV
                </a>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/directory/import">
                  <Upload aria-hidden /> Import CSV
                </Link>
              </Button>
              <Button asChild>
                <Link href="/directory/new">
                  <Plus aria-hidden /> Add provider
                </Link>
              </Button>
            </>
          ) : null
        }
      />
      <DirectoryToolbar query={query} languages={vocabulary.languages} tags={vocabulary.tags} />
      <DirectoryTable rows={rows} total={total} query={query} />
      {onlyClinic ? (
        <div className="mt-4">
          <EmptyState icon={Stethoscope} title="Only your clinic so far">
            {isAdmin
              ? 'Add the physicians, imaging centres and specialists you refer to, one by one or from a spreadsheet (Import CSV).'
              : 'Ask your clinic’s admin to add the providers you refer patients to.'}
          </EmptyState>
        </div>
      ) : null}
    </>
  );
}

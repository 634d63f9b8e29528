import type { Metadata } from 'next';
import { ImportForm } from '@/components/directory/import-form';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { PROVIDER_CSV_COLUMNS } from '@/lib/directory/provider-csv';
import { importProvidersAction, previewImportAction } from '../actions';

export const metadata: Metadata = { title: 'Import providers' };

export default async function ImportProvidersPage() {
  await requireAdmin();
  return (
    <>
      <BackLink href="/directory">Referral directory</BackLink>
      <PageHeader
        title="Import providers from CSV"
        description="Check the file first: the preview lists every row it would add and every row it would refuse, and why. The import adds all the rows or none."
      />
      <p className="mb-6 max-w-3xl text-sm text-muted">
        Columns: {PROVIDER_CSV_COLUMNS.map(([c]) => c).join(', ')}. Languages and tags are separated by commas;
        accepting_new_patients is yes or no. An export from this page (Export CSV) has exactly these columns.
      </p>
      <ImportForm previewAction={previewImportAction} importAction={importProvidersAction} />
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveToggle } from '@/components/directory/archive-toggle';
import { ProviderDetails } from '@/components/directory/provider-details';
import { ProviderForm } from '@/components/directory/provider-form';
import { Badge } from '@/components/ui/badge';
import { BackLink } from '@/components/ui/back-link';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { formatDate } from '@/lib/dates';
import { clinicOf } from '@/lib/clinic/clinic';
import { providerById, type Provider } from '@/lib/directory/providers';
import { idParam } from '@/lib/validation/params';
import { notInClinic } from '@/lib/audit/reads';
import { archiveProviderAction, restoreProviderAction, updateProviderAction } from '../actions';

export const metadata: Metadata = { title: 'Provider' };

const formValues = (p: Provider): Record<string, string> => ({
  name: p.name,
  discipline: p.discipline,
  organisation: p.organisation ?? '',
  address: p.address ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  website: p.website ?? '',
  languages: p.languages.join(', '),
  tags: p.tags.join(', '),
  acceptingNewPatients: p.acceptingNewPatients ? 'yes' : 'no',
  openingHours: p.openingHours ?? '',
  internalNotes: p.internalNotes ?? '',
});

export default async function ProviderPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const id = idParam((await params).providerId);
  if (!id) notFound();
  // Scoped to the caller's clinic: another clinic's provider is not found. Archived ones are read.
  const provider = await providerById(actor, id);
  if (!provider) return notInClinic(actor, 'provider', id);
  const isAdmin = actor.role === 'admin';
  const clinic = await clinicOf(actor);
  return (
    <>
      <BackLink href="/directory">Referral directory</BackLink>
      <PageHeader
        title={provider.name}
        description={provider.organisation ?? undefined}
        actions={
          isAdmin && !provider.isClinic ? (
            <ArchiveToggle
              providerId={provider.id}
              name={provider.name}
              archived={provider.archivedAt !== null}
              archiveAction={archiveProviderAction}
              restoreAction={restoreProviderAction}
            />
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2">
        {provider.isClinic ? <Badge tone="brand">Your clinic</Badge> : null}
        {provider.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
        {provider.acceptingNewPatients ? null : <Badge>Not accepting new patients</Badge>}
      </div>
      {provider.archivedAt ? (
        <Notice className="mb-6">
          Archived on {formatDate(provider.archivedAt, clinic.timezone)}. It is out of the directory and can’t be chosen
          for new referrals; past referrals to it still show it.
          {isAdmin ? ' Restore it to use it again.' : null}
        </Notice>
      ) : null}
      {provider.isClinic ? (
        <Notice className="mb-6">
          Your clinic’s own entry: patients always see it as a place for in-person care. It started from the clinic
          settings.
        </Notice>
      ) : null}
      {(await searchParams).added === '1' ? (
        <Notice tone="success" live className="mb-6">
          Added to the directory.
        </Notice>
      ) : null}
      <ProviderDetails provider={provider} />
      {isAdmin ? (
        <section aria-labelledby="edit-heading" className="mt-10">
          <h2 id="edit-heading" className="mb-4 text-lg font-semibold text-ink">
            Edit
          </h2>
          <ProviderForm
            action={updateProviderAction}
            values={formValues(provider)}
            providerId={provider.id}
            submitLabel="Save provider"
          />
        </section>
      ) : null}
    </>
  );
}

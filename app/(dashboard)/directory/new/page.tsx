import type { Metadata } from 'next';
import { ProviderForm } from '@/components/directory/provider-form';
import { BackLink } from '@/components/ui/back-link';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { addProviderAction } from '../actions';

export const metadata: Metadata = { title: 'Add a provider' };

export default async function NewProviderPage() {
  await requireAdmin();
  return (
    <>
      <BackLink href="/directory">Referral directory</BackLink>
      <PageHeader
        title="Add a provider"
        description="Someone your clinic refers patients to. Every practitioner in the clinic can read the entry; only admins change it."
      />
      <ProviderForm action={addProviderAction} values={{}} submitLabel="Add provider" />
    </>
  );
}

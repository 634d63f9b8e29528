import type { Metadata } from 'next';
import Link from 'next/link';
import { ProfileForm } from '@/components/account/profile-form';
import { Card, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { practitionersOfClinic } from '@/lib/clinic/practitioners';
import { updateProfileAction } from './actions';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const actor = await requirePractitioner();
  const me = (await practitionersOfClinic(actor)).find((p) => p.id === actor.userId);
  return (
    <>
      <PageHeader
        title="Your profile"
        description={`Signed in as ${actor.email} · ${actor.role === 'admin' ? 'Admin' : 'Practitioner'}`}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardTitle>Name and discipline</CardTitle>
          <div className="mt-4">
            <ProfileForm
              name={me?.name ?? actor.name}
              discipline={me?.discipline ?? 'other'}
              action={updateProfileAction}
            />
          </div>
        </Card>
        <Card>
          <CardTitle>Password</CardTitle>
          <p className="mt-1 text-sm text-muted">Changing it signs out every other device signed in as you.</p>
          <Link
            href="/account/password"
            className="mt-4 inline-block text-sm text-brand-700 underline underline-offset-4"
          >
            Change your password
          </Link>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { AddPractitionerForm } from '@/components/team/add-practitioner-form';
import { TeamTable } from '@/components/team/team-table';
import { Card, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { practitionersOfClinic } from '@/lib/clinic/practitioners';
import { formatDate } from '@/lib/dates';
import { addPractitionerAction, changeRoleAction, setDisabledAction } from './actions';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const actor = await requireAdmin();
  const [team, clinic] = await Promise.all([practitionersOfClinic(actor), clinicOf(actor)]);
  return (
    <>
      <PageHeader
        title="Team"
        description="Who can sign in to your clinic, with which role. Disabling an account signs it out at once."
      />
      <div className="grid items-start gap-6 2xl:grid-cols-[1fr_22rem]">
        <TeamTable
          currentUserId={actor.userId}
          changeRoleAction={changeRoleAction}
          setDisabledAction={setDisabledAction}
          rows={team.map(({ lastSignInAt, ...p }) => ({
            ...p,
            disabledAt: p.disabledAt?.toISOString() ?? null,
            lastSignIn: lastSignInAt ? formatDate(lastSignInAt, clinic.timezone) : null,
            createdAt: p.createdAt.toISOString(),
          }))}
        />
        <Card>
          <CardTitle>Add a practitioner</CardTitle>
          <p className="mb-4 mt-1 text-sm text-muted">
            Give them the temporary password in person or by phone. They choose their own at first sign-in.
          </p>
          <AddPractitionerForm action={addPractitionerAction} />
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinics';
import { practitionersOfClinic } from '@/lib/practitioners';
import { DISCIPLINE_LABELS } from '@/lib/validation/account';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requirePractitioner();
  const [clinic, team] = await Promise.all([clinicOf(actor), practitionersOfClinic(actor)]);
  const active = team.filter((p) => !p.disabledAt);
  const firstName = actor.name.split(' ')[0] ?? actor.name;
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`${clinic.name} · times shown in ${clinic.timezone}`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Your clinic</CardTitle>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted">Name</dt>
            <dd>{clinic.name}</dd>
            <dt className="text-muted">Phone</dt>
            <dd>{clinic.phone ?? '—'}</dd>
            <dt className="text-muted">Timezone</dt>
            <dd>{clinic.timezone}</dd>
          </dl>
        </Card>
        <Card>
          <CardTitle>Team</CardTitle>
          <p className="mt-1 text-sm text-muted">
            {active.length} active practitioner{active.length === 1 ? '' : 's'}
          </p>
          <ul className="mt-3 space-y-1 text-sm">
            {active.slice(0, 6).map((p) => (
              <li key={p.id} className="flex justify-between gap-2">
                <span>{p.name}</span>
                <span className="text-muted">{DISCIPLINE_LABELS[p.discipline]}</span>
              </li>
            ))}
          </ul>
          {actor.role === 'admin' ? (
            <Link href="/settings/team" className="mt-4 inline-block text-sm text-brand-700 underline underline-offset-4">
              Manage the team
            </Link>
          ) : null}
        </Card>
      </div>
    </>
  );
}

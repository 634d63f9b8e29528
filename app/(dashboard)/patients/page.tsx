import { UserPlus, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { RosterTable } from '@/components/patients/roster-table';
import { RosterToolbar } from '@/components/patients/roster-toolbar';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { activePractitioners } from '@/lib/patients/patients';
import { rosterPage } from '@/lib/roster/roster-page';
import { parseRosterQuery } from '@/lib/validation/patient';

export const metadata: Metadata = { title: 'Patients' };

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const query = parseRosterQuery(await searchParams);
  const [{ rows, total }, practitioners] = await Promise.all([rosterPage(actor, query), activePractitioners(actor)]);
  const filtered = Boolean(query.q || query.practitioner || query.status !== 'active');
  return (
    <>
      <PageHeader
        title="Patients"
        description="Your clinic’s roster. Search, filter and sort; the address bar keeps the view so you can bookmark or share it."
        actions={
          <Button asChild>
            <Link href="/patients/new">
              <UserPlus aria-hidden /> Add patient
            </Link>
          </Button>
        }
      />
      <RosterToolbar query={query} practitioners={practitioners} />
      {total === 0 && !filtered ? (
        <EmptyState icon={Users} title="No patients yet">
          Add your first patient, screen them for contraindications, then assign a plan.
        </EmptyState>
      ) : (
        <RosterTable rows={rows} total={total} query={query} />
      )}
    </>
  );
}

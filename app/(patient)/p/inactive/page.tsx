import { InactiveLink } from '@/components/patient-portal/inactive-link';
import { clinicContactBySlug } from '@/lib/patient-portal/link-access';
import { currentPatient } from '@/lib/patient-portal/session';

export default async function InactivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clinic } = await searchParams;
  const [contact, held] = await Promise.all([
    typeof clinic === 'string' ? clinicContactBySlug(clinic) : null,
    currentPatient(),
  ]);
  return <InactiveLink clinic={contact} hasPlan={held !== null} />;
}

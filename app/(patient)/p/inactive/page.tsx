import { InactiveLink } from '@/components/patient-portal/inactive-link';
import { clinicContactBySlug } from '@/lib/patient-portal/link-access';

export default async function InactivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clinic } = await searchParams;
  const contact = typeof clinic === 'string' ? await clinicContactBySlug(clinic) : null;
  return <InactiveLink clinic={contact} />;
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ReferralForm } from '@/components/referrals/referral-form';
import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';
import { providersForReferral } from '@/lib/directory/providers';
import { disciplineWords } from '@/lib/referrals/rows';
import { createReferralAction } from '../../referrals-actions';

export const metadata: Metadata = { title: 'Refer to in-person care' };

/** Refer from the patient's page, an alert (?from=alert) or a screening refusal (?reason=…&urgency=…). */
export default async function NewReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'new_referral');
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 2000) : undefined);
  const providers = await providersForReferral(actor);
  return (
    <>
      <BackLink href={`/patients/${patient.id}`}>{patient.name}</BackLink>
      <PageHeader
        title={`Refer ${patient.name} to in-person care`}
        description="The referral is tracked from here to the provider's report; a letter can be printed from the patient's page."
      />
      <Card className="max-w-2xl">
        {providers.length === 0 ? (
          <p className="text-sm">
            Your directory has no providers yet.{' '}
            <Link href="/directory" className="text-brand-700 underline underline-offset-4">
              Add one in the directory
            </Link>
            .
          </p>
        ) : (
          <ReferralForm
            patientId={patient.id}
            action={createReferralAction}
            prefill={{ reason: one(query.reason), urgency: one(query.urgency) }}
            providers={providers.map((p) => ({
              id: p.id,
              label: `${p.name}${p.isClinic ? ' (this clinic)' : ''} · ${disciplineWords(p.discipline)}${p.organisation ? `, ${p.organisation}` : ''}${p.acceptingNewPatients ? '' : ' · not taking new patients'}`,
            }))}
          />
        )}
      </Card>
    </>
  );
}

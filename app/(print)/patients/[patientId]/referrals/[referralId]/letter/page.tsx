import type { Metadata } from 'next';
import { PaperSheet } from '@/components/print/paper-sheet';
import { PrintToolbar } from '@/components/print/print-toolbar';
import { letterReference, ReferralLetter } from '@/components/referrals/referral-letter';
import { notInClinic, recordPatientView } from '@/lib/audit/reads';
import { requirePractitioner } from '@/lib/auth/guard';
import { paperFor } from '@/lib/print/paper';
import { referralLetter } from '@/lib/referrals/letter';
import { idParam } from '@/lib/validation/params';
import { letterPrintedAction } from '@/app/(dashboard)/patients/[patientId]/referrals-actions';

export const metadata: Metadata = { title: 'Referral letter' };

export default async function ReferralLetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; referralId: string }>;
  searchParams: Promise<{ paper?: string | string[] }>;
}) {
  const actor = await requirePractitioner();
  const { patientId: rawPatient, referralId: rawReferral } = await params;
  const patientId = idParam(rawPatient);
  const referralId = idParam(rawReferral);
  const letter = patientId && referralId ? await referralLetter(actor, patientId, referralId) : null;
  if (!letter) return notInClinic(actor, 'referral', referralId);
  await recordPatientView(actor, letter.patient.id, 'letter', letter.referral.id);
  const paper = paperFor((await searchParams).paper, letter.clinic.timezone);
  const here = `/patients/${letter.patient.id}/referrals/${letter.referral.id}/letter`;
  return (
    <>
      <PrintToolbar
        back={{ href: `/patients/${letter.patient.id}#referrals-heading`, label: letter.patient.name }}
        paper={paper}
        paperHrefs={{ a4: `${here}?paper=a4`, letter: `${here}?paper=letter` }}
        printLabel="Print letter"
        record={{ action: letterPrintedAction, fields: { referralId: letter.referral.id } }}
      />
      <PaperSheet
        paper={paper}
        footer={`${letter.clinic.name} · Referral ${letterReference(letter.referral.id)} · Confidential`}
      >
        <ReferralLetter letter={letter} />
      </PaperSheet>
    </>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { HandoutSheet } from '@/components/handout/handout-sheet';
import { PaperSheet } from '@/components/print/paper-sheet';
import { PrintProblem } from '@/components/print/print-problem';
import { PrintToolbar } from '@/components/print/print-toolbar';
import { handoutOf } from '@/lib/handout/handout';
import { currentPatientOrClinic } from '@/lib/patient-portal/session';
import { paperFor } from '@/lib/print/paper';

export const metadata: Metadata = { title: 'My exercise plan', robots: { index: false, follow: false } };

/**
 * The patient's own copy of the handout, from "Print my plan" on their phone: the same sheet,
 * without a QR code (links are stored hashed, and printing issues none), so it says how to
 * open the plan instead.
 */
export default async function PatientHandoutPage({
  searchParams,
}: {
  searchParams: Promise<{ paper?: string | string[]; print?: string | string[] }>;
}) {
  const found = await currentPatientOrClinic();
  if (!found.ok) redirect('/p');
  const handout = await handoutOf(found.value);
  if (!handout) redirect('/p');
  const back = { href: '/p', label: 'Back to my plan' };
  if (!handout.plan || handout.exercises.length === 0)
    return (
      <PrintProblem
        title="Nothing to print yet"
        message="You have no exercises at the moment. Your clinic will tell you when your plan begins."
        back={back}
      />
    );
  const query = await searchParams;
  const paper = paperFor(query.paper, handout.clinic.timezone);
  return (
    <>
      <PrintToolbar
        back={back}
        paper={paper}
        paperHrefs={{ a4: '/p/handout?paper=a4', letter: '/p/handout?paper=letter' }}
        printLabel="Print my plan"
        autoPrint={query.print === '1'}
        record={{ url: '/p/handout/printed', fields: { planVersionId: handout.plan.versionId } }}
      />
      <PaperSheet paper={paper} footer={handout.clinic.footer ?? `${handout.clinic.name} · your home exercises`}>
        <HandoutSheet
          handout={handout}
          qr={
            <p>
              Open the link {handout.clinic.name} gave you on your phone
              {handout.clinic.phone ? `. Lost it? Call ${handout.clinic.phone} for a new one.` : '.'}
            </p>
          }
        />
      </PaperSheet>
    </>
  );
}

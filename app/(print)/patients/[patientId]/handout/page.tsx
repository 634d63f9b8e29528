import type { Metadata } from 'next';
import { HandoutPrintProvider, HandoutQr, HandoutToolbar } from '@/components/handout/handout-print';
import { HandoutSheet } from '@/components/handout/handout-sheet';
import { PaperSheet } from '@/components/print/paper-sheet';
import { PrintProblem } from '@/components/print/print-problem';
import { notInClinic, recordPatientView } from '@/lib/audit/reads';
import { requirePractitioner } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/dates';
import { livePrintedLinks, practitionerHandout } from '@/lib/handout/handout';
import { paperFor } from '@/lib/print/paper';
import { patientIdParam } from '@/lib/validation/params';
import { printHandoutAction } from './actions';

export const metadata: Metadata = { title: 'Handout' };

export default async function HandoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ paper?: string | string[]; print?: string | string[] }>;
}) {
  const actor = await requirePractitioner();
  const patientId = patientIdParam(await params);
  const handout = patientId ? await practitionerHandout(actor, patientId) : null;
  if (!patientId || !handout) return notInClinic(actor, 'patient', patientId);
  await recordPatientView(actor, patientId, 'handout');
  const back = { href: `/patients/${patientId}`, label: handout.patientName };
  if (handout.discharged)
    return (
      <PrintProblem
        title="No handout for a discharged patient"
        message={`${handout.patientName} is discharged, so no handout or new link is printed. Reactivate them from their page first.`}
        back={back}
      />
    );
  if (!handout.plan)
    return (
      <PrintProblem
        title="Nothing to print yet"
        message={`${handout.patientName} has no plan in effect today. Assign a plan, or wait for the one you assigned to begin.`}
        back={back}
      />
    );
  const query = await searchParams;
  const paper = paperFor(query.paper, handout.clinic.timezone);
  const live = await livePrintedLinks(actor, patientId);
  const here = `/patients/${patientId}/handout`;
  return (
    <HandoutPrintProvider>
      <HandoutToolbar
        back={back}
        paper={paper}
        paperHrefs={{ a4: `${here}?paper=a4`, letter: `${here}?paper=letter` }}
        action={printHandoutAction}
        fields={{ patientId, planVersionId: handout.plan.versionId }}
        live={live.map((l) => ({ linkId: l.linkId, created: formatDateTime(l.createdAt, handout.clinic.timezone) }))}
        autoPrint={query.print === '1'}
      />
      <PaperSheet
        paper={paper}
        footer={handout.clinic.footer ?? `${handout.clinic.name} · home exercises for ${handout.patientName}`}
      >
        <HandoutSheet
          handout={handout}
          qr={
            <HandoutQr
              fallback={
                <p>
                  Open the link {handout.clinic.name} gave you
                  {handout.clinic.phone ? `, or call ${handout.clinic.phone} for a new one` : ''}.
                </p>
              }
            />
          }
        />
      </PaperSheet>
    </HandoutPrintProvider>
  );
}

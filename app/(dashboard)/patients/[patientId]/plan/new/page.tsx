import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignPlanForm } from '@/components/plans/assign-plan-form';
import { ScreeningFindings } from '@/components/patients/screening-summary';
import { Card, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';
import { todayIn } from '@/lib/dates';
import { editorLibrary } from '@/lib/plans/editor-data';
import { activePlanId } from '@/lib/plans/read';
import { currentScreening } from '@/lib/screening/screening';
import { clinicTemplates } from '@/lib/plans/templates';
import { assignPlanAction } from '../actions';

export const metadata: Metadata = { title: 'Assign a plan' };

export default async function AssignPlanPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'new_plan');
  const [screening, templates, planId] = await Promise.all([
    currentScreening(actor, patient.id),
    clinicTemplates(actor),
    activePlanId(actor, patient.id),
  ]);
  const back = (
    <Link href={`/patients/${patient.id}`} className="text-brand-700 underline underline-offset-4">
      Back to {patient.name}
    </Link>
  );
  if (patient.status !== 'active' || !screening) {
    return (
      <>
        <PageHeader title={`Assign a plan to ${patient.name}`} />
        <Notice tone="danger">
          {patient.status !== 'active'
            ? 'This patient is discharged. Reactivate them before assigning a plan.'
            : 'Screen this patient for contraindications before assigning exercises.'}{' '}
          {screening ? (
            back
          ) : (
            <Link href={`/patients/${patient.id}/screening`} className="underline underline-offset-4">
              Screen now
            </Link>
          )}
        </Notice>
      </>
    );
  }
  const library = await editorLibrary(actor, screening.answers);
  return (
    <>
      <PageHeader
        title={`Assign a plan to ${patient.name}`}
        description="Pick a template or exercises, set each dose, and choose when it starts. Dates are in the patient’s timezone."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <AssignPlanForm
          patientId={patient.id}
          library={library}
          templates={templates.map((t) => ({ id: t.id, name: t.name, description: t.description, items: t.items }))}
          today={todayIn(patient.timezone)}
          replacing={Boolean(planId)}
          action={assignPlanAction}
        />
        <Card className="self-start">
          <CardTitle>Screening in force</CardTitle>
          <div className="mt-2">
            <ScreeningFindings answers={screening.answers} />
          </div>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { ScreeningForm } from '@/components/patients/screening-form';
import { ScreeningFindings } from '@/components/patients/screening-summary';
import { Card, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/dates';
import { patientForPage } from '@/lib/patients/for-page';
import { screeningHistory } from '@/lib/screening/screening';
import { recordScreeningAction } from '../../actions';

export const metadata: Metadata = { title: 'Screening' };

export default async function ScreeningPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'screening');
  const history = await screeningHistory(actor, patient.id);
  return (
    <>
      <PageHeader
        title={`Screen ${patient.name}`}
        description="Answer each question. Earlier screenings are kept; the newest one decides what can be assigned."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <ScreeningForm patientId={patient.id} previous={history[0]?.answers ?? null} action={recordScreeningAction} />
        <Card className="self-start">
          <CardTitle>History</CardTitle>
          {history.length === 0 ? (
            <p className="mt-2 text-sm text-muted">No earlier screenings.</p>
          ) : (
            <ol className="mt-3 space-y-4">
              {history.map((s, i) => (
                <li key={s.id} className="border-l-2 border-line pl-3" data-testid="screening-history-entry">
                  <p className="text-xs text-muted">
                    {formatDateTime(s.createdAt, patient.timezone)}
                    {s.screenedByName ? ` · ${s.screenedByName}` : ''}
                    {i === 0 ? ' · in force' : ''}
                  </p>
                  <div className="mt-1">
                    <ScreeningFindings answers={s.answers} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

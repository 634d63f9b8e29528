import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PatientCharts } from '@/components/charts/patient-charts';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { PillNav } from '@/components/ui/pill-nav';
import { recordPatientView } from '@/lib/audit/reads';
import { requirePractitioner } from '@/lib/auth/guard';
import { CHART_RANGES, parseRange, patientChartData } from '@/lib/patients/charts';
import { patientIdParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Progress' };

const LABELS = { '2w': '2 weeks', '4w': '4 weeks', '12w': '12 weeks' } as const;

export default async function ProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const id = patientIdParam(await params);
  const range = parseRange((await searchParams).range);
  const data = id ? await patientChartData(actor, id, range) : null;
  if (!data) notFound();
  await recordPatientView(actor, data.patient.id, 'progress');
  return (
    <>
      <PageHeader
        title={`${data.patient.name}: progress`}
        description={`Days in the patient’s timezone (${data.patient.timezone.replaceAll('_', ' ')}).`}
        actions={
          <Button asChild variant="secondary">
            <Link href={`/patients/${data.patient.id}`}>Back to patient</Link>
          </Button>
        }
      />
      <PillNav
        label="Range"
        items={(Object.keys(CHART_RANGES) as (keyof typeof CHART_RANGES)[]).map((r) => ({
          href: `/patients/${data.patient.id}/progress?range=${r}`,
          label: LABELS[r],
          current: r === range,
        }))}
      />
      <p className="mb-4 rounded-lg border border-line bg-white p-4 text-base" data-testid="chart-summary">
        {data.summary}
      </p>
      <PatientCharts
        days={data.days}
        sessions={data.sessions}
        versionChanges={data.versionChanges}
        exercises={data.exercises}
      />
    </>
  );
}

import { AlertTriangle, Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DashboardTable } from '@/components/dashboard/dashboard-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { PillNav } from '@/components/ui/pill-nav';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { daysSince } from '@/lib/dates';
import { ATTENTION_LABELS, dashboard, dashboardQuerySchema } from '@/lib/roster/dashboard';
import { stalledReferrals } from '@/lib/referrals/stalled';
import { progressionGroups } from '@/lib/progression/dashboard';
import { ProgressionGroups } from '@/components/dashboard/progression-groups';
import { STATUS_LABELS } from '@/lib/referrals/status';
import { formatDay } from '@/lib/dates';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const raw = await searchParams;
  const query = dashboardQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [clinic, data, stalled, progression] = await Promise.all([
    clinicOf(actor),
    dashboard(actor, query),
    stalledReferrals(actor),
    progressionGroups(actor),
  ]);
  const firstName = actor.name.split(' ')[0] ?? actor.name;
  const link = (changes: Partial<Record<'scope' | 'show', string>>) => {
    const params = new URLSearchParams({
      scope: query.scope,
      show: query.show,
      sort: query.sort,
      dir: query.dir,
      ...changes,
    });
    return `/dashboard?${params}`;
  };
  // The most urgent few; the rest are one click away in the table, which pages.
  const preview = data.attention;
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`${clinic.name} · who needs you today`}
        actions={
          <a
            href={`/api/exports/roster.csv?scope=${query.scope}`}
            className="inline-flex h-10 items-center gap-2 rounded-md border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50"
          >
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
        }
      />
      <PillNav
        label="Whose patients"
        items={(['clinic', 'mine'] as const).map((scope) => ({
          href: link({ scope }),
          label: scope === 'clinic' ? 'Whole clinic' : 'My patients',
          current: query.scope === scope,
        }))}
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        {[
          ['Active patients', String(data.figures.activePatients)],
          [
            'Median adherence, 7 days',
            data.figures.medianAdherence7 === null ? '—' : `${Math.round(data.figures.medianAdherence7 * 100)} %`,
          ],
          ['Need attention', String(data.figures.needingAttention)],
        ].map(([label, value]) => (
          // A <dl> holds only <div>s around its dt/dd pairs (a Card is a <section>).
          <div key={label} className="rounded-lg border border-line bg-white p-4 shadow-xs">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid={`figure-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="attention-heading" className="mb-8">
        <h2 id="attention-heading" className="mb-3 flex items-center gap-2 text-lg font-semibold">
          <AlertTriangle className="size-5 text-danger" aria-hidden /> Needs attention
        </h2>
        {preview.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">
            Nobody needs attention right now: no open red flags, lapses or rising pain.
          </p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2" data-testid="needs-attention">
            {preview.map((r) => (
              <li key={r.patientId} className="rounded-lg border border-line bg-white p-3">
                <div className="flex items-center justify-between gap-2">
                  <Link
                    href={`/patients/${r.patientId}`}
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                  >
                    {r.name}
                  </Link>
                  <span className="text-sm text-muted">
                    {r.adherence7 === null ? 'No sessions due' : `${Math.round(r.adherence7 * 100)} % this week`}
                  </span>
                </div>
                <div className="mt-2 flex flex-wrap gap-1.5">
                  {r.reasons.map((reason) => (
                    <Badge key={reason} tone={reason === 'red_flag' || reason === 'pain_rising' ? 'danger' : 'warning'}>
                      {ATTENTION_LABELS[reason]}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
        {data.figures.needingAttention > preview.length ? (
          <p className="mt-3 text-sm">
            <Link
              href={`${link({ show: 'attention' })}#roster-heading`}
              className="font-medium text-brand-800 underline underline-offset-4"
            >
              See all {data.figures.needingAttention} who need attention
            </Link>{' '}
            <span className="text-muted">(showing the {preview.length} most urgent)</span>
          </p>
        ) : null}
      </section>

      <ProgressionGroups {...progression} />

      <section aria-labelledby="referrals-group-heading" className="mb-8">
        <h2 id="referrals-group-heading" className="mb-3 text-lg font-semibold">
          Referrals
        </h2>
        {stalled.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">
            No referral is waiting on you: nothing urgent open, nothing sent a week ago and not booked, no report
            overdue.
          </p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2" data-testid="stalled-referrals">
            {stalled.map((r) => (
              <li key={r.id} className="rounded-lg border border-line bg-white p-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link
                    href={`/patients/${r.patientId}#referrals-heading`}
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                  >
                    {r.patientName}
                  </Link>
                  <Badge tone={r.why === 'urgent' ? 'danger' : 'neutral'}>
                    {r.why === 'urgent' ? 'Urgent' : r.why === 'not_booked' ? 'Not booked' : 'No report'}
                  </Badge>
                </div>
                <p className="mt-1 text-muted">
                  {r.providerName} · {STATUS_LABELS[r.status]}
                  {r.since ? ` since ${formatDay(r.since)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roster-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="roster-heading" className="text-lg font-semibold">
            {query.show === 'attention' ? 'Patients needing attention' : 'Active patients'}
          </h2>
          {query.show === 'attention' ? (
            <Link
              href={`${link({ show: 'all' })}#roster-heading`}
              className="text-sm font-medium text-brand-800 underline underline-offset-4"
            >
              Show all active patients
            </Link>
          ) : null}
        </div>
        <DashboardTable
          rows={data.rows.map((r) => ({
            patientId: r.patientId,
            name: r.name,
            practitionerName: r.practitionerName,
            adherence7: r.adherence7,
            adherence28: r.adherence28,
            completed7: r.completed7,
            prescribed7: r.prescribed7,
            trend: r.trend,
            lastSessionDay: r.lastSessionDay,
            daysSinceLastSession: daysSince(r.lastSessionAt, r.timezone),
            painAfter7: r.painAfter7,
            painChange: r.painChange,
            openRedFlags: r.openRedFlags,
          }))}
          total={data.total}
          page={query.page}
          pageSize={data.pageSize}
          sort={query.sort}
          dir={query.dir}
        />
      </section>
    </>
  );
}

import { ClipboardCheck, Pencil, Printer, ShieldAlert } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertCard } from '@/components/alerts/alert-card';
import { PatientLinks } from '@/components/patients/patient-links';
import { ScreeningFindings } from '@/components/patients/screening-summary';
import { SessionLogList } from '@/components/patients/session-log-list';
import { StatusToggle } from '@/components/patients/status-toggle';
import { AdherenceCell, LastSessionCell, PainCell, percent } from '@/components/patients/figure-cells';
import { PlanItemsList } from '@/components/plans/plan-items-list';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Pager } from '@/components/ui/data-table/pager';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { toAlertCard } from '@/lib/alerts/alert-view';
import { patientAlerts } from '@/lib/alerts/alerts';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';
import { daysSince, formatDateTime, formatDay, formatDayRange, todayIn } from '@/lib/dates';
import { clinicLibrary } from '@/lib/exercises/library';
import { linksOfPatient } from '@/lib/patients/links';
import { figuresOfPatient } from '@/lib/patients/figures';
import { logPageOfPatient, logPageSchema } from '@/lib/patients/session-logs';
import { planDetail, plansOfPatient } from '@/lib/plans/read';
import { currentScreening } from '@/lib/screening/screening';
import { alertAction } from '../../alerts/actions';
import { setPatientStatusAction } from '../actions';
import { issueLinkAction, revokeLinkAction } from './links-actions';
import { moveReferralAction, recordReportAction } from './referrals-actions';
import { ReferralList } from '@/components/referrals/referral-list';
import { referralsOfPatient } from '@/lib/referrals/referrals';
import { referralRows } from '@/lib/referrals/rows';

export const metadata: Metadata = { title: 'Patient' };

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'record');
  const flags = await searchParams;
  const [screening, history, links, logs, library, activeAlerts, resolvedAlerts, figures, referralList] =
    await Promise.all([
      currentScreening(actor, patient.id),
      plansOfPatient(actor, patient.id),
      linksOfPatient(actor, patient.id),
      logPageOfPatient(actor, patient.id, logPageSchema.parse(flags.logs)),
      clinicLibrary(actor, { includeHidden: true }),
      patientAlerts(actor, patient.id, 'active'),
      patientAlerts(actor, patient.id, 'resolved'),
      patient.status === 'active' ? figuresOfPatient(actor, patient.id) : null,
      referralsOfPatient(actor, patient.id),
    ]);
  // At most one plan is active (a unique index): the history already names it.
  const planId = history.find((p) => p.status === 'active')?.id ?? null;
  const plan = planId ? await planDetail(actor, planId) : null;
  const current = plan?.versions[0];
  const today = todayIn(patient.timezone);
  const active = patient.status === 'active';

  return (
    <>
      <PageHeader
        title={patient.name}
        description={[
          patient.birthYear ? `Born ${patient.birthYear}` : null,
          patient.timezone.replaceAll('_', ' '),
          patient.primaryPractitionerName ? `Seen by ${patient.primaryPractitionerName}` : 'No primary practitioner',
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <Badge tone={active ? 'brand' : 'neutral'} className="self-center">
              {active ? 'Active' : 'Discharged'}
            </Badge>
            <Button asChild variant="secondary">
              <Link href={`/patients/${patient.id}/edit`}>
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
            <StatusToggle
              patientId={patient.id}
              status={patient.status}
              name={patient.name}
              action={setPatientStatusAction}
            />
          </>
        }
      />
      {flags.created ? (
        <Notice tone="success" live className="mb-4">
          Patient added. Next, screen them for contraindications.
        </Notice>
      ) : null}
      {flags.screened ? (
        <Notice tone="success" live className="mb-4">
          Screening saved.
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card aria-labelledby="plan-heading">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle id="plan-heading">Current plan</CardTitle>
              {plan && current ? (
                <div className="flex flex-wrap gap-2">
                  <Button asChild size="sm" variant="secondary">
                    <Link href={`/patients/${patient.id}/progress`}>Progress charts</Link>
                  </Button>
                  {active ? (
                    <Button asChild size="sm" variant="secondary">
                      <Link href={`/patients/${patient.id}/handout?print=1`}>
                        <Printer aria-hidden /> Print handout
                      </Link>
                    </Button>
                  ) : null}
                  <Button asChild size="sm">
                    <Link href={`/patients/${patient.id}/plan`}>Adjust or view history</Link>
                  </Button>
                </div>
              ) : null}
            </div>
            {plan && current ? (
              <>
                <p className="mb-3 mt-1 text-sm text-muted">
                  Started {formatDay(plan.startDate)}
                  {plan.endDate ? `, ends ${formatDay(plan.endDate)}` : ''} · version {current.version}
                  {current.effectiveDate > today ? ` (takes effect ${formatDay(current.effectiveDate)})` : ''}
                </p>
                <PlanItemsList items={current.items} />
                {figures ? (
                  <dl
                    className="mt-4 grid grid-cols-2 gap-3 border-t border-line pt-4 text-sm sm:grid-cols-4"
                    data-testid="patient-figures"
                  >
                    <div>
                      <dt className="text-muted">Last 7 days</dt>
                      <dd>
                        <AdherenceCell value={figures.adherence7} trend={figures.trend} />
                        <span className="text-xs text-muted">
                          {figures.completed7} of {figures.prescribed7} sessions
                        </span>
                      </dd>
                    </div>
                    <div>
                      <dt className="text-muted">Last 28 days</dt>
                      <dd className="font-medium">{percent(figures.adherence28)}</dd>
                    </div>
                    <div>
                      <dt className="text-muted">Pain after, 7 days</dt>
                      <dd>
                        <PainCell after={figures.painAfter7} change={figures.painChange} />
                      </dd>
                    </div>
                    <div>
                      <dt className="text-muted">Last session</dt>
                      <dd>
                        <LastSessionCell daysAgo={daysSince(patient.lastSessionAt, patient.timezone)} />
                      </dd>
                    </div>
                  </dl>
                ) : null}
              </>
            ) : (
              <div className="mt-2 text-sm">
                <p className="text-muted">No active plan.</p>
                {!active ? (
                  <p className="mt-2">Reactivate this patient to assign a plan.</p>
                ) : !screening ? (
                  <p className="mt-2">Screen this patient for contraindications before assigning exercises.</p>
                ) : (
                  <Button asChild className="mt-3">
                    <Link href={`/patients/${patient.id}/plan/new`}>Assign a plan</Link>
                  </Button>
                )}
              </div>
            )}
            {plan && active ? (
              <p className="mt-4 text-sm">
                <Link href={`/patients/${patient.id}/plan/new`} className="text-brand-700 underline underline-offset-4">
                  Replace with a new plan
                </Link>
              </p>
            ) : null}
          </Card>

          {activeAlerts.length || resolvedAlerts.length ? (
            <section aria-labelledby="alerts-heading" className="space-y-3">
              <h2 id="alerts-heading" className="text-base font-semibold">
                Red flags
              </h2>
              {activeAlerts.map((a) => (
                <AlertCard key={a.id} alert={toAlertCard(a)} showPatient={false} action={alertAction} />
              ))}
              {resolvedAlerts.length ? (
                <details className="rounded-lg border border-line bg-white p-3 text-sm">
                  <summary className="cursor-pointer text-brand-700">{resolvedAlerts.length} resolved</summary>
                  <div className="mt-3 space-y-3">
                    {resolvedAlerts.map((a) => (
                      <AlertCard key={a.id} alert={toAlertCard(a)} showPatient={false} action={alertAction} />
                    ))}
                  </div>
                </details>
              ) : null}
            </section>
          ) : null}

          <Card aria-labelledby="logs-heading">
            <div className="flex items-center justify-between gap-2">
              <CardTitle id="logs-heading">Logged sessions</CardTitle>
              {logs.total ? (
                <a
                  href={`/api/exports/patients/${patient.id}/logs.csv`}
                  className="text-sm text-brand-700 underline underline-offset-4"
                >
                  Export CSV
                </a>
              ) : null}
            </div>
            <p className="mb-2 mt-1 text-xs text-muted">
              Times in the patient’s timezone ({patient.timezone.replaceAll('_', ' ')}).
            </p>
            <SessionLogList
              logs={logs.logs}
              exerciseNames={new Map(library.map((e) => [e.id, e.name]))}
              timezone={patient.timezone}
            />
            {logs.total > logs.pageSize ? (
              <Pager
                label="Logged sessions pages"
                paging={logs}
                summary={({ from, to, total }) => `Sessions ${from}–${to} of ${total}, newest first`}
                // Only the log page travels: the rest of the page reads the same on every one.
                href={({ page }) => `/patients/${patient.id}${page ? `?logs=${page}` : ''}#logs-heading`}
              />
            ) : null}
          </Card>

          {history.filter((h) => h.status === 'ended').length ? (
            <Card>
              <CardTitle>Earlier plans</CardTitle>
              <ul className="mt-2 space-y-1 text-sm">
                {history
                  .filter((h) => h.status === 'ended')
                  .map((h) => (
                    <li key={h.id}>
                      {formatDayRange(h.startDate, h.endDate)} · {h.versions} version
                      {h.versions === 1 ? '' : 's'}
                    </li>
                  ))}
              </ul>
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="referrals-heading">
            <div className="flex items-center justify-between gap-2">
              <CardTitle id="referrals-heading">Referrals</CardTitle>
              <Button asChild size="sm" variant="secondary">
                <Link href={`/patients/${patient.id}/referrals/new`}>Refer to in-person care</Link>
              </Button>
            </div>
            <div className="mt-3">
              <ReferralList
                referrals={referralRows(referralList, patient.timezone)}
                moveAction={moveReferralAction}
                reportAction={recordReportAction}
              />
            </div>
          </Card>
          <Card aria-labelledby="screening-heading">
            <div className="flex items-center justify-between gap-2">
              <CardTitle id="screening-heading" className="flex items-center gap-2">
                <ShieldAlert className="size-4 text-brand-600" aria-hidden /> Screening
              </CardTitle>
              <Button asChild size="sm" variant={screening ? 'secondary' : 'primary'}>
                <Link href={`/patients/${patient.id}/screening`}>
                  <ClipboardCheck aria-hidden /> {screening ? 'Rescreen' : 'Screen now'}
                </Link>
              </Button>
            </div>
            {screening ? (
              <>
                <p className="mb-3 mt-1 text-xs text-muted">
                  {formatDateTime(screening.createdAt, patient.timezone)}
                  {screening.screenedByName ? ` by ${screening.screenedByName}` : ''}
                </p>
                <ScreeningFindings answers={screening.answers} />
              </>
            ) : (
              <p className="mt-2 text-sm text-muted">Not screened yet.</p>
            )}
          </Card>
          <Card aria-labelledby="links-heading">
            <CardTitle id="links-heading">Patient links</CardTitle>
            <p className="mb-3 mt-1 text-xs text-muted">
              The patient opens their plan from a link or its QR code. No account needed.
            </p>
            <PatientLinks
              patientId={patient.id}
              issueAction={issueLinkAction}
              revokeAction={revokeLinkAction}
              active={active}
              links={links.map((l) => ({
                id: l.id,
                label: l.label,
                created: formatDateTime(l.createdAt, patient.timezone),
                expires: l.expiresAt ? formatDateTime(l.expiresAt, patient.timezone) : null,
                lastUsed: l.lastUsedAt ? formatDateTime(l.lastUsedAt, patient.timezone) : null,
                expiresAt: l.expiresAt?.toISOString() ?? null,
                revokedAt: l.revokedAt?.toISOString() ?? null,
              }))}
            />
          </Card>
          <Card>
            <CardTitle>Contact</CardTitle>
            <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
              <dt className="text-muted">Email</dt>
              <dd className="break-all">{patient.email ?? '—'}</dd>
              <dt className="text-muted">Phone</dt>
              <dd>{patient.phone ?? '—'}</dd>
            </dl>
            {patient.notes ? <p className="mt-3 whitespace-pre-wrap text-sm">{patient.notes}</p> : null}
          </Card>
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { Printer } from 'lucide-react';
import Link from 'next/link';
import { PrintedHandouts } from '@/components/handout/printed-handouts';
import { AdjustPlanForm } from '@/components/plans/adjust-plan-form';
import { PlanItemsList } from '@/components/plans/plan-items-list';
import { ProgressionCard } from '@/components/plans/progression-card';
import { RestoreVersion, SwapVariant } from '@/components/plans/version-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';
import { formatDateTime, formatDay, todayIn } from '@/lib/dates';
import { handoutPrintsOf } from '@/lib/handout/prints';
import { planAcknowledgements } from '@/lib/plans/assign';
import { editorLibrary } from '@/lib/plans/editor-data';
import { isEmptyDiff } from '@/lib/plans/diff';
import { activePlanId, planDetail } from '@/lib/plans/read';
import { currentScreening } from '@/lib/screening/screening';
import { recordShown } from '@/lib/progression/decisions';
import { suggestionFor } from '@/lib/progression/for-patient';
import { suggestionView } from '@/lib/progression/view';
import {
  adjustPlanAction,
  applySuggestionAction,
  dismissSuggestionAction,
  restoreVersionAction,
  swapVariantAction,
} from './actions';

export const metadata: Metadata = { title: 'Plan' };

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'plan');
  const flags = await searchParams;
  const planId = await activePlanId(actor, patient.id);
  const plan = planId ? await planDetail(actor, planId) : null;
  const current = plan?.versions[0];
  if (!plan || !current) {
    return (
      <>
        <PageHeader title={`${patient.name}’s plan`} />
        <Notice>
          No active plan.{' '}
          <Link href={`/patients/${patient.id}`} className="underline underline-offset-4">
            Back to {patient.name}
          </Link>
        </Notice>
      </>
    );
  }
  const [screening, prints, suggested] = await Promise.all([
    currentScreening(actor, patient.id),
    handoutPrintsOf(actor, patient.id),
    patient.status === 'active' ? suggestionFor(actor, patient) : null,
  ]);
  const suggestion = suggested && !suggested.dismissed ? suggested : null;
  if (suggestion) await recordShown(actor, patient.id, suggestion);
  const library = await editorLibrary(actor, screening?.answers ?? null);
  const names = new Map(library.map((e) => [e.id, e.name]));
  const today = todayIn(patient.timezone);
  const earliest = [today, current.effectiveDate, plan.startDate].sort().at(-1) ?? today;

  return (
    <>
      <PageHeader
        title={`${patient.name}’s plan`}
        description={`Started ${formatDay(plan.startDate)}${plan.endDate ? ` · ends ${formatDay(plan.endDate)}` : ''} · ${plan.versions.length} version${plan.versions.length === 1 ? '' : 's'}`}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/patients/${patient.id}`}>Back to patient</Link>
            </Button>
            {patient.status === 'active' ? (
              <Button asChild>
                <Link href={`/patients/${patient.id}/handout?print=1`}>
                  <Printer aria-hidden /> Print handout
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {flags.assigned ? (
        <Notice tone="success" live className="mb-4">
          Plan assigned.
        </Notice>
      ) : null}
      {typeof flags.applied === 'string' && /^\d+$/.test(flags.applied) ? (
        <Notice tone="success" live className="mb-4">
          Suggestion applied as version {flags.applied}.
        </Notice>
      ) : null}
      {flags.dismissed ? (
        <Notice tone="success" live className="mb-4">
          Suggestion dismissed. It comes back if the figures change.
        </Notice>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          {suggestion ? (
            <ProgressionCard
              patientId={patient.id}
              signature={suggestion.signature}
              suggestion={suggestionView(patient.id, suggestion)}
              applyAction={applySuggestionAction}
              dismissAction={dismissSuggestionAction}
            />
          ) : null}
          <Card aria-labelledby="current-heading">
            <CardTitle id="current-heading">
              Current dose <Badge tone="brand">version {current.version}</Badge>
            </CardTitle>
            <p className="mb-3 mt-1 text-sm text-muted">
              {current.effectiveDate > today ? 'Takes effect' : 'In effect since'} {formatDay(current.effectiveDate)}
            </p>
            <PlanItemsList items={current.items} />
            <div className="mt-3 space-y-2">
              {current.items.map((item) =>
                item.exercise.easierId || item.exercise.harderId ? (
                  <div key={item.position} className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="text-muted">{item.exerciseName}:</span>
                    {item.exercise.easierId && names.has(item.exercise.easierId) ? (
                      <SwapVariant
                        patientId={patient.id}
                        planId={plan.id}
                        position={item.position}
                        direction="easier"
                        variantName={names.get(item.exercise.easierId)!}
                        action={swapVariantAction}
                      />
                    ) : null}
                    {item.exercise.harderId && names.has(item.exercise.harderId) ? (
                      <SwapVariant
                        patientId={patient.id}
                        planId={plan.id}
                        position={item.position}
                        direction="harder"
                        variantName={names.get(item.exercise.harderId)!}
                        action={swapVariantAction}
                      />
                    ) : null}
                  </div>
                ) : null,
              )}
            </div>
          </Card>
          <Card aria-labelledby="adjust-heading">
            <CardTitle id="adjust-heading">Adjust doses</CardTitle>
            <p className="mb-4 mt-1 text-sm text-muted">
              Change doses, days, or the exercises themselves. Saving creates a new version; earlier ones stay in the
              history.
            </p>
            <AdjustPlanForm
              action={adjustPlanAction}
              patientId={patient.id}
              planId={plan.id}
              library={library}
              items={current.items.map((i) => ({
                exerciseId: i.exerciseId,
                sessionsPerDay: i.sessionsPerDay,
                daysOfWeek: i.daysOfWeek,
                holdSeconds: i.holdSeconds,
                reps: i.reps,
                sets: i.sets,
                patientNote: i.patientNote,
              }))}
              acknowledgements={await planAcknowledgements(actor, plan.id)}
              earliest={earliest}
              version={current.version}
            />
          </Card>
        </div>
        <Card className="self-start" aria-labelledby="history-heading">
          <CardTitle id="history-heading">Version history</CardTitle>
          <ol className="mt-3 space-y-5">
            {plan.versions.map((v, index) => (
              <li key={v.version} className="border-l-2 border-line pl-3" data-testid="version-entry">
                <p className="text-sm font-medium">
                  Version {v.version} · from {formatDay(v.effectiveDate)}
                  {index === 0 ? ' (current)' : ''}
                </p>
                <p className="text-xs text-muted">
                  {v.authorName ?? 'Someone'} · {formatDateTime(v.createdAt, patient.timezone)}
                  {v.restoredFrom ? ` · restored from version ${v.restoredFrom}` : ''}
                </p>
                <p className="mt-1 text-sm">“{v.reason}”</p>
                {v.diff && !isEmptyDiff(v.diff) ? (
                  <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm" data-testid="version-changes">
                    {v.diff.added.map((n) => (
                      <li key={`a${n}`}>Added {n}</li>
                    ))}
                    {v.diff.removed.map((n) => (
                      <li key={`r${n}`}>Removed {n}</li>
                    ))}
                    {v.diff.changed.flatMap((c) =>
                      c.changes.map((ch) => (
                        <li key={`${c.exerciseName}${ch.field}`}>
                          {c.exerciseName}: {FIELD_LABELS[ch.field]} {ch.from} → {ch.to}
                        </li>
                      )),
                    )}
                  </ul>
                ) : null}
                {v.acknowledgements.length ? (
                  <ul className="mt-1 space-y-0.5 text-xs text-warning">
                    {v.acknowledgements.map((a) => (
                      <li key={`${a.exerciseName}${a.label}`}>
                        Precaution acknowledged for {a.exerciseName} ({a.label}): “{a.reason}”
                      </li>
                    ))}
                  </ul>
                ) : null}
                <PrintedHandouts
                  prints={prints.filter((p) => p.planId === plan.id && p.version === v.version)}
                  timezone={patient.timezone}
                />
                {index > 0 ? (
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-brand-700">Exercises in this version</summary>
                    <div className="mt-2">
                      <PlanItemsList items={v.items} compact />
                    </div>
                    <div className="mt-2">
                      <RestoreVersion
                        patientId={patient.id}
                        planId={plan.id}
                        version={v.version}
                        action={restoreVersionAction}
                      />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  holdSeconds: 'hold',
  reps: 'breaths/reps',
  sets: 'sets',
  sessionsPerDay: 'sessions',
  daysOfWeek: 'days',
  patientNote: 'note',
};

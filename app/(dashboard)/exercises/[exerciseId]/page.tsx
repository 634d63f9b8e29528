import { ArrowDown, ArrowUp } from 'lucide-react';
import type { Metadata } from 'next';
import { BackLink } from '@/components/ui/back-link';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { EQUIPMENT_LABELS, ExerciseBadges, KIND_LABELS } from '@/components/exercises/exercise-card';
import { HideToggle } from '@/components/exercises/hide-toggle';
import { ExerciseIllustration } from '@/components/exercises/illustration';
import { Card, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { notInClinic } from '@/lib/audit/reads';
import { requirePractitioner } from '@/lib/auth/guard';
import { doseInWords, limitsOf } from '@/lib/exercises/dose';
import { findExercise, type LibraryExercise } from '@/lib/exercises/library';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { setExerciseHiddenAction } from '../actions';

export const metadata: Metadata = { title: 'Exercise' };

const exerciseIdSchema = z.uuid();

export default async function ExercisePage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const actor = await requirePractitioner();
  const id = exerciseIdSchema.safeParse((await params).exerciseId);
  if (!id.success) notFound();
  // Scoped to the actor's clinic: another clinic's custom exercise is not found.
  const exercise = await findExercise(actor, id.data);
  if (!exercise) return notInClinic(actor, 'exercise', id.data);
  const [easier, harder] = await Promise.all([
    exercise.easierId ? findExercise(actor, exercise.easierId) : null,
    exercise.harderId ? findExercise(actor, exercise.harderId) : null,
  ]);
  const isAdmin = actor.role === 'admin';
  const limits = limitsOf(exercise);
  const dose = exercise.defaultDose;
  const countLabel = exercise.repsUnit === 'breaths' ? 'Slow breaths' : 'Repetitions';
  const absolute = CONTRAINDICATIONS.filter(
    (c) => c.severity === 'absolute' && exercise.contraindications.includes(c.code),
  );
  const relative = CONTRAINDICATIONS.filter(
    (c) => c.severity === 'relative' && exercise.contraindications.includes(c.code),
  );

  const limitRows = [
    {
      label: exercise.timing === 'roll' ? 'Rolling time (seconds)' : 'Hold time (seconds)',
      range: limits.holdSeconds,
      value: dose.holdSeconds,
    },
    { label: countLabel, range: limits.reps, value: dose.reps },
    { label: 'Sets', range: limits.sets, value: dose.sets },
    { label: 'Sessions per day', range: limits.sessionsPerDay, value: dose.sessionsPerDay },
  ];

  return (
    <>
      <BackLink href="/exercises">Exercise library</BackLink>
      <PageHeader
        title={exercise.name}
        description={exercise.summary || undefined}
        actions={
          isAdmin && exercise.builtIn ? (
            <HideToggle
              exerciseId={exercise.id}
              name={exercise.name}
              hidden={exercise.hidden}
              action={setExerciseHiddenAction}
            />
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-muted">
        <span>{KIND_LABELS[exercise.kind]}</span>
        <span aria-hidden>·</span>
        <ExerciseBadges exercise={exercise} />
      </div>
      {exercise.hidden ? (
        <Notice className="mb-6">
          Your clinic has hidden this exercise. Practitioners can’t add it to new plans until an admin shows it again.
        </Notice>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          {exercise.illustration ? (
            <div className="rounded-lg border border-line bg-white p-4 text-ink">
              <ExerciseIllustration
                name={exercise.illustration}
                title={exercise.name}
                className="mx-auto h-auto w-full max-w-xl"
              />
            </div>
          ) : null}

          <Card aria-labelledby="steps-heading">
            <CardTitle id="steps-heading">Steps</CardTitle>
            <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm marker:font-semibold marker:text-brand-700">
              {exercise.steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </Card>

          {exercise.cues.length > 0 ? (
            <Card aria-labelledby="cues-heading">
              <CardTitle id="cues-heading">Cues</CardTitle>
              <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm">
                {exercise.cues.map((cue, i) => (
                  <li key={i}>{cue}</li>
                ))}
              </ul>
            </Card>
          ) : null}

          {exercise.safetyNotes.length > 0 ? (
            <section aria-labelledby="safety-heading">
              <h2 id="safety-heading" className="mb-2 text-base font-semibold text-ink">
                Safety notes
              </h2>
              <Notice tone="danger">
                <ul className="list-disc space-y-1.5 pl-4">
                  {exercise.safetyNotes.map((note, i) => (
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              </Notice>
            </section>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="dose-heading">
            <CardTitle id="dose-heading">Dose</CardTitle>
            <p className="mt-1 text-sm">
              <span className="font-medium">Default: </span>
              {doseInWords(dose, exercise)}
            </p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Dose limits for {exercise.name}</caption>
                <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Part
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Allowed
                    </th>
                    <th scope="col" className="py-2 pl-3 font-medium">
                      Default
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {limitRows.map((row) => (
                    <tr key={row.label} className="border-b border-line last:border-0">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {row.label}
                      </th>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                        {row.range.min === row.range.max ? row.range.min : `${row.range.min}–${row.range.max}`}
                      </td>
                      <td className="py-2 pl-3 tabular-nums">{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="mt-3 text-xs text-muted">Equipment: {EQUIPMENT_LABELS[exercise.equipment]}.</p>
          </Card>

          <Card aria-labelledby="screening-heading">
            <CardTitle id="screening-heading">Contraindications</CardTitle>
            {absolute.length === 0 && relative.length === 0 ? (
              <p className="mt-2 text-sm text-muted">None listed for this exercise.</p>
            ) : null}
            {absolute.length > 0 ? (
              <>
                <h3 className="mt-3 text-sm font-semibold text-danger">Not for people with</h3>
                <ul className="mt-1.5 list-disc space-y-1 pl-5 text-sm">
                  {absolute.map((c) => (
                    <li key={c.code}>{c.label}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {relative.length > 0 ? (
              <>
                <h3 className="mt-4 text-sm font-semibold text-warning">
                  Use with care (needs a reason at assignment)
                </h3>
                <ul className="mt-1.5 space-y-1.5 text-sm">
                  {relative.map((c) => (
                    <li key={c.code}>
                      <span className="font-medium">{c.label}</span>
                      <span className="block text-xs text-muted">{c.guidance}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>

          {easier || harder ? (
            <Card aria-labelledby="variants-heading">
              <CardTitle id="variants-heading">Variants</CardTitle>
              <ul className="mt-3 space-y-2 text-sm">
                {easier ? <Variant exercise={easier} direction="easier" /> : null}
                {harder ? <Variant exercise={harder} direction="harder" /> : null}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function Variant({ exercise, direction }: { exercise: LibraryExercise; direction: 'easier' | 'harder' }) {
  const Icon = direction === 'easier' ? ArrowDown : ArrowUp;
  return (
    <li className="flex items-start gap-2">
      <Icon className="mt-0.5 size-4 shrink-0 text-brand-700" aria-hidden />
      <span>
        <span className="text-muted">{direction === 'easier' ? 'Easier: ' : 'Harder: '}</span>
        <Link
          href={`/exercises/${exercise.id}`}
          className="text-brand-700 underline underline-offset-4 hover:text-brand-800"
        >
          {exercise.name}
        </Link>
        {exercise.hidden ? <span className="text-muted"> (hidden from your clinic)</span> : null}
      </span>
    </li>
  );
}

import { CalendarPlus, Printer } from 'lucide-react';
import Link from 'next/link';
import { ExerciseIllustration } from '@/components/exercises/illustration';
import { GuidedSession } from '@/components/patient-portal/guided-session';
import { HistoryStrip } from '@/components/patient-portal/history-strip';
import { InactiveLink } from '@/components/patient-portal/inactive-link';
import { SafetyCard } from '@/components/patient-portal/safety-card';
import { TextWithPhoneLinks } from '@/components/patient-portal/text-with-phone-links';
import { TodayProgress } from '@/components/patient-portal/today-progress';
import { OfflineSupport } from '@/components/patient-portal/offline-support';
import { formatDateTime, formatDay } from '@/lib/dates';
import { recentChange } from '@/lib/patient-portal/recent-change';
import { InPersonCare } from '@/components/patient-portal/in-person-care';
import { inPersonCareOf } from '@/lib/referrals/patient-side';
import { disciplineWords } from '@/lib/referrals/rows';
import { patientToday } from '@/lib/patient-portal/today';
import { recordRefusedLink, touchLink } from '@/lib/patient-portal/link-access';
import { currentPatientOrClinic } from '@/lib/patient-portal/session';

/**
 * The patient's plan on their phone. Server-rendered: only the guided session and the log form
 * ship JavaScript.
 */
export default async function PatientHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const found = await currentPatientOrClinic();
  if (!found.ok) {
    await recordRefusedLink(found, 'plan');
    return <InactiveLink clinic={found.clinic} hasPlan={false} />;
  }
  const [view, care, query] = await Promise.all([patientToday(found.value), inPersonCareOf(found.value), searchParams]);
  const change = await recentChange(
    found.value,
    view.plan,
    view.exercises.map((e) => ({ ...e, exerciseId: e.id })),
  );
  await touchLink(found.value, 'plan');
  const { progress } = view;
  const illustrations = Object.fromEntries(
    view.exercises.map((e) => [
      e.id,
      e.illustration ? (
        <ExerciseIllustration key={e.id} name={e.illustration} title={e.name} className="h-auto w-full text-ink" />
      ) : null,
    ]),
  );

  return (
    <div className="space-y-6">
      <OfflineSupport fetchedAt={formatDateTime(new Date(), found.value.timezone)} />
      <header>
        <p className="text-sm text-muted">{view.clinic.name}</p>
        <h1 className="mt-1 text-2xl font-semibold">
          {view.firstName ? `Hello, ${view.firstName}` : 'Your exercises'}
        </h1>
        {view.exercises.length === 0 ? (
          <p className="mt-2 text-lg" data-testid="today-progress">
            You have no exercises at the moment.
          </p>
        ) : (
          <TodayProgress done={progress.done} prescribed={progress.prescribed} today={view.todayBounds} />
        )}
      </header>

      {change ? (
        <section
          aria-labelledby="changed-heading"
          className="rounded-xl border-2 border-brand-600 bg-brand-50 p-4"
          data-testid="plan-changed"
        >
          <h2 id="changed-heading" className="text-lg font-semibold">
            Your plan changed on {formatDay(change.since, 'long')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {change.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.exercises.length ? (
        <GuidedSession
          exercises={view.exercises.map((e) => ({
            id: e.id,
            name: e.name,
            steps: e.steps,
            cues: e.cues,
            safetyNotes: e.safetyNotes,
            timing: e.timing,
            repsUnit: e.repsUnit,
            holdSeconds: e.holdSeconds,
            reps: e.reps,
            sets: e.sets,
            doseText: e.doseText,
          }))}
          illustrations={illustrations}
          clinic={view.clinic}
        />
      ) : null}

      <section aria-labelledby="plan-heading" className="space-y-4">
        <h2 id="plan-heading" className="text-xl font-semibold">
          Your exercises
        </h2>
        {view.exercises.map((e, index) => (
          <article
            key={e.id}
            className="rounded-xl border border-line bg-white p-4"
            aria-labelledby={`ex-${e.id}`}
            data-testid="patient-exercise"
          >
            <h3 id={`ex-${e.id}`} className="text-lg font-semibold">
              {index + 1}. {e.name}
            </h3>
            <p className="mt-1 font-medium text-brand-800">{e.doseText}</p>
            {e.patientNote ? (
              <p className="mt-2 rounded-md bg-brand-50 p-2 text-sm">From your clinic: {e.patientNote}</p>
            ) : null}
            {e.illustration ? <div className="mt-3 rounded-md bg-surface p-2">{illustrations[e.id]}</div> : null}
            <ol className="mt-3 list-decimal space-y-1.5 pl-5">
              {e.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            {e.cues.length ? (
              <ul className="mt-3 space-y-1 text-sm text-muted">
                {e.cues.map((c) => (
                  <li key={c}>• {c}</li>
                ))}
              </ul>
            ) : null}
            <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
              <p className="font-medium">Take care</p>
              <ul className="mt-1 space-y-1">
                {e.safetyNotes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          </article>
        ))}
      </section>

      {view.exercises.length ? (
        <p>
          <Link
            href="/p/handout?print=1"
            prefetch={false}
            className="inline-flex h-11 items-center gap-2 rounded-md border border-line bg-white px-4 font-medium text-brand-800 hover:bg-brand-50"
          >
            <Printer className="size-5" aria-hidden /> Print my plan
          </Link>
        </p>
      ) : null}

      <SafetyCard clinic={view.clinic} />

      <InPersonCare
        justAsked={query.asked === '1'}
        entries={care.map((c) => ({
          ...c,
          role: c.referralId ? disciplineWords(c.discipline) : 'Your clinic',
        }))}
      />

      <section aria-labelledby="history-heading" className="rounded-xl border border-line bg-white p-4">
        <h2 id="history-heading" className="text-lg font-semibold">
          Last 14 days
        </h2>
        <p className="mb-3 text-sm text-muted">Sessions done out of sessions planned each day.</p>
        <HistoryStrip days={view.history} today={view.todayBounds} />
      </section>

      {view.exercises.length ? (
        <section aria-labelledby="reminders-heading" className="rounded-xl border border-line bg-white p-4">
          <h2 id="reminders-heading" className="flex items-center gap-2 text-lg font-semibold">
            <CalendarPlus className="size-5" aria-hidden /> Reminders in your calendar
          </h2>
          <p className="mt-1 text-sm text-muted">
            Pick a time for each session; your phone’s calendar will remind you on your exercise days.
          </p>
          <form method="get" action="/p/calendar.ics" className="mt-3 flex flex-wrap items-end gap-3">
            {Array.from({ length: Math.max(1, ...view.exercises.map((e) => e.sessionsPerDay)) }, (_, i) => (
              <label key={i} className="text-sm font-medium">
                Session {i + 1}
                <input
                  type="time"
                  name="time"
                  defaultValue={['08:00', '13:00', '18:00', '20:00', '10:00', '16:00'][i]}
                  className="mt-1 block h-11 rounded-md border border-line px-3"
                  required
                />
              </label>
            ))}
            <button
              type="submit"
              className="h-11 rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
            >
              Download reminders
            </button>
          </form>
        </section>
      ) : null}
      {view.clinic.footer ? (
        <p className="text-center text-sm text-muted">
          <TextWithPhoneLinks text={view.clinic.footer} />
        </p>
      ) : null}
    </div>
  );
}

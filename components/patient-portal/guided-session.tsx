'use client';

import { Check, Play } from 'lucide-react';
import type * as React from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { HoldTimer } from './hold-timer';
import { PainScale } from './pain-scale';
import { SessionLogForm } from './session-log-form';
import { timerStepsOf } from './timer-steps';
import { useTimerPreferences } from './timer-preferences';
import { TimerSettings } from './timer-settings';
import type { ClinicHelp, PatientExercise } from './types';
import { useOfflineSync } from './use-offline-sync';
import { clearSession, saveSession, type SavedSession, useSavedSession } from './session-resume';

export type GuidedSessionProps = {
  exercises: PatientExercise[];
  /** Pre-rendered drawing per exercise id (missing or null: no drawing). */
  illustrations: Record<string, React.ReactNode>;
  clinic: ClinicHelp;
};

type Phase =
  | { kind: 'intro' }
  /** Pain before the session, asked before the first exercise (it can be skipped). */
  | { kind: 'before' }
  /** `skipped`: a hold or a pass of this exercise was skipped; `held`: one was done. */
  | { kind: 'exercise'; index: number; step: number; skipped: boolean; held: boolean }
  | { kind: 'log'; preTicked: string[]; partial: string[]; guided: boolean };

/** The countdown before the next hold starts by itself, when the patient chose that. */
const AUTO_START_SECONDS = 5;

/**
 * The patient's session on their phone: each exercise in turn with its timer, then the log form.
 * Also sends any logs saved on the phone while offline, and says so.
 */
export function GuidedSession({ exercises, illustrations, clinic }: GuidedSessionProps) {
  const uid = useId();
  const ids = {
    intro: `${uid}-intro`,
    start: `${uid}-start`,
    heading: `${uid}-heading`,
    progress: `${uid}-progress`,
    complete: `${uid}-complete`,
    next: `${uid}-next`,
    log: `${uid}-log`,
    before: `${uid}-before`,
  };
  const [phase, setPhase] = useState<Phase>({ kind: 'intro' });
  const [done, setDone] = useState<string[]>([]);
  const [partial, setPartial] = useState<string[]>([]);
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [logged, setLogged] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const focusNext = useRef<string | null>(null);
  const { pendingCount, lastDelivered, retryAt } = useOfflineSync();
  const prefs = useTimerPreferences();
  const exerciseIds = exercises.map((e) => e.id);
  const saved = useSavedSession(exerciseIds);
  const idsKey = exerciseIds.join();

  // Keep where the session is, so a reload carries on from here (cleared once the log is saved).
  useEffect(() => {
    if (phase.kind === 'intro' || (phase.kind === 'log' && (!phase.guided || logged))) return;
    saveSession({
      exerciseIds: idsKey.split(','),
      phase: phase.kind === 'log' ? { ...phase, guided: true } : phase,
      done,
      partial,
      painBefore,
    });
  }, [phase, done, partial, painBefore, logged, idsKey]);

  const resume = (s: SavedSession) => {
    setDone(s.done);
    setPartial(s.partial);
    setPainBefore(s.painBefore);
    if (s.phase.kind === 'log') {
      setFormKey((k) => k + 1);
      setLogged(false);
      setPhase(s.phase);
      focusNext.current = ids.log;
    } else {
      setPhase(s.phase);
      focusNext.current = s.phase.kind === 'before' ? ids.before : ids.heading;
    }
  };

  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    const el = document.getElementById(id);
    el?.focus();
    // A new exercise starts at the top of the screen, so its timer's Start is within reach.
    if (id === ids.heading) el?.scrollIntoView({ block: 'start' });
  });

  const toLog = (preTicked: string[], partlyDone: string[], guided: boolean) => {
    setFormKey((k) => k + 1);
    setLogged(false);
    setPhase({ kind: 'log', preTicked, partial: partlyDone, guided });
    focusNext.current = ids.log;
  };

  const start = () => {
    setDone([]);
    setPartial([]);
    setPainBefore(null);
    setPhase({ kind: 'before' });
    focusNext.current = ids.before;
  };

  const firstExercise = () => {
    setPhase({ kind: 'exercise', index: 0, step: 0, skipped: false, held: false });
    focusNext.current = ids.heading;
  };

  /** Exercise `id` as it was left: done in full, partly (something done, something skipped), or not at all. */
  const settle = (id: string, outcome: 'full' | 'partial' | 'none') => {
    const doneNow = outcome === 'full' ? [...done.filter((d) => d !== id), id] : done.filter((d) => d !== id);
    const partialNow =
      outcome === 'partial' ? [...partial.filter((d) => d !== id), id] : partial.filter((d) => d !== id);
    setDone(doneNow);
    setPartial(partialNow);
    return { doneNow, partialNow };
  };

  /** Leave exercise `index` for the next one, or the log after the last. */
  const advance = (index: number, outcome: 'full' | 'partial' | 'none') => {
    const ex = exercises[index];
    const { doneNow, partialNow } = ex ? settle(ex.id, outcome) : { doneNow: done, partialNow: partial };
    if (index + 1 < exercises.length) {
      setPhase({ kind: 'exercise', index: index + 1, step: 0, skipped: false, held: false });
      focusNext.current = ids.heading;
    } else {
      toLog(doneNow, partialNow, true);
    }
  };

  const backToStart = () => {
    clearSession();
    setPhase({ kind: 'intro' });
    setLogged(false);
    focusNext.current = ids.start;
  };

  const syncStatus = (
    <div role="status" aria-live="polite" aria-atomic="true">
      {pendingCount > 0 ? (
        <Notice tone="info" className="text-base">
          {pendingCount === 1
            ? '1 session is saved on this phone.'
            : `${pendingCount} sessions are saved on this phone.`}{' '}
          {retryAt === null ? 'It will be sent when you are back online.' : 'It will be sent later.'}
        </Notice>
      ) : lastDelivered !== null ? (
        <Notice tone="success" className="text-base">
          Sent. The sessions saved on this phone have reached your clinic.
        </Notice>
      ) : null}
    </div>
  );

  if (phase.kind === 'log') {
    return (
      <div className="space-y-3 wrap-anywhere">
        {syncStatus}
        <section aria-labelledby={ids.log} className="space-y-6 rounded-xl border border-line bg-white p-3 sm:p-4">
          <h2 id={ids.log} tabIndex={-1} className="text-xl font-semibold text-ink">
            {phase.guided ? 'Session finished. How did it go?' : 'Log a session'}
          </h2>
          <SessionLogForm
            key={formKey}
            exercises={exercises.map(({ id, name }) => ({ id, name }))}
            preTicked={phase.preTicked}
            partial={phase.partial}
            painBeforeAtStart={phase.guided ? painBefore : null}
            clinic={clinic}
            onLogged={() => {
              setLogged(true);
              clearSession();
            }}
          />
          <Button
            type="button"
            variant={logged ? 'secondary' : 'ghost'}
            size="lg"
            className="h-auto min-h-12 w-full px-3 py-2"
            onClick={backToStart}
          >
            {logged ? 'Back to the start' : 'Cancel'}
          </Button>
        </section>
      </div>
    );
  }

  if (phase.kind === 'before' && exercises.length > 0) {
    return (
      <div className="space-y-3 wrap-anywhere">
        {syncStatus}
        <section aria-labelledby={ids.before} className="space-y-5 rounded-xl border border-line bg-white p-3 sm:p-4">
          <h2 id={ids.before} tabIndex={-1} className="text-xl font-semibold text-ink">
            Before you start
          </h2>
          <PainScale
            idBase={`${uid}-start-pain`}
            name={`${uid}-start-pain`}
            legend="How much pain do you have right now?"
            value={painBefore}
            error={undefined}
            onChange={setPainBefore}
          />
          <Button
            type="button"
            size="lg"
            className="h-auto min-h-14 w-full px-3 py-2 text-lg [&_svg]:size-5"
            onClick={firstExercise}
          >
            <Play aria-hidden />
            {painBefore === null ? 'Skip and start' : 'Start the first exercise'}
          </Button>
        </section>
      </div>
    );
  }

  if (phase.kind === 'intro' || phase.kind === 'before' || exercises.length === 0) {
    return (
      <div className="space-y-3 wrap-anywhere">
        {syncStatus}
        <section aria-labelledby={ids.intro} className="space-y-4 rounded-xl border border-line bg-white p-3 sm:p-4">
          <h2 id={ids.intro} className="text-xl font-semibold text-ink">
            Today’s session
          </h2>
          {saved ? (
            <div
              className="space-y-3 rounded-md border-2 border-brand-600 bg-brand-50 p-3"
              data-testid="resume-session"
            >
              <p className="text-base font-semibold text-ink">
                You were in the middle of a session
                {saved.phase.kind === 'exercise'
                  ? `: exercise ${saved.phase.index + 1} of ${exercises.length}, ${exercises[saved.phase.index]?.name ?? ''}.`
                  : saved.phase.kind === 'log'
                    ? ': you had finished and were logging it.'
                    : '.'}
              </p>
              <Button
                type="button"
                size="lg"
                className="h-auto min-h-14 w-full px-3 py-2 text-lg"
                onClick={() => resume(saved)}
              >
                Carry on where I was
              </Button>
            </div>
          ) : null}
          {exercises.length > 0 ? (
            <>
              <p className="text-base text-ink">
                The timer takes you through your {exercises.length === 1 ? 'exercise' : `${exercises.length} exercises`}
                , one at a time. You can pause whenever you need to.
              </p>
              <Button
                id={ids.start}
                type="button"
                size="lg"
                className="h-auto min-h-14 w-full px-3 py-2 text-lg [&_svg]:size-5"
                onClick={start}
              >
                <Play aria-hidden />
                {saved ? 'Start over' : 'Start a session'}
              </Button>
              <Button
                type="button"
                variant="link"
                className="min-h-11 w-full text-base"
                onClick={() => toLog([], [], false)}
              >
                Log without the timer
              </Button>
              <TimerSettings />
            </>
          ) : (
            <p className="text-base text-ink">You have no exercises at the moment.</p>
          )}
        </section>
      </div>
    );
  }

  const { index, step, skipped, held } = phase;
  const ex = exercises[index];
  if (!ex) return null;
  const steps = timerStepsOf(ex);
  const current = steps[step];
  const complete = current === undefined;
  const last = index === exercises.length - 1;
  const illustration = illustrations[ex.id];
  /** How this exercise stands: every timed part done, some skipped, or nothing done yet. */
  const outcome = (skippedAny: boolean, heldAny: boolean) => (!heldAny ? 'none' : skippedAny ? 'partial' : 'full');

  const onTimerDone = (skippedThis: boolean) => {
    const work = current?.kind === 'work';
    setPhase((p) =>
      p.kind === 'exercise' && p.index === index && p.step === step
        ? {
            ...p,
            step: step + 1,
            skipped: p.skipped || (work && skippedThis),
            held: p.held || (work && !skippedThis),
          }
        : p,
    );
    focusNext.current = step + 1 < steps.length ? ids.progress : ids.next;
  };
  const finalOutcome = outcome(skipped, held);

  return (
    <div className="space-y-3 wrap-anywhere">
      {syncStatus}
      <section
        key={ex.id}
        aria-labelledby={ids.heading}
        className="space-y-4 rounded-xl border border-line bg-white p-3 sm:p-4"
      >
        <h2 id={ids.heading} tabIndex={-1} className="text-2xl font-semibold text-ink">
          <span className="block text-base font-medium text-muted">
            Exercise {index + 1} of {exercises.length}
          </span>
          {ex.name}
        </h2>
        <p className="text-lg font-medium text-brand-800">{ex.doseText}</p>
        {complete ? (
          <p
            id={ids.complete}
            role="status"
            className={
              finalOutcome === 'full'
                ? 'flex items-center gap-2 rounded-md border-2 border-green-200 bg-green-50 p-3 text-lg font-semibold text-success'
                : 'rounded-md border-2 border-amber-200 bg-amber-50 p-3 text-lg font-semibold text-ink'
            }
          >
            {finalOutcome === 'full' ? <Check className="size-6 shrink-0" aria-hidden /> : null}
            {finalOutcome === 'full'
              ? `${ex.name}: done.`
              : finalOutcome === 'partial'
                ? `${ex.name}: partly done. Some was skipped.`
                : `${ex.name}: skipped.`}
          </p>
        ) : (
          <div className="space-y-2">
            <p id={ids.progress} tabIndex={-1} className="text-lg font-semibold text-ink" data-testid="timer-progress">
              {current.progress}
            </p>
            <HoldTimer
              key={`${ex.id}-${step}`}
              seconds={current.seconds}
              breathing={current.breathing}
              label={`${ex.name}, ${current.progress.replaceAll(' · ', ', ')}`}
              onDone={onTimerDone}
              autoStart={current.kind === 'rest'}
              skipLabel={
                current.kind === 'rest'
                  ? 'Skip the rest'
                  : ex.timing === 'hold'
                    ? 'Skip this position'
                    : 'Skip this one'
              }
              readyText={current.kind === 'rest' ? 'Rest' : undefined}
              // The first hold of an exercise waits for Start; later ones can start by themselves.
              startAfter={prefs.autoNext && step > 0 && current.kind === 'work' ? AUTO_START_SECONDS : undefined}
            />
            <TimerSettings />
          </div>
        )}

        <div className="grid gap-3">
          {complete ? (
            <Button
              id={ids.next}
              type="button"
              size="lg"
              className="h-auto min-h-14 w-full px-3 py-2 text-lg"
              onClick={() => advance(index, finalOutcome)}
            >
              {last ? 'Finish and log the session' : 'Next exercise'}
            </Button>
          ) : (
            <Button
              type="button"
              variant="secondary"
              size="lg"
              className="w-full"
              onClick={() => advance(index, held ? 'partial' : 'none')}
            >
              Skip this exercise
            </Button>
          )}
          <Button
            type="button"
            variant="ghost"
            size="lg"
            className="h-auto min-h-12 w-full px-3 py-2 text-muted"
            onClick={() => {
              const { doneNow, partialNow } = settle(ex.id, complete ? finalOutcome : held ? 'partial' : 'none');
              toLog(doneNow, partialNow, true);
            }}
          >
            Stop here and log the session
          </Button>
        </div>

        {illustration ? <div className="rounded-md bg-surface p-2">{illustration}</div> : null}

        {ex.steps.length > 0 ? (
          <details open={index === 0} className="rounded-md border border-line">
            <summary className="flex min-h-12 cursor-pointer items-center px-3 py-2 text-base font-semibold text-ink">
              How to do it
            </summary>
            <ol className="list-decimal space-y-1.5 pr-3 pb-3 pl-8 text-base">
              {ex.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </details>
        ) : null}

        {ex.cues.length > 0 ? (
          <div>
            <h3 className="text-base font-semibold text-ink">Remember</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-base">
              {ex.cues.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {ex.safetyNotes.length > 0 ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-base">
            <h3 className="font-semibold text-ink">Take care</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {ex.safetyNotes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}

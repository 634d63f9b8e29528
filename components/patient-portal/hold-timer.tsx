'use client';

import { Pause, Play, SkipForward } from 'lucide-react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { timerPreferences } from './timer-preferences';

export type HoldTimerProps = {
  seconds: number;
  /** Show the breathing pace: in for 4 seconds, out for 6. */
  breathing: boolean;
  /** What this timer is for, e.g. "Upper back roll, set 1 of 2". Names the group for screen readers. */
  label: string;
  /** Called once: when the time is up (`skipped` false) or the patient presses Skip (true). */
  onDone: (skipped: boolean) => void;
  /** Start counting at once (a rest between sets), without waiting for Start. */
  autoStart?: boolean;
  /** The Skip button's words, e.g. "Skip this position" or "Skip the rest". */
  skipLabel?: string;
  /** The words under the clock before Start. */
  readyText?: string;
  /** Start by itself after this many seconds (the patient chose "start the next hold by itself"). */
  startAfter?: number;
};

type Status = 'countdown' | 'ready' | 'running' | 'paused' | 'done';

/** The last seconds of a hold get a short cue each, so the patient knows the end is coming. */
const CUE_FROM_S = 3;

const TICK_MS = 250;
const ANNOUNCE_EVERY_S = 15;
const BREATHE_IN_MS = 4000;
const BREATH_MS = 10_000; // 4 s in + 6 s out

function clock(totalSeconds: number): string {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

function spoken(totalSeconds: number): string {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s > 0 || m === 0) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

// ─── End-of-hold signal: a short vibration and a soft tone, both optional ────────────────────

type AudioCtor = typeof AudioContext;
let audioCtx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (audioCtx) return audioCtx;
  try {
    const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
    const Ctor = w.AudioContext ?? w.webkitAudioContext;
    audioCtx = Ctor ? new Ctor() : null;
  } catch {
    audioCtx = null;
  }
  return audioCtx;
}

/** Browsers only let sound start after a tap: call this from the Start/Resume press. */
function unlockAudio() {
  try {
    const ctx = audio();
    if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
  } catch {
    // no sound then
  }
}

function chime(frequency = 660, seconds = 0.7) {
  try {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(frequency, t);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + seconds);
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
    osc.start(t);
    osc.stop(t + seconds + 0.05);
  } catch {
    // never let a missing or blocked audio device break the session
  }
}

function vibrate(pattern: number) {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // not supported
  }
}

/** Time is up: a longer buzz and tone, as the patient's preferences allow. */
function signalEnd() {
  const prefs = timerPreferences();
  if (prefs.vibration) vibrate(200);
  if (prefs.sound) chime();
}

/** One of the last seconds: a short, higher tick. */
function signalCue() {
  const prefs = timerPreferences();
  if (prefs.vibration) vibrate(40);
  if (prefs.sound) chime(880, 0.12);
}

// ─── Component ─────────────────────────────────────────────────────────────────────────────

/**
 * A countdown for one hold or one set. Time comes from Date.now() differences, so it stays right
 * when the browser slows the interval down (and a test clock can drive it). Keep the screen awake
 * while it runs where the browser allows it. Remount it (key) for the next hold.
 */
export function HoldTimer({
  seconds,
  breathing,
  label,
  onDone,
  autoStart = false,
  skipLabel = 'Skip',
  readyText = 'Press Start when you are in position',
  startAfter,
}: HoldTimerProps) {
  const totalMs = Math.max(1, Math.round(seconds)) * 1000;
  const [status, setStatus] = useState<Status>(autoStart ? 'running' : startAfter ? 'countdown' : 'ready');
  const [countdownLeft, setCountdownLeft] = useState(startAfter ?? 0);
  const countdownFrom = useRef(0);
  const lastCue = useRef<number | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  /** ms counted before the current run (pauses bank time here). */
  const banked = useRef(0);
  /** Date.now() when the current run started. */
  const runStartedAt = useRef(0);
  const lastAnnounced = useRef<number | null>(null);
  const finished = useRef(false);

  const remainingS = Math.ceil(Math.max(0, totalMs - elapsedMs) / 1000);

  const finish = (skipped: boolean) => {
    if (finished.current) return;
    finished.current = true;
    setStatus('done');
    if (!skipped) {
      banked.current = totalMs;
      setElapsedMs(totalMs);
      setAnnouncement('Time is up.');
      signalEnd();
    }
    onDone(skipped);
  };

  const tick = useEffectEvent(() => {
    const elapsed = banked.current + (Date.now() - runStartedAt.current);
    if (elapsed >= totalMs) {
      finish(false);
      return;
    }
    setElapsedMs(elapsed);
    const left = Math.ceil((totalMs - elapsed) / 1000);
    if (left <= CUE_FROM_S && left * 1000 < totalMs && lastCue.current !== left) {
      lastCue.current = left;
      signalCue();
    }
    if (left % ANNOUNCE_EVERY_S === 0 && left * 1000 < totalMs && lastAnnounced.current !== left) {
      lastAnnounced.current = left;
      setAnnouncement(`${spoken(left)} left.`);
    }
  });

  useEffect(() => {
    if (status !== 'running') return;
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [status]);

  // Keep the screen on while the timer runs (the phone is usually on the floor).
  useEffect(() => {
    if (status !== 'running') return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      try {
        if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
        const s = await navigator.wakeLock.request('screen');
        if (cancelled) void s.release().catch(() => undefined);
        else sentinel = s;
      } catch {
        // not allowed (battery saver, no support): the timer still works
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void acquire();
    };
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release().catch(() => undefined);
    };
  }, [status]);

  // A rest starts by itself: its clock counts from when it appeared (before the first tick).
  useEffect(() => {
    if (autoStart) runStartedAt.current = Date.now();
  }, [autoStart]);

  const countdownTick = useEffectEvent(() => {
    const left = Math.ceil(((startAfter ?? 0) * 1000 - (Date.now() - countdownFrom.current)) / 1000);
    if (left > 0) {
      setCountdownLeft(left);
      return;
    }
    runStartedAt.current = Date.now();
    setAnnouncement(`Started. ${spoken(remainingS)}.`);
    setStatus('running');
  });

  // "Start the next hold by itself": count down, then run, unless the patient starts or skips first.
  useEffect(() => {
    if (status !== 'countdown') return;
    countdownFrom.current = Date.now();
    const id = window.setInterval(countdownTick, TICK_MS);
    return () => window.clearInterval(id);
  }, [status]);

  const toggle = () => {
    if (status === 'running') {
      banked.current += Date.now() - runStartedAt.current;
      setElapsedMs(banked.current);
      setStatus('paused');
    } else if (status === 'ready' || status === 'paused' || status === 'countdown') {
      unlockAudio();
      runStartedAt.current = Date.now();
      if (status !== 'paused') setAnnouncement(`Started. ${spoken(remainingS)}.`);
      setStatus('running');
    }
  };

  const breathIn = elapsedMs % BREATH_MS < BREATHE_IN_MS;
  const running = status === 'running';

  return (
    <div role="group" aria-label={label} className="@container rounded-lg border border-line bg-white p-3 sm:p-4">
      <p
        role="timer"
        aria-live="off"
        aria-atomic="true"
        className="text-center text-[min(6rem,36cqw)] leading-none font-semibold tracking-tight text-ink tabular-nums"
      >
        {clock(remainingS)}
      </p>
      <p className="mt-2 text-center text-sm text-muted">
        {status === 'countdown'
          ? `Get in position: starts in ${countdownLeft}`
          : status === 'paused'
            ? 'Paused'
            : status === 'done'
              ? 'Done'
              : status === 'running'
                ? 'remaining'
                : readyText}
      </p>
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>

      {breathing ? (
        // Beside the clock, compact, so Start stays on the first screen of a small phone.
        <div className="mt-3 flex items-center justify-center gap-3">
          <div className="flex aspect-square w-12 shrink-0 items-center justify-center" aria-hidden>
            <div
              className={cn(
                'size-full rounded-full border-4 border-brand-600 bg-brand-50 motion-safe:ease-in-out',
                running && breathIn
                  ? 'scale-100 motion-safe:transition-transform motion-safe:duration-[4000ms]'
                  : 'scale-50',
                running && !breathIn && 'motion-safe:transition-transform motion-safe:duration-[6000ms]',
              )}
            />
          </div>
          <p className="text-lg font-semibold text-ink">
            {running ? (breathIn ? 'Breathe in' : 'Breathe out') : 'Breathe slowly: in for 4, out for 6'}
          </p>
        </div>
      ) : null}

      <div className="mt-4 grid gap-3">
        <Button
          type="button"
          size="lg"
          className="h-auto min-h-14 w-full flex-wrap px-3 py-2 text-lg [&_svg]:size-5"
          onClick={toggle}
          disabled={status === 'done'}
        >
          {running ? <Pause aria-hidden /> : <Play aria-hidden />}
          {running ? 'Pause' : status === 'paused' ? 'Resume' : status === 'countdown' ? 'Start now' : 'Start'}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="lg"
          className="h-auto min-h-12 w-full flex-wrap px-3 py-2"
          onClick={() => finish(true)}
          disabled={status === 'done'}
        >
          <SkipForward aria-hidden />
          {skipLabel}
        </Button>
      </div>
    </div>
  );
}

/**
 * Where a guided session was, kept on the phone (localStorage) so a reload, a tab the browser
 * threw away, or the phone locking mid-session can carry on instead of starting over. Only the
 * position and what was done: no pain numbers or notes are kept here after the log is saved.
 */
import { useSyncExternalStore } from 'react';

export type SavedSession = {
  /** The exercises it was for, in order: a changed plan does not resume an old session. */
  exerciseIds: string[];
  phase:
    | { kind: 'before' }
    | { kind: 'exercise'; index: number; step: number; skipped: boolean; held: boolean }
    | { kind: 'log'; preTicked: string[]; partial: string[]; guided: true };
  done: string[];
  partial: string[];
  painBefore: number | null;
  savedAt: number;
};

const KEY = 'rollcall.guidedSession.v1';
/** Older than this, a session is over: offer a new one. */
const STALE_MS = 3 * 60 * 60_000;
const listeners = new Set<() => void>();

/** The stored session as text while it is recent enough to resume (the same text each call). */
function freshText(): string | null {
  try {
    const text = window.localStorage.getItem(KEY);
    const savedAt = text ? Number((JSON.parse(text) as { savedAt?: unknown }).savedAt) : Number.NaN;
    return Date.now() - savedAt <= STALE_MS ? text : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Omit<SavedSession, 'savedAt'>): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...session, savedAt: Date.now() }));
  } catch {
    // private mode: no resume then
  }
}

export function clearSession(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
  for (const l of listeners) l();
}

function parse(text: string | null, exerciseIds: string[]): SavedSession | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as SavedSession;
    if (s.exerciseIds.join() !== exerciseIds.join()) return null;
    if (s.phase.kind === 'exercise' && !(s.phase.index >= 0 && s.phase.index < exerciseIds.length)) return null;
    return s;
  } catch {
    return null;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session this phone was in the middle of for these exercises, if any (never during server rendering). */
export function useSavedSession(exerciseIds: string[]): SavedSession | null {
  return parse(
    useSyncExternalStore(subscribe, freshText, () => null),
    exerciseIds,
  );
}

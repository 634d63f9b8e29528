/**
 * How the patient likes the timer, remembered on this phone (localStorage): sound and vibration
 * at the end of a hold and in its last seconds, and whether the next hold starts by itself after
 * a short countdown. No account, nothing sent to the server.
 */
import { useSyncExternalStore } from 'react';

export type TimerPreferences = { sound: boolean; vibration: boolean; autoNext: boolean };

export const DEFAULT_PREFERENCES: TimerPreferences = { sound: true, vibration: true, autoNext: false };
const KEY = 'rollcall.timerPreferences.v1';

const listeners = new Set<() => void>();
let cached: TimerPreferences | null = null;

function read(): TimerPreferences {
  if (cached) return cached;
  let stored: Partial<TimerPreferences> = {};
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') stored = parsed as Partial<TimerPreferences>;
  } catch {
    // private mode or a broken entry: the defaults then
  }
  const pick = (k: keyof TimerPreferences) => (typeof stored[k] === 'boolean' ? stored[k] : DEFAULT_PREFERENCES[k]);
  cached = { sound: pick('sound'), vibration: pick('vibration'), autoNext: pick('autoNext') };
  return cached;
}

export function setTimerPreference<K extends keyof TimerPreferences>(key: K, value: TimerPreferences[K]): void {
  cached = { ...read(), [key]: value };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(cached));
  } catch {
    // kept for this visit only
  }
  for (const l of listeners) l();
}

/** The current preferences (the defaults while rendering on the server). */
export function timerPreferences(): TimerPreferences {
  return typeof window === 'undefined' ? DEFAULT_PREFERENCES : read();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTimerPreferences(): TimerPreferences {
  return useSyncExternalStore(subscribe, read, () => DEFAULT_PREFERENCES);
}

'use client';

import { Settings2, Volume2, VolumeX } from 'lucide-react';
import { setTimerPreference, useTimerPreferences } from './timer-preferences';

/** Sound, vibration and "start the next hold by itself", as switches the patient can reach mid-session. */
export function TimerSettings() {
  const prefs = useTimerPreferences();
  const row = (key: 'sound' | 'vibration' | 'autoNext', label: string, hint: string) => (
    <label className="flex min-h-12 cursor-pointer items-start gap-3 py-1.5">
      <input
        type="checkbox"
        checked={prefs[key]}
        onChange={(e) => setTimerPreference(key, e.target.checked)}
        className="mt-1 size-5 shrink-0 accent-brand-600"
      />
      <span>
        <span className="block text-base text-ink">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
  return (
    <div className="space-y-1">
      <p className="flex items-center gap-2 text-sm text-muted" data-testid="sound-status">
        {prefs.sound ? <Volume2 className="size-4" aria-hidden /> : <VolumeX className="size-4" aria-hidden />}
        {prefs.sound ? 'Sound is on' : 'Sound is off'}
        {prefs.vibration ? ' · vibration on' : ' · vibration off'}
      </p>
      <details className="rounded-md border border-line">
        <summary className="flex min-h-12 cursor-pointer items-center gap-2 px-3 py-2 text-base font-medium text-ink">
          <Settings2 className="size-5 shrink-0" aria-hidden />
          Timer settings
        </summary>
        <div className="px-3 pb-2">
          {row('sound', 'Sound', 'A soft tone in the last 3 seconds and when time is up.')}
          {row('vibration', 'Vibration', 'A short buzz in the last 3 seconds and when time is up.')}
          {row('autoNext', 'Start the next hold by itself', 'After a 5-second countdown, so you can stay in position.')}
        </div>
      </details>
    </div>
  );
}

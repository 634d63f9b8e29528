'use client';

import { WifiOff } from 'lucide-react';
import { useEffect, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}
const online = () => navigator.onLine;
const onServer = () => true;

/**
 * Registers the worker that keeps this plan on the phone (public/sw.js, scope /p), and says so
 * when the page shown is that stored copy: offline, with the time it was fetched.
 */
export function OfflineSupport({ fetchedAt }: { fetchedAt: string }) {
  const isOnline = useSyncExternalStore(subscribe, online, onServer);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/p' }).catch(() => undefined);
  }, []);
  if (isOnline) return null;
  return (
    <p
      role="status"
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-base text-ink"
      data-testid="offline-note"
    >
      <WifiOff className="mt-0.5 size-5 shrink-0" aria-hidden />
      <span>
        You are offline. This is your plan as it was on {fetchedAt}. Sessions you log are kept on this phone and sent
        when you are back online.
      </span>
    </p>
  );
}

'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { flush, getLastDelivered, getRetryAt, getServerSnapshot, getSnapshot, subscribe } from './offline-queue';

/** While logs are waiting, also retry this often (only when the page is visible). */
const RETRY_MS = 60_000;

function getServerLastDelivered(): number | null {
  return null;
}

/**
 * Sends logs saved on this phone: on mount, when the phone comes back online, when the page
 * becomes visible again, and every minute while any are waiting.
 *
 * pendingCount: logs waiting on this phone (0 during server rendering and hydration).
 * lastDelivered: Date.now() when a waiting log last reached the clinic in this page, or null.
 * retryAt: Date.now() when the server (busy: 429) lets the phone send again, or null.
 * sendNow: try straight away (for a "Try again" button).
 */
export function useOfflineSync(): {
  pendingCount: number;
  lastDelivered: number | null;
  retryAt: number | null;
  sendNow: () => Promise<number>;
} {
  const pendingCount = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const lastDelivered = useSyncExternalStore(subscribe, getLastDelivered, getServerLastDelivered);
  const retryAt = useSyncExternalStore(subscribe, getRetryAt, getServerLastDelivered);

  useEffect(() => {
    const send = () => void flush();
    const onVisible = () => {
      if (document.visibilityState === 'visible') send();
    };
    send();
    window.addEventListener('online', send);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', send);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  const waiting = pendingCount > 0;
  useEffect(() => {
    if (!waiting) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') void flush();
    }, RETRY_MS);
    return () => window.clearInterval(id);
  }, [waiting]);

  return { pendingCount, lastDelivered, retryAt, sendNow: flush };
}

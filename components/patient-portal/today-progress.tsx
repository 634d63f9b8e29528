'use client';

import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';
import { countedBetween, getServerVersion, getVersion, subscribe } from './today-store';

export type DayBounds = { from: string; to: string };

/** Sessions done today: the server's count when the page was made, plus those logged on this phone since. */
export function useDoneToday(serverDone: number, today: DayBounds): number {
  const version = useSyncExternalStore(subscribe, getVersion, getServerVersion);
  return serverDone + (version === 0 ? 0 : countedBetween(today.from, today.to));
}

/** "Today: 1 of 2 sessions done", or "All done for today", updated the moment a session is logged. */
export function TodayProgress({
  done: serverDone,
  prescribed,
  today,
}: {
  done: number;
  prescribed: number;
  today: DayBounds;
}) {
  const done = useDoneToday(serverDone, today);
  const sessions = (n: number) => `${n} session${n === 1 ? '' : 's'}`;
  const allDone = prescribed > 0 && done >= prescribed;
  return (
    <p
      className={cn('mt-2 text-lg', allDone && 'font-semibold text-success')}
      data-testid="today-progress"
      role="status"
      aria-live="polite"
    >
      {prescribed === 0
        ? done > 0
          ? `Today is a rest day, and you did ${sessions(done)} anyway. Well done.`
          : 'Today is a rest day. You can still do a session if you feel like it.'
        : allDone
          ? `All done for today: ${done} of ${sessions(prescribed)}. You can still do another if you feel like it.`
          : `Today: ${done} of ${sessions(prescribed)} done`}
    </p>
  );
}

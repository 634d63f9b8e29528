import type { AlertCardData } from '@/components/alerts/alert-card';
import type { AlertView } from './alerts';

/** Dates as strings for the client component. */
export function toAlertCard(a: AlertView): AlertCardData {
  return {
    ...a,
    createdAt: a.createdAt.toISOString(),
    history: a.history.map((e) => ({ ...e, at: e.at.toISOString() })),
    log: a.log ? { ...a.log, performedAt: a.log.performedAt.toISOString() } : null,
  };
}

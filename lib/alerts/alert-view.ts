import { formatDateTime } from '@/lib/dates';
import type { AlertView } from './alerts';

/** An alert as the card shows it: AlertView with its times already written out. */
export type AlertCardData = Omit<AlertView, 'patientTimezone' | 'createdAt' | 'history' | 'log' | 'repeats'> & {
  createdAt: string;
  /** "Reported again 3 times, last Nov 28, 2026, 8:09 AM MST", or null if it never was. */
  repeated: string | null;
  history: (Omit<AlertView['history'][number], 'at'> & { at: string })[];
  log: (Omit<NonNullable<AlertView['log']>, 'performedAt'> & { performedAt: string }) | null;
};

/**
 * An alert for the client component, its times written out on the server in the patient's
 * timezone with the zone's name, as the patient's log list shows them: the card reads the same
 * wherever the practitioner's browser is, and server and browser render the same text.
 */
export function toAlertCard(a: AlertView): AlertCardData {
  const at = (d: Date) => formatDateTime(d, a.patientTimezone);
  const { patientTimezone: _zone, repeats, ...rest } = a;
  return {
    ...rest,
    createdAt: at(a.createdAt),
    repeated:
      repeats.count > 0 && repeats.lastAt
        ? `Reported again ${repeats.count === 1 ? 'once' : `${repeats.count} times`}, last ${at(repeats.lastAt)}`
        : null,
    history: a.history.map((e) => ({ ...e, at: at(e.at) })),
    log: a.log ? { ...a.log, performedAt: at(a.log.performedAt) } : null,
  };
}

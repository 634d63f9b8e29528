import { formatDateTime, formatDay } from '@/lib/dates';
import { PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';
import type { PatientReferral } from './referrals';
import { isOpen, STATUS_LABELS } from './status';

/** A provider's discipline in words (the directory's labels). */
export const disciplineWords = (d: string) =>
  (PROVIDER_DISCIPLINE_LABELS as Record<string, string | undefined>)[d] ?? d;

/** A patient's referrals as the page lists them (components/referrals/referral-list.tsx): open first, dates in words. */
export function referralRows(list: PatientReferral[], timezone: string) {
  const ordered = [...list].sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)));
  return ordered.map((r) => ({
    id: r.id,
    letterHref: `/patients/${r.patientId}/referrals/${r.id}/letter`,
    providerName: r.provider.name,
    providerDetail: [disciplineWords(r.provider.discipline), r.provider.phone].filter(Boolean).join(' · '),
    providerArchived: r.provider.archived,
    reason: r.reason,
    urgency: r.urgency,
    request: r.request,
    status: r.status,
    patientRequested: r.patientRequestedAt ? formatDateTime(r.patientRequestedAt, timezone) : null,
    report: r.reportFindings
      ? {
          findings: r.reportFindings,
          recommendations: r.reportRecommendations,
          on: r.reportOn ? formatDay(r.reportOn) : '',
        }
      : null,
    steps: r.events.map((e, i) => {
      const who = e.actorName ?? 'the patient';
      const what =
        e.kind === 'report'
          ? 'Report recorded'
          : e.kind === 'patient_request'
            ? 'Asked for an appointment'
            : e.kind === 'letter_printed'
              ? 'Letter printed'
              : e.toStatus
                ? STATUS_LABELS[e.toStatus]
                : 'Changed';
      return { id: `${r.id}-${i}`, text: `${what} · ${formatDay(e.occurredOn)} · ${who}`, note: e.note };
    }),
  }));
}

/**
 * Where a referral can go from where it is, in words, and as FHIR Task statuses (design.md):
 * draft → sent → booked → seen → report received, declined by the provider once it was sent,
 * cancelled by the clinic at any open step. Pure: the phone, the pages and the server share it.
 */
import type { ReferralStatus } from '@/db/schema';

export type { ReferralStatus };

/** FHIR R4 Task.status for each step, for the export a later issue adds. */
export const FHIR_TASK_STATUS: Record<ReferralStatus, string> = {
  draft: 'draft',
  sent: 'requested',
  booked: 'accepted',
  seen: 'in-progress',
  report_received: 'completed',
  declined: 'rejected',
  cancelled: 'cancelled',
};

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  booked: 'Booked',
  seen: 'Seen',
  report_received: 'Report received',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

/** The steps that make sense from each one; the closed ones go nowhere. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['booked', 'declined', 'cancelled'],
  booked: ['seen', 'declined', 'cancelled'],
  seen: ['report_received', 'declined', 'cancelled'],
  report_received: [],
  declined: [],
  cancelled: [],
};

export const OPEN_STATUSES: readonly ReferralStatus[] = ['draft', 'sent', 'booked', 'seen'];

export const isOpen = (status: ReferralStatus) => OPEN_STATUSES.includes(status);

export function nextSteps(status: ReferralStatus): readonly ReferralStatus[] {
  return NEXT[status];
}

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

/** Why a step is refused, in words for the practitioner. */
export function refusalOf(from: ReferralStatus, to: ReferralStatus): string {
  if (!isOpen(from)) return `This referral is ${STATUS_LABELS[from].toLowerCase()}: it cannot change any more.`;
  return `A referral that is ${STATUS_LABELS[from].toLowerCase()} cannot be marked ${STATUS_LABELS[to].toLowerCase()}.`;
}

export const URGENCY_LABELS = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' } as const;
export const REQUEST_LABELS = {
  assess: 'Assess',
  treat: 'Treat',
  assess_and_report: 'Assess and report back',
} as const;

import 'server-only';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import type { ReferralStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { todayIn } from '@/lib/dates';

/** Sent this many days ago and still not booked: chase it. */
export const NOT_BOOKED_DAYS = 7;
/** Seen this many days ago and still no report back. */
export const NO_REPORT_DAYS = 14;

export type StalledReferral = {
  id: string;
  patientId: string;
  patientName: string;
  providerName: string;
  status: ReferralStatus;
  why: 'urgent' | 'not_booked' | 'no_report';
  /** The day the referral has waited since (sent, or seen), or its creation day when urgent. */
  since: string;
};

/**
 * The dashboard's Referrals group, in one query: open urgent referrals, those sent 7+ days ago
 * and not booked, and those seen 14+ days ago with no report. Urgent first, then the longest wait.
 */
export async function stalledReferrals(actor: Actor, now = new Date()): Promise<StalledReferral[]> {
  // The clinic's row is read once per request (the layout has it already), not again here.
  const tz = (await clinicOf(actor)).timezone;
  const today = todayIn(tz, now);
  return rowsOf<StalledReferral>(
    await db().execute(sql`
      select r.id, r.patient_id as "patientId", p.name as "patientName", pr.name as "providerName", r.status,
             case when r.urgency = 'urgent' then 'urgent'
                  when r.status = 'sent' then 'not_booked'
                  else 'no_report' end as why,
             (case when r.urgency = 'urgent' then coalesce(r.sent_on, (r.created_at at time zone ${tz})::date)
                   when r.status = 'sent' then r.sent_on
                   else r.seen_on end)::text as since
      from referrals r
      join patients p on p.id = r.patient_id and p.clinic_id = r.clinic_id
      join providers pr on pr.id = r.provider_id and pr.clinic_id = r.clinic_id
      where r.clinic_id = ${actor.clinicId}::uuid and p.status = 'active'
        and (
          (r.urgency = 'urgent' and r.status in ('draft', 'sent', 'booked'))
          or (r.status = 'sent' and r.sent_on <= ${today}::date - ${NOT_BOOKED_DAYS}::int)
          or (r.status = 'seen' and r.seen_on <= ${today}::date - ${NO_REPORT_DAYS}::int)
        )
      order by (r.urgency = 'urgent') desc, since asc, p.name
      limit 50`),
  );
}

import { z } from 'zod';
import { REFERRAL_REQUESTS, REFERRAL_STATUSES, REFERRAL_URGENCIES } from '@/db/schema';
import { pastDays } from './date-ranges';
import { isoDate, optionalText, text, uuidOf } from './form';

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'yes' || v === 'true');

/** A new referral, from the patient's page (or an alert, or a screening refusal, pre-filled). */
export const createReferralSchema = z.object({
  patientId: uuidOf('patient'),
  providerId: z
    .string({ error: 'Choose who to refer the patient to.' })
    .min(1, 'Choose who to refer the patient to.')
    .pipe(z.uuid({ error: 'Unknown provider.' })),
  reason: text({
    label: 'The reason',
    max: 2000,
    multiline: true,
    required: 'Say why you are referring the patient.',
    tooLong: 'The reason is at most 2,000 characters.',
  }),
  urgency: z.enum(REFERRAL_URGENCIES, { error: 'Choose routine, soon or urgent.' }),
  request: z.enum(REFERRAL_REQUESTS, { error: 'Choose what you are asking the provider to do.' }),
  goal: optionalText(1000, 'The goal', { multiline: true }),
  patientInformed: checkbox,
  /** "send": the referral goes out now (status sent); otherwise it is kept as a draft. */
  send: checkbox,
});
export type CreateReferralInput = z.output<typeof createReferralSchema>;

/** One step of a referral: to a status, on a day (default today), with an optional note. */
export const moveReferralSchema = z.object({
  referralId: uuidOf('referral'),
  to: z.enum(REFERRAL_STATUSES, { error: 'Unknown step.' }),
  on: isoDate('date of this step', pastDays)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  note: optionalText(2000, 'The note', { multiline: true }),
});
export type MoveReferralInput = z.output<typeof moveReferralSchema>;

/** The provider's report back, recorded by the practitioner. */
export const recordReportSchema = z.object({
  referralId: uuidOf('referral'),
  findings: text({
    label: 'The findings',
    max: 5000,
    multiline: true,
    required: 'Write what the provider found.',
    tooLong: 'Findings are at most 5,000 characters.',
  }),
  recommendations: optionalText(5000, 'Recommendations', { multiline: true }),
  reportOn: isoDate('date of the report', pastDays),
});
export type RecordReportInput = z.output<typeof recordReportSchema>;

/** The referral whose letter was just printed. */
export const letterPrintedSchema = z.object({ referralId: uuidOf('referral') });

/**
 * What each audit action is called in the viewer and its filter. An action missing here (an old
 * row, a new action) still shows, under its own code.
 */
export const AUDIT_ACTION_LABELS = {
  'patient.viewed': 'Viewed patient',
  'export.downloaded': 'Exported CSV',
  'handout.printed': 'Printed handout',
  'referral.letter_printed': 'Printed referral letter',
  'session.signed_in': 'Signed in',
  'session.sign_in_refused': 'Sign-in refused',
  'session.signed_out': 'Signed out',
  'access.denied': 'Access denied',
  'patient_link.opened': 'Patient opened link',
  'patient_link.plan_viewed': 'Patient viewed plan',
  'patient_link.refused': 'Patient link refused',
  'session_log.recorded': 'Patient logged session',
  'patient.created': 'Added patient',
  'patient.updated': 'Edited patient',
  'patient.discharged': 'Discharged patient',
  'patient.reactivated': 'Reactivated patient',
  'patient.screened': 'Screened patient',
  'patient_link.created': 'Issued patient link',
  'patient_link.revoked': 'Revoked patient link',
  'patient_link.rotated': 'Replaced patient links',
  'plan.assigned': 'Assigned plan',
  'plan.adjusted': 'Adjusted plan',
  'plan.restored': 'Restored plan version',
  'plan.ended': 'Ended plan',
  'progression.applied': 'Applied suggestion',
  'progression.dismissed': 'Dismissed suggestion',
  'alert.acknowledge': 'Acknowledged alert',
  'alert.resolve': 'Resolved alert',
  'alert.reopen': 'Reopened alert',
  'referral.created': 'Created referral',
  'referral.status_changed': 'Moved referral',
  'referral.report_recorded': 'Recorded referral report',
  'referral.patient_requested': 'Patient asked for appointment',
  'template.created': 'Created template',
  'template.updated': 'Edited template',
  'template.deleted': 'Deleted template',
  'exercise.created': 'Created exercise',
  'exercise.hidden': 'Hid exercise',
  'exercise.shown': 'Showed exercise',
  'provider.added': 'Added provider',
  'provider.updated': 'Edited provider',
  'provider.archived': 'Archived provider',
  'provider.restored': 'Restored provider',
  'provider.imported': 'Imported providers',
  'practitioner.added': 'Added practitioner',
  'practitioner.role_changed': 'Changed role',
  'practitioner.disabled': 'Disabled practitioner',
  'practitioner.enabled': 'Enabled practitioner',
  'practitioner.password_changed': 'Changed password',
  'practitioner.profile_updated': 'Edited profile',
  'clinic.settings_updated': 'Edited clinic settings',
  'clinic.progression_thresholds_updated': 'Edited progression thresholds',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export const auditActionLabel = (action: string): string =>
  (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;

export const AUDIT_OUTCOME_LABELS = { ok: 'OK', denied: 'Denied', failed: 'Failed' } as const;

import { shiftDate } from '../lib/dates';
import { CONTRAINDICATIONS } from '../lib/screening/contraindications';

/**
 * Every page, server action and route handler of the app, with who may call it. The isolation
 * matrix (e2e/isolation-matrix.spec.ts) calls each entry over real HTTP as everyone who may not,
 * and testing/access-registry.test.ts fails when the source has one this list does not name.
 *
 * Who may call:
 *  - public: anyone (sign-in, the health check, opening a patient link);
 *  - signed-in: a practitioner, even one who must still replace a temporary password;
 *  - practitioner / admin: a practitioner ready to work / the clinic's admin;
 *  - patient: the holder of a patient link's cookie, for that patient's own data only.
 */
export type Access = 'public' | 'signed-in' | 'practitioner' | 'admin' | 'patient';

/** Clinic A's ids (the demo clinic, Harbour), read from the database by the matrix. */
export type ClinicIds = {
  clinicId: string;
  /** Maria Lopez: a plan, a live link (the patient persona's own), an alert. */
  patientId: string;
  planId: string;
  planVersionId: string;
  version: number;
  linkId: string;
  alertId: string;
  /** A referral and its patient (someone other than Maria). */
  referralId: string;
  referralPatientId: string;
  referralPlanVersionId: string;
  /** An exercise in that patient's plan and not in Maria's. */
  referralExerciseId: string;
  providerId: string;
  templateId: string;
  libraryExerciseId: string;
  customExerciseId: string;
  /** Sam, the clinic's non-admin practitioner. */
  memberId: string;
};

export type FormValue = string | readonly string[] | { file: string; name: string; type: string };
export type Form = Record<string, FormValue>;

export type ActionEntry = {
  file: string;
  name: string;
  access: Access;
  /**
   * Names one of clinic A's records (a patient, plan, provider…). A practitioner of another clinic
   * must be refused; an action that names none acts on the caller's own clinic, and must leave
   * clinic A alone even when the form smuggles clinic A's ids in extra fields.
   */
  foreign: boolean;
  form: (ids: ClinicIds) => Form;
  /** Signs the caller out or changes their password: run last, on a session of its own. */
  endsSession?: boolean;
};

export type RouteEntry = {
  file: string;
  method: 'GET' | 'POST';
  access: Access;
  foreign: boolean;
  path: (ids: ClinicIds) => string;
  /** A form body (url-encoded) or JSON. */
  body?: (ids: ClinicIds) => { form: Record<string, string> } | { json: unknown };
};

export type PageEntry = { file: string; access: Access; foreign: boolean; path: (ids: ClinicIds) => string };

const WEEK = ['1', '2', '3', '4', '5', '6', '7'];
const FAKE_SIGNATURE = '0123456789abcdef0123456789abcdef';

/** One exercise at a dose the library's exercises allow, as the plan editor names its fields. */
const planItem = (ids: ClinicIds) => ({
  'items.0.exerciseId': ids.libraryExerciseId,
  'items.0.sessionsPerDay': '1',
  'items.0.daysOfWeek': WEEK,
  'items.0.holdSeconds': '30',
  'items.0.reps': '5',
  'items.0.sets': '1',
});

const today = () => new Date().toISOString().slice(0, 10);

const dashboard = 'app/(dashboard)';

export const ACTIONS: readonly ActionEntry[] = [
  {
    file: 'app/(auth)/login/actions.ts',
    name: 'authenticate',
    access: 'public',
    foreign: false,
    form: () => ({ email: 'nobody@matrix.example.com', password: 'not-a-password', callbackUrl: '/dashboard' }),
  },
  {
    file: 'app/(auth)/account/password/actions.ts',
    name: 'changePasswordAction',
    access: 'signed-in',
    foreign: false,
    endsSession: true,
    form: () => ({
      currentPassword: 'wrong-current-password',
      newPassword: 'matrix-new-password-1',
      confirmPassword: 'matrix-new-password-1',
    }),
  },
  {
    file: `${dashboard}/actions.ts`,
    name: 'signOutAction',
    access: 'signed-in',
    foreign: false,
    endsSession: true,
    form: () => ({}),
  },
  {
    file: `${dashboard}/alerts/actions.ts`,
    name: 'alertAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ alertId: ids.alertId, action: 'acknowledge' }),
  },
  {
    file: `${dashboard}/directory/actions.ts`,
    name: 'addProviderAction',
    access: 'admin',
    foreign: false,
    form: (ids) => ({ name: 'Matrix Physio', discipline: 'physical_therapist', clinicId: ids.clinicId }),
  },
  {
    file: `${dashboard}/directory/actions.ts`,
    name: 'updateProviderAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ providerId: ids.providerId, name: 'Matrix Renamed', discipline: 'physical_therapist' }),
  },
  {
    file: `${dashboard}/directory/actions.ts`,
    name: 'archiveProviderAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ providerId: ids.providerId }),
  },
  {
    file: `${dashboard}/directory/actions.ts`,
    name: 'restoreProviderAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ providerId: ids.providerId }),
  },
  ...(['previewImportAction', 'importProvidersAction'] as const).map((name): ActionEntry => ({
    file: `${dashboard}/directory/actions.ts`,
    name,
    access: 'admin',
    foreign: false,
    form: (ids) => ({
      clinicId: ids.clinicId,
      file: { name: 'providers.csv', type: 'text/csv', file: 'name,discipline\nMatrix Imported,chiropractor\n' },
    }),
  })),
  {
    file: `${dashboard}/exercises/actions.ts`,
    name: 'setExerciseHiddenAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ exerciseId: ids.customExerciseId, hidden: 'true' }),
  },
  {
    file: `${dashboard}/exercises/actions.ts`,
    name: 'createCustomExerciseAction',
    access: 'admin',
    foreign: false,
    // Made in the caller's own library; its easier variant names clinic A's own exercise, which
    // another clinic's may not link to (refused as a field error, nothing written).
    form: (ids) => ({
      name: 'Matrix exercise',
      kind: 'joint_mobility',
      equipment: 'standard_roller',
      summary: '',
      steps: 'Sit tall.\nBreathe out slowly.',
      cues: '',
      safetyNotes: 'Stop if it hurts.',
      timing: 'hold',
      repsUnit: 'breaths',
      holdMin: '10',
      holdMax: '60',
      repsMin: '1',
      repsMax: '10',
      setsMin: '1',
      setsMax: '3',
      sessionsMin: '1',
      sessionsMax: '3',
      defaultHoldSeconds: '30',
      defaultReps: '5',
      defaultSets: '1',
      defaultSessionsPerDay: '1',
      noContraindications: 'yes',
      easierId: ids.customExerciseId,
      clinicId: ids.clinicId,
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/links-actions.ts`,
    name: 'issueLinkAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, label: 'Matrix link', expiresInDays: '30' }),
  },
  {
    file: `${dashboard}/patients/[patientId]/links-actions.ts`,
    name: 'revokeLinkAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, linkId: ids.linkId }),
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'adjustPlanAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      patientId: ids.patientId,
      planId: ids.planId,
      effectiveDate: today(),
      reason: 'Matrix adjustment',
      ...planItem(ids),
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'restoreVersionAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      patientId: ids.patientId,
      planId: ids.planId,
      version: String(ids.version),
      reason: 'Matrix restore',
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'swapVariantAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      patientId: ids.patientId,
      planId: ids.planId,
      position: '0',
      direction: 'harder',
      reason: 'Matrix swap',
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'applySuggestionAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, signature: FAKE_SIGNATURE }),
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'dismissSuggestionAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, signature: FAKE_SIGNATURE, note: 'Matrix dismissal' }),
  },
  // After the plan's other actions: assigning a new plan ends the one they name.
  {
    file: `${dashboard}/patients/[patientId]/plan/actions.ts`,
    name: 'assignPlanAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, templateId: '', startDate: today(), endDate: '', ...planItem(ids) }),
  },
  {
    file: `${dashboard}/patients/[patientId]/referrals-actions.ts`,
    name: 'createReferralAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      patientId: ids.patientId,
      providerId: ids.providerId,
      reason: 'Matrix referral',
      urgency: 'routine',
      request: 'assess',
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/referrals-actions.ts`,
    name: 'moveReferralAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ referralId: ids.referralId, to: 'cancelled', on: '', note: '' }),
  },
  {
    file: `${dashboard}/patients/[patientId]/referrals-actions.ts`,
    name: 'recordReportAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      referralId: ids.referralId,
      findings: 'Matrix findings',
      recommendations: '',
      // Yesterday in UTC is never in the future of the clinic's own day, in any timezone.
      reportOn: shiftDate(today(), -1),
    }),
  },
  {
    file: `${dashboard}/patients/[patientId]/referrals-actions.ts`,
    name: 'letterPrintedAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ referralId: ids.referralId }),
  },
  {
    file: `${dashboard}/patients/actions.ts`,
    name: 'createPatientAction',
    access: 'practitioner',
    foreign: false,
    // An extra clinicId and a clinic A practitioner as the primary one must not put it in clinic A.
    form: (ids) => ({ name: 'Matrix Patient', timezone: 'Europe/London', clinicId: ids.clinicId }),
  },
  {
    file: `${dashboard}/patients/actions.ts`,
    name: 'updatePatientAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, name: 'Matrix Renamed', timezone: 'Europe/London' }),
  },
  {
    file: `${dashboard}/patients/actions.ts`,
    name: 'setPatientStatusAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, status: 'discharged' }),
  },
  {
    file: `${dashboard}/patients/actions.ts`,
    name: 'recordScreeningAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({ patientId: ids.patientId, ...SCREENING_ALL_NO }),
  },
  {
    file: `${dashboard}/settings/clinic/actions.ts`,
    name: 'updateClinicSettingsAction',
    access: 'admin',
    foreign: false,
    form: (ids) => ({ name: 'Matrix Clinic', timezone: 'Europe/London', clinicId: ids.clinicId }),
  },
  {
    file: `${dashboard}/settings/clinic/actions.ts`,
    name: 'progressionThresholdsAction',
    access: 'admin',
    foreign: false,
    form: (ids) => ({ intent: 'reset', clinicId: ids.clinicId }),
  },
  {
    file: `${dashboard}/settings/profile/actions.ts`,
    name: 'updateProfileAction',
    access: 'practitioner',
    foreign: false,
    // The profile is the caller's own: a userId or role in the form must change nobody else.
    form: (ids) => ({ name: 'Matrix Name', discipline: 'other', userId: ids.memberId, role: 'admin' }),
  },
  {
    file: `${dashboard}/settings/team/actions.ts`,
    name: 'addPractitionerAction',
    access: 'admin',
    foreign: false,
    form: (ids) => ({
      name: 'Matrix Member',
      email: 'matrix-member@matrix.example.com',
      discipline: 'other',
      role: 'practitioner',
      temporaryPassword: 'matrix-temporary-password',
      clinicId: ids.clinicId,
    }),
  },
  {
    file: `${dashboard}/settings/team/actions.ts`,
    name: 'changeRoleAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ userId: ids.memberId, role: 'admin' }),
  },
  {
    file: `${dashboard}/settings/team/actions.ts`,
    name: 'setDisabledAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ userId: ids.memberId, disabled: 'true' }),
  },
  {
    file: `${dashboard}/templates/actions.ts`,
    name: 'saveTemplateAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ templateId: ids.templateId, name: 'Matrix template', description: '', ...planItem(ids) }),
  },
  {
    file: `${dashboard}/templates/actions.ts`,
    name: 'deleteTemplateAction',
    access: 'admin',
    foreign: true,
    form: (ids) => ({ templateId: ids.templateId }),
  },
  {
    file: 'app/(print)/patients/[patientId]/handout/actions.ts',
    name: 'printHandoutAction',
    access: 'practitioner',
    foreign: true,
    form: (ids) => ({
      patientId: ids.patientId,
      planVersionId: ids.planVersionId,
      paper: 'a4',
      link: 'none',
      linkId: '',
    }),
  },
];

/** "No" to every screening question. */
const SCREENING_ALL_NO: Record<string, string> = Object.fromEntries(CONTRAINDICATIONS.map((c) => [c.code, 'no']));

const p = (ids: ClinicIds) => `/patients/${ids.patientId}`;

export const PAGES: readonly PageEntry[] = [
  { file: 'app/page.tsx', access: 'public', foreign: false, path: () => '/' },
  { file: 'app/(auth)/login/page.tsx', access: 'public', foreign: false, path: () => '/login' },
  {
    file: 'app/(auth)/account/password/page.tsx',
    access: 'signed-in',
    foreign: false,
    path: () => '/account/password',
  },
  { file: `${dashboard}/alerts/page.tsx`, access: 'practitioner', foreign: false, path: () => '/alerts' },
  { file: `${dashboard}/dashboard/page.tsx`, access: 'practitioner', foreign: false, path: () => '/dashboard' },
  { file: `${dashboard}/directory/page.tsx`, access: 'practitioner', foreign: false, path: () => '/directory' },
  {
    file: `${dashboard}/directory/[providerId]/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `/directory/${ids.providerId}`,
  },
  { file: `${dashboard}/directory/import/page.tsx`, access: 'admin', foreign: false, path: () => '/directory/import' },
  { file: `${dashboard}/directory/new/page.tsx`, access: 'admin', foreign: false, path: () => '/directory/new' },
  { file: `${dashboard}/exercises/page.tsx`, access: 'practitioner', foreign: false, path: () => '/exercises' },
  {
    file: `${dashboard}/exercises/[exerciseId]/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `/exercises/${ids.customExerciseId}`,
  },
  { file: `${dashboard}/exercises/new/page.tsx`, access: 'admin', foreign: false, path: () => '/exercises/new' },
  { file: `${dashboard}/patients/page.tsx`, access: 'practitioner', foreign: false, path: () => '/patients' },
  { file: `${dashboard}/patients/new/page.tsx`, access: 'practitioner', foreign: false, path: () => '/patients/new' },
  { file: `${dashboard}/patients/[patientId]/page.tsx`, access: 'practitioner', foreign: true, path: p },
  {
    file: `${dashboard}/patients/[patientId]/edit/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/edit`,
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/plan`,
  },
  {
    file: `${dashboard}/patients/[patientId]/plan/new/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/plan/new`,
  },
  {
    file: `${dashboard}/patients/[patientId]/progress/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/progress`,
  },
  {
    file: `${dashboard}/patients/[patientId]/referrals/new/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/referrals/new`,
  },
  {
    file: `${dashboard}/patients/[patientId]/screening/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/screening`,
  },
  { file: `${dashboard}/settings/clinic/page.tsx`, access: 'admin', foreign: false, path: () => '/settings/clinic' },
  // Filtered by clinic A's patient and practitioner: another clinic's admin sees none of their rows.
  {
    file: `${dashboard}/settings/audit/page.tsx`,
    access: 'admin',
    foreign: false,
    path: (ids) => `/settings/audit?patient=${ids.patientId}&actor=${ids.memberId}`,
  },
  {
    file: `${dashboard}/settings/profile/page.tsx`,
    access: 'practitioner',
    foreign: false,
    path: () => '/settings/profile',
  },
  { file: `${dashboard}/settings/team/page.tsx`, access: 'admin', foreign: false, path: () => '/settings/team' },
  { file: `${dashboard}/templates/page.tsx`, access: 'practitioner', foreign: false, path: () => '/templates' },
  {
    file: `${dashboard}/templates/[templateId]/page.tsx`,
    access: 'practitioner',
    foreign: true,
    path: (ids) => `/templates/${ids.templateId}`,
  },
  { file: `${dashboard}/templates/new/page.tsx`, access: 'admin', foreign: false, path: () => '/templates/new' },
  { file: 'app/(patient)/p/page.tsx', access: 'patient', foreign: false, path: () => '/p' },
  { file: 'app/(patient)/p/inactive/page.tsx', access: 'public', foreign: false, path: () => '/p/inactive' },
  { file: 'app/(print)/p/handout/page.tsx', access: 'patient', foreign: false, path: () => '/p/handout' },
  {
    file: 'app/(print)/patients/[patientId]/handout/page.tsx',
    access: 'practitioner',
    foreign: true,
    path: (ids) => `${p(ids)}/handout`,
  },
  {
    file: 'app/(print)/patients/[patientId]/referrals/[referralId]/letter/page.tsx',
    access: 'practitioner',
    foreign: true,
    path: (ids) => `/patients/${ids.referralPatientId}/referrals/${ids.referralId}/letter`,
  },
];

export const ROUTES: readonly RouteEntry[] = [
  { file: 'app/api/health/route.ts', method: 'GET', access: 'public', foreign: false, path: () => '/api/health' },
  // Auth.js answers only these two; everything else under /api/auth is a 404.
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'GET',
    access: 'public',
    foreign: false,
    path: () => '/api/auth/csrf',
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    access: 'public',
    foreign: false,
    path: () => '/api/auth/callback/credentials',
    body: () => ({ form: { email: 'nobody@matrix.example.com', password: 'not-a-password' } }),
  },
  {
    file: 'app/api/exports/roster.csv/route.ts',
    method: 'GET',
    access: 'practitioner',
    foreign: false,
    path: () => '/api/exports/roster.csv',
  },
  {
    file: 'app/api/exports/audit.csv/route.ts',
    method: 'GET',
    access: 'admin',
    foreign: false,
    path: (ids) => `/api/exports/audit.csv?patient=${ids.patientId}&actor=${ids.memberId}`,
  },
  {
    file: 'app/api/exports/directory.csv/route.ts',
    method: 'GET',
    access: 'practitioner',
    foreign: false,
    path: () => '/api/exports/directory.csv',
  },
  {
    file: 'app/api/exports/patients/[patientId]/logs.csv/route.ts',
    method: 'GET',
    access: 'practitioner',
    foreign: true,
    path: (ids) => `/api/exports/patients/${ids.patientId}/logs.csv`,
  },
  // Opening a link is public by nature: the token is the check (and it is rate-limited).
  {
    file: 'app/(patient)/p/[token]/route.ts',
    method: 'GET',
    access: 'public',
    foreign: false,
    path: () => '/p/not-a-real-link-token',
  },
  {
    file: 'app/(patient)/p/manifest.webmanifest/route.ts',
    method: 'GET',
    access: 'public',
    foreign: false,
    path: () => '/p/manifest.webmanifest',
  },
  {
    file: 'app/(patient)/p/calendar.ics/route.ts',
    method: 'GET',
    access: 'patient',
    foreign: false,
    path: () => '/p/calendar.ics',
  },
  // Another patient's referral and plan: the cookie's own patient decides, whatever the form says.
  {
    file: 'app/(patient)/p/appointment/route.ts',
    method: 'POST',
    access: 'patient',
    foreign: true,
    path: () => '/p/appointment',
    body: (ids) => ({ form: { referralId: ids.referralId, patientId: ids.referralPatientId } }),
  },
  {
    file: 'app/(print)/p/handout/printed/route.ts',
    method: 'POST',
    access: 'patient',
    foreign: true,
    path: () => '/p/handout/printed',
    body: (ids) => ({
      form: { planVersionId: ids.referralPlanVersionId, paper: 'a4', patientId: ids.referralPatientId },
    }),
  },
  {
    file: 'app/(patient)/p/log/route.ts',
    method: 'POST',
    access: 'patient',
    foreign: true,
    path: () => '/p/log',
    // A log naming the other patient, their plan and an exercise only their plan has: refused,
    // and nothing lands on either record.
    body: (ids) => ({
      json: {
        idempotencyKey: '00000000-0000-4000-8000-00000000a11e',
        performedAt: new Date().toISOString(),
        itemsDone: [ids.referralExerciseId],
        painBefore: 2,
        painAfter: 3,
        patientId: ids.referralPatientId,
        planVersionId: ids.referralPlanVersionId,
      },
    }),
  },
];

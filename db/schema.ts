import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { searchTextSql } from './search-text';

export const ROLES = ['admin', 'practitioner'] as const;
export type Role = (typeof ROLES)[number];

export const DISCIPLINES = ['chiropractor', 'physical_therapist', 'massage_therapist', 'other'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

// Column types are declared with the columns they type, so db/ depends on nothing above it.
export const EXERCISE_KINDS = ['soft_tissue', 'joint_mobility'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const EQUIPMENT = ['standard_roller', 'hard_core_roller'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** What the count in a dose counts: slow breaths (on a stiff segment) or repetitions. */
export const REPS_UNITS = ['breaths', 'reps'] as const;
export type RepsUnit = (typeof REPS_UNITS)[number];

/** Whether the timed part is rolling for a while or holding a position. Changes the patient's wording. */
export const TIMINGS = ['roll', 'hold'] as const;
export type Timing = (typeof TIMINGS)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Dose = {
  sessionsPerDay: number;
  daysOfWeek: Weekday[];
  holdSeconds: number;
  reps: number;
  sets: number;
};

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One opening period: ISO weekday (1 = Monday) and times of day ("08:00" to "18:00"). */
export type OpeningPeriod = { day: Weekday; opens: string; closes: string };
export type OpeningHours = OpeningPeriod[];

/** One tenant. Every row that belongs to a clinic carries its id so the data can be sharded on it. */
export const clinics = pgTable(
  'clinics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // A stable handle for seeds and scripts; never shown to patients.
    slug: text('slug').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    timezone: text('timezone').notNull().default('UTC'),
    handoutFooter: text('handout_footer'),
    // The number a patient calls in an emergency; null means the default for the clinic's timezone
    // (lib/clinic/emergency.ts).
    emergencyNumber: text('emergency_number'),
    // The weekly opening hours in the clinic's timezone; an empty list means "not given".
    openingHours: jsonb('opening_hours')
      .$type<OpeningHours>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // What a patient should do while the clinic is closed (e.g. "Call 111 for urgent advice").
    closedAdvice: text('closed_advice'),
    // The clinic's own progression thresholds (lib/progression/thresholds.ts); unset ones take the defaults.
    progressionThresholds: jsonb('progression_thresholds')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clinics_slug_key').on(t.slug),
    check('clinics_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check(
      'clinics_emergency_number_format',
      sql`${t.emergencyNumber} is null or ${t.emergencyNumber} ~ '^[0-9]{2,6}$'`,
    ),
  ],
);

/** Practitioners. Email is unique across the whole installation: it is the sign-in name. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    // Stored lower-cased; the unique index makes sign-in names unambiguous.
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('practitioner'),
    discipline: text('discipline', { enum: DISCIPLINES }).notNull().default('other'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // Bumped to invalidate every session of this user (sign-out, disable, password change).
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_clinic_idx').on(t.clinicId),
    check('users_role_check', sql`${t.role} in ('admin', 'practitioner')`),
    check(
      'users_discipline_check',
      sql`${t.discipline} in ('chiropractor', 'physical_therapist', 'massage_therapist', 'other')`,
    ),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Rate-limit counters shared by every app instance (rate-limiter-flexible's Drizzle store).
 * Column names are the ones that library expects.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: timestamp('expire', { withTimezone: true }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

/** Append-only: who read or changed what. Never updated, never deleted by the app. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Who read or changed what, append-only (HIPAA 164.312(b)). The database refuses UPDATE and
 * DELETE, and a BEFORE INSERT trigger numbers each row within its clinic's chain (`seq`) and sets
 * `hash` = sha256(prev_hash || the row's fields), so `npm run audit:verify` finds an edited or
 * removed row (db/migrations/0014_audit_trail.sql). `clinic_id` is null only for a failed sign-in
 * with an email no account has: those rows form one chain of their own and no clinic sees them.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'restrict' }),
    // seq, prev_hash and hash are the trigger's to set (whatever an insert says): the row's place
    // in its clinic's chain, from 1 with no gaps, and the links of the chain.
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    // The practitioner, or the patient link (the patient needs no account), or neither (unknown email).
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'restrict' }),
    actorLinkId: uuid('actor_link_id'),
    // Whose record it is about. No foreign key: a refused request names the id it asked for.
    patientId: uuid('patient_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull().default('ok'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    // Field names and ids only; never patient-entered free text, tokens or passwords.
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    clientAddress: text('client_address'),
    createdAt: createdAt(),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('audit_events_clinic_created_idx').on(t.clinicId, t.createdAt),
    unique('audit_events_clinic_seq_unique').on(t.clinicId, t.seq).nullsNotDistinct(),
    index('audit_events_clinic_patient_idx').on(t.clinicId, t.patientId, t.createdAt),
    check('audit_events_outcome_check', sql`${t.outcome} in ('ok', 'denied', 'failed')`),
  ],
);

/**
 * The last link of each audit chain (one per clinic, `chain` = the clinic's id, or 'none' for
 * the rows without one). The insert trigger locks this row, so two transactions of one clinic
 * append one after the other instead of forking the chain, at any isolation level.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const PATIENT_STATUSES = ['active', 'discharged'] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];

export type ScreeningAnswer = { present: boolean; note?: string };
export type ScreeningAnswers = Record<string, ScreeningAnswer>;

/**
 * Patients of a clinic. (id, clinic_id) is unique so rows that point at a patient can carry the
 * clinic too and be held to the same clinic by a composite foreign key.
 */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    primaryPractitionerId: uuid('primary_practitioner_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    birthYear: smallint('birth_year'),
    email: text('email'),
    phone: text('phone'),
    timezone: text('timezone').notNull(),
    status: text('status', { enum: PATIENT_STATUSES }).notNull().default('active'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    notes: text('notes'),
    // Kept by the session log so the roster can sort by it without touching every log.
    lastSessionAt: timestamp('last_session_at', { withTimezone: true }),
    // Bumped by triggers (migration 0004) whenever this patient's logs, plans or timezone
    // change: a stored patient_figures row is current only while its version matches.
    figuresVersion: integer('figures_version').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Name, email and phone as search compares them (db/search-text.ts), kept by the database.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        searchTextSql(sql`"name" || chr(10) || coalesce("email", '') || chr(10) || coalesce("phone", '')`),
      ),
  },
  (t) => [
    unique('patients_id_clinic_key').on(t.id, t.clinicId),
    index('patients_clinic_name_idx').on(t.clinicId, sql`lower(${t.name})`),
    index('patients_clinic_created_idx').on(t.clinicId, t.createdAt),
    index('patients_clinic_last_session_idx').on(t.clinicId, t.lastSessionAt),
    index('patients_clinic_practitioner_idx').on(t.clinicId, t.primaryPractitionerId),
    check('patients_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('patients_status_check', sql`${t.status} in ('active', 'discharged')`),
    check('patients_birth_year_range', sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
    check('patients_notes_length', sql`${t.notes} is null or char_length(${t.notes}) <= 5000`),
  ],
);

/** Screening for contraindications. Append-only: a rescreen adds a row, the newest one counts. */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<ScreeningAnswers>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    index('screenings_patient_created_idx').on(t.patientId, t.createdAt),
  ],
);

/** The exercise library: built-ins have no clinic; a clinic's custom exercises carry its id. */
export const exercises = pgTable(
  'exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: EXERCISE_KINDS }).notNull(),
    equipment: text('equipment', { enum: EQUIPMENT }).notNull(),
    summary: text('summary').notNull().default(''),
    steps: jsonb('steps').$type<string[]>().notNull(),
    cues: jsonb('cues').$type<string[]>().notNull(),
    safetyNotes: jsonb('safety_notes').$type<string[]>().notNull(),
    illustration: text('illustration'),
    timing: text('timing', { enum: TIMINGS }).notNull(),
    repsUnit: text('reps_unit', { enum: REPS_UNITS }).notNull(),
    defaultDose: jsonb('default_dose').$type<Dose>().notNull(),
    holdMin: integer('hold_min').notNull(),
    holdMax: integer('hold_max').notNull(),
    repsMin: integer('reps_min').notNull(),
    repsMax: integer('reps_max').notNull(),
    setsMin: integer('sets_min').notNull(),
    setsMax: integer('sets_max').notNull(),
    sessionsMin: integer('sessions_min').notNull(),
    sessionsMax: integer('sessions_max').notNull(),
    contraindications: text('contraindications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    easierId: uuid('easier_id'),
    harderId: uuid('harder_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('exercises_builtin_slug_key')
      .on(t.slug)
      .where(sql`${t.clinicId} is null`),
    uniqueIndex('exercises_clinic_slug_key')
      .on(t.clinicId, t.slug)
      .where(sql`${t.clinicId} is not null`),
    foreignKey({ columns: [t.easierId], foreignColumns: [t.id] }).onDelete('set null'),
    foreignKey({ columns: [t.harderId], foreignColumns: [t.id] }).onDelete('set null'),
    check('exercises_kind_check', sql`${t.kind} in ('soft_tissue', 'joint_mobility')`),
    check('exercises_equipment_check', sql`${t.equipment} in ('standard_roller', 'hard_core_roller')`),
    check('exercises_hold_limits', sql`${t.holdMin} between 1 and ${t.holdMax} and ${t.holdMax} <= 1800`),
    check('exercises_reps_limits', sql`${t.repsMin} between 1 and ${t.repsMax} and ${t.repsMax} <= 30`),
    check('exercises_sets_limits', sql`${t.setsMin} between 1 and ${t.setsMax} and ${t.setsMax} <= 10`),
    check('exercises_sessions_limits', sql`${t.sessionsMin} between 1 and ${t.sessionsMax} and ${t.sessionsMax} <= 6`),
    check('exercises_name_length', sql`char_length(${t.name}) between 1 and 120`),
  ],
);

/** Built-in exercises a clinic has taken out of its library. */
export const hiddenExercises = pgTable(
  'hidden_exercises',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.exerciseId] })],
);

const doseColumns = () => ({
  sessionsPerDay: smallint('sessions_per_day').notNull(),
  daysOfWeek: smallint('days_of_week').array().$type<Weekday[]>().notNull(),
  holdSeconds: integer('hold_seconds').notNull(),
  reps: smallint('reps').notNull(),
  sets: smallint('sets').notNull(),
  patientNote: text('patient_note'),
});

const doseChecks = (
  prefix: string,
  t: {
    sessionsPerDay: unknown;
    daysOfWeek: unknown;
    holdSeconds: unknown;
    reps: unknown;
    sets: unknown;
    patientNote: unknown;
  },
) => [
  check(`${prefix}_sessions_range`, sql`${t.sessionsPerDay} between 1 and 6`),
  check(`${prefix}_hold_range`, sql`${t.holdSeconds} between 1 and 1800`),
  check(`${prefix}_reps_range`, sql`${t.reps} between 1 and 30`),
  check(`${prefix}_sets_range`, sql`${t.sets} between 1 and 10`),
  check(
    `${prefix}_days_valid`,
    sql`cardinality(${t.daysOfWeek}) between 1 and 7 and ${t.daysOfWeek} <@ array[1,2,3,4,5,6,7]::smallint[]`,
  ),
  check(`${prefix}_note_length`, sql`${t.patientNote} is null or char_length(${t.patientNote}) <= 500`),
];

export const planTemplates = pgTable(
  'plan_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('plan_templates_id_clinic_key').on(t.id, t.clinicId),
    uniqueIndex('plan_templates_clinic_name_key').on(t.clinicId, sql`lower(${t.name})`),
    check('plan_templates_name_length', sql`char_length(${t.name}) between 1 and 120`),
  ],
);

export const planTemplateItems = pgTable(
  'plan_template_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    templateId: uuid('template_id').notNull(),
    position: smallint('position').notNull(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'restrict' }),
    ...doseColumns(),
  },
  (t) => [
    foreignKey({
      columns: [t.templateId, t.clinicId],
      foreignColumns: [planTemplates.id, planTemplates.clinicId],
    }).onDelete('cascade'),
    unique('plan_template_items_position_key').on(t.templateId, t.position),
    ...doseChecks('plan_template_items', t),
  ],
);

export const PLAN_STATUSES = ['active', 'ended'] as const;

/** A patient's course of care. At most one active plan per patient. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('active'),
    // Calendar days in the patient's timezone.
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    templateId: uuid('template_id').references(() => planTemplates.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('plans_id_clinic_key').on(t.id, t.clinicId),
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    uniqueIndex('plans_one_active_per_patient')
      .on(t.patientId)
      .where(sql`${t.status} = 'active'`),
    index('plans_clinic_patient_idx').on(t.clinicId, t.patientId),
    check('plans_status_check', sql`${t.status} in ('active', 'ended')`),
    // A plan ends on or after the day it starts: one replaced or discharged the day it began ran that day.
    check('plans_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Immutable dose snapshots. Every change to a plan adds one; nothing is ever updated. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    planId: uuid('plan_id').notNull(),
    version: integer('version').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    restoredFrom: integer('restored_from'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('plan_versions_id_clinic_key').on(t.id, t.clinicId),
    foreignKey({ columns: [t.planId, t.clinicId], foreignColumns: [plans.id, plans.clinicId] }).onDelete('cascade'),
    unique('plan_versions_plan_version_key').on(t.planId, t.version),
    index('plan_versions_plan_effective_idx').on(t.planId, t.effectiveDate),
    check('plan_versions_reason_length', sql`char_length(${t.reason}) between 1 and 500`),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    planVersionId: uuid('plan_version_id').notNull(),
    position: smallint('position').notNull(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'restrict' }),
    ...doseColumns(),
  },
  (t) => [
    foreignKey({
      columns: [t.planVersionId, t.clinicId],
      foreignColumns: [planVersions.id, planVersions.clinicId],
    }).onDelete('cascade'),
    unique('plan_items_position_key').on(t.planVersionId, t.position),
    index('plan_items_version_idx').on(t.planVersionId),
    ...doseChecks('plan_items', t),
  ],
);

/** A practitioner's stated reason for assigning an exercise despite a relative contraindication. */
export const precautionAcknowledgements = pgTable(
  'precaution_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    planVersionId: uuid('plan_version_id').notNull(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'restrict' }),
    contraindication: text('contraindication').notNull(),
    reason: text('reason').notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.planVersionId, t.clinicId],
      foreignColumns: [planVersions.id, planVersions.clinicId],
    }).onDelete('cascade'),
    check('precaution_ack_reason_length', sql`char_length(${t.reason}) between 3 and 500`),
  ],
);

/** A patient's personal link. Only the SHA-256 of the token is kept; the token is shown once. */
export const patientLinks = pgTable(
  'patient_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    uniqueIndex('patient_links_token_hash_key').on(t.tokenHash),
    index('patient_links_patient_idx').on(t.patientId),
    check('patient_links_label_length', sql`char_length(${t.label}) between 1 and 80`),
    check('patient_links_hash_shape', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const PROGRESSION_EVENT_KINDS = ['shown', 'applied', 'dismissed'] as const;
export const SUGGESTION_KINDS = ['step_up', 'step_down', 'hold', 'simplify'] as const;

/**
 * What became of each progression suggestion (lib/progression): shown on the plan page, applied
 * as a new version, or dismissed with a reason. `signature` identifies the figures it was decided
 * on, so a dismissal hides it until they change and a suggestion is recorded as shown once.
 */
export const progressionEvents = pgTable(
  'progression_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    planVersionId: uuid('plan_version_id').notNull(),
    kind: text('kind', { enum: PROGRESSION_EVENT_KINDS }).notNull(),
    suggestion: text('suggestion', { enum: SUGGESTION_KINDS }).notNull(),
    signature: text('signature').notNull(),
    headline: text('headline').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    // The version an applied suggestion created.
    appliedVersion: integer('applied_version'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.planVersionId, t.clinicId],
      foreignColumns: [planVersions.id, planVersions.clinicId],
    }).onDelete('cascade'),
    index('progression_events_version_idx').on(t.planVersionId, t.signature),
    uniqueIndex('progression_events_shown_once')
      .on(t.planVersionId, t.signature)
      .where(sql`${t.kind} = 'shown'`),
    check('progression_events_note_length', sql`${t.note} is null or char_length(${t.note}) <= 500`),
  ],
);

export const PAPERS = ['a4', 'letter'] as const;

/**
 * Each printed home-exercise handout: who printed it (null: the patient, from their phone), which
 * plan version, on which paper, and the patient link its QR code carries (null: printed without one).
 */
export const handoutPrints = pgTable(
  'handout_prints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    planVersionId: uuid('plan_version_id').notNull(),
    printedBy: uuid('printed_by').references(() => users.id, { onDelete: 'set null' }),
    byPatient: boolean('by_patient').notNull().default(false),
    patientLinkId: uuid('patient_link_id').references(() => patientLinks.id, { onDelete: 'set null' }),
    paper: text('paper', { enum: PAPERS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.planVersionId, t.clinicId],
      foreignColumns: [planVersions.id, planVersions.clinicId],
    }).onDelete('cascade'),
    index('handout_prints_patient_idx').on(t.patientId, t.createdAt),
    check('handout_prints_paper_check', sql`${t.paper} in ('a4', 'letter')`),
  ],
);

export const SYMPTOM_CODES = ['tingling', 'sharp_pain', 'chest', 'other'] as const;
export type SymptomCode = (typeof SYMPTOM_CODES)[number];

/** One logged session. (patient, idempotency key) is unique: a retried log is stored once. */
export const sessionLogs = pgTable(
  'session_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    planId: uuid('plan_id').notNull(),
    planVersionId: uuid('plan_version_id').notNull(),
    performedAt: timestamp('performed_at', { withTimezone: true }).notNull(),
    // The calendar day where the patient was, for adherence.
    localDay: date('local_day', { mode: 'string' }).notNull(),
    // Exercises done in full, and those started but with a position or set skipped.
    itemsDone: uuid('items_done').array().notNull(),
    itemsPartial: uuid('items_partial')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // Null only in a log that reports a red flag: that is never held back for a missing number.
    painBefore: smallint('pain_before'),
    painAfter: smallint('pain_after'),
    symptoms: text('symptoms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    idempotencyKey: uuid('idempotency_key').notNull(),
    // SHA-256 of the submitted body, so a replay with a different body can be refused.
    payloadHash: text('payload_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.planVersionId, t.clinicId],
      foreignColumns: [planVersions.id, planVersions.clinicId],
    }).onDelete('restrict'),
    uniqueIndex('session_logs_patient_key').on(t.patientId, t.idempotencyKey),
    index('session_logs_patient_day_idx').on(t.patientId, t.localDay),
    index('session_logs_clinic_day_idx').on(t.clinicId, t.localDay),
    check('session_logs_pain_before_range', sql`${t.painBefore} between 0 and 10`),
    check('session_logs_pain_after_range', sql`${t.painAfter} between 0 and 10`),
    check('session_logs_note_length', sql`${t.note} is null or char_length(${t.note}) <= 2000`),
    check('session_logs_symptoms_valid', sql`${t.symptoms} <@ array['tingling','sharp_pain','chest','other']::text[]`),
    check(
      'session_logs_pain_or_symptom',
      sql`(${t.painBefore} is not null and ${t.painAfter} is not null) or cardinality(${t.symptoms}) > 0 or greatest(${t.painBefore}, ${t.painAfter}) >= 7`,
    ),
  ],
);

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
/** A red flag from a session log, or a patient asking for the in-person appointment they were referred to. */
export const ALERT_KINDS = ['red_flag', 'appointment_request'] as const;

/** Red flags from logs (and, later, adherence drops) for the practitioner to act on. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    sessionLogId: uuid('session_log_id').references(() => sessionLogs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    reasons: text('reasons').array().notNull(),
    // The referral an appointment request is about (kind 'appointment_request').
    referralId: uuid('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    // When the patient last reported it: a repeated red flag folds into the open alert and moves this.
    lastReportedAt: timestamp('last_reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('alerts_id_clinic_key').on(t.id, t.clinicId),
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    index('alerts_clinic_status_idx').on(t.clinicId, t.status),
    index('alerts_patient_idx').on(t.patientId),
    check('alerts_status_check', sql`${t.status} in ('open', 'acknowledged', 'resolved')`),
  ],
);

/** What a practitioner may do to an alert. */
export const ALERT_ACTIONS = ['acknowledge', 'resolve', 'reopen'] as const;
/** What an alert's history records: those, and the patient reporting the same red flag again. */
export const ALERT_EVENT_ACTIONS = [...ALERT_ACTIONS, 'repeated'] as const;

/**
 * What was done about an alert, by whom, when and with what note, oldest first: the alert row
 * holds only its current status, so an acknowledgement's note survives a later resolve.
 */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    alertId: uuid('alert_id').notNull(),
    action: text('action', { enum: ALERT_EVENT_ACTIONS }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // The log that reported it again ('repeated' only).
    sessionLogId: uuid('session_log_id').references(() => sessionLogs.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.alertId, t.clinicId], foreignColumns: [alerts.id, alerts.clinicId] }).onDelete('cascade'),
    index('alert_events_alert_idx').on(t.alertId, t.createdAt),
    check('alert_events_action_check', sql`${t.action} in ('acknowledge', 'resolve', 'reopen', 'repeated')`),
    check('alert_events_note_length', sql`char_length(${t.note}) <= 1000`),
  ],
);

/**
 * Each active patient's adherence figures as of one local day (lib/figures.ts): computed by the
 * roster query when asked and kept until the patient's figures_version moves or the day turns,
 * so the dashboard reads one row per patient instead of rebuilding every day of every plan.
 * Stored at fillfactor 50 (migration 0015, which drizzle's schema cannot express): a refresh
 * rewrites every row, and half-full pages keep those updates on their page.
 */
export const patientFigures = pgTable(
  'patient_figures',
  {
    patientId: uuid('patient_id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    version: integer('version').notNull(),
    today: date('today', { mode: 'string' }).notNull(),
    prescribed7: integer('prescribed7').notNull(),
    completed7: integer('completed7').notNull(),
    logged7: integer('logged7').notNull(),
    prescribed28: integer('prescribed28').notNull(),
    completed28: integer('completed28').notNull(),
    lastSessionDay: date('last_session_day', { mode: 'string' }),
    missedPrescribedDays: integer('missed_prescribed_days').notNull(),
    painBefore7: doublePrecision('pain_before7'),
    painAfter7: doublePrecision('pain_after7'),
    painAfterPrevious7: doublePrecision('pain_after_previous7'),
    painBeforePrevious7: doublePrecision('pain_before_previous7'),
    trend: doublePrecision('trend').array().notNull(),
    // Derived for the day above when stored, so the dashboard sorts and flags 2,000 patients
    // without recomputing them per view: the ratios, the pain change and who needs attention
    // (every rule of lib/attention.ts but the open red flag, which is always counted live).
    adherence7: doublePrecision('adherence7'),
    adherence28: doublePrecision('adherence28'),
    painChange: doublePrecision('pain_change'),
    painBeforeChange: doublePrecision('pain_before_change'),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
  ],
);

export const clinicsRelations = relations(clinics, ({ many }) => ({
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  clinic: one(clinics, { fields: [users.clinicId], references: [clinics.id] }),
}));

export const patientsRelations = relations(patients, ({ one, many }) => ({
  clinic: one(clinics, { fields: [patients.clinicId], references: [clinics.id] }),
  primaryPractitioner: one(users, { fields: [patients.primaryPractitionerId], references: [users.id] }),
  screenings: many(screenings),
  plans: many(plans),
}));

export const screeningsRelations = relations(screenings, ({ one }) => ({
  patient: one(patients, { fields: [screenings.patientId], references: [patients.id] }),
  screener: one(users, { fields: [screenings.screenedBy], references: [users.id] }),
}));

export const plansRelations = relations(plans, ({ one, many }) => ({
  patient: one(patients, { fields: [plans.patientId], references: [patients.id] }),
  versions: many(planVersions),
}));

export const planVersionsRelations = relations(planVersions, ({ one, many }) => ({
  plan: one(plans, { fields: [planVersions.planId], references: [plans.id] }),
  author: one(users, { fields: [planVersions.authorId], references: [users.id] }),
  items: many(planItems),
  acknowledgements: many(precautionAcknowledgements),
}));

export const planItemsRelations = relations(planItems, ({ one }) => ({
  version: one(planVersions, { fields: [planItems.planVersionId], references: [planVersions.id] }),
  exercise: one(exercises, { fields: [planItems.exerciseId], references: [exercises.id] }),
}));

export const precautionAcknowledgementsRelations = relations(precautionAcknowledgements, ({ one }) => ({
  version: one(planVersions, { fields: [precautionAcknowledgements.planVersionId], references: [planVersions.id] }),
  exercise: one(exercises, { fields: [precautionAcknowledgements.exerciseId], references: [exercises.id] }),
}));

export const planTemplatesRelations = relations(planTemplates, ({ many }) => ({
  items: many(planTemplateItems),
}));

export const planTemplateItemsRelations = relations(planTemplateItems, ({ one }) => ({
  template: one(planTemplates, { fields: [planTemplateItems.templateId], references: [planTemplates.id] }),
  exercise: one(exercises, { fields: [planTemplateItems.exerciseId], references: [exercises.id] }),
}));

export type Clinic = typeof clinics.$inferSelect;
export type Patient = typeof patients.$inferSelect;
export type Exercise = typeof exercises.$inferSelect;
export type Screening = typeof screenings.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanVersion = typeof planVersions.$inferSelect;
export type PlanItem = typeof planItems.$inferSelect;
export type PatientLink = typeof patientLinks.$inferSelect;
export type SessionLog = typeof sessionLogs.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// ─── Referral directory and referrals (issue 13) ────────────────────────────────────────────

export const PROVIDER_DISCIPLINES = [
  'chiropractor',
  'physical_therapist',
  'massage_therapist',
  'physician',
  'osteopath',
  'other',
] as const;
export type ProviderDiscipline = (typeof PROVIDER_DISCIPLINES)[number];

/** Where a clinic sends patients for in-person care; the clinic itself is one (is_clinic). */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    discipline: text('discipline', { enum: PROVIDER_DISCIPLINES }).notNull(),
    organisation: text('organisation'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    acceptingNewPatients: boolean('accepting_new_patients').notNull().default(true),
    openingHours: text('opening_hours'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Never shown to patients.
    internalNotes: text('internal_notes'),
    isClinic: boolean('is_clinic').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Name, organisation and address as search compares them (db/search-text.ts); tags have their
    // own filter (array_to_string is not immutable, so they cannot join a generated column).
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        searchTextSql(sql`"name" || chr(10) || coalesce("organisation", '') || chr(10) || coalesce("address", '')`),
      ),
  },
  (t) => [
    unique('providers_id_clinic_key').on(t.id, t.clinicId),
    index('providers_clinic_name_idx').on(t.clinicId, sql`lower(${t.name})`),
    uniqueIndex('providers_one_clinic_entry')
      .on(t.clinicId)
      .where(sql`${t.isClinic}`),
    check('providers_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check(
      'providers_discipline_check',
      sql`${t.discipline} in ('chiropractor', 'physical_therapist', 'massage_therapist', 'physician', 'osteopath', 'other')`,
    ),
    check('providers_website_scheme', sql`${t.website} is null or ${t.website} ~* '^https?://'`),
  ],
);

/** Referral steps, one-to-one with FHIR Task statuses (lib/referrals/status.ts maps them). */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'booked',
  'seen',
  'report_received',
  'declined',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_URGENCIES = ['routine', 'soon', 'urgent'] as const;
export const REFERRAL_REQUESTS = ['assess', 'treat', 'assess_and_report'] as const;

/** A patient referred to a provider for in-person care, and where that referral has got to. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    urgency: text('urgency', { enum: REFERRAL_URGENCIES }).notNull(),
    request: text('request', { enum: REFERRAL_REQUESTS }).notNull(),
    goal: text('goal'),
    patientInformed: boolean('patient_informed').notNull().default(false),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('draft'),
    // The day of each step (the day it happened, as the practitioner records it).
    sentOn: date('sent_on', { mode: 'string' }),
    bookedOn: date('booked_on', { mode: 'string' }),
    seenOn: date('seen_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    patientRequestedAt: timestamp('patient_requested_at', { withTimezone: true }),
    reportFindings: text('report_findings'),
    reportRecommendations: text('report_recommendations'),
    reportOn: date('report_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('referrals_id_clinic_key').on(t.id, t.clinicId),
    foreignKey({ columns: [t.patientId, t.clinicId], foreignColumns: [patients.id, patients.clinicId] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.providerId, t.clinicId], foreignColumns: [providers.id, providers.clinicId] }).onDelete(
      'restrict',
    ),
    index('referrals_clinic_status_idx').on(t.clinicId, t.status),
    index('referrals_patient_idx').on(t.patientId),
    check('referrals_reason_length', sql`char_length(${t.reason}) between 1 and 2000`),
    check(
      'referrals_status_check',
      sql`${t.status} in ('draft', 'sent', 'booked', 'seen', 'report_received', 'declined', 'cancelled')`,
    ),
    check('referrals_urgency_check', sql`${t.urgency} in ('routine', 'soon', 'urgent')`),
    check('referrals_request_check', sql`${t.request} in ('assess', 'treat', 'assess_and_report')`),
  ],
);

export const REFERRAL_EVENT_KINDS = ['status', 'report', 'patient_request', 'letter_printed'] as const;

/** Every step of a referral, by whom (null: the patient, from their phone), when and with what note. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    referralId: uuid('referral_id').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: REFERRAL_EVENT_KINDS }).notNull(),
    fromStatus: text('from_status', { enum: REFERRAL_STATUSES }),
    toStatus: text('to_status', { enum: REFERRAL_STATUSES }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.clinicId], foreignColumns: [referrals.id, referrals.clinicId] }).onDelete(
      'cascade',
    ),
    index('referral_events_referral_idx').on(t.referralId, t.createdAt),
    check('referral_events_note_length', sql`${t.note} is null or char_length(${t.note}) <= 2000`),
  ],
);

import { relations, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const ROLES = ['admin', 'practitioner'] as const;
export type Role = (typeof ROLES)[number];

export const DISCIPLINES = ['chiropractor', 'physical_therapist', 'massage_therapist', 'other'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clinics_slug_key').on(t.slug),
    check('clinics_name_length', sql`char_length(${t.name}) between 1 and 200`),
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
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'restrict' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    // Field names and ids only; never patient-entered free text.
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_events_clinic_created_idx').on(t.clinicId, t.createdAt)],
);

export const clinicsRelations = relations(clinics, ({ many }) => ({
  users: many(users),
}));

export const usersRelations = relations(users, ({ one }) => ({
  clinic: one(clinics, { fields: [users.clinicId], references: [clinics.id] }),
}));

export type Clinic = typeof clinics.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

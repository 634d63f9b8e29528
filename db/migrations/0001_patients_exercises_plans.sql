CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"equipment" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"steps" jsonb NOT NULL,
	"cues" jsonb NOT NULL,
	"safety_notes" jsonb NOT NULL,
	"illustration" text,
	"timing" text NOT NULL,
	"reps_unit" text NOT NULL,
	"default_dose" jsonb NOT NULL,
	"hold_min" integer NOT NULL,
	"hold_max" integer NOT NULL,
	"reps_min" integer NOT NULL,
	"reps_max" integer NOT NULL,
	"sets_min" integer NOT NULL,
	"sets_max" integer NOT NULL,
	"sessions_min" integer NOT NULL,
	"sessions_max" integer NOT NULL,
	"contraindications" text[] DEFAULT '{}'::text[] NOT NULL,
	"easier_id" uuid,
	"harder_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_kind_check" CHECK ("exercises"."kind" in ('soft_tissue', 'joint_mobility')),
	CONSTRAINT "exercises_equipment_check" CHECK ("exercises"."equipment" in ('standard_roller', 'hard_core_roller')),
	CONSTRAINT "exercises_hold_limits" CHECK ("exercises"."hold_min" between 1 and "exercises"."hold_max" and "exercises"."hold_max" <= 1800),
	CONSTRAINT "exercises_reps_limits" CHECK ("exercises"."reps_min" between 1 and "exercises"."reps_max" and "exercises"."reps_max" <= 30),
	CONSTRAINT "exercises_sets_limits" CHECK ("exercises"."sets_min" between 1 and "exercises"."sets_max" and "exercises"."sets_max" <= 10),
	CONSTRAINT "exercises_sessions_limits" CHECK ("exercises"."sessions_min" between 1 and "exercises"."sessions_max" and "exercises"."sessions_max" <= 6),
	CONSTRAINT "exercises_name_length" CHECK (char_length("exercises"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "hidden_exercises" (
	"clinic_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hidden_exercises_clinic_id_exercise_id_pk" PRIMARY KEY("clinic_id","exercise_id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"primary_practitioner_id" uuid,
	"name" text NOT NULL,
	"birth_year" smallint,
	"email" text,
	"phone" text,
	"timezone" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"discharged_at" timestamp with time zone,
	"notes" text,
	"last_session_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "patients_name_length" CHECK (char_length("patients"."name") between 1 and 200),
	CONSTRAINT "patients_status_check" CHECK ("patients"."status" in ('active', 'discharged')),
	CONSTRAINT "patients_birth_year_range" CHECK ("patients"."birth_year" is null or "patients"."birth_year" between 1900 and 2100),
	CONSTRAINT "patients_notes_length" CHECK ("patients"."notes" is null or char_length("patients"."notes") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sessions_per_day" smallint NOT NULL,
	"days_of_week" smallint[] NOT NULL,
	"hold_seconds" integer NOT NULL,
	"reps" smallint NOT NULL,
	"sets" smallint NOT NULL,
	"patient_note" text,
	CONSTRAINT "plan_items_position_key" UNIQUE("plan_version_id","position"),
	CONSTRAINT "plan_items_sessions_range" CHECK ("plan_items"."sessions_per_day" between 1 and 6),
	CONSTRAINT "plan_items_hold_range" CHECK ("plan_items"."hold_seconds" between 1 and 1800),
	CONSTRAINT "plan_items_reps_range" CHECK ("plan_items"."reps" between 1 and 30),
	CONSTRAINT "plan_items_sets_range" CHECK ("plan_items"."sets" between 1 and 10),
	CONSTRAINT "plan_items_days_valid" CHECK (cardinality("plan_items"."days_of_week") between 1 and 7 and "plan_items"."days_of_week" <@ array[1,2,3,4,5,6,7]::smallint[]),
	CONSTRAINT "plan_items_note_length" CHECK ("plan_items"."patient_note" is null or char_length("plan_items"."patient_note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "plan_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sessions_per_day" smallint NOT NULL,
	"days_of_week" smallint[] NOT NULL,
	"hold_seconds" integer NOT NULL,
	"reps" smallint NOT NULL,
	"sets" smallint NOT NULL,
	"patient_note" text,
	CONSTRAINT "plan_template_items_position_key" UNIQUE("template_id","position"),
	CONSTRAINT "plan_template_items_sessions_range" CHECK ("plan_template_items"."sessions_per_day" between 1 and 6),
	CONSTRAINT "plan_template_items_hold_range" CHECK ("plan_template_items"."hold_seconds" between 1 and 1800),
	CONSTRAINT "plan_template_items_reps_range" CHECK ("plan_template_items"."reps" between 1 and 30),
	CONSTRAINT "plan_template_items_sets_range" CHECK ("plan_template_items"."sets" between 1 and 10),
	CONSTRAINT "plan_template_items_days_valid" CHECK (cardinality("plan_template_items"."days_of_week") between 1 and 7 and "plan_template_items"."days_of_week" <@ array[1,2,3,4,5,6,7]::smallint[]),
	CONSTRAINT "plan_template_items_note_length" CHECK ("plan_template_items"."patient_note" is null or char_length("plan_template_items"."patient_note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_templates_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "plan_templates_name_length" CHECK (char_length("plan_templates"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_date" date NOT NULL,
	"author_id" uuid,
	"reason" text NOT NULL,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "plan_versions_plan_version_key" UNIQUE("plan_id","version"),
	CONSTRAINT "plan_versions_reason_length" CHECK (char_length("plan_versions"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"template_id" uuid,
	"created_by" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('active', 'ended')),
	CONSTRAINT "plans_dates_ordered" CHECK ("plans"."end_date" is null or "plans"."end_date" >= "plans"."start_date" - 1)
);
--> statement-breakpoint
CREATE TABLE "precaution_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"contraindication" text NOT NULL,
	"reason" text NOT NULL,
	"acknowledged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "precaution_ack_reason_length" CHECK (char_length("precaution_acknowledgements"."reason") between 3 and 500)
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"screened_by" uuid,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_easier_id_exercises_id_fk" FOREIGN KEY ("easier_id") REFERENCES "public"."exercises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_harder_id_exercises_id_fk" FOREIGN KEY ("harder_id") REFERENCES "public"."exercises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hidden_exercises" ADD CONSTRAINT "hidden_exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hidden_exercises" ADD CONSTRAINT "hidden_exercises_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_primary_practitioner_id_users_id_fk" FOREIGN KEY ("primary_practitioner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_version_id_clinic_id_plan_versions_id_clinic_id_fk" FOREIGN KEY ("plan_version_id","clinic_id") REFERENCES "public"."plan_versions"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_items" ADD CONSTRAINT "plan_template_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_items" ADD CONSTRAINT "plan_template_items_template_id_clinic_id_plan_templates_id_clinic_id_fk" FOREIGN KEY ("template_id","clinic_id") REFERENCES "public"."plan_templates"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_clinic_id_plans_id_clinic_id_fk" FOREIGN KEY ("plan_id","clinic_id") REFERENCES "public"."plans"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_template_id_plan_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."plan_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "precaution_acknowledgements" ADD CONSTRAINT "precaution_acknowledgements_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "precaution_acknowledgements" ADD CONSTRAINT "precaution_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "precaution_acknowledgements" ADD CONSTRAINT "precaution_acknowledgements_plan_version_id_clinic_id_plan_versions_id_clinic_id_fk" FOREIGN KEY ("plan_version_id","clinic_id") REFERENCES "public"."plan_versions"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_builtin_slug_key" ON "exercises" USING btree ("slug") WHERE "exercises"."clinic_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_clinic_slug_key" ON "exercises" USING btree ("clinic_id","slug") WHERE "exercises"."clinic_id" is not null;--> statement-breakpoint
CREATE INDEX "patients_clinic_name_idx" ON "patients" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE INDEX "patients_clinic_created_idx" ON "patients" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "patients_clinic_last_session_idx" ON "patients" USING btree ("clinic_id","last_session_at");--> statement-breakpoint
CREATE INDEX "patients_clinic_practitioner_idx" ON "patients" USING btree ("clinic_id","primary_practitioner_id");--> statement-breakpoint
CREATE INDEX "plan_items_version_idx" ON "plan_items" USING btree ("plan_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_templates_clinic_name_key" ON "plan_templates" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE INDEX "plan_versions_plan_effective_idx" ON "plan_versions" USING btree ("plan_id","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_active_per_patient" ON "plans" USING btree ("patient_id") WHERE "plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "plans_clinic_patient_idx" ON "plans" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "screenings_patient_created_idx" ON "screenings" USING btree ("patient_id","created_at");
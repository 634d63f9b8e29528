CREATE TABLE "progression_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"suggestion" text NOT NULL,
	"signature" text NOT NULL,
	"headline" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"applied_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_events_note_length" CHECK ("progression_events"."note" is null or char_length("progression_events"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "progression_thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "progression_events" ADD CONSTRAINT "progression_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_events" ADD CONSTRAINT "progression_events_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_events" ADD CONSTRAINT "progression_events_plan_version_id_clinic_id_plan_versions_id_clinic_id_fk" FOREIGN KEY ("plan_version_id","clinic_id") REFERENCES "public"."plan_versions"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progression_events_version_idx" ON "progression_events" USING btree ("plan_version_id","signature");--> statement-breakpoint
CREATE UNIQUE INDEX "progression_events_shown_once" ON "progression_events" USING btree ("plan_version_id","signature") WHERE "progression_events"."kind" = 'shown';
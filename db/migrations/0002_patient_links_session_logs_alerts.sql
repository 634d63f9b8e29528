CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"session_log_id" uuid,
	"kind" text NOT NULL,
	"reasons" text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	CONSTRAINT "alerts_status_check" CHECK ("alerts"."status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "patient_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "patient_links_label_length" CHECK (char_length("patient_links"."label") between 1 and 80),
	CONSTRAINT "patient_links_hash_shape" CHECK ("patient_links"."token_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "session_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	"local_day" date NOT NULL,
	"items_done" uuid[] NOT NULL,
	"pain_before" smallint NOT NULL,
	"pain_after" smallint NOT NULL,
	"symptoms" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"idempotency_key" uuid NOT NULL,
	"payload_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_logs_pain_before_range" CHECK ("session_logs"."pain_before" between 0 and 10),
	CONSTRAINT "session_logs_pain_after_range" CHECK ("session_logs"."pain_after" between 0 and 10),
	CONSTRAINT "session_logs_note_length" CHECK ("session_logs"."note" is null or char_length("session_logs"."note") <= 2000),
	CONSTRAINT "session_logs_symptoms_valid" CHECK ("session_logs"."symptoms" <@ array['tingling','sharp_pain','chest','other']::text[])
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_session_log_id_session_logs_id_fk" FOREIGN KEY ("session_log_id") REFERENCES "public"."session_logs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_links" ADD CONSTRAINT "patient_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_links" ADD CONSTRAINT "patient_links_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_plan_version_id_clinic_id_plan_versions_id_clinic_id_fk" FOREIGN KEY ("plan_version_id","clinic_id") REFERENCES "public"."plan_versions"("id","clinic_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_clinic_status_idx" ON "alerts" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "alerts_patient_idx" ON "alerts" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_links_token_hash_key" ON "patient_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "patient_links_patient_idx" ON "patient_links" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_logs_patient_key" ON "session_logs" USING btree ("patient_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "session_logs_patient_day_idx" ON "session_logs" USING btree ("patient_id","local_day");--> statement-breakpoint
CREATE INDEX "session_logs_clinic_day_idx" ON "session_logs" USING btree ("clinic_id","local_day");
ALTER TABLE "session_logs" ALTER COLUMN "pain_before" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "session_logs" ALTER COLUMN "pain_after" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "emergency_number" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "closed_advice" text;--> statement-breakpoint
ALTER TABLE "session_logs" ADD COLUMN "items_partial" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_emergency_number_format" CHECK ("clinics"."emergency_number" is null or "clinics"."emergency_number" ~ '^[0-9]{2,6}$');--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_pain_or_symptom" CHECK (("session_logs"."pain_before" is not null and "session_logs"."pain_after" is not null) or cardinality("session_logs"."symptoms") > 0 or greatest("session_logs"."pain_before", "session_logs"."pain_after") >= 7);--> statement-breakpoint
-- Stored figures are a cache: adherence now counts only sessions with an exercise done, and today
-- only with what is logged, so rows from before are recomputed on the next read.
DELETE FROM "patient_figures";

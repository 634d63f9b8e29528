ALTER TABLE "patient_figures" ADD COLUMN "adherence7" double precision;--> statement-breakpoint
ALTER TABLE "patient_figures" ADD COLUMN "adherence28" double precision;--> statement-breakpoint
ALTER TABLE "patient_figures" ADD COLUMN "pain_change" double precision;--> statement-breakpoint
ALTER TABLE "patient_figures" ADD COLUMN "reasons" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Stored figures are a cache: rows from before these columns are recomputed on the next read.
DELETE FROM "patient_figures";

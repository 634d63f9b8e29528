ALTER TABLE "patient_figures" ADD COLUMN "pain_before_previous7" double precision;--> statement-breakpoint
ALTER TABLE "patient_figures" ADD COLUMN "pain_before_change" double precision;--> statement-breakpoint
-- Stored figures are a cache: rows from before these columns are recomputed on the next read.
DELETE FROM "patient_figures";

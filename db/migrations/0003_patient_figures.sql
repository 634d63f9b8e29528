CREATE TABLE "patient_figures" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"today" date NOT NULL,
	"prescribed7" integer NOT NULL,
	"completed7" integer NOT NULL,
	"logged7" integer NOT NULL,
	"prescribed28" integer NOT NULL,
	"completed28" integer NOT NULL,
	"last_session_day" date,
	"missed_prescribed_days" integer NOT NULL,
	"pain_before7" double precision,
	"pain_after7" double precision,
	"pain_after_previous7" double precision,
	"trend" double precision[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "figures_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_figures" ADD CONSTRAINT "patient_figures_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "handout_prints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"printed_by" uuid,
	"by_patient" boolean DEFAULT false NOT NULL,
	"patient_link_id" uuid,
	"paper" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handout_prints_paper_check" CHECK ("handout_prints"."paper" in ('a4', 'letter'))
);
--> statement-breakpoint
ALTER TABLE "handout_prints" ADD CONSTRAINT "handout_prints_printed_by_users_id_fk" FOREIGN KEY ("printed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_prints" ADD CONSTRAINT "handout_prints_patient_link_id_patient_links_id_fk" FOREIGN KEY ("patient_link_id") REFERENCES "public"."patient_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_prints" ADD CONSTRAINT "handout_prints_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_prints" ADD CONSTRAINT "handout_prints_plan_version_id_clinic_id_plan_versions_id_clinic_id_fk" FOREIGN KEY ("plan_version_id","clinic_id") REFERENCES "public"."plan_versions"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handout_prints_patient_idx" ON "handout_prints" USING btree ("patient_id","created_at");
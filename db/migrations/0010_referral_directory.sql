CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"discipline" text NOT NULL,
	"organisation" text,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accepting_new_patients" boolean DEFAULT true NOT NULL,
	"opening_hours" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"internal_notes" text,
	"is_clinic" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(translate("name" || chr(10) || coalesce("organisation", '') || chr(10) || coalesce("address", ''), 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎĐďđÈÉÊËĒĖĘĚèéêëēėęěÌÍÎÏĪĮİìíîïīįıÑŃŇñńňÒÓÔÕÖØŌŐòóôõöøōőŘřŚŠŞśšşŤťÙÚÛÜŪŮŰŲùúûüūůűųÝŸýÿŹŻŽźżžŁł''’‘ʼʻ`´′', 'aaaaaaaaaaaaaaaaaaccccccddddeeeeeeeeeeeeeeeeiiiiiiiiiiiiiinnnnnnoooooooooooooooorrssssssttuuuuuuuuuuuuuuuuyyyyzzzzzzll'))) STORED NOT NULL,
	CONSTRAINT "providers_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "providers_name_length" CHECK (char_length("providers"."name") between 1 and 200),
	CONSTRAINT "providers_discipline_check" CHECK ("providers"."discipline" in ('chiropractor', 'physical_therapist', 'massage_therapist', 'physician', 'osteopath', 'other')),
	CONSTRAINT "providers_website_scheme" CHECK ("providers"."website" is null or "providers"."website" ~* '^https?://')
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"occurred_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_events_note_length" CHECK ("referral_events"."note" is null or char_length("referral_events"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"created_by" uuid,
	"reason" text NOT NULL,
	"urgency" text NOT NULL,
	"request" text NOT NULL,
	"goal" text,
	"patient_informed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_on" date,
	"booked_on" date,
	"seen_on" date,
	"closed_on" date,
	"patient_requested_at" timestamp with time zone,
	"report_findings" text,
	"report_recommendations" text,
	"report_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_id_clinic_key" UNIQUE("id","clinic_id"),
	CONSTRAINT "referrals_reason_length" CHECK (char_length("referrals"."reason") between 1 and 2000),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('draft', 'sent', 'booked', 'seen', 'report_received', 'declined', 'cancelled')),
	CONSTRAINT "referrals_urgency_check" CHECK ("referrals"."urgency" in ('routine', 'soon', 'urgent')),
	CONSTRAINT "referrals_request_check" CHECK ("referrals"."request" in ('assess', 'treat', 'assess_and_report'))
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_clinic_id_referrals_id_clinic_id_fk" FOREIGN KEY ("referral_id","clinic_id") REFERENCES "public"."referrals"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_clinic_id_patients_id_clinic_id_fk" FOREIGN KEY ("patient_id","clinic_id") REFERENCES "public"."patients"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_id_clinic_id_providers_id_clinic_id_fk" FOREIGN KEY ("provider_id","clinic_id") REFERENCES "public"."providers"("id","clinic_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "providers_clinic_name_idx" ON "providers" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "providers_one_clinic_entry" ON "providers" USING btree ("clinic_id") WHERE "providers"."is_clinic";--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_clinic_status_idx" ON "referrals" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;
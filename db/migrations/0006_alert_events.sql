-- Alerts keep their current status; what was done about them (by whom, when, with what note)
-- moves to alert_events, so a resolve no longer overwrites the acknowledgement before it.
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_id_clinic_key" UNIQUE("id","clinic_id");--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_events_action_check" CHECK ("alert_events"."action" in ('acknowledge', 'resolve', 'reopen')),
	CONSTRAINT "alert_events_note_length" CHECK (char_length("alert_events"."note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_clinic_id_alerts_id_clinic_id_fk" FOREIGN KEY ("alert_id","clinic_id") REFERENCES "public"."alerts"("id","clinic_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","created_at");--> statement-breakpoint
-- The one action each handled alert recorded before this table existed.
INSERT INTO "alert_events" ("clinic_id", "alert_id", "action", "note", "actor_id", "created_at")
SELECT "clinic_id", "id", CASE "status" WHEN 'acknowledged' THEN 'acknowledge' WHEN 'resolved' THEN 'resolve' ELSE 'reopen' END, "note", "handled_by", "handled_at"
FROM "alerts" WHERE "handled_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" DROP CONSTRAINT "alerts_handled_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "alerts" DROP COLUMN "note";--> statement-breakpoint
ALTER TABLE "alerts" DROP COLUMN "handled_by";--> statement-breakpoint
ALTER TABLE "alerts" DROP COLUMN "handled_at";

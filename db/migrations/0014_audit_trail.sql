CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "clinic_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_link_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "patient_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "outcome" text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_clinic_patient_idx" ON "audit_events" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_outcome_check" CHECK ("audit_events"."outcome" in ('ok', 'denied', 'failed'));--> statement-breakpoint
-- Rows recorded before this migration name their patient in detail or subject.
UPDATE "audit_events" SET "patient_id" = ("detail"->>'patientId')::uuid WHERE "detail" ? 'patientId';--> statement-breakpoint
UPDATE "audit_events" SET "patient_id" = "subject_id"::uuid WHERE "subject_type" = 'patient' AND "patient_id" IS NULL;--> statement-breakpoint
-- One field of the hashed text: its length in bytes, a colon and the text, or '-' for null, so
-- no two different rows give the same text. scripts/audit-verify.ts (lib/audit/chain.ts) builds
-- the same text in TypeScript to check each row independently of these functions.
CREATE FUNCTION rollcall_audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v) || ':' || v END
$$;--> statement-breakpoint
CREATE FUNCTION rollcall_audit_hash(e audit_events) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    e.prev_hash
    || rollcall_audit_field(e.id::text)
    || rollcall_audit_field(e.seq::text)
    || rollcall_audit_field(e.clinic_id::text)
    || rollcall_audit_field(to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || rollcall_audit_field(e.actor_user_id::text)
    || rollcall_audit_field(e.actor_link_id::text)
    || rollcall_audit_field(e.patient_id::text)
    || rollcall_audit_field(e.action)
    || rollcall_audit_field(e.outcome)
    || rollcall_audit_field(e.subject_type)
    || rollcall_audit_field(e.subject_id)
    || rollcall_audit_field(e.detail::text)
    || rollcall_audit_field(e.client_address),
  'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Chain the rows already there, oldest first within each clinic.
DO $$
DECLARE
  r record;
  current_chain text := NULL;
  n bigint := 0;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT id, coalesce(clinic_id::text, 'none') AS chain FROM audit_events ORDER BY clinic_id, id LOOP
    IF current_chain IS DISTINCT FROM r.chain THEN
      IF current_chain IS NOT NULL THEN
        INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (current_chain, n, prev);
      END IF;
      current_chain := r.chain;
      n := 0;
      prev := repeat('0', 64);
    END IF;
    n := n + 1;
    UPDATE audit_events SET seq = n, prev_hash = prev WHERE id = r.id;
    UPDATE audit_events e SET hash = rollcall_audit_hash(e) WHERE id = r.id RETURNING e.hash INTO prev;
  END LOOP;
  IF current_chain IS NOT NULL THEN
    INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (current_chain, n, prev);
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_clinic_seq_unique" UNIQUE NULLS NOT DISTINCT("clinic_id","seq");--> statement-breakpoint
-- Each new row takes the next place in its clinic's chain. Locking the chain's head row makes
-- two transactions of one clinic append one after the other (the second waits for the first to
-- commit, then reads the head it left); under REPEATABLE READ the second fails with a
-- serialization error instead of forking. Other clinics' chains never wait. The head is held
-- until commit, so callers write their audit row last in a transaction.
CREATE FUNCTION rollcall_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chain_key text := coalesce(NEW.clinic_id::text, 'none');
  head record;
BEGIN
  SELECT seq, hash INTO head FROM audit_chain_heads WHERE chain = chain_key FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (chain_key, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
    SELECT seq, hash INTO head FROM audit_chain_heads WHERE chain = chain_key FOR UPDATE;
  END IF;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := rollcall_audit_hash(NEW);
  UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = chain_key;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION rollcall_audit_chain();--> statement-breakpoint
-- Append-only: UPDATE and DELETE are refused for everyone, the app's own role included (a
-- superuser can still disable the trigger; audit:verify then finds what changed). TRUNCATE is
-- left to the table's owner so test and benchmark databases can be reset; the app never runs it,
-- and a truncated chain no longer matches its head in audit_chain_heads.
CREATE FUNCTION rollcall_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION rollcall_audit_append_only();

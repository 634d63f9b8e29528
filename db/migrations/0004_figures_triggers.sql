-- Keeps patients.figures_version moving whenever anything the adherence figures are made of
-- changes, whatever code path (or psql session) changed it: a stored patient_figures row is
-- only used while its version matches. Statement-level triggers with transition tables touch
-- each patient once per statement, so a bulk import costs one update per patient, not per row.

CREATE FUNCTION rollcall_bump_figures(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE patients SET figures_version = figures_version + 1 WHERE id = ANY(ids);
$$;
--> statement-breakpoint
-- Session logs also keep patients.last_session_at (the roster sorts by it), in the same update.
CREATE FUNCTION rollcall_session_logs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM rollcall_bump_figures(array(SELECT DISTINCT patient_id FROM old_rows));
  ELSE
    UPDATE patients p
       SET figures_version = p.figures_version + 1,
           last_session_at = greatest(p.last_session_at, n.last)
      FROM (SELECT patient_id, max(performed_at) AS last FROM new_rows GROUP BY patient_id) n
     WHERE p.id = n.patient_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollcall_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM rollcall_bump_figures(array(SELECT DISTINCT patient_id FROM old_rows));
  ELSE
    PERFORM rollcall_bump_figures(array(SELECT DISTINCT patient_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollcall_plan_versions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM rollcall_bump_figures(array(SELECT DISTINCT pl.patient_id FROM old_rows v JOIN plans pl ON pl.id = v.plan_id));
  ELSE
    PERFORM rollcall_bump_figures(array(SELECT DISTINCT pl.patient_id FROM new_rows v JOIN plans pl ON pl.id = v.plan_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollcall_plan_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM rollcall_bump_figures(array(
      SELECT DISTINCT pl.patient_id FROM old_rows i JOIN plan_versions v ON v.id = i.plan_version_id JOIN plans pl ON pl.id = v.plan_id));
  ELSE
    PERFORM rollcall_bump_figures(array(
      SELECT DISTINCT pl.patient_id FROM new_rows i JOIN plan_versions v ON v.id = i.plan_version_id JOIN plans pl ON pl.id = v.plan_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new timezone moves every day boundary; a discharge or return changes who is counted.
CREATE FUNCTION rollcall_patients_figures_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.timezone IS DISTINCT FROM OLD.timezone OR NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.figures_version := OLD.figures_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_logs_figures_insert AFTER INSERT ON session_logs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_session_logs_changed();
--> statement-breakpoint
CREATE TRIGGER session_logs_figures_update AFTER UPDATE ON session_logs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_session_logs_changed();
--> statement-breakpoint
CREATE TRIGGER session_logs_figures_delete AFTER DELETE ON session_logs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_session_logs_changed();
--> statement-breakpoint
CREATE TRIGGER plans_figures_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plans_changed();
--> statement-breakpoint
CREATE TRIGGER plans_figures_update AFTER UPDATE ON plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plans_changed();
--> statement-breakpoint
CREATE TRIGGER plans_figures_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plans_changed();
--> statement-breakpoint
CREATE TRIGGER plan_versions_figures_insert AFTER INSERT ON plan_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_versions_changed();
--> statement-breakpoint
CREATE TRIGGER plan_versions_figures_update AFTER UPDATE ON plan_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_versions_changed();
--> statement-breakpoint
CREATE TRIGGER plan_versions_figures_delete AFTER DELETE ON plan_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_versions_changed();
--> statement-breakpoint
CREATE TRIGGER plan_items_figures_insert AFTER INSERT ON plan_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_items_changed();
--> statement-breakpoint
CREATE TRIGGER plan_items_figures_update AFTER UPDATE ON plan_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_items_changed();
--> statement-breakpoint
CREATE TRIGGER plan_items_figures_delete AFTER DELETE ON plan_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollcall_plan_items_changed();
--> statement-breakpoint
CREATE TRIGGER patients_figures_inputs BEFORE UPDATE OF timezone, status ON patients FOR EACH ROW EXECUTE FUNCTION rollcall_patients_figures_inputs();

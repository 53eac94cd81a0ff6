-- The booking path, made cheaper after profiling the morning rush (docs/benchmarks.md, issue 3).
--
-- 1. sched_patient_facts in PL/pgSQL: a SECURITY DEFINER SQL function is never inlined, and
--    PostgreSQL then parses and plans its body again on every call; PL/pgSQL keeps the plan for the
--    connection's lifetime.
DROP FUNCTION sched_patient_facts(bigint);
CREATE FUNCTION sched_patient_facts(p_id bigint) RETURNS TABLE (sex text, birth_date date, status text, id_type text, mobile_enc text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS
$$ BEGIN
  RETURN QUERY SELECT p.sex, p.birth_date, p.status, p.id_type, p.mobile_enc FROM patient p WHERE p.id = p_id;
END $$;
REVOKE ALL ON FUNCTION sched_patient_facts(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sched_patient_facts(bigint) TO kangyun_app;

-- 2. An appointment's institution, department, resource, session, doctor and booking clerk are
--    copied from its session (and the caller) by the statement that claims the number, and the
--    number's own foreign key (slot → session → resource, department, institution) already keeps
--    them real; sessions, org units and accounts are never deleted (only closed or disabled).
--    Checking them again took a KEY SHARE row lock on the same few rows (the department, the
--    doctor, the desk clerk) for every booking of the morning, which PostgreSQL records as ever
--    larger multixacts while many bookings are open at once.
ALTER TABLE appointment
  DROP CONSTRAINT appointment_institution_id_fkey,
  DROP CONSTRAINT appointment_department_id_fkey,
  DROP CONSTRAINT appointment_resource_id_fkey,
  DROP CONSTRAINT appointment_session_id_fkey,
  DROP CONSTRAINT appointment_practitioner_id_fkey,
  DROP CONSTRAINT appointment_booked_by_fkey;

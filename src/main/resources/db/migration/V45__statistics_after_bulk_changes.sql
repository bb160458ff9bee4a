-- An import that adds or removes thousands of tenants changes the tenant tables by orders of
-- magnitude inside one transaction. The planner still works from the statistics of before
-- (often "empty"), chooses nested loops without an index condition, and the import's own reads
-- and cascading deletes turn quadratic: 10,000 tenants with 120,000 allowed sending servers took
-- over ten minutes to read back, and removing them between 6 s and 350 s, depending on whether
-- autovacuum had run in between (issue 18). The application role owns no table and may not
-- ANALYZE; this function, owned by the schema owner, analyses exactly the tables an import
-- writes (and the evaluations that reference them). ANALYZE counts and samples the rows the
-- calling transaction inserted, so the statistics fit what the rest of the import will read.
CREATE FUNCTION analyze_tenant_tables() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS
$$
BEGIN
    ANALYZE tenant, managed_domain, allowed_sending_server, tls_fingerprint, tenant_evaluation, app_user;
END
$$;
REVOKE ALL ON FUNCTION analyze_tenant_tables() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analyze_tenant_tables() TO hardening_operator, hardening_system;

-- The application connects as hardening_app, which owns nothing and may only look up users
-- (to log them in) and append to the audit log. In every transaction it switches with
-- SET LOCAL ROLE to the role of the acting user's kind, and a tenant admin's transaction also
-- sets app.tenant_id. Row-level security, enabled and forced on every table holding tenant
-- data, is the second wall behind the application's checks.

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO hardening_app, hardening_operator, hardening_auditor, hardening_tenant_admin, hardening_system;

-- The login role itself.
GRANT SELECT ON app_user TO hardening_app;
GRANT INSERT ON audit_event TO hardening_app;

-- Operators and background work change configuration.
GRANT SELECT, INSERT, UPDATE, DELETE ON gateway, gateway_network, manual_list_entry, tenant, managed_domain,
    tls_fingerprint, allowed_sending_server, evaluation, tenant_evaluation, reference_network_set,
    reference_network, app_user TO hardening_operator, hardening_system;
GRANT SELECT, INSERT ON audit_event TO hardening_operator;
GRANT INSERT ON audit_event TO hardening_system, hardening_auditor, hardening_tenant_admin;

-- Auditors read everything and write nothing but the audit log.
GRANT SELECT ON gateway, gateway_network, manual_list_entry, tenant, managed_domain, tls_fingerprint,
    allowed_sending_server, evaluation, tenant_evaluation, reference_network_set, reference_network
    TO hardening_auditor;
GRANT SELECT (id, username, role, tenant_id, enabled, created_at, version) ON app_user TO hardening_auditor;

-- Tenant admins read their own tenant; of the gateway only what its findings need, never its
-- network lists, and never the operator-only details of evaluations.
GRANT SELECT (id, name, hostname, hosting, current_evaluation_id) ON gateway TO hardening_tenant_admin;
GRANT SELECT ON tenant, managed_domain, tls_fingerprint, allowed_sending_server, reference_network_set
    TO hardening_tenant_admin;
GRANT SELECT (id, gateway_id, evaluated_at, catalogue_version, trigger, light, findings) ON evaluation
    TO hardening_tenant_admin;
GRANT SELECT (evaluation_id, tenant_id, light, fail_count, warn_count, unknown_count, pass_count,
    not_applicable_count, worst_rule, failing_rules, attention_rules, findings) ON tenant_evaluation TO hardening_tenant_admin;
GRANT SELECT (id, username, role, tenant_id, enabled, created_at, version) ON app_user TO hardening_tenant_admin;

CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Every table with tenant data: enabled and forced, one policy for the roles that see all,
-- one for tenant admins.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenant', 'managed_domain', 'tls_fingerprint', 'allowed_sending_server',
                             'tenant_evaluation', 'app_user', 'gateway', 'evaluation',
                             'gateway_network', 'manual_list_entry']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY all_tenants ON %I TO hardening_operator, hardening_auditor, hardening_system USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

CREATE POLICY own_tenant ON tenant TO hardening_tenant_admin USING (id = app_tenant_id());
CREATE POLICY own_tenant ON managed_domain TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
CREATE POLICY own_tenant ON tls_fingerprint TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
CREATE POLICY own_tenant ON allowed_sending_server TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
CREATE POLICY own_tenant ON tenant_evaluation TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
CREATE POLICY own_tenant ON gateway TO hardening_tenant_admin
    USING (id = (SELECT t.gateway_id FROM tenant t WHERE t.id = app_tenant_id()));
CREATE POLICY own_tenant ON evaluation TO hardening_tenant_admin
    USING (gateway_id = (SELECT t.gateway_id FROM tenant t WHERE t.id = app_tenant_id()));
CREATE POLICY own_tenant ON app_user TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
-- The login role looks users up by name before anyone is authenticated.
CREATE POLICY login ON app_user TO hardening_app USING (true);

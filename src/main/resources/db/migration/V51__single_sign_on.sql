-- Single sign-on (issue 16): which value of the provider's group/role claim gives which role,
-- and for tenant admins which tenant. Operators edit it; the sign-in reads it as the system role.
CREATE TABLE sso_mapping (
    id uuid PRIMARY KEY,
    claim_value text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('OPERATOR', 'AUDITOR', 'TENANT_ADMIN')),
    -- No foreign key, as for tokens: a mapping to a removed tenant grants nothing.
    tenant_id uuid,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    version bigint NOT NULL DEFAULT 0,
    CHECK ((role = 'TENANT_ADMIN') = (tenant_id IS NOT NULL))
);
GRANT SELECT, INSERT, UPDATE, DELETE ON sso_mapping TO hardening_operator;
GRANT SELECT ON sso_mapping TO hardening_system, hardening_auditor;
ALTER TABLE sso_mapping ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_mapping FORCE ROW LEVEL SECURITY;
CREATE POLICY manage ON sso_mapping TO hardening_operator USING (true) WITH CHECK (true);
CREATE POLICY read_all ON sso_mapping FOR SELECT TO hardening_system, hardening_auditor USING (true);

-- Accounts created by a sign-in remember their provider, so that a provider's user can never
-- take over a local account of the same name.
ALTER TABLE app_user ADD COLUMN sso_issuer text;
GRANT SELECT (sso_issuer) ON app_user TO hardening_auditor, hardening_tenant_admin;

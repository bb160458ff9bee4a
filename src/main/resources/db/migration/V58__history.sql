-- History (issue 13): configuration versions (owned by the gateway module) and the light
-- history with its causes (owned by the checklist). Days are UTC days.

-- Every import, pull and edit that changes a gateway stores the normalised configuration:
-- the exchange format (header values redacted) to read, and the exact configuration (with
-- the stored keyed hashes of header values, never the values) that two versions are
-- compared by, field by field. Operator and auditor data only.
CREATE TABLE configuration_version (
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    actor text NOT NULL,
    source text NOT NULL,
    origin text,
    snapshot jsonb NOT NULL,
    state bytea NOT NULL,
    PRIMARY KEY (gateway_id, version)
);
CREATE INDEX configuration_version_created ON configuration_version (created_at);

-- The version of the Exchange Online ranges an evaluation used, so that a change of the
-- reference data can be named as a cause.
ALTER TABLE evaluation ADD COLUMN reference_version text;

-- Per failing finding ("RULE|domain", domain empty for gateway and tenant findings): since
-- when it fails without a break, carried from evaluation to evaluation.
ALTER TABLE tenant_evaluation ADD COLUMN failing_since jsonb NOT NULL DEFAULT '{}';

-- Every change of a tenant's light, with its causes (names and values, never rendered
-- text, never another tenant's name). Older than the full retention, flaps of one day are
-- folded into one row per tenant and day.
CREATE TABLE light_change (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    changed_at timestamptz NOT NULL,
    before text CHECK (before IN ('GREEN', 'YELLOW', 'RED')),
    after text NOT NULL CHECK (after IN ('GREEN', 'YELLOW', 'RED')),
    worsened boolean NOT NULL,
    causes jsonb NOT NULL
);
CREATE INDEX light_change_tenant ON light_change (tenant_id, changed_at DESC);
CREATE INDEX light_change_worsened ON light_change (changed_at) WHERE worsened;

-- One summary per tenant and day: its light and counts at the day's last evaluation. Kept
-- after the full evaluations are pruned; the trends are drawn from it.
CREATE TABLE tenant_day (
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    day date NOT NULL,
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    light text NOT NULL CHECK (light IN ('GREEN', 'YELLOW', 'RED')),
    fail_count integer NOT NULL,
    warn_count integer NOT NULL,
    unknown_count integer NOT NULL,
    PRIMARY KEY (tenant_id, day)
);
CREATE INDEX tenant_day_day ON tenant_day (day);

-- Per gateway and day, its tenants per light at the day's last evaluation: the overview's
-- trend without reading a row per tenant.
CREATE TABLE gateway_day (
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    day date NOT NULL,
    red_tenants integer NOT NULL,
    yellow_tenants integer NOT NULL,
    green_tenants integer NOT NULL,
    PRIMARY KEY (gateway_id, day)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON configuration_version, light_change, tenant_day, gateway_day
    TO hardening_operator, hardening_system;
GRANT SELECT ON configuration_version, light_change, tenant_day, gateway_day TO hardening_auditor;
GRANT SELECT ON light_change, tenant_day TO hardening_tenant_admin;
GRANT SELECT (failing_since) ON tenant_evaluation TO hardening_tenant_admin;
GRANT SELECT (reference_version) ON evaluation TO hardening_tenant_admin;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['configuration_version', 'light_change', 'tenant_day', 'gateway_day']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY all_tenants ON %I TO hardening_operator, hardening_auditor, hardening_system USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;
CREATE POLICY own_tenant ON light_change TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
CREATE POLICY own_tenant ON tenant_day TO hardening_tenant_admin USING (tenant_id = app_tenant_id());

-- Evaluations against the checklist. Findings are stored per tenant as JSON (rule, subject,
-- outcome, message key and arguments, never rendered text): a tenant page reads one row, the
-- overview reads the precomputed light and counts. Messages that name other tenants or the
-- gateway's networks live in the separate *details columns, which tenant admins cannot read.

CREATE TABLE evaluation (
    id uuid PRIMARY KEY,
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    evaluated_at timestamptz NOT NULL,
    catalogue_version integer NOT NULL,
    trigger text NOT NULL CHECK (trigger IN ('IMPORT', 'EDIT', 'REFERENCE_DATA', 'CATALOGUE')),
    triggered_by text NOT NULL,
    light text NOT NULL CHECK (light IN ('GREEN', 'YELLOW', 'RED')),
    findings jsonb NOT NULL,
    details jsonb NOT NULL
);
CREATE INDEX evaluation_gateway ON evaluation (gateway_id, evaluated_at DESC);

CREATE TABLE tenant_evaluation (
    evaluation_id uuid NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    light text NOT NULL CHECK (light IN ('GREEN', 'YELLOW', 'RED')),
    fail_count integer NOT NULL,
    warn_count integer NOT NULL,
    unknown_count integer NOT NULL,
    pass_count integer NOT NULL,
    not_applicable_count integer NOT NULL,
    worst_rule text,
    -- Rules with a FAIL, and rules with a WARN or UNKNOWN, among the tenant's findings
    -- (gateway-scoped ones included): for the overview's filter and its summary band.
    failing_rules text[] NOT NULL,
    attention_rules text[] NOT NULL,
    findings jsonb NOT NULL,
    details jsonb NOT NULL,
    PRIMARY KEY (evaluation_id, tenant_id)
);
CREATE INDEX tenant_evaluation_tenant ON tenant_evaluation (tenant_id);
CREATE INDEX tenant_evaluation_failing ON tenant_evaluation USING gin (failing_rules);

-- The evaluation the dashboard shows; earlier ones stay for history.
ALTER TABLE gateway ADD COLUMN current_evaluation_id uuid REFERENCES evaluation (id) ON DELETE SET NULL;

CREATE TABLE reference_network_set (
    name text PRIMARY KEY,
    version text NOT NULL,
    source text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);

CREATE TABLE reference_network (
    set_name text NOT NULL REFERENCES reference_network_set (name) ON DELETE CASCADE,
    position integer NOT NULL,
    network cidr NOT NULL,
    PRIMARY KEY (set_name, position)
);

INSERT INTO reference_network_set (name, version, source, updated_by)
VALUES ('exchange-online', '2022072800', 'Hardening checklist version 1 (Microsoft endpoints, service area Exchange, id 10)', 'migration');
INSERT INTO reference_network (set_name, position, network)
VALUES ('exchange-online', 0, '40.92.0.0/15'),
       ('exchange-online', 1, '40.107.0.0/16'),
       ('exchange-online', 2, '52.100.0.0/14'),
       ('exchange-online', 3, '104.47.0.0/17'),
       ('exchange-online', 4, '2a01:111:f400::/48'),
       ('exchange-online', 5, '2a01:111:f403::/48');

-- The REST API endpoint of a gateway's appliance. Token and secret are sealed with AES-GCM
-- under a key derived from the application's master key; still, only operators and
-- background work may read those columns.
CREATE TABLE seppmail_endpoint (
    gateway_id uuid PRIMARY KEY REFERENCES gateway (id) ON DELETE CASCADE,
    base_url text NOT NULL CHECK (length(base_url) <= 500),
    token_sealed bytea NOT NULL,
    secret_sealed bytea NOT NULL,
    ca_certificate text CHECK (length(ca_certificate) <= 20000),
    schedule text NOT NULL DEFAULT 'off' CHECK (schedule IN ('off', 'hourly', 'daily')),
    auto_apply boolean NOT NULL DEFAULT false,
    last_pull_at timestamptz,
    last_pull_outcome text CHECK (last_pull_outcome IN ('UNCHANGED', 'PREVIEWED', 'CHANGES_WAITING', 'APPLIED', 'FAILED')),
    last_pull_message text,
    last_pull_args jsonb,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL,
    version bigint NOT NULL DEFAULT 0
);

GRANT SELECT, INSERT, UPDATE, DELETE ON seppmail_endpoint TO hardening_operator, hardening_system;
GRANT SELECT (gateway_id, base_url, ca_certificate, schedule, auto_apply, last_pull_at, last_pull_outcome,
    last_pull_message, last_pull_args, updated_at, updated_by, version) ON seppmail_endpoint TO hardening_auditor;

ALTER TABLE seppmail_endpoint ENABLE ROW LEVEL SECURITY;
ALTER TABLE seppmail_endpoint FORCE ROW LEVEL SECURITY;
CREATE POLICY all_tenants ON seppmail_endpoint TO hardening_operator, hardening_auditor, hardening_system
    USING (true) WITH CHECK (true);

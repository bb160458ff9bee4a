-- API tokens for scripts (issue 16). Only a SHA-256 hash of the token is stored, never the
-- token; the prefix (its first characters) is kept so that people recognise it in a list.
CREATE TABLE api_token (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    prefix text NOT NULL,
    secret_hash bytea NOT NULL UNIQUE,
    scopes text[] NOT NULL,
    -- No foreign key: a token of a tenant that an import removed keeps its restriction and
    -- so sees nothing, instead of vanishing from the list or losing the restriction.
    tenant_id uuid,
    allowed_network text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    last_used_at timestamptz,
    last_used_address text,
    revoked_at timestamptz,
    revoked_by text,
    version bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX api_token_name ON api_token (lower(name));

-- Operators manage tokens; the login role looks a token up by its hash before anyone is
-- authenticated and records its last use, nothing else.
GRANT SELECT, INSERT, UPDATE ON api_token TO hardening_operator;
GRANT SELECT ON api_token TO hardening_system;
GRANT SELECT ON api_token TO hardening_app;
GRANT UPDATE (last_used_at, last_used_address) ON api_token TO hardening_app;

ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY manage ON api_token TO hardening_operator USING (true) WITH CHECK (true);
CREATE POLICY read_all ON api_token FOR SELECT TO hardening_system USING (true);
CREATE POLICY lookup ON api_token FOR SELECT TO hardening_app USING (true);
CREATE POLICY last_use ON api_token FOR UPDATE TO hardening_app USING (true) WITH CHECK (true);

-- State that used to live in one instance's memory, so that any number of instances behind
-- one address share it: sessions, pending import previews, login failures, export slots.
--
-- Sessions and login failures are read before anyone is known, so the bare login role
-- hardening_app owns that work (the application runs it with no acting user, see
-- tenant.LoginRole); none of the per-transaction roles may touch them, so a tenant admin's
-- transaction cannot read another user's session. Export slots are bookkeeping without
-- any tenant data and are kept the same way.

-- Spring Session JDBC, its schema-postgresql.sql as shipped.
CREATE TABLE spring_session (
    primary_id char(36) NOT NULL,
    session_id char(36) NOT NULL,
    creation_time bigint NOT NULL,
    last_access_time bigint NOT NULL,
    max_inactive_interval int NOT NULL,
    expiry_time bigint NOT NULL,
    principal_name varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36) NOT NULL,
    attribute_name varchar(200) NOT NULL,
    attribute_bytes bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);

-- Failed logins per account name ("user:...") and per source address ("addr:...").
CREATE TABLE login_failure (
    key text PRIMARY KEY CHECK (length(key) <= 300),
    failures int NOT NULL,
    last_failure timestamptz NOT NULL
);
CREATE INDEX login_failure_last ON login_failure (last_failure);

-- Running exports across all instances: a slot is held until it is released or its lease
-- runs out (an instance that dies mid-export frees its slot that way).
CREATE TABLE export_slot (
    kind text NOT NULL,
    slot int NOT NULL,
    holder uuid NOT NULL,
    lease_until timestamptz NOT NULL,
    PRIMARY KEY (kind, slot)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session, spring_session_attributes, login_failure, export_slot
    TO hardening_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['spring_session', 'spring_session_attributes', 'login_failure', 'export_slot']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY login_role ON %I TO hardening_app USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

-- Pending import previews: the whole worked-out import, so that any instance can show and
-- apply it. Each belongs to the operator who made it; only that operator's transactions see
-- it. Expired ones (30 minutes) are removed by background work.
CREATE TABLE import_preview (
    id text PRIMARY KEY CHECK (length(id) <= 64),
    owner text NOT NULL,
    created_at timestamptz NOT NULL,
    preview bytea NOT NULL
);
CREATE INDEX import_preview_created ON import_preview (created_at);

GRANT SELECT, INSERT, DELETE ON import_preview TO hardening_operator;
GRANT SELECT, DELETE ON import_preview TO hardening_system;

ALTER TABLE import_preview ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_preview FORCE ROW LEVEL SECURITY;
CREATE POLICY own_previews ON import_preview TO hardening_operator
    USING (owner = current_setting('app.username', true)) WITH CHECK (owner = current_setting('app.username', true));
CREATE POLICY housekeeping ON import_preview TO hardening_system USING (true);

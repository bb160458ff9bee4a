-- Who imported what from where and when, with the change summary. Append-only, like the
-- audit log: nobody may change or remove an entry.
CREATE TABLE import_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    gateway_id uuid REFERENCES gateway (id) ON DELETE SET NULL,
    gateway_name text NOT NULL,
    source text NOT NULL,
    origin text,
    summary jsonb NOT NULL
);
CREATE INDEX import_history_imported ON import_history (imported_at DESC);

GRANT SELECT, INSERT ON import_history TO hardening_operator, hardening_system;
GRANT SELECT ON import_history TO hardening_auditor;

ALTER TABLE import_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_history FORCE ROW LEVEL SECURITY;
CREATE POLICY all_tenants ON import_history TO hardening_operator, hardening_auditor, hardening_system
    USING (true) WITH CHECK (true);

-- The pointer to each gateway's current evaluation moves from the gateway table (owned by the
-- configuration) into a table of its own that the checklist owns: evaluations are written and
-- read by one module only. One row per evaluated gateway; a gateway without a row has no
-- evaluation yet.

CREATE TABLE current_evaluation (
    gateway_id uuid PRIMARY KEY REFERENCES gateway (id) ON DELETE CASCADE,
    evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluation (id) ON DELETE CASCADE
);

-- Row-level security is forced on gateway and evaluation and the owner has no policy: lift it
-- for the copy only.
ALTER TABLE gateway NO FORCE ROW LEVEL SECURITY;
INSERT INTO current_evaluation (gateway_id, evaluation_id)
SELECT id, current_evaluation_id FROM gateway WHERE current_evaluation_id IS NOT NULL;
ALTER TABLE gateway FORCE ROW LEVEL SECURITY;

ALTER TABLE gateway DROP COLUMN current_evaluation_id;

GRANT SELECT, INSERT, UPDATE, DELETE ON current_evaluation TO hardening_operator, hardening_system;
GRANT SELECT ON current_evaluation TO hardening_auditor, hardening_tenant_admin;

ALTER TABLE current_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE current_evaluation FORCE ROW LEVEL SECURITY;
CREATE POLICY all_tenants ON current_evaluation TO hardening_operator, hardening_auditor, hardening_system
    USING (true) WITH CHECK (true);
CREATE POLICY own_tenant ON current_evaluation TO hardening_tenant_admin
    USING (gateway_id = (SELECT t.gateway_id FROM tenant t WHERE t.id = app_tenant_id()));

-- A handful of rows, changed at every evaluation: analysed after any change, as gateway and
-- evaluation are (V31).
ALTER TABLE current_evaluation SET (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);

-- The overview's summary band (tenants per light, tenants per failing rule) precomputed per
-- evaluation when it is stored: the band then reads one row per gateway instead of every
-- tenant's evaluation. Tenant admins are not granted these columns: they count other tenants.

ALTER TABLE evaluation
    ADD COLUMN red_tenants integer,
    ADD COLUMN yellow_tenants integer,
    ADD COLUMN green_tenants integer,
    ADD COLUMN failing_rule_tenants jsonb;

-- Row-level security is forced on both tables, and the owner has no policy: lift it for the
-- backfill only.
ALTER TABLE evaluation NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_evaluation NO FORCE ROW LEVEL SECURITY;

UPDATE evaluation e
SET red_tenants = (SELECT count(*) FROM tenant_evaluation te WHERE te.evaluation_id = e.id AND te.light = 'RED'),
    yellow_tenants = (SELECT count(*) FROM tenant_evaluation te WHERE te.evaluation_id = e.id AND te.light = 'YELLOW'),
    green_tenants = (SELECT count(*) FROM tenant_evaluation te WHERE te.evaluation_id = e.id AND te.light = 'GREEN'),
    failing_rule_tenants = coalesce((
        SELECT jsonb_object_agg(r.rule, r.tenants)
        FROM (SELECT rule, count(*) AS tenants
              FROM tenant_evaluation te CROSS JOIN LATERAL unnest(te.failing_rules) AS rule
              WHERE te.evaluation_id = e.id GROUP BY rule) r), '{}'::jsonb);

ALTER TABLE evaluation FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_evaluation FORCE ROW LEVEL SECURITY;

ALTER TABLE evaluation
    ALTER COLUMN red_tenants SET NOT NULL,
    ALTER COLUMN yellow_tenants SET NOT NULL,
    ALTER COLUMN green_tenants SET NOT NULL,
    ALTER COLUMN failing_rule_tenants SET NOT NULL;

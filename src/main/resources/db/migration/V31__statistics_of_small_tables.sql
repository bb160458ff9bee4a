-- The overview joins the tenants to their gateway's current evaluation. With a handful of gateway
-- rows, autovacuum's default threshold (50 changed rows) leaves the gateway table unanalysed for a
-- long time; the planner then assumes hundreds of gateways (1 in fact) and plans the join for them
-- (pgbench, 8 clients, on bench/run's data: the overview's page statement ran 590 times a second
-- before an ANALYZE, 900 after). Analyse these small tables after any change.
ALTER TABLE gateway SET (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
ALTER TABLE evaluation SET (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);

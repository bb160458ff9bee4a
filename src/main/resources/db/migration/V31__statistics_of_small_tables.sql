-- The overview joins the tenants to their gateway's current evaluation. With a handful of gateway
-- rows, autovacuum's default threshold (50 changed rows) means the gateway table is seldom or never
-- analysed; the planner then assumes hundreds of gateways and joins every stored tenant evaluation,
-- history included, instead of looking up the current ones by index (bench/run: the overview's
-- statements 3.1 ms before, about 1 ms after an ANALYZE). Analyse these small tables after any change.
ALTER TABLE gateway SET (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
ALTER TABLE evaluation SET (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);

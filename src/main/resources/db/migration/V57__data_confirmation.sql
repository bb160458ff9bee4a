-- When the data of a gateway was last confirmed by its source (an import, upload or pull,
-- also one that changed nothing), and by which kind of import. An operator's edit does not
-- confirm anything. Past the configured age (hardening.stale-after) the gateway and its
-- tenants count as stale.
ALTER TABLE gateway ADD COLUMN data_confirmed_at timestamptz;
ALTER TABLE gateway ADD COLUMN data_confirmed_by text CHECK (length(data_confirmed_by) <= 100);

-- Gateways imported before this change were last confirmed by their latest import.
UPDATE gateway g SET data_confirmed_at = h.imported_at, data_confirmed_by = split_part(h.source, ':', 1)
FROM (SELECT DISTINCT ON (gateway_id) gateway_id, imported_at, source
      FROM import_history WHERE gateway_id IS NOT NULL
      ORDER BY gateway_id, imported_at DESC) h
WHERE h.gateway_id = g.id;

-- Tenant admins may see how old their gateway's data is (not who edited it).
GRANT SELECT (data_confirmed_at, data_confirmed_by) ON gateway TO hardening_tenant_admin;

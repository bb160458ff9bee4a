-- What a SEPPmail appliance tells beyond the snapshot format (issue 19): a TLS level this
-- checklist version does not know (kept raw, evaluated WARN), the forwarding port, "no MX
-- lookup", the per-domain smarthost, the customer's appliance admins, and the warnings of
-- an endpoint's last pull. Secrets of the answer (LDAP bind passwords, DKIM private keys)
-- have no column on purpose. The tables keep their row-level security and grants.
ALTER TABLE managed_domain
    ADD COLUMN tls_level_unknown text CHECK (length(tls_level_unknown) <= 40),
    ADD COLUMN forwarding_port integer CHECK (forwarding_port BETWEEN 0 AND 65535),
    ADD COLUMN no_mx_lookup boolean,
    ADD COLUMN smarthost text CHECK (length(smarthost) <= 253),
    ADD CONSTRAINT managed_domain_one_tls_level CHECK (tls_level IS NULL OR tls_level_unknown IS NULL);

ALTER TABLE tenant
    ADD COLUMN appliance_admins text[] NOT NULL DEFAULT '{}' CHECK (cardinality(appliance_admins) <= 1000);

ALTER TABLE seppmail_endpoint ADD COLUMN last_pull_warnings jsonb;
GRANT SELECT (last_pull_warnings) ON seppmail_endpoint TO hardening_auditor;

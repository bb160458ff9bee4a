-- Issue 15 (c): exception events are written in the transaction of the change, and a tenant
-- admin requests exceptions for their own tenant: their transaction writes the request's
-- event to the outbox. They may add events about their own tenant only, and still read none.
GRANT INSERT ON notification_event TO hardening_tenant_admin;
CREATE POLICY own_tenant_event ON notification_event FOR INSERT TO hardening_tenant_admin
    WITH CHECK (tenant_id = app_tenant_id());

-- Facts that hold for a while (an exception expires soon, a gateway's data is stale) are
-- told once per key: the outbox looks the key up before it writes.
CREATE INDEX notification_event_dedupe_key ON notification_event (dedupe_key);

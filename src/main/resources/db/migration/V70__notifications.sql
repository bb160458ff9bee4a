-- Notifications (issue 15): a transactional outbox of events, the channels they are sent
-- through, who subscribes to what, and the log of every delivery.
--
-- Events are written by the transaction that causes them (an import, an evaluation, a
-- scheduled pull), as the operator or the system; a background worker (system) routes them
-- to subscriptions and sends them. Tenant admins may only manage their own e-mail
-- subscription for their own tenant and never read events or deliveries.

CREATE TABLE notification_event (
    id uuid PRIMARY KEY,
    type text NOT NULL CHECK (length(type) <= 40),
    severity text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    occurred_at timestamptz NOT NULL,
    gateway_id uuid,
    gateway_name text,
    tenant_id uuid,
    tenant_name text,
    -- Tenant, rule and transition family: the same key within the cooldown is sent once.
    dedupe_key text NOT NULL,
    -- What the key's subject is now (a light, FAIL, an outcome): a change that ends where
    -- the last message said needs no second message.
    state text,
    payload jsonb NOT NULL,
    routed_at timestamptz
);
CREATE INDEX notification_event_unrouted ON notification_event (occurred_at) WHERE routed_at IS NULL;
CREATE INDEX notification_event_tenant ON notification_event (tenant_id);

CREATE TABLE notification_channel (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind text NOT NULL CHECK (kind IN ('EMAIL', 'WEBHOOK', 'TEAMS', 'SLACK')),
    -- Recipient address of an e-mail channel; webhook URLs and secrets are sealed (AES-GCM).
    email text CHECK (length(email) <= 320),
    url_sealed bytea,
    secret_sealed bytea,
    language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    last_failure text CHECK (length(last_failure) <= 300)
);
CREATE UNIQUE INDEX notification_channel_name ON notification_channel (lower(name));

CREATE TABLE notification_subscription (
    id uuid PRIMARY KEY,
    owner text NOT NULL,
    -- Set for a tenant admin's own subscription: only that tenant's events, to its e-mail.
    tenant_id uuid,
    channel_id uuid REFERENCES notification_channel (id) ON DELETE CASCADE,
    email text CHECK (length(email) <= 320),
    language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
    event_types text[] NOT NULL,
    -- Empty: every gateway or tenant.
    gateway_ids uuid[] NOT NULL DEFAULT '{}',
    tenant_ids uuid[] NOT NULL DEFAULT '{}',
    min_severity text NOT NULL CHECK (min_severity IN ('INFO', 'WARNING', 'CRITICAL')),
    digest boolean NOT NULL DEFAULT false,
    digest_time time,
    digest_zone text CHECK (length(digest_zone) <= 60),
    last_digest_at timestamptz,
    created_at timestamptz NOT NULL,
    CHECK ((channel_id IS NULL) <> (email IS NULL)),
    CHECK (NOT digest OR (digest_time IS NOT NULL AND digest_zone IS NOT NULL))
);
CREATE INDEX notification_subscription_tenant ON notification_subscription (tenant_id);

-- One row per message to one subscription: the id is the idempotency key a webhook gets.
-- QUEUED rows wait for their subscription's digest, which becomes one PENDING row.
CREATE TABLE notification_delivery (
    id uuid PRIMARY KEY,
    -- Null for a channel's test message.
    subscription_id uuid REFERENCES notification_subscription (id) ON DELETE CASCADE,
    channel_id uuid REFERENCES notification_channel (id) ON DELETE CASCADE,
    tenant_id uuid,
    event_ids uuid[] NOT NULL,
    dedupe_key text,
    state text,
    digest boolean NOT NULL DEFAULT false,
    test boolean NOT NULL DEFAULT false,
    status text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED', 'QUEUED', 'DIGESTED')),
    target text NOT NULL CHECK (length(target) <= 200),
    tries int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    sent_at timestamptz,
    answer text CHECK (length(answer) <= 300),
    CHECK (subscription_id IS NOT NULL OR channel_id IS NOT NULL)
);
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_delivery_recent ON notification_delivery (created_at DESC);
CREATE INDEX notification_delivery_key ON notification_delivery (subscription_id, dedupe_key);

GRANT INSERT ON notification_event TO hardening_operator, hardening_system;
GRANT SELECT, UPDATE, DELETE ON notification_event TO hardening_system;
GRANT SELECT ON notification_event TO hardening_operator, hardening_auditor;
-- A test message is written already routed.
GRANT UPDATE (routed_at) ON notification_event TO hardening_operator;
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_channel, notification_subscription TO hardening_operator;
GRANT SELECT, UPDATE ON notification_channel TO hardening_system;
-- Background work also removes what is left of removed channels and subscriptions (and tests clean up).
GRANT SELECT, UPDATE, DELETE ON notification_subscription TO hardening_system;
GRANT DELETE ON notification_channel TO hardening_system;
GRANT SELECT (id, name, kind, language, created_at, created_by, last_success_at, last_failure_at, last_failure)
    ON notification_channel TO hardening_auditor;
GRANT SELECT ON notification_subscription TO hardening_auditor;
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_subscription TO hardening_tenant_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_delivery TO hardening_system, hardening_operator;
GRANT SELECT ON notification_delivery TO hardening_auditor;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['notification_event', 'notification_channel', 'notification_subscription',
                             'notification_delivery']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY all_tenants ON %I TO hardening_operator, hardening_auditor, hardening_system USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

-- A tenant admin sees and changes only their own subscription for their own tenant.
CREATE POLICY own_subscription ON notification_subscription TO hardening_tenant_admin
    USING (tenant_id = app_tenant_id() AND owner = current_setting('app.username', true))
    WITH CHECK (tenant_id = app_tenant_id() AND owner = current_setting('app.username', true)
                AND channel_id IS NULL AND email IS NOT NULL);

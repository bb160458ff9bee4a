-- The configuration model of the snapshot format, version 1.
-- Lists that may be "not recorded" carry a *_recorded flag on their owner: an empty list and
-- a list nobody recorded mean different things to the checklist.
-- A network entry is either a cidr or one of the keywords any/internet/* (kept as text, so an
-- export writes back what was imported).

CREATE TABLE gateway (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]{1,100}$'),
    hostname text CHECK (length(hostname) <= 253),
    hosting text CHECK (hosting IN ('on-premises', 'azure', 'other-cloud')),
    require_tls_encryption boolean,
    reject_spoofed_sender_domain boolean,
    relaying_networks_recorded boolean NOT NULL DEFAULT false,
    exchange_online_relaying_networks_recorded boolean NOT NULL DEFAULT false,
    manual_list_entries_recorded boolean NOT NULL DEFAULT false,
    smtp_inbound_sources_recorded boolean NOT NULL DEFAULT false,
    admin_inbound_sources_recorded boolean NOT NULL DEFAULT false,
    version bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gateway_network (
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    list text NOT NULL CHECK (list IN ('relaying', 'exchange-online-relaying', 'smtp-inbound', 'admin-inbound')),
    position integer NOT NULL,
    network cidr,
    keyword text CHECK (keyword IN ('any', 'internet', '*')),
    PRIMARY KEY (gateway_id, list, position),
    CHECK ((network IS NULL) <> (keyword IS NULL))
);

CREATE TABLE manual_list_entry (
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    position integer NOT NULL,
    network cidr,
    keyword text CHECK (keyword IN ('any', 'internet', '*')),
    action text NOT NULL CHECK (action IN ('accept', 'reject')),
    comment text CHECK (length(comment) <= 500),
    PRIMARY KEY (gateway_id, position),
    CHECK ((network IS NULL) <> (keyword IS NULL))
);

CREATE TABLE tenant (
    id uuid PRIMARY KEY,
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name ~ '^[a-zA-Z0-9_-]{1,100}$'),
    display_name text CHECK (length(display_name) <= 200),
    admin_email text CHECK (length(admin_email) <= 254),
    mail_server_tls text CHECK (mail_server_tls IN ('verified', 'encrypted', 'opportunistic', 'none')),
    mail_server_tls_attested_by text CHECK (length(mail_server_tls_attested_by) <= 200),
    mail_server_tls_attested_on date,
    mail_server_tls_evidence text CHECK (length(mail_server_tls_evidence) <= 2000),
    vpn_tunnel boolean,
    -- Document order, so that an export lists tenants and domains as they were imported.
    position integer NOT NULL DEFAULT 0,
    version bigint NOT NULL DEFAULT 0,
    UNIQUE (gateway_id, name),
    UNIQUE (id, gateway_id)
);

CREATE TABLE managed_domain (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    gateway_id uuid NOT NULL,
    name text NOT NULL CHECK (name = lower(name) AND length(name) <= 253),
    forwarding_host text CHECK (length(forwarding_host) <= 253),
    tls_level text CHECK (tls_level IN ('none', 'may', 'encrypt', 'verify', 'secure', 'fingerprint')),
    header_check_name text CHECK (length(header_check_name) <= 100),
    header_check_length integer,
    header_check_hash bytea,
    exchange_online_tenant_id uuid,
    position integer NOT NULL DEFAULT 0,
    version bigint NOT NULL DEFAULT 0,
    UNIQUE (gateway_id, name),
    UNIQUE (id, tenant_id),
    FOREIGN KEY (tenant_id, gateway_id) REFERENCES tenant (id, gateway_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ((header_check_name IS NULL) = (header_check_hash IS NULL)
        AND (header_check_name IS NULL) = (header_check_length IS NULL))
);
CREATE INDEX managed_domain_tenant ON managed_domain (tenant_id);

-- tenant_id is repeated on the domain's children so that row-level security can check it
-- without a join.
CREATE TABLE tls_fingerprint (
    domain_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    position integer NOT NULL,
    fingerprint bytea NOT NULL CHECK (length(fingerprint) BETWEEN 16 AND 64),
    PRIMARY KEY (domain_id, position),
    FOREIGN KEY (domain_id, tenant_id) REFERENCES managed_domain (id, tenant_id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX tls_fingerprint_tenant ON tls_fingerprint (tenant_id);

CREATE TABLE allowed_sending_server (
    domain_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    position integer NOT NULL,
    network cidr,
    keyword text CHECK (keyword IN ('any', 'internet', '*')),
    PRIMARY KEY (domain_id, position),
    FOREIGN KEY (domain_id, tenant_id) REFERENCES managed_domain (id, tenant_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ((network IS NULL) <> (keyword IS NULL))
);
CREATE INDEX allowed_sending_server_tenant ON allowed_sending_server (tenant_id);

CREATE TABLE app_user (
    id uuid PRIMARY KEY,
    username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{1,100}$'),
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('OPERATOR', 'AUDITOR', 'TENANT_ADMIN')),
    -- A tenant admin whose tenant was removed by an import keeps the account but loses all
    -- access until an operator assigns a tenant again.
    tenant_id uuid REFERENCES tenant (id) ON DELETE SET NULL,
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    version bigint NOT NULL DEFAULT 0,
    CHECK (role = 'TENANT_ADMIN' OR tenant_id IS NULL)
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
CREATE INDEX app_user_tenant ON app_user (tenant_id);

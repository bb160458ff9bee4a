-- Exceptions (issue 14): an accepted deviation from one rule for one tenant (one domain, or all
-- of the tenant's domains), with a reason, an expiry and a second pair of eyes. An active
-- exception is bound to what the rule saw when it was granted (bound_catalogue_version and
-- bound_findings: each covered finding's domain, outcome and message arguments); when that
-- changes the exception needs review and stops covering. Owned by the exceptions module.
CREATE TABLE finding_exception (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    rule_id text NOT NULL CHECK (length(rule_id) <= 50),
    domain text CHECK (length(domain) <= 253),
    category text NOT NULL CHECK (category IN ('RISK_ACCEPTED', 'COMPENSATING_CONTROL', 'FALSE_POSITIVE', 'FIX_PLANNED')),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    compensating_control text CHECK (length(compensating_control) <= 2000),
    expires_on date NOT NULL,
    state text NOT NULL CHECK (state IN ('REQUESTED', 'ACTIVE', 'REJECTED', 'EXPIRED', 'NEEDS_REVIEW', 'REVOKED')),
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL,
    decided_by text,
    decided_at timestamptz,
    decision_comment text CHECK (length(decision_comment) <= 2000),
    -- The approver is the requester, allowed by hardening.exceptions.self-approval.
    self_approved boolean NOT NULL DEFAULT false,
    revoked_by text,
    revoked_at timestamptz,
    revoke_comment text CHECK (length(revoke_comment) <= 2000),
    ended_at timestamptz,
    review_reason text,
    bound_catalogue_version integer,
    bound_findings jsonb,
    version bigint NOT NULL DEFAULT 0
);
CREATE INDEX finding_exception_tenant ON finding_exception (tenant_id, state);
CREATE INDEX finding_exception_open ON finding_exception (state, expires_on) WHERE state IN ('REQUESTED', 'ACTIVE');

-- Operators and background work (evaluations, the expiry job) decide and change them; tenant
-- admins request them for their own tenant and read theirs; auditors read all.
GRANT SELECT, INSERT, UPDATE ON finding_exception TO hardening_operator, hardening_system;
GRANT SELECT ON finding_exception TO hardening_auditor;
GRANT SELECT, INSERT ON finding_exception TO hardening_tenant_admin;

ALTER TABLE finding_exception ENABLE ROW LEVEL SECURITY;
ALTER TABLE finding_exception FORCE ROW LEVEL SECURITY;
CREATE POLICY all_tenants ON finding_exception TO hardening_operator, hardening_auditor, hardening_system
    USING (true) WITH CHECK (true);
CREATE POLICY own_tenant ON finding_exception TO hardening_tenant_admin
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id() AND state = 'REQUESTED');

-- How many of a tenant's findings an exception covers: they keep their outcome but do not
-- decide its light, and every light with covered findings says how many.
ALTER TABLE tenant_evaluation ADD COLUMN covered_count integer NOT NULL DEFAULT 0;
GRANT SELECT (covered_count) ON tenant_evaluation TO hardening_tenant_admin;

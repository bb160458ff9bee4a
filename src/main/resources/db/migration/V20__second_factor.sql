-- TOTP second factor (RFC 6238). The secret is encrypted by the application; recovery codes
-- are stored as keyed hashes. totp_last_step prevents replaying a code within its window.
ALTER TABLE app_user
    ADD COLUMN totp_secret bytea,
    ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step bigint,
    ADD COLUMN recovery_codes text[] NOT NULL DEFAULT '{}';

-- Settings operators change at run time, such as requiring a second factor for everyone.
CREATE TABLE app_setting (
    name text PRIMARY KEY,
    value text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);
GRANT SELECT ON app_setting TO hardening_app, hardening_operator, hardening_auditor, hardening_tenant_admin,
    hardening_system;
GRANT INSERT, UPDATE ON app_setting TO hardening_operator;

-- The second step of a login runs before the user is fully authenticated, as the login role:
-- it reads the user and marks the time step it used.
GRANT UPDATE (totp_last_step, recovery_codes) ON app_user TO hardening_app;
CREATE POLICY second_step ON app_user FOR UPDATE TO hardening_app USING (true) WITH CHECK (true);

-- Everyone enrols their own second factor; auditors and tenant admins may change only that,
-- and only on their own account.
GRANT UPDATE (totp_secret, totp_enabled, totp_last_step, recovery_codes) ON app_user
    TO hardening_auditor, hardening_tenant_admin;
DROP POLICY all_tenants ON app_user;
CREATE POLICY read_all ON app_user FOR SELECT TO hardening_operator, hardening_auditor, hardening_system USING (true);
CREATE POLICY change_all ON app_user FOR ALL TO hardening_operator, hardening_system USING (true) WITH CHECK (true);
CREATE POLICY own_second_factor ON app_user FOR UPDATE TO hardening_auditor, hardening_tenant_admin
    USING (lower(username) = lower(current_setting('app.username', true)))
    WITH CHECK (lower(username) = lower(current_setting('app.username', true)));
DROP POLICY own_tenant ON app_user;
CREATE POLICY own_tenant ON app_user FOR SELECT TO hardening_tenant_admin USING (tenant_id = app_tenant_id());
-- Whether a second factor is set up, and how many recovery codes are left (keyed hashes of
-- random codes, useless to a reader); never the secret.
GRANT SELECT (totp_enabled, recovery_codes) ON app_user TO hardening_auditor, hardening_tenant_admin;

#!/usr/bin/env bash
# Creates the database roles the dashboard expects (used by docker-compose.yml; run it the same
# way against any PostgreSQL you provide). Passwords come from the environment, never from the
# repository.
set -euo pipefail
: "${HARDENING_OWNER_PASSWORD:?set HARDENING_OWNER_PASSWORD}"
: "${HARDENING_APP_PASSWORD:?set HARDENING_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$HARDENING_OWNER_PASSWORD" -v app_password="$HARDENING_APP_PASSWORD" <<'SQL'
-- Flyway migrates as the owner; the application logs in as hardening_app, which owns nothing
-- and switches per transaction to one of the NOLOGIN roles of its users' kinds.
CREATE ROLE hardening_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE hardening_app LOGIN NOINHERIT PASSWORD :'app_password';
CREATE ROLE hardening_operator NOLOGIN;
CREATE ROLE hardening_auditor NOLOGIN;
CREATE ROLE hardening_tenant_admin NOLOGIN;
CREATE ROLE hardening_system NOLOGIN;
GRANT hardening_operator, hardening_auditor, hardening_tenant_admin, hardening_system TO hardening_app;
CREATE DATABASE hardening OWNER hardening_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE hardening FROM PUBLIC;
GRANT CONNECT ON DATABASE hardening TO hardening_app;
\connect hardening
ALTER SCHEMA public OWNER TO hardening_owner;
SQL

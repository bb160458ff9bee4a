#!/usr/bin/env bash
# Creates the database roles and the database the dashboard expects (used by docker-compose.yml;
# run it the same way against any PostgreSQL you provide). The SQL is in roles.psql beside this
# script. Passwords come from the environment, never from the repository; the connection from
# psql's usual variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) or, in the container, POSTGRES_USER.
set -euo pipefail
: "${HARDENING_OWNER_PASSWORD:?set HARDENING_OWNER_PASSWORD}"
: "${HARDENING_APP_PASSWORD:?set HARDENING_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-${PGUSER:-postgres}}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="$HARDENING_OWNER_PASSWORD" -v app_password="$HARDENING_APP_PASSWORD" \
  -f "$(dirname "${BASH_SOURCE[0]}")/roles.psql"

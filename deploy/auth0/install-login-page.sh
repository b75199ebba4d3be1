#!/usr/bin/env bash
# Installs universal-login.liquid as the tenant's Universal Login page template, with the portal's address put in,
# so that every application's sign-in page links to the portal's recovery (Auth0 takes page templates only through
# the Management API, and only on a tenant with a custom domain).
#
#   DOMAIN=login.corp.example PORTAL_BASE_URL=https://password.corp.example MGMT_TOKEN=... deploy/auth0/install-login-page.sh
#
# MGMT_TOKEN: a Management API token with update:branding (e.g. from the dashboard's API Explorer); it is not stored.
set -euo pipefail
: "${DOMAIN:?the tenant's domain}" "${PORTAL_BASE_URL:?the portal's public address, no trailing slash}" "${MGMT_TOKEN:?a Management API token with update:branding}"
here="$(cd "$(dirname "$0")" && pwd)"
template="$(sed "s|PORTAL_BASE_URL|${PORTAL_BASE_URL%/}|g" "$here/universal-login.liquid")"
# the token goes through a header file, not the command line, so that it does not show in the process list
headers="$(mktemp)"; trap 'rm -f "$headers"' EXIT
printf 'Authorization: Bearer %s\nContent-Type: text/html\n' "$MGMT_TOKEN" > "$headers"
curl --fail-with-body -sS -X PUT -H @"$headers" --data-binary "$template" \
  "https://$DOMAIN/api/v2/branding/templates/universal-login"
echo "installed: every Universal Login sign-in page of $DOMAIN now links to $PORTAL_BASE_URL/recovery"

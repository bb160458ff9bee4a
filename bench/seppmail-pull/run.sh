#!/usr/bin/env bash
# Benchmark: a pull of 500 customers with 5,000 managed domains from a mock SEPPmail appliance,
# through the running application as an operator uses it (Pull now -> preview page, Apply).
# Prints the times; it is not a test and gates nothing.
#
# usage: bench/seppmail-pull/run.sh [CUSTOMERS] [DOMAINS]     (from the repository's root)
set -euo pipefail
customers=${1:-500}
domains=${2:-5000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
app_port=18480
appliance_port=18445
user=bench-operator
password=bench-password-$RANDOM-$RANDOM
token=bench-token-$RANDOM
secret=bench-secret-$RANDOM$RANDOM
app_pid=""
appliance_pid=""
cleanup() {
  [ -n "$appliance_pid" ] && kill "$appliance_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== data"
python3 "$here/generate.py" "$work/appliance" "$customers" "$domains"
python3 "$here/generate.py" "$work/appliance-changed" "$customers" "$domains" 1 > /dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Bench appliance CA" \
  -addext "basicConstraints=critical,CA:TRUE" -keyout "$work/ca.key" -out "$work/ca.pem" 2> /dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$work/server.key" -out "$work/server.csr" 2> /dev/null
printf 'subjectAltName=DNS:localhost\n' > "$work/san.ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
  -extfile "$work/san.ext" -out "$work/server.pem" 2> /dev/null

echo "== build"
(cd "$repo" && ./mvnw -B -q -DskipTests package)
jar=$(ls "$repo"/target/seppmail-hardening-dashboard-*.jar | grep -v plain | head -1)

echo "== start"
HARDENING_ADMIN_USER=$user HARDENING_ADMIN_PASSWORD=$password java -jar "$jar" --server.port=$app_port \
  --hardening.data-directory="$work/data" --hardening.demo.enabled=false --hardening.outbound.allowed-networks=127.0.0.0/8 \
  --hardening.seppmail.scheduler-enabled=false > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$app_port/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
base="http://127.0.0.1:$app_port"
jar_cookies="$work/cookies"
csrf() { curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token_login=$(csrf /login)
curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "username=$user" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$token_login" "$base/login"

echo "== gateway"
gateway_id=$(curl -fs -u "$user:$password" -H 'Content-Type: application/json' "$base/api/snapshots" --data '{
  "format": "seppmail-hardening-snapshot/1",
  "gateway": {"name": "gw-bench", "hostname": null, "hosting": "on-premises", "requireTlsEncryption": true,
    "rejectSpoofedSenderDomain": null, "relayingNetworks": ["10.0.0.0/8"], "exchangeOnlineRelayingNetworks": null,
    "manualListEntries": null, "smtpInboundSources": null, "adminInboundSources": []},
  "tenants": []}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["gateway"]["id"])')
form_csrf=$(csrf "/import/seppmail/$gateway_id")
curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null "$base/import/seppmail/$gateway_id" \
  --data-urlencode "_csrf=$form_csrf" --data-urlencode "baseUrl=https://localhost:$appliance_port/v1" \
  --data-urlencode "token=$token" --data-urlencode "secret=$secret" \
  --data-urlencode "caCertificate@$work/ca.pem" --data-urlencode "schedule=off"

# The appliance serves $work/served; its answers change by copying other files there.
serve() {
  rm -rf "$work/served" && cp -r "$1" "$work/served"
  if [ -z "$appliance_pid" ]; then
    python3 "$here/serve.py" "$work/served" $appliance_port "$work/server.pem" "$work/server.key" "$token" "$secret" 900 &
    appliance_pid=$!
    sleep 1
  fi
}
# Pull now, follow the redirect to the preview page; prints seconds and leaves the page in $work/preview.html.
pull() {
  local t
  t=$(curl -fs -L -b "$jar_cookies" -c "$jar_cookies" -o "$work/preview.html" -w '%{time_total}' \
    --data-urlencode "_csrf=$(csrf /import/seppmail)" "$base/import/seppmail/$gateway_id/pull")
  grep -q 'Apply the import' "$work/preview.html" || { echo "no preview:"; grep -o 'alert[^<]*<[^<]*' "$work/preview.html" | head; exit 1; }
  echo "$t"
}
apply() {
  local action csrf_token
  action=$(grep -o 'action="/import/preview/[a-f0-9]*/apply"' "$work/preview.html" | sed 's/action="//;s/"$//')
  csrf_token=$(grep -o 'name="_csrf" value="[^"]*"' "$work/preview.html" | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -L -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -w '%{time_total}' \
    --data-urlencode "_csrf=$csrf_token" "$base$action"
}

echo "== benchmark ($customers customers, $domains domains)"
serve "$work/appliance"
first=$(pull)
echo "first pull, fetch + validate + diff + dry-run lights + preview page: ${first} s"
echo "  preview says: $(grep -o '[0-9,]* domains added' "$work/preview.html" | head -1)"
applied=$(apply)
echo "apply (write, re-evaluate, history):                                   ${applied} s"
again=$(pull)
echo "second pull, nothing changed, with preview:                            ${again} s"
serve "$work/appliance-changed"
changed=$(pull)
echo "third pull, one TLS level secure -> may, with preview:                 ${changed} s"
echo "  preview says: $(grep -o 'Domains: [^<]*' "$work/preview.html" | head -1)"

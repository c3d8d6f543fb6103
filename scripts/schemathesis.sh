#!/usr/bin/env bash
# Schemathesis (from PyPI) against the live server, on a fresh demo database: every
# operation of the OpenAPI document is called with the document's examples, its coverage
# cases and generated input, signed in as an organizer, for a bounded time. Fails on any
# 5xx and on any answer that disagrees with the document (status code, content type or
# body schema). Prints schemathesis's summary: operations, test cases, failures.
#   scripts/schemathesis.sh [SECONDS]   (default 180)
# One worker: with two threads, CPython 3.11's ast module (which hypothesis uses to describe
# its strategies) once failed with "AST constructor recursion depth mismatch"
# (python/cpython#106905), a failure of the checker, not of the server.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-180}
bin=${ROUNDTABLE_BIN:-$PWD/target/debug/roundtable}
[ -x "$bin" ] || cargo build --quiet
venv=$PWD/target/schemathesis-venv
[ -x "$venv/bin/st" ] || {
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cd "$work"
database="sqlite://$work/roundtable.db"
ROUNDTABLE_LOG__FILTER=warn "$bin" serve --demo --bind "127.0.0.1:$port" \
  --database-url "$database" --mail-url "file://$work/outbox" >serve.log 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat serve.log; echo "server did not come up"; exit 1; }
token=$("$bin" token create --email organizer@example.org --label schemathesis --database-url "$database" | tail -n 1)
status=0
"$venv/bin/st" run "http://127.0.0.1:$port/api/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-time "$budget" \
  --workers 1 \
  --request-timeout 10 \
  --suppress-health-check all \
  --no-color || status=$?
if grep -q "panicked\|request failed" serve.log; then
  grep "panicked\|request failed" serve.log | head -20
  echo "the server logged failures"
  status=1
fi
exit $status

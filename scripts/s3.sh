#!/usr/bin/env bash
# Runs the tests of the S3 file store against a local S3-compatible server: moto's server
# mode (from PyPI, installed into target/s3-venv inside the clone when missing), on a free port,
# with a fresh bucket; stopped afterwards. Arguments go to `cargo test` (default: the
# store's own tests, and the documents, search and document pages suites).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v moto_server >/dev/null 2>&1; then
  if [ ! -x target/s3-venv/bin/moto_server ]; then
    python3 -m venv target/s3-venv
    target/s3-venv/bin/pip install -q "moto[server]"
  fi
  export PATH="$PWD/target/s3-venv/bin:$PATH"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -p "$port" >/tmp/roundtable-moto-$port.log 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done
bucket="roundtable-test"
curl -sf -X PUT "http://127.0.0.1:$port/$bucket" >/dev/null

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
export ROUNDTABLE_TEST_S3="s3://$bucket?endpoint=http://127.0.0.1:$port&region=us-east-1"
if [ $# -gt 0 ]; then
  cargo test "$@"
else
  cargo test --lib documents::storage
  cargo test --test documents --test search --test document_pages
fi

#!/usr/bin/env bash
# Every benchmark in one go, their outputs one after the other: public reads next to a
# static server sending the same bytes (benches/public_reads.rs), registrations, mail
# delivery and reports. Not part of CI (.ci/run): the figures depend on the machine and
# on what else runs on it, and the whole takes several minutes.
#
# PostgreSQL is measured too (registrations, mail, reports) when ROUNDTABLE_BENCH_POSTGRES
# names a server (a scratch database is created and dropped there); unset, it defaults to
# the local server when `pg_isready -h 127.0.0.1` answers; set it empty for SQLite only.
# ROUNDTABLE_BENCH_QUICK=1, ROUNDTABLE_BENCH_SECONDS and ROUNDTABLE_BENCH_RUNS shorten the
# public reads (see the header of benches/public_reads.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ROUNDTABLE_BENCH_POSTGRES+set}" ] && pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  export ROUNDTABLE_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test
fi
if [ -z "${ROUNDTABLE_BENCH_POSTGRES:-}" ]; then
  # The benches take any value, even an empty one, as a server to connect to.
  unset ROUNDTABLE_BENCH_POSTGRES
  echo "PostgreSQL: not measured (set ROUNDTABLE_BENCH_POSTGRES to a server)"
else
  # The part after the credentials, never a password.
  echo "PostgreSQL: ${ROUNDTABLE_BENCH_POSTGRES##*@} (scratch databases, dropped after)"
fi

benches=(public_reads registrations mail reports search)
# Build them all first, so that no compilation runs beside a measurement.
args=()
for bench in "${benches[@]}"; do args+=(--bench "$bench"); done
cargo bench --no-run "${args[@]}"

for bench in "${benches[@]}"; do
  printf '\n=== cargo bench --bench %s\n\n' "$bench"
  cargo bench --quiet --bench "$bench"
done

#!/usr/bin/env bash
# Starts the built binary as a new user would (`serve --demo` on a fresh SQLite file),
# checks that it answers with the demo loaded, then stops it with SIGTERM and checks that
# it shuts down cleanly. Prints what it measured.
set -euo pipefail
cd "$(dirname "$0")/.."
# The binary as `cargo test` builds it: after the tests (as in .ci/run) this builds
# nothing, where a plain `cargo build` would compile the crate again without dev-features.
cargo test --no-run --quiet
bin=$PWD/target/debug/roundtable
samples=$PWD/target/ics-samples
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cd "$work"
"$bin" serve --demo --bind "127.0.0.1:$port" >serve.log 2>&1 &
pid=$!
t0=$(date +%s%N)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat serve.log; echo "server did not come up"; exit 1; }
test -f data/roundtable.db || { echo "no database at data/roundtable.db"; exit 1; }
event=$(curl -fs "http://127.0.0.1:$port/api/v1/events/making-a-difference-brussels-2009")
echo "$event" | grep -q '"starts_at":"2009-06-03T14:00:00+02:00"' || { echo "RtoP panel at 14:00+02:00 missing"; exit 1; }
echo "$event" | grep -q 'Mr Gareth EVANS' || { echo "chair missing"; exit 1; }
# Read whole before grepping: `curl | grep -q` fails under pipefail when grep stops early.
home=$(curl -fs "http://127.0.0.1:$port/") || { echo "no home page"; exit 1; }
grep -q 'Making a difference' <<<"$home" || { echo "home page lacks the demo event"; exit 1; }
# The demo's calendars, kept in target/ics-samples/ for the independent parsers of .ci/run.
mkdir -p "$samples"
ics_url="http://127.0.0.1:$port/events/making-a-difference-brussels-2009/calendar.ics"
curl -fs -D ics-headers.txt "$ics_url" -o "$samples/demo-event.ics" || { echo "no event calendar at $ics_url"; exit 1; }
grep -qi '^content-type: text/calendar; charset=utf-8' ics-headers.txt || { cat ics-headers.txt; echo "the calendar is not served as text/calendar"; exit 1; }
grep -q 'DTSTART;TZID=Europe/Brussels:20090603T140000' "$samples/demo-event.ics" || { echo "RtoP panel at 14:00 Brussels time missing from the calendar"; exit 1; }
grep -q 'BEGIN:VTIMEZONE' "$samples/demo-event.ics" || { echo "the calendar has no VTIMEZONE"; exit 1; }
panel=$(echo "$event" | python3 -c 'import json, sys; print(next(s["id"] for s in json.load(sys.stdin)["sessions"] if s["starts_at"] == "2009-06-03T14:00:00+02:00"))')
curl -fs "http://127.0.0.1:$port/sessions/$panel/calendar.ics" -o "$samples/demo-session.ics" || { echo "no calendar for session $panel"; exit 1; }
# The demo's published reports as PDF, kept in target/pdf-samples/ for pdftotext in .ci/run.
pdfs=$(dirname "$samples")/pdf-samples
mkdir -p "$pdfs"
for path in events/making-a-difference-brussels-2009/report events/rtop-roundtable-buenos-aires-2008/report events/rtop-roundtable-kampala-2008/report series/global-consultative-roundtables-rtop-2008/report; do
  name=$(echo "$path" | cut -d/ -f2)
  curl -fs -D pdf-headers.txt "http://127.0.0.1:$port/$path.pdf" -o "$pdfs/$name.pdf" || { echo "no PDF at /$path.pdf"; exit 1; }
  grep -qi '^content-type: application/pdf' pdf-headers.txt || { cat pdf-headers.txt; echo "/$path.pdf is not served as a PDF"; exit 1; }
  curl -fs "http://127.0.0.1:$port/$path.md" -o "$pdfs/$name.md" || { echo "no Markdown at /$path.md"; exit 1; }
done
# The Buenos Aires report as a Spanish-speaking reader gets it (their browser's language).
curl -fs -H 'Accept-Language: es-AR,es;q=0.9' "http://127.0.0.1:$port/events/rtop-roundtable-buenos-aires-2008/report.pdf" -o "$pdfs/buenos-aires-es.pdf" || { echo "no Spanish report PDF"; exit 1; }
# The follow-up report of what was asked of the EU, and the tracker's spreadsheet.
curl -fs -D pdf-headers.txt "http://127.0.0.1:$port/recommendations/report.pdf?addressee=EU" -o "$pdfs/follow-up-eu.pdf" || { echo "no follow-up report PDF"; exit 1; }
grep -qi '^content-type: application/pdf' pdf-headers.txt || { cat pdf-headers.txt; echo "the follow-up report is not served as a PDF"; exit 1; }
tracker=$(curl -fs "http://127.0.0.1:$port/recommendations.csv?addressee=European%20Union")
grep -q 'Appoint an RtoP focal point' <<<"$tracker" || { echo "the tracker's CSV lacks the EU focal point: $tracker"; exit 1; }
# The printables of the roundtable to come, as the demo's organizer prints them (signed in
# through the sign-in form, its CSRF cookie and field).
jar=$work/cookies.txt
curl -fs -c "$jar" "http://127.0.0.1:$port/login" -o /dev/null
csrf=$(awk '$6 == "roundtable_csrf" {print $7}' "$jar")
[ -n "$csrf" ] || { cat "$jar"; echo "no CSRF cookie from the sign-in page"; exit 1; }
curl -fs -b "$jar" -c "$jar" -o /dev/null "http://127.0.0.1:$port/login" \
  --data-urlencode "email=organizer@example.org" --data-urlencode "password=roundtable-demo" --data-urlencode "_csrf=$csrf"
for name in badges participants; do
  curl -fs -b "$jar" -D pdf-headers.txt "http://127.0.0.1:$port/organize/events/rtop-follow-up-roundtable-kampala/$name.pdf" -o "$pdfs/kampala-$name.pdf" || { echo "no $name.pdf for the organizer"; exit 1; }
  grep -qi '^content-type: application/pdf' pdf-headers.txt || { cat pdf-headers.txt; echo "$name.pdf is not served as a PDF"; exit 1; }
done
# An event that ended takes no registration; the demo's roundtable to come does.
past=$(curl -fs "http://127.0.0.1:$port/events/making-a-difference-brussels-2009")
grep -q 'Registration is closed' <<<"$past" || { echo "the 2009 conference does not say registration is closed"; exit 1; }
upcoming=$(curl -fs "http://127.0.0.1:$port/events/rtop-follow-up-roundtable-kampala")
grep -q 'action="/events/rtop-follow-up-roundtable-kampala/register' <<<"$upcoming" || { echo "the upcoming roundtable offers no registration form"; exit 1; }
# Search: accents aside, across kinds, and inside the demo library's PDFs (typeset and
# read in child processes of the server), each with its first page as a picture.
found=$(curl -fs "http://127.0.0.1:$port/api/v1/search?q=lampriere")
grep -q '"title":"Mr Luc LAMPRIÈRE"' <<<"$found" || { echo "searching lampriere does not find Mr Luc LAMPRIÈRE: $found"; exit 1; }
found=$(curl -fs "http://127.0.0.1:$port/api/v1/search?q=perpetrators&kind=document")
grep -q '"kind":"document"' <<<"$found" || { echo "words of the Stanley memo's PDF are not found: $found"; exit 1; }
memo=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])' <<<"$found")
curl -fs "http://127.0.0.1:$port$memo/thumbnail.png" -o thumbnail.png || { echo "no thumbnail at $memo/thumbnail.png"; exit 1; }
head -c 8 thumbnail.png | grep -q PNG || { echo "the thumbnail of $memo is not a PNG"; exit 1; }
search_page=$(curl -fs "http://127.0.0.1:$port/search?q=lampri%C3%A8re")
grep -q '<mark>LAMPRIÈRE</mark>' <<<"$search_page" || { echo "the search page marks no word found"; exit 1; }
# Every link of every mail the demo wrote leads to the address served (not a default port).
for _ in $(seq 1 50); do [ "$(ls data/outbox 2>/dev/null | wc -l)" -gt 20 ] && break; sleep 0.1; done
mails=$(python3 - "$port" <<'PY'
import email, glob, re, sys
from email import policy
port = sys.argv[1]
links, wrong = 0, []
for name in glob.glob("data/outbox/*.eml"):
    message = email.message_from_file(open(name, encoding="utf-8"), policy=policy.default)
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        text = re.sub(r"\r?\n[ \t]", "", part.get_content())  # unfold calendar lines
        for url in re.findall(r"https?://[^\s\"<>\\]+", text):
            links += 1
            if not url.startswith(f"http://127.0.0.1:{port}/"):
                wrong.append((name, url))
if wrong or not links:
    print(f"links elsewhere than port {port}: {wrong[:5]} ({links} links)")
    sys.exit(1)
print(f"{len(glob.glob('data/outbox/*.eml'))} mails, {links} links, all to port {port}")
PY
) || { echo "$mails"; exit 1; }
kill -TERM $pid
for _ in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then echo "server ignored SIGTERM"; exit 1; fi
wait $pid && status=0 || status=$?
[ "$status" = 0 ] || { cat serve.log; echo "server exited with $status after SIGTERM"; exit 1; }
echo "smoke: serve --demo answered in ${ready_ms} ms, showed the RtoP panel at 14:00+02:00 (and in its calendar), served the demo reports as PDF and Markdown, closed registration of the 2009 conference and opened it for the roundtable to come; $mails; stopped cleanly on SIGTERM"

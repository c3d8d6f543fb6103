#!/usr/bin/env bash
# Reads the demo's report PDFs (saved by scripts/smoke.sh) with pdftotext, an independent
# parser, and checks what a reader must find: the panel's title, names with their accents,
# a table of contents and page numbers. Prints the pages of each file.
set -euo pipefail
dir=${1:-target/pdf-samples}
fail() { echo "check_pdf: $*"; exit 1; }
expect() { # file, text
  grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2"
}
for name in making-a-difference-brussels-2009 rtop-roundtable-buenos-aires-2008 global-consultative-roundtables-rtop-2008; do
  pdf="$dir/$name.pdf"
  [ -s "$pdf" ] || fail "$pdf is missing (run scripts/smoke.sh first)"
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 3 ] || fail "$name.pdf has ${pages:-no} pages; a title page, contents and content make 3 at least"
  pdftotext -layout "$pdf" "$dir/$name.txt" 2>/dev/null
  expect "$dir/$name.txt" "Contents"
  echo "check_pdf: $name.pdf parses, $pages pages"
done
brussels="$dir/making-a-difference-brussels-2009.txt"
expect "$brussels" "Outcome report"
expect "$brussels" "Panel on the Responsibility to Protect – making the concept operational"
expect "$brussels" "Mr Luc LAMPRIÈRE"
expect "$brussels" "Mr Gareth EVANS"
expect "$brussels" "Recommendations by addressee"
expect "$dir/rtop-roundtable-buenos-aires-2008.txt" "Ms Ana ÑÚÑEZ-LAMPRIÈRE"
expect "$dir/global-consultative-roundtables-rtop-2008.txt" "Common themes"
# Page numbers: the last page's number stands alone on a line of the last page.
last=$(pdfinfo "$dir/making-a-difference-brussels-2009.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
pdftotext -f "$last" -l "$last" -layout "$dir/making-a-difference-brussels-2009.pdf" - 2>/dev/null | grep -qE "(^|[[:space:]])$last[[:space:]]*$" || fail "no page number $last on the last page"
# Under the Chatham House rule, the Kampala roundtable's report says so and names no one
# after a key point.
kampala="$dir/rtop-roundtable-kampala-2008.pdf"
pdftotext "$kampala" "$dir/kampala.txt" 2>/dev/null
expect "$dir/kampala.txt" "Held under the Chatham House rule"
expect "$dir/kampala.txt" "Article 4(h) gives the continent a mandate"
# The printables of the roundtable to come: badges eight a page, the list by organization.
badges="$dir/kampala-badges.pdf"
pages=$(pdfinfo "$badges" 2>/dev/null | awk '/^Pages:/ {print $2}')
pdftotext -raw "$badges" "$dir/badges.txt" 2>/dev/null
participants=$(grep -c "PARTICIPANT" "$dir/badges.txt" || true)
[ "$participants" -ge 20 ] || fail "the badges name ${participants} participants; the demo has 20 registrants"
expected_pages=$(( (participants + 2 + 7) / 8 ))
[ "$pages" = "$expected_pages" ] || fail "the badges take $pages pages; $participants participants and 2 panellists make $expected_pages at eight a page"
expect "$dir/badges.txt" "Aisha NAKATO"
expect "$dir/badges.txt" "RAPPORTEUR"
pdftotext -layout "$dir/kampala-participants.pdf" "$dir/participants.txt" 2>/dev/null
expect "$dir/participants.txt" "List of participants"
expect "$dir/participants.txt" "Refugee Law Project"
expect "$dir/participants.txt" "Ana ÑÚÑEZ-LAMPRIÈRE"
# The Buenos Aires report read in Spanish: Spanish headings and dates, the event's own
# title, the rapporteur's summary as written (in English).
pdftotext -layout "$dir/buenos-aires-es.pdf" "$dir/buenos-aires-es.txt" 2>/dev/null || fail "buenos-aires-es.pdf does not parse"
expect "$dir/buenos-aires-es.txt" "Informe final"
expect "$dir/buenos-aires-es.txt" "Índice"
expect "$dir/buenos-aires-es.txt" "Introducción"
expect "$dir/buenos-aires-es.txt" "Sobre el evento"
expect "$dir/buenos-aires-es.txt" "10 de abril de 2008"
expect "$dir/buenos-aires-es.txt" "Diálogo sobre la R2P: perspectivas latinoamericanas"
expect "$dir/buenos-aires-es.txt" "Publicado el"
expect "$dir/buenos-aires-es.txt" "Latin American participants drew on the region"
grep -q "Contents" "$dir/buenos-aires-es.txt" && fail "the Spanish report has an English heading (Contents)"
# The follow-up report: what was asked of the EU, where, and what came of it.
pdftotext -layout "$dir/follow-up-eu.pdf" "$dir/follow-up-eu.txt" 2>/dev/null || fail "follow-up-eu.pdf does not parse"
expect "$dir/follow-up-eu.txt" "What we asked of the European Union, 2008–2012, and what"
expect "$dir/follow-up-eu.txt" "Appoint an RtoP focal point in the European External Action Service."
expect "$dir/follow-up-eu.txt" "Making a difference, 3 June 2009; 53rd Strategy for Peace Conference, 17 October 2012"
expect "$dir/follow-up-eu.txt" "30 June 2014 · Implemented"
expect "$dir/follow-up-eu.txt" "Evidence: https://www.globalr2p.org/"
grep -q "veto" "$dir/follow-up-eu.txt" && fail "the EU's follow-up report lists a recommendation to the Security Council"
echo "check_pdf: panel title, LAMPRIÈRE and ÑÚÑEZ found; the Buenos Aires report in Spanish; page numbers present; the Chatham House report names no one; the EU's follow-up report; $pages pages of badges, the list of participants by organization"


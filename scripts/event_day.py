#!/usr/bin/env python3
"""The event day on the demo, as its people would go through it, through the pages and
the API of a running `serve --demo` (started here on a fresh SQLite file):

- at the door of the Kampala follow-up roundtable: 15 of its 20 registrants checked in
  on the check-in page (3 found by the code of their confirmation mail, 12 by name), 2
  walk-ins added;
- the badges and the list of participants printed (pages counted, text read back with
  pdftotext);
- a visa letter: the demo's waiting request approved by the organizer, the letter
  downloaded by the registrant from the link of the mail that told them;
- the 2008 Kampala roundtable's report, held under the Chatham House rule;
- a year later (the event's dates moved back in the database, the server stopped):
  `roundtable purge --dry-run`, `roundtable purge`, and no passport data left.

Prints what it measured; exits non-zero when something is not as expected.
Usage: scripts/event_day.py [path to the roundtable binary]
"""

import email
import glob
import http.cookiejar
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from email import policy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "target/debug/roundtable")
EVENT = "rtop-follow-up-roundtable-kampala"


def fail(message):
    print(f"event_day: {message}")
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mails(work, subject_part):
    found = []
    for name in sorted(glob.glob(os.path.join(work, "data/outbox/*.eml"))):
        with open(name, encoding="utf-8") as f:
            message = email.message_from_file(f, policy=policy.default)
        if subject_part in message["subject"]:
            text = message.get_body(preferencelist=("plain",)).get_content()
            found.append((message["to"], text))
    return found


def pdf_text(path, *flags):
    return subprocess.run(["pdftotext", *flags, path, "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main():
    work = tempfile.mkdtemp(prefix="event-day-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BIN, "serve", "--demo", "--bind", f"127.0.0.1:{port}"], cwd=work,
                              stdout=open(os.path.join(work, "serve.log"), "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        else:
            fail("the server did not come up")
        run(work, base)
    finally:
        server.terminate()
        server.wait(timeout=30)
    a_year_later(work)


def run(work, base):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    browser.open(base + "/login").read()
    csrf = next(c.value for c in jar if c.name == "roundtable_csrf")

    def post(path, fields):
        data = urllib.parse.urlencode({"_csrf": csrf, **fields}).encode()
        return browser.open(base + path, data).read().decode()

    post("/login", {"email": "organizer@example.org", "password": "roundtable-demo"})
    door = f"/organize/events/{EVENT}/check-in"

    def find(typed):
        page = browser.open(base + door + "?q=" + urllib.parse.quote(typed)).read().decode()
        return re.findall(r'action="/organize/events/[^/]+/check-in/(\d+)"', page)

    def count():
        return json.loads(browser.open(base + door + "/count").read())

    start = count()
    if start["expected"] != 20:
        fail(f"the demo's roundtable expects {start['expected']} registrants, not 20")
    # Three by the code of their confirmation mail, read out at the door with a dash.
    confirmations = mails(work, "Registration confirmed")
    codes = [re.search(r"check-in code: ([A-Z0-9]{6})", text).group(1) for _, text in confirmations[:3]]
    by_code = 0
    for code in codes:
        ids = find(code[:3].lower() + "-" + code[3:].lower())
        if len(ids) != 1:
            fail(f"the code {code} finds {len(ids)} registrants")
        post(f"{door}/{ids[0]}", {"q": code})
        by_code += 1
    # Twelve more by name: family names from the list.
    page = browser.open(base + door).read().decode()
    names = re.findall(r'<li id="r\d+">\s*<div class="who">\s*<strong>([^<]+)</strong>', page)
    by_name = 0
    for name in names:
        if by_code + by_name == 15:
            break
        family = name.split()[-1]
        ids = find(family)
        if ids:
            post(f"{door}/{ids[0]}", {"q": family})
            by_name += 1
    # Two walk-ins.
    for given, family in [("Kofi", "Boateng-Mensah"), ("Zainab", "Hawa")]:
        post(f"{door}/walk-in", {"given_name": given, "family_name": family,
                                 "email": f"{given.lower()}@walk-in.example.org",
                                 "organization": "Walk-in Civil Society Forum", "consent": "true"})
    end = count()
    if end != {"checked_in": 17, "expected": 22}:
        fail(f"after the door: {end}")
    print(f"event_day: at the door, {by_code} checked in by code, {by_name} by name, 2 walk-ins: "
          f"{end['checked_in']} of {end['expected']} checked in")

    # Printed.
    for name in ["badges", "participants"]:
        path = os.path.join(work, f"{name}.pdf")
        with open(path, "wb") as f:
            f.write(browser.open(f"{base}/organize/events/{EVENT}/{name}.pdf").read())
    badges = os.path.join(work, "badges.pdf")
    text = pdf_text(badges, "-raw")
    people = text.count("PARTICIPANT") + text.count("CHAIR") + text.count("RAPPORTEUR")
    pages = pdf_pages(badges)
    if people != 24 or pages != 3:
        fail(f"badges: {people} people on {pages} pages; 22 registrants and 2 panellists make 24 on 3")
    participants = pdf_text(os.path.join(work, "participants.pdf"), "-layout")
    total = re.search(r"(\d+) participants, (\d+) organizations", participants)
    print(f"event_day: badges for {people} people on {pages} A4 pages; the list of participants: "
          f"{total.group(1)} participants of {total.group(2)} organizations on "
          f"{pdf_pages(os.path.join(work, 'participants.pdf'))} pages")

    # A visa letter: approved by the organizer, downloaded by the registrant.
    requests = browser.open(f"{base}/organize/events/{EVENT}/visa-letters").read().decode()
    waiting = re.findall(r'action="/organize/events/[^/]+/visa-letters/(\d+)/approve"', requests)
    if len(waiting) != 1:
        fail(f"{len(waiting)} visa requests waiting, not 1")
    post(f"/organize/events/{EVENT}/visa-letters/{waiting[0]}/approve", {})
    for _ in range(50):
        approved = mails(work, "Your visa invitation letter:")
        if approved:
            break
        time.sleep(0.2)
    else:
        fail("no mail told the registrant their letter is approved")
    to, text = approved[0]
    link = re.search(r"(http://\S+/registrations/[A-Za-z0-9_-]+)", text).group(1)
    letter = os.path.join(work, "visa-letter.pdf")
    with open(letter, "wb") as f:
        f.write(urllib.request.urlopen(link + "/visa-letter.pdf").read())
    letter_text = pdf_text(letter, "-layout")
    if "DIALLO Fatou" not in letter_text or "A00DEMO42" not in letter_text:
        fail("the letter does not name the passport holder and number")
    print(f"event_day: visa letter approved, mailed to {to}, downloaded by them: "
          f"{pdf_pages(letter)} page naming DIALLO Fatou, passport A00DEMO42, Senegal")

    # After the event (its dates moved back a week in the database), a participant checked
    # in at the door downloads their certificate from the link of their confirmation.
    with sqlite3.connect(os.path.join(work, "data/roundtable.db"), timeout=10) as conn:
        conn.execute("UPDATE events SET starts_on = date(starts_on, '-60 days'), "
                     "ends_on = date(ends_on, '-60 days') WHERE slug = ?", (EVENT,))
    to, text = confirmations[0]
    link = re.search(r"(http://\S+/registrations/[A-Za-z0-9_-]+)", text).group(1)
    page = urllib.request.urlopen(link).read().decode()
    if "Download your certificate of attendance" not in page:
        fail(f"{to} is offered no certificate after the event")
    certificate = os.path.join(work, "certificate.pdf")
    with open(certificate, "wb") as f:
        f.write(urllib.request.urlopen(link + "/certificate.pdf").read())
    certificate_text = pdf_text(certificate, "-layout")
    if "Certificate of attendance" not in certificate_text:
        fail("the certificate does not say what it is")
    listed = json.loads(browser.open(f"{base}/api/v1/events/{EVENT}/registrations").read())["items"]
    absent = next(r["email"] for r in listed if r["checked_in_at"] is None)
    not_in = next(text for to, text in confirmations if absent in to)
    other = re.search(r"(http://\S+/registrations/[A-Za-z0-9_-]+)", not_in).group(1)
    try:
        urllib.request.urlopen(other + "/certificate.pdf")
        fail("a registrant never checked in got a certificate")
    except urllib.error.HTTPError as err:
        if err.code != 404:
            fail(f"a registrant never checked in: {err.code}")
    print(f"event_day: after the event, {to} downloaded their certificate of attendance "
          f"({pdf_pages(certificate)} page); one never checked in gets 404")

    # The Chatham House report.
    report = urllib.request.urlopen(f"{base}/events/rtop-roundtable-kampala-2008/report.md").read().decode()
    if "Held under the Chatham House rule" not in report:
        fail("the Kampala 2008 report does not say the rule applied")
    points = re.findall(r"^- (A (?:government|participant)[^\n]+)$", report, re.M)
    if len(points) != 2 or any(p.rstrip().endswith(")") for p in points):
        fail(f"key points attributed: {points}")
    print(f"event_day: the 2008 Kampala report says the Chatham House rule applied; its {len(points)} "
          "key points name no one")


def a_year_later(work):
    db = os.path.join(work, "data/roundtable.db")
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT count(*) FROM visa_requests WHERE passport IS NOT NULL").fetchone()[0]
        conn.execute("UPDATE events SET starts_on = date(starts_on, '-1 year'), "
                     "ends_on = date(ends_on, '-1 year') WHERE slug = ?", (EVENT,))
    url = f"sqlite://{db}"
    dry = subprocess.run([BIN, "purge", "--dry-run", "--database-url", url], cwd=work,
                         capture_output=True, text=True, check=True).stdout.strip()
    done = subprocess.run([BIN, "purge", "--database-url", url], cwd=work,
                          capture_output=True, text=True, check=True).stdout.strip()
    with sqlite3.connect(db) as conn:
        after = conn.execute("SELECT count(*) FROM visa_requests WHERE passport IS NOT NULL").fetchone()[0]
        codes = conn.execute("SELECT count(*) FROM registrations r JOIN events e ON e.id = r.event_id "
                             "WHERE e.slug = ? AND r.check_in_code IS NOT NULL", (EVENT,)).fetchone()[0]
        checked = conn.execute("SELECT count(*) FROM registrations r JOIN events e ON e.id = r.event_id "
                               "WHERE e.slug = ? AND r.checked_in_at IS NOT NULL", (EVENT,)).fetchone()[0]
    raw = open(db, "rb").read()
    if after != 0 or codes != 0 or b"A00DEMO42" in raw:
        fail(f"after purge: {after} passports, {codes} codes left")
    print(f"event_day: a year later, `roundtable purge --dry-run` said: {dry.splitlines()[-1]}")
    print(f"event_day: `roundtable purge` erased it: passports {before} -> {after}, check-in codes -> {codes}; "
          f"{checked} check-ins kept as the record; the database file holds no passport number")


main()

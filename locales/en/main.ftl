# The layout of every page: navigation, search, account, footer, language chooser.
skip-to-content = Skip to content
nav-main = Main
nav-events = Events
nav-series = Series
nav-documents = Documents
nav-recommendations = Recommendations
nav-my-summaries = My summaries
nav-organize = Organize
search-site = Site
search-label = Search Roundtable
search-placeholder = Search
search-button = Search
signed-in-as = Signed in as
your-account = Your account
sign-out = Sign out
member-sign-in = Member sign in
footer-about = Roundtable: conferences and roundtable series for coalitions of NGOs, governments and international bodies.
footer-api = API
language-chooser = Read this site in

# Problems the API answers (problem+json), by status.
problem-invalid = The request has invalid fields.
problem-invalid-count = { $count ->
    [one] One field is invalid.
   *[other] { $count } fields are invalid.
}

# The event page.
event-part-of = Part of
event-cancelled = This event has been cancelled.
event-dates = Dates
event-venue = Venue
event-place = Place
event-region = Region
event-times = Times
event-times-shown-in = shown in { $zone } (local time)
event-add-to-calendar = Add to calendar (.ics)
event-subscribe = Subscribe (webcal)
event-subscribe-hint = Subscribe in your calendar application; changes follow automatically
event-outcome-report = Outcome report
event-edit = Edit in the workspace
event-organizers = Organizers
event-programme = Programme
event-programme-none = The programme has not been published yet.

# The page of a session.
session-when = When
session-room = Room
session-format = Format

# A series' pages.
series-kicker = Series
series-synthesis = Synthesis report
series-synthesis-hint = what the series' published outcome reports have in common
series-timeline = Timeline
series-none-published = No events of this series are published yet.
series-by-region = By region
series-none = No series yet.
event-organized-by = Organized by { $names }

# The registration form, and what is said to a registrant.
registration-heading = Register
registration-button = Register
registration-not-recorded = Your registration was not recorded
registration-correct-below = Please correct what is marked below; what you typed is kept.
registration-closed-ended = Registration is closed: the event has ended.
registration-closed = Registration is closed.
registration-invitation-only = Registration is by invitation only: use the link in your invitation.
registration-opens-on-publishing = Registration opens once the event is published.
registration-closed-full = Registration is closed: the event is full.
registration-full-waitlist = The event is full: if you register now, you join the waiting list and get a place in order of registration if one frees up.
registration-full = The event is full.
registration-places-left =
    { $count ->
        [one] { $count } place left.
       *[other] { $count } places left.
    }
registration-approval-note = The organizers approve each registration; you will hear from them.
field-given-name = Given name
field-family-name = Family name
field-email-address = Email
field-organization = Organization
field-country-name = Country
registration-email-hint = Your confirmation and your personal link go here.
registration-needs = Access or dietary needs
registration-needs-hint = Seen by the organizers only, to prepare your participation.
registration-consent = I agree that the organizers keep these details to run this event, and may contact me about it. I can erase them at any time from my registration page.
registration-retention = Your access or dietary needs and your check-in code are erased { $days } days after the event; your name and attendance remain as its record.
registration-done-confirmed = You are registered. A confirmation is on its way by email. Keep the link of this page: it is your registration.
registration-done-waitlisted = The event is full: you are on the waiting list, and will get a place in order of registration. Keep the link of this page.
registration-done-pending = Your registration is received and waits for the organizers' approval. Keep the link of this page.

# What is wrong with a field (src/i18n/fields.rs).
field-required = is required
field-too-long = must be at most { $n } characters
field-control-characters = must not contain control characters
field-email = is not a valid email address
field-consent = must be given to register
field-country = must be an ISO 3166-1 alpha-2 country code such as BE or ZA
field-language = must be en, fr or es
field-url = must be an http:// or https:// address
field-one-of = must be one of: { $text }
field-after-start = must be after the start
field-invalid = is invalid
registration-already = this email is already registered for the event

# The registrant's page.
manage-title = Your registration
manage-for = { $name }, for
manage-status = Status:
registration-status-pending = Pending
registration-status-confirmed = Confirmed
registration-status-waitlisted = Waitlisted
registration-status-cancelled = Cancelled
registration-status-rejected = Rejected
manage-confirmed = Your place is confirmed.
manage-waitlisted = The event is full; you will get a place in order of registration if one frees up, and we will write to you.
manage-pending = The organizers will approve your registration; you will hear from them.
manage-cancelled = This registration is cancelled.
manage-rejected = The organizers could not accept this registration.
manage-keep-private = Keep the address of this page to yourself: it is how you manage your registration.
manage-reconfirm-heading = Please confirm you still come
manage-reconfirm-text = The event has new dates: { $dates }. Confirm by { $deadline }, or your place will be released for the people on the waiting list.
manage-reconfirm-button = Yes, I still come
manage-certificate-heading = Certificate of attendance
manage-certificate-thanks = Thank you for taking part.
manage-certificate-download = Download your certificate of attendance (PDF)
manage-door-heading = At the door
manage-qr-label = QR code of your check-in code
manage-check-in-code = Your check-in code:
manage-check-in-hint = Show this QR code or give the code at the door.
manage-calendar-heading = In your calendar
manage-subscribe = Subscribe to the programme
manage-download = Download the programme (.ics)
manage-cancel-heading = Cancel
manage-cancel-text = If you cannot come, cancel so that your place goes to someone on the waiting list.
manage-cancel-confirm = Cancel your registration? Your place goes to the next person waiting.
manage-cancel-button = Cancel my registration
manage-details-heading = Your details
manage-details-not-saved = Your details were not saved
manage-details-summary = Change your name, organization, country or needs
manage-details-save = Save my details
manage-data-heading = Your data
manage-data-text = You can erase your name, email, organization, country and needs. Your registration is then cancelled, and only an anonymous line remains in the organizers' counts.
manage-erase-confirm = Erase your details for good? This also cancels your registration.
manage-erase-button = Erase my details
manage-erased = Your details have been erased.
manage-cancelled-flash = Your registration is cancelled and your place given to the next person waiting.

# The registrant's page: their details.
manage-keep-hint = Leave it empty to keep what you gave.
manage-needs-hint = Seen by the organizers only. For your privacy it is not shown here: what you type replaces it, and an empty box keeps it.

# Calendars.
calendar-event-cancelled = This event has been cancelled.

# Registrants' mail (templates/mail/registration_*).
mail-dear = Dear { $name },
mail-event = Event:
mail-event-page = Event page:
mail-manage-line = Your registration page (status, calendar, cancel):
mail-keep-link = Keep this link to yourself: it lets anyone who has it manage your registration.
mail-calendar-attached = The attached calendar file adds the event's sessions to your calendar; this feed follows every change:
mail-calendar-attached-short = The attached calendar file adds the event's sessions to your calendar.
mail-calendar-feed = This calendar feed follows every change.
mail-check-in-label = At the door, give your check-in code:
mail-check-in-where = it is on your registration page too, with a QR code
mail-your-registration = Your registration
mail-footer = Sent by Roundtable for the organizers of { $event }. Reply to this message to reach them.
mail-reconfirm-subject = Please confirm you still come: { $event }, { $dates }
mail-reconfirm-moved = { $event } now takes place on { $dates }
mail-reconfirm-ask-by = Please confirm that you still come by { $deadline }, on your registration page:
mail-reconfirm-ask = Please confirm that you still come, on your registration page:
mail-reconfirm-release = Without your confirmation by then, your place is released for the people on the waiting list.
mail-reconfirm-button = Confirm on my registration page
mail-released-subject = Your place was released: { $event }
mail-released-lead = We did not receive your confirmation for { $event } ({ $dates }) in time, so your registration is cancelled and your place given to someone on the waiting list.
mail-released-again = If you still wish to come, you can register again while registration is open:
mail-confirmed-subject = Registration confirmed: { $event }
mail-confirmed-lead = Your registration for { $event } is confirmed. We look forward to welcoming you.
mail-waitlisted-subject = Waiting list: { $event }
mail-waitlisted-lead = { $event } is full, so you are on the waiting list. If a place frees up, you will get it in order of registration and we will write to you at once.
mail-pending-subject = Registration received: { $event }
mail-pending-lead = We have received your registration for { $event }. The organizers review each registration; you will hear from us when it is approved.
mail-approved-subject = Registration approved: { $event }
mail-approved-lead = Your registration for { $event } has been approved. Your place is confirmed.
mail-rejected-subject = Registration not accepted: { $event }
mail-rejected-lead = We are sorry: the organizers could not accept your registration for { $event }.
mail-promoted-subject = A place for you: { $event }
mail-promoted-lead = Good news: a place has become free at { $event }, and it is yours. Your registration is now confirmed.
mail-cancelled-subject = Registration cancelled: { $event }
mail-cancelled-lead = Your registration for { $event } is cancelled. If this was not you, or you change your mind, you can register again while registration is open.

# Translating an event or a series beside its original (workspace).
translations-title = Translations
translations-intro = Each text as written, in { $original }, with its translation beside it. Readers get the translation in their language where there is one, and the original elsewhere.
translations-into = Translate into:
translations-not-saved = The translation was not saved
translations-hint = A field left empty has no translation: readers get the original.
translations-save = Save the translation into { $language }
translations-back = Back
translations-saved = The translation into { $language } was saved.
translations-the-event = The event
translations-the-series = The series
translations-the-report = The outcome report
translations-session = Session: { $title }
translations-field-title = Title
translations-field-subtitle = Subtitle
translations-field-description = Description
translations-field-introduction = Introduction
translations-field-conclusions = Conclusions

# Outcome reports: page, Markdown and PDF (src/reports/language.rs).
report-outcome = Outcome report
report-contents = Contents
report-introduction = Introduction
report-about = About the event
report-the-event = The event
report-event = Event
report-dates = Dates
report-place = Place
report-venue = Venue
report-region = Region
report-series = Series
report-sessions-reported = Sessions reported
report-online = Online
report-organizers = Organizers
report-organized-by = Organized by
report-sessions = Sessions
report-when = When
report-chair = Chair
report-speakers = Speakers
report-rapporteur = Rapporteur
report-chatham = Held under the Chatham House rule: what was said is not attributed to anyone.
report-key-points = Key points
report-challenges = Challenges
report-recommendations = Recommendations
report-next-steps = Next steps
report-by-addressee = Recommendations by addressee
report-by-theme = Recommendations by theme
report-theme = Theme
report-organizations = Organizations that took part
report-conclusions = Conclusions
report-awaiting = Sessions awaiting a summary
report-awaiting-note = These sessions have a rapporteur but no approved summary yet, so they are not in this report.
report-draft = DRAFT
report-draft-note = This report has not been published. Its content may still change.
report-not-published = Not published
report-to = To:
report-themes = Themes:
report-from = From:
report-present = present
report-published = Published { $date }
report-edition-published = Edition { $edition }, published { $date }
report-summary-language = Summary as the rapporteur wrote it, in { $language }.
report-other-formats = Other formats
report-event-page = The event's page
report-print = Print
report-part-of = part of
report-draft-preview = Draft preview
report-draft-preview-note = only organizers see this report until it is published.
report-edit-and-publish = Edit and publish
involvement-organizer = Organizer
involvement-co-organizer = Co-organizer
involvement-partner = Partner
involvement-host = Host
involvement-sponsor = Sponsor
involvement-participant = Participant
priority-high = High priority
priority-medium = Medium priority
priority-low = Low priority
timeframe-immediate = Immediate
timeframe-short_term = Within a year
timeframe-medium_term = One to three years
timeframe-long_term = Longer term

# Outcome reports: the page.
report-to-word = To
report-not-yet = Not in the report yet (organizers only see this):
report-preview-edition = Preview of edition { $edition }
report-preview-edition-note =
    { $count ->
        [one] one change since publication, which the public will read once you publish again; until then it reads edition { $edition }.
       *[other] { $count } changes since publication, which the public will read once you publish again; until then it reads edition { $edition }.
    }
report-see-changes = See the changes and publish

# Outcome reports: Markdown.
report-draft-word = Draft
report-not-published-yet = not published yet.

# Vocabularies: kinds of events and sessions, regions, roles.
event-kind-conference = Conference
event-kind-roundtable = Roundtable
event-kind-workshop = Workshop
event-kind-seminar = Seminar
event-kind-briefing = Briefing
session-kind-panel = Panel
session-kind-plenary = Plenary
session-kind-roundtable = Roundtable
session-kind-workshop = Workshop
session-kind-break = Break
region-africa = Africa
region-americas = Americas
region-asia-pacific = Asia-Pacific
region-europe = Europe
region-middle-east = Middle East
region-global = Global
participant-role-chair =
    { $count ->
        [one] Chair
       *[other] Chairs
    }
participant-role-moderator =
    { $count ->
        [one] Moderator
       *[other] Moderators
    }
participant-role-speaker =
    { $count ->
        [one] Speaker
       *[other] Speakers
    }
participant-role-discussant =
    { $count ->
        [one] Discussant
       *[other] Discussants
    }
participant-role-rapporteur =
    { $count ->
        [one] Rapporteur
       *[other] Rapporteurs
    }

# A series' pages: events without a region.
series-other-region = Other

# The organizers' workspace: what needs doing (src/dashboard/agenda.rs).
task-conflicts =
    { $count ->
        [one] 1 conflict in the programme
       *[other] { $count } conflicts in the programme
    }
task-no-chair-no-rapporteur = “{ $title }” has no chair and no rapporteur
task-no-chair = “{ $title }” has no chair
task-no-rapporteur = “{ $title }” has no rapporteur
task-declined = { $name } declined ({ $role } of “{ $title }”): find someone else or remove them
task-unanswered =
    { $count ->
        [one] 1 invitation unanswered for more than { $days } days: send a reminder
       *[other] { $count } invitations unanswered for more than { $days } days: send a reminder
    }
task-registrations-pending =
    { $count ->
        [one] 1 registration waiting for your approval
       *[other] { $count } registrations waiting for your approval
    }
task-visa-requests =
    { $count ->
        [one] 1 visa letter request to answer
       *[other] { $count } visa letter requests to answer
    }
task-summaries-review =
    { $count ->
        [one] 1 summary waiting for your review
       *[other] { $count } summaries waiting for your review
    }
task-summaries-late =
    { $count ->
        [one] 1 summary is late
       *[other] { $count } summaries are late
    }
task-report-changes =
    { $count ->
        [one] The published report has 1 change since publication: publish edition { $edition }
       *[other] The published report has { $count } changes since publication: publish edition { $edition }
    }
task-mail-failed =
    { $count ->
        [one] 1 mail could not be delivered
       *[other] { $count } mails could not be delivered
    }

# The organizers' workspace (templates/dashboard, templates/events/workspace.html).
event-status-draft = Draft
event-status-published = Published
event-status-cancelled = Cancelled
ws-title = Organize
ws-heading = Organizers' workspace
ws-new-event = New event
ws-new-series = New series
ws-people = People
ws-organizations = Organizations
ws-accounts = Accounts
ws-accounts-pending = Accounts ({ $count } to decide)
ws-documents = Library documents
ws-outbox = Outbox
ws-themes = Themes of recommendations
ws-needs-doing = What needs doing
ws-nothing-current = No event to come or just over.
ws-create-event = Create an event
ws-or-reuse = , or reuse a past one from its page.
ws-nothing-to-do = ✓ Nothing to do for now.
ws-all-events = All events
ws-no-events = No events yet.
ws-create-first = Create the first one
ws-col-event = Event
ws-col-dates = Dates
ws-col-place = Place
ws-col-status = Status
ws-edit = Edit
ws-public-page = Public page

# The organizers' workspace: an event.
invitation-status-not_invited = Not invited
invitation-status-invited = Invited
invitation-status-accepted = Accepted
invitation-status-declined = Declined
ews-back = ← Workspace
ews-times-in = times in { $zone }
ews-edit = Edit details
ews-translations = Translations
ews-add-session = Add a session
ews-registrations = Registrations
ews-check-in = Check-in
ews-attendance = Attendance
ews-visa-letters = Visa letters
ews-summaries = Summaries
ews-report = Outcome report
ews-public-page = Public page
ews-preview = Preview
ews-publish = Publish
ews-publish-anyway =
    { $count ->
        [one] This event still has 1 conflict. Publish anyway?
       *[other] This event still has { $count } conflicts. Publish anyway?
    }
ews-cancel-confirm = Cancel this event? Everyone invited or registered will be told.
ews-cancel = Cancel the event
ews-reuse = Reuse for new dates
ews-delete-confirm = Delete this event and its whole programme? This cannot be undone.
ews-delete = Delete
ews-no-conflicts = ✓ No conflicts: nobody is double-booked, no room is used twice, every session is within the event's dates.
ews-conflicts =
    { $count ->
        [one] 1 conflict to resolve
       *[other] { $count } conflicts to resolve
    }
ews-before-publishing = before publishing
ews-programme = Programme
ews-no-sessions = No sessions yet.
ews-add-first = Add the first session
ews-conflict-badge = conflict
ews-send-invitations = Send invitations
ews-to-the-people-of = to the people of { $title }
ews-invitations = Invitations
ews-no-invitations = No invitations sent yet. Use “Send invitations…” on a session to write to its chair, speakers and rapporteur, and preview the mail before it goes.
ews-invite-event = Invite people to the event…
ews-col-person = Person
ews-col-role = Role
ews-col-answer = Answer
ews-col-sent = Sent
ews-col-answered = Answered
ews-resend =
    { $count ->
        [one] Resend to the 1 who has not answered
       *[other] Resend to the { $count } who have not answered
    }

# Languages by name, in a sentence.
language-name-en = English
language-name-fr = French
language-name-es = Spanish

# Invitations (templates/mail/invitation).
inv-subject-role = Invitation: { $role } at { $session } ({ $event })
inv-subject-session = Invitation: { $session } ({ $event })
inv-subject-event = Invitation: { $event }, { $dates }
inv-take-part-as = You are invited to take part as { $role } in "{ $session }", a session of { $event }.
inv-take-part = You are invited to take part in "{ $session }", a session of { $event }.
inv-invited-to = You are invited to { $event }, { $dates }
inv-when = When:
inv-room = Room:
inv-session-page = Session page:
inv-message = A message from the organizers:
inv-answer = Please answer:
inv-accept = Accept:
inv-decline = Decline:
inv-accept-button = Accept
inv-decline-button = Decline
inv-calendar = The attached calendar file adds the session to your calendar. On the invitation page you can also get a personal calendar feed of every session you take part in.
inv-calendar-before = The attached calendar file adds the session to your calendar. On the
inv-calendar-link = invitation page
inv-calendar-after = you can also get a personal calendar feed of every session you take part in.
inv-thanks = With thanks,
inv-title = Invitation
inv-session = Session
inv-your-role = Your role
inv-event = Event
inv-when-label = When
inv-room-label = Room
inv-accept-or-decline = Accept or decline:

# Accounts' mail: the password reset (templates/mail/password_reset).
reset-subject = Choose a new password for { $email }
reset-someone = Someone (we hope you) asked to choose a new password for the Roundtable account of { $email }.
reset-choose-here = Choose it here (this link works once, until { $expires }):
reset-signs-out = Using it signs out every other browser signed in to your account.
reset-works-once = This link works once, until { $expires }.
reset-ignore = If you did not ask, ignore this message: your password stays as it is.
reset-button = Choose a new password
reset-footer = Sent by Roundtable for { $name }.

# A series' synthesis report (templates/reports/synthesis.*).
syn-title = Synthesis
syn-kicker = Synthesis report
syn-drawn =
    { $count ->
        [one] Drawn from the published outcome report of 1 event of
       *[other] Drawn from the published outcome reports of { $count } events of
    }
syn-the-series = the series
syn-left-out = Left out until their report is published (organizers only see this):
syn-none = No event of this series has a published outcome report yet. The synthesis fills in as reports are published.
syn-events = The events
syn-themes = Common themes
syn-challenges = Common challenges
syn-regions = Strategies by region
syn-follow-up = What came of the recommendations
syn-organizers-partners = Organizers and partners
syn-ranked = Ranked by how many events raised them.
syn-event-count =
    { $count ->
        [one] 1 event
       *[other] { $count } events
    }
syn-latest = Latest:

# A series' synthesis report: the PDF.
syn-event-one = event
syn-event-many = events
syn-raised-at = raised at
syn-drawing = Drawing together the outcome reports of
syn-in-this = in this synthesis
syn-partners = Partners
syn-not-yet = Not yet in this synthesis
syn-not-yet-note = These events of the series have no published report yet.
syn-events-label = Events:
syn-series-events = The series and its events

# An event's conflicts, one sentence each (src/events/conflicts.rs).
conflict-person = { $name } is in "{ $first }" and "{ $second }" at the same time ({ $when })
conflict-room = { $room } holds "{ $first }" and "{ $second }" at the same time ({ $when })
conflict-outside = "{ $session }" ({ $when }) falls outside the event's dates, { $start } to { $end }

# Problems the API answers: what is always said the same way (src/error.rs).
problem-unauthorized = Sign-in required
problem-bad-credentials = Email or password is incorrect
problem-too-many-attempts = Too many failed sign-in attempts; wait { $minutes } minutes and try again
# A 404's detail, by what was not found.
problem-not-found-session = Session not found
problem-not-found-registration = Registration not found
problem-not-found-event = Event not found
problem-not-found-person = Person not found
problem-not-found-series = Series not found
problem-not-found-organization = Organization not found
problem-not-found-invitation = Invitation not found
problem-not-found-link = Link not found
problem-not-found-resource = Resource not found
problem-not-found-feed = Feed not found
problem-not-found-addressee = Addressee not found
problem-not-found-account = Account not found
problem-not-found-visa-letter = Visa letter not found
problem-not-found-recommendation = Recommendation not found
problem-not-found-participant = Participant not found
problem-not-found-page = Page not found
problem-not-found-message = Message not found
problem-not-found-file = File not found
problem-not-found-visa-letters = Visa letters not found
problem-not-found-visa-letter-request = Visa letter request not found
problem-not-found-thumbnail = Thumbnail not found
problem-not-found-theme = Theme not found
problem-not-found-report = Report not found
problem-not-found-rapporteur = Rapporteur not found
problem-not-found-follow-up-report = Follow-up report not found
problem-not-found-document = Document not found
problem-not-found-certificate = Certificate not found
problem-not-found-application = Application not found

# What a registrant is told on their page after acting on it (src/registrations/pages.rs).
manage-reconfirmed-flash = Thank you: you have confirmed that you still come.
manage-erased-flash = Your details are erased. Only an anonymous line remains in the organizers' counts.
manage-details-saved-flash = Your details are saved.

# What the pages' script says (templates/static/app.js), given to it by the layout.
js-region-proposed = Proposed from the country: { $region }. Change it if needed.
js-preview-unavailable = The preview is not available just now; what you type is kept.
js-link-text = link text
js-send-invitations =
    { $count ->
        [one] Send 1 invitation
       *[other] Send { $count } invitations
    }
js-recipients-changed = You changed the recipients or the message since this preview: press “Preview” again to see the mails as they will go.
js-chosen-file = Chosen: { $file } ({ $size })
js-uploading = Uploading { $file }…
js-saving = Saving…
js-session-ended = Your session has ended. Sign in again in another tab, then send the form again: what you typed and chose is kept here.
js-unexpected = The server answered unexpectedly ({ $status }). Nothing was saved; sign in again if your session ended, then send the form again.
js-upload-broke = The upload broke off (is the connection down?). Nothing was saved; send the form again.
js-correct-fields =
    { $count ->
        [one] Please correct 1 field
       *[other] Please correct { $count } fields
    }
js-document-not-saved = The document was not saved
js-nothing-saved-file = Nothing was saved yet; what you typed and the file you chose are kept below.
js-nothing-saved = Nothing was saved yet; what you typed is kept below.

# The list of events (templates/events/list.html).
events-filter-label = Filter events
events-all-regions = All regions
events-kind = Kind
events-all-kinds = All kinds
events-year = Year
events-all-years = All years
events-show = Show events
events-clear = Clear filters
events-found =
    { $count ->
        [one] 1 event.
       *[other] { $count } events.
    }
events-found-filtered =
    { $count ->
        [one] 1 event matches these filters.
       *[other] { $count } events match these filters.
    }
events-none = No events match.
events-see-all = See all events

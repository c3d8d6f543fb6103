# The error page (templates/errors/error.html, src/web/pages.rs).
err-not-found = Page not found
err-not-found-text = There is no page at this address. It may have moved, or the event may not be published yet.
err-forbidden = Not allowed
err-too-many = Too many attempts
err-conflict = That cannot be done now
err-gone = This link no longer works
err-bad-request = That request could not be read
err-invalid = Some fields are invalid
err-internal = Something went wrong
err-internal-text = Something went wrong on our side. It has been logged; please try again in a moment.
err-sign-in = Please sign in
err-sign-in-text = This page is for signed-in members.
err-status = Error { $status }
err-back = Back to the events
err-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
err-organizers-only = The organizers' workspace is for organizers and admins.

# The home page (templates/site/home.html).
site-title = Conferences and roundtables
site-lead = Programmes, speakers and outcomes of the conferences and consultative roundtables held by the coalition and its partners.
site-upcoming = Upcoming events
site-no-upcoming = No upcoming events are published at the moment.
site-browse-all = Browse all events
site-recent = Recent events
site-no-recent = No past events yet.
site-all-events = All events

# The library (templates/site/documents.html, src/site.rs).
doc-library = Documents
doc-library-lead = Policy memos, papers, statements and the outcome reports of past events, browsable by region and kind; and the syntheses of series of roundtables.
doc-add = Add a document
doc-all-to-edit = All documents, to edit or withdraw
doc-browse-label = Browse documents by region, kind, year and language
doc-region = Region
doc-all-regions = All regions
doc-kind = Kind
doc-all-kinds = All kinds
doc-year = Year
doc-all-years = All years
doc-language = Language
doc-all-languages = All languages
doc-browse = Browse
doc-none = No documents yet.
doc-none-for = No documents for { $region } yet.
doc-none-hint = Outcome reports appear here, with their event, once the organizers publish them, beside the documents they add to the library.
doc-syntheses = Syntheses of series
doc-synthesis-of = { $title }: synthesis report
doc-draws-on =
    { $count ->
        [one] Draws on { $count } published report
       *[other] Draws on { $count } published reports
    }
doc-in-this-region = (in this region)
doc-by = By { $names }
doc-download = Download ({ $what })
doc-on-publisher = On the publisher's site
doc-outcome-report = Outcome report: { $title }
doc-published = published { $date }
doc-the-event = The event

# A document's page (templates/documents/show.html, src/documents/pages.rs).
doc-first-page = The first page of { $title }
doc-readers = Who may read it: { $who }
doc-fact-published = Published
doc-fact-by = By
doc-fact-regions = Regions
doc-fact-countries = Countries
doc-fact-event = Event
doc-fact-series = Series
doc-edit-or-withdraw = Edit or withdraw
doc-read-on-publisher = Read it on the publisher's site
doc-summary = Summary
doc-next-steps = Next steps
doc-file = File
doc-size-bytes = { $size } bytes
doc-size-kb = { $size } KB
doc-size-mb = { $size } MB

# Kinds of documents, who may read them, file types, sub-regions, languages.
doc-kind-report = Report
doc-kind-policy-memo = Policy memo
doc-kind-brief = Brief
doc-kind-statement = Statement
doc-kind-paper = Paper
doc-kind-letter = Letter
doc-kind-other = Other
doc-access-public = Everyone
doc-access-members = Members (signed in)
doc-access-organizers = Organizers only
doc-file-type-pdf = PDF
doc-file-type-docx = Word document
doc-file-type-odt = OpenDocument text
doc-file-type-xlsx = Excel spreadsheet
doc-file-type-png = PNG image
doc-file-type-jpeg = JPEG image
doc-subregion-north-africa = North Africa
doc-subregion-west-africa = West Africa
doc-subregion-east-africa = East Africa
doc-subregion-central-africa = Central Africa
doc-subregion-southern-africa = Southern Africa
doc-subregion-great-lakes = Great Lakes
doc-subregion-north-america = North America
doc-subregion-latin-america-caribbean = Latin America and the Caribbean
doc-subregion-south-asia = South Asia
doc-subregion-southeast-asia = Southeast Asia
doc-subregion-east-asia = East Asia
doc-subregion-central-asia = Central Asia
doc-subregion-pacific = Pacific
doc-subregion-western-europe = Western Europe
doc-subregion-northern-europe = Northern Europe
doc-subregion-southern-europe = Southern Europe
doc-subregion-eastern-europe = Eastern Europe
doc-subregion-gulf = Gulf
doc-subregion-levant = Levant
doc-language-en = English
doc-language-fr = French
doc-language-es = Spanish
doc-language-pt = Portuguese
doc-language-ar = Arabic
doc-language-ru = Russian
doc-language-zh = Chinese
doc-language-de = German

# The organizers' list of documents (templates/documents/workspace_list.html).
doc-ws-lead = Every document of the library, whoever may read it, the most recently published first. Open one to change what the library says of it, or to withdraw it.
doc-as-readers-see = The library as readers see it
doc-find-label = Find documents
doc-words = Words of the title or summary
doc-find = Find
doc-count =
    { $count ->
        [one] { $count } document.
       *[other] { $count } documents.
    }
doc-add-first = Add the first one
doc-no-match = No document matches.
doc-col-document = Document
doc-col-date = Date
doc-who-may-read = Who may read it
doc-col-file = File or link
doc-undated = Undated
doc-link = Link
doc-page = Page
doc-more = More documents
doc-newer = ← More recent
doc-older = Older →

# Adding or editing a document (templates/documents/form.html, src/documents/workspace.rs).
doc-edit-heading = Edit “{ $title }”
doc-its-page = Its page in the library
doc-required-note = Fields marked * are required.
doc-file-or-link = Add a file or give a link to where the document is published.
doc-correct-fields =
    { $count ->
        [one] Please correct { $count } field
       *[other] Please correct { $count } fields
    }
doc-nothing-saved = Nothing was saved yet; what you typed is kept below.
doc-legend-document = The document
doc-file-stays = The file stays as it is. To replace it, withdraw this document and add the new file as a new one.
doc-file-hint = Drop the file here, or choose it: PDF, Word (DOCX), OpenDocument text (ODT), Excel (XLSX), PNG or JPEG, at most { $mb } MB.
doc-legend-about = About it
doc-legend-authors = Who wrote it
doc-authors-hint = Tick the organizations that wrote or published it.
doc-authors-hint-none = Tick the organizations that wrote or published it; the directory has none yet.
doc-find-organization = Find an organization
doc-legend-where = Where it is about
doc-regions-hint = The library lists it under each region ticked; a sub-region is found under its region too.
doc-legend-belongs = Where it belongs
doc-sending = Sending…
doc-cancel = Cancel
doc-submit-add = Add the document
doc-submit-save = Save changes
doc-withdraw-heading = Withdraw it
doc-withdraw-text = A withdrawn document leaves the library and search, and its file is deleted. This cannot be undone.
doc-withdraw-confirm = Withdraw this document from the library? Its file is deleted; this cannot be undone.
doc-withdraw = Withdraw the document
doc-field-title = Title
doc-choose = Choose…
doc-field-published-on = Published on
doc-hint-language = A language tag: en, fr, es, pt-BR. Leave it empty if the document is in several.
doc-hint-summary = What it says, for the library's readers. Leave a blank line between paragraphs.
doc-hint-link-instead = Instead of a file: the address where the document is published (https://…).
doc-hint-link = The address where the document is published (https://…).
doc-hint-countries = ISO codes separated by commas: AR, CA, KE. Leave empty if the document is about a whole region.
doc-no-event = None
doc-no-series = None
doc-hint-next-steps = One per line. Each becomes an item of the recommendation tracker.
doc-saved = Your changes to “{ $title }” were saved.
doc-added = “{ $title }” was added to the library.
doc-withdrawn = “{ $title }” was withdrawn from the library.
doc-file-not-kept = You chose “{ $name }”: it was not kept, so choose it again before sending.
doc-quoted = “{ $text }”
doc-err-next-step = next step { $n } { $text }
doc-err-and-more = And { $count } more.
doc-err-kind = choose one of the kinds listed
doc-err-access = choose who may read it
doc-err-date = must be a date such as 2012-09-25
doc-err-no-file = Choose a file, or give a link to the document instead.
doc-err-region = must be a region (africa, americas, asia-pacific, europe, middle-east, global) or one of their sub-regions
doc-err-language-tag = must be a language tag such as en, es, fr or pt-BR
doc-err-date-range = must be a date between 1900 and 2200
doc-err-no-organization = no such organization
doc-err-no-event = no such event
doc-err-no-series = no such series
doc-err-file-and-link = a document has a file or a link, not both
doc-err-has-file = this document has a file; withdraw it and add the link as a new document
doc-err-one-file = send one file per document
doc-err-far-too-long = is far too long
doc-err-too-large = is larger than { $mb } MB, the most the library takes
doc-err-file-empty = the file is empty
doc-err-file-unknown = this file is not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says
doc-err-file-other = this file is { $what }, not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says

# Search (templates/search/results.html, src/search/pages.rs).
srch-title = Search
srch-title-for = { $q }: search
srch-words = Words to look for
srch-error = The words to look for { $message }.
srch-kind-error = (the kind of results) { $message }
srch-hint = Events, sessions, people, organizations, reports and documents, including the words inside PDFs. Accents and capitals do not matter.
srch-nothing = Nothing found for “{ $q }”. Try fewer words, or the beginning of a name.
srch-kinds = Kinds of results
srch-results =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
srch-results-among =
    { $count ->
        [one] { $count } result among { $kind }
       *[other] { $count } results among { $kind }
    }
srch-for = { $results } for “{ $q }”
srch-shown = { $first }–{ $last } shown
srch-more-label = More results
srch-previous = Previous results
srch-next = More results
srch-everything = Everything
srch-kind-event = Events
srch-kind-session = Sessions
srch-kind-person = People
srch-kind-organization = Organizations
srch-kind-report = Reports and summaries
srch-kind-document = Documents
srch-kind-recommendation = Recommendations
srch-one-event = Event
srch-one-session = Session
srch-one-person = Person
srch-one-organization = Organization
srch-one-report = Report
srch-one-document = Document
srch-one-recommendation = Recommendation

# The outbox (templates/mail/outbox.html, templates/mail/message.html, src/mail/pages.rs).
out-lead = Every message Roundtable sends, newest first. Messages wait in the queue until the mail worker delivers them; failed ones are retried with growing pauses. Open a message to read it as its recipient does, or to send it again.
out-filter-status = Filter by status
out-all = All
out-filter-kind = Filter by kind
out-kind-of-message = Kind of message
out-every-kind = Every kind
out-show = Show
out-count =
    { $count ->
        [one] { $count } message.
       *[other] { $count } messages.
    }
out-to = To
out-subject = Subject
out-kind = Kind
out-status = Status
out-tries = Tries
out-created = Created
out-not-sent-again = This message was not sent again
out-about = About
out-last-error = Last error
out-sent = Sent
out-not-yet = Not yet: it goes out { $at } or soon after
out-not-sent = Not sent
out-attachments = Attachments
out-no-attachments = None
out-resend-confirm = Send a copy of this message to { $to } again?
out-resend = Resend
out-resend-note = A copy goes out at once, as a new message of the outbox; this one stays as it is.
out-withheld = The link in this message signs in as its recipient and lets whoever opens it choose their password, so it is withheld here. The recipient's own mail has it.
out-as-read = As the recipient reads it
out-frame-title = The message, as its recipient's mail program shows it
out-plain = Plain text
out-plain-note = What mail programs that do not show HTML display.
out-copy-queued = A copy is queued for { $email }: this is it, and it goes out in a moment. The original is unchanged.
out-refusal-account-setup = A set-up mail is never sent twice: its link works once and signs in as the recipient. Send a new set-up link instead, with “Send the set-up mail again” on the Accounts page (/organize/accounts).
out-refusal-password-reset = A password-reset mail is never sent twice: its link works once and signs in as the recipient. The person can ask for a new link with “Forgot your password?” on the sign-in page, or an organizer can send a new set-up link from the Accounts page (/organize/accounts).
out-refusal-erased = The recipient of this message erased their details: there is nobody to send it to.
out-status-queued = Queued
out-status-sending = Sending
out-status-sent = Sent
out-status-failed = Failed
out-calendar-publish = Calendar
out-calendar-request = Invitation to the calendar
out-calendar-cancel = Cancellation for the calendar
out-kind-invitation = Invitation
out-kind-invitation_declined = Invitation declined
out-kind-session_update = Session changed
out-kind-session_cancelled = Session cancelled
out-kind-event_cancelled = Event cancelled
out-kind-registration_confirmed = Registration confirmed
out-kind-registration_waitlisted = On the waiting list
out-kind-registration_pending = Registration received
out-kind-registration_approved = Registration approved
out-kind-registration_rejected = Registration declined
out-kind-registration_cancelled = Registration cancelled
out-kind-registration_promoted = Place from the waiting list
out-kind-registration_reconfirm = Please confirm
out-kind-registration_released = Place released
out-kind-visa_letter_approved = Visa letter approved
out-kind-visa_letter_refused = Visa letter refused
out-kind-summary_submitted = Summary to review
out-kind-summary_approved = Summary approved
out-kind-summary_returned = Summary returned
out-kind-summary_reminder = Summary due
out-kind-summary_overdue = Summary overdue
out-kind-account_setup = Account set-up
out-kind-password_reset = Password reset
out-kind-membership_application = Membership application
out-kind-membership_rejected = Membership declined
out-kind-recommendation_review = Recommendation review due
out-kind-recommendation_digest = Recommendations overdue

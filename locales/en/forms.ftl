# The form page and its fields (templates/partials/form_page.html, src/web/forms.rs).
form-correct-fields = { $count ->
    [one] Please correct { $count } field
   *[other] Please correct { $count } fields
}
form-nothing-saved = Nothing was saved yet; what you typed is kept below.
form-cancel = Cancel
form-back-workspace = Workspace
form-choose = Choose…
form-none = None

# The series form (src/events/workspace.rs).
form-series-legend = Series
form-title = Title
form-web-address = Web address
form-web-address-hint = The last part of the page's address (…/events/making-a-difference): lower-case words joined by hyphens, made from the title when left empty.
form-description = Description
form-written-in = Written in
form-series-language-hint = The language of its title and description. Translations into the others are edited beside the original (“Translations” on the series' page in the workspace).
form-new-series = New series
form-create-series = Create the series
form-series-created = The series "{ $title }" was created.
form-edit-title = Edit { $title }
form-save-changes = Save changes
form-translations = Translations
form-series-saved = The series "{ $title }" was saved.
form-edit-series = Edit series

# The event form (src/events/workspace.rs).
form-organization-n = Organization { $n }
form-organization-role-n = Role of organization { $n }
form-about-event = About the event
form-subtitle = Subtitle
form-event-language-hint = The language of its title, subtitle, description and programme. Translations into the others are edited beside the original, from the event's page in the workspace.
form-kind = Kind
form-part-of-series = Part of a series
form-event-description-hint = The event's aim and context. Leave a blank line between paragraphs.
form-when-where = When and where
form-first-day = First day
form-last-day = Last day
form-timezone = Time zone
form-timezone-hint = Type the city whose clock the event keeps (Nairobi, Buenos Aires, Brussels) and choose it from the list. Session times are entered in it.
form-venue = Venue
form-city = City
form-country = Country
form-region = Region
form-subregion = Sub-region
form-organizers = Organizers
form-registration = Registration
form-registration-mode-open = Open
form-registration-mode-approval = Approval
form-registration-mode-invite-only = Invite-only
form-registration-mode-closed = Closed
form-capacity = Capacity
form-capacity-hint = Leave empty for unlimited.
form-registration-opens = Registration opens
form-local-time-hint = Local time of the event.
form-registration-closes = Registration closes
form-waitlist = Keep a waiting list when full
form-event-intro = Fields marked * are required. The event stays a draft, visible to organizers only, until you publish it.
form-new-event = New event
form-create-event = Create the event
form-event-created = The event "{ $title }" was created as a draft. Add its sessions, then publish it.
form-changes-saved = The changes to "{ $title }" were saved.
form-event-published = "{ $title }" is published: everyone can see it now.
form-event-cancelled = "{ $title }" is cancelled.
form-event-deleted = The event was deleted.

# Reusing an event for new dates (src/events/workspace.rs).
form-reuse-title = Reuse { $title } for new dates
form-make-copy = Make the copy
form-copy-legend = A draft copy: the sessions move by the same number of days and keep their times, rooms and people (to invite again). Registrations, invitations and summaries stay with this event.
form-copy-first-day = First day of the copy
form-copy-title = Title of the copy
form-copy-made = This is the copy, a draft: check its sessions, then invite their people. The original is unchanged.

# The session form (src/events/session_workspace.rs).
ses-local-time-hint = Local time in { $zone }.
ses-legend = Session
ses-format = Format
ses-starts = Starts
ses-ends = Ends
ses-room = Room
ses-capacity-hint = Leave empty for the room's own limit.
ses-description-hint = The session's question or theme.
ses-confidentiality = Confidentiality
ses-confidentiality-public = Public
ses-confidentiality-chatham-house = Chatham House rule
ses-confidentiality-closed = Closed
ses-confidentiality-hint = Chatham House rule: the summary and the report never say who said what. Closed: only the organizers and the panel see the session; it is left out of every public page, calendar and report.
ses-save = Save the session
ses-intro = Times are the local time of the event ({ $zone }).
ses-new-title = New session of { $title }
ses-added = The session "{ $title }" was added. Now assign its chair, speakers and rapporteur.
ses-deleted = The session "{ $title }" was deleted.
ses-participant-added = { $name } was added as { $role }.
ses-not-added = Not added: { $reason }.
ses-person-removed = The person was removed from this session.
ses-order-changed = The order was changed.
ses-role-in-session = Role in this session
ses-honorific = Title
ses-honorific-hint = Mr, Ms, Mx, Dr, Prof, H.E. …
ses-position = Position
ses-position-hint = e.g. Director
ses-email-hint = Used for invitations; never shown publicly.
ses-must-be-chosen = must be chosen
ses-search-above = { $reason }; search for them above

# A session's workspace (templates/events/session_workspace.html).
ses-edit-details = Edit time, room and details
ses-rapporteur-summary = Rapporteur's summary
ses-delete-confirm = Delete this session and its assignments?
ses-delete = Delete the session
ses-conflicts = Conflicts of this session
ses-people = People
ses-nobody = Nobody is assigned yet: add a chair, speakers and a rapporteur below.
ses-col-role = Role
ses-col-person = Person
ses-col-order = Order
ses-col-remove = Remove
ses-move-up = Move { $name } up
ses-move-down = Move { $name } down
ses-remove-person = Remove { $name }
ses-rapporteur-sign-in = The rapporteur's sign-in
ses-no-account = { $name } has no account yet, so cannot write the summary.
ses-invite-rapporteur = Invite { $name } to sign in as rapporteur
ses-setup-mail = A set-up mail goes to { $email }, naming this session and when the summary is due; they choose their own password.
ses-invited = { $name } is invited ({ $email }) and has not chosen a password yet.
ses-send-setup-again = Send the set-up mail again
ses-from-accounts = from the accounts page.
ses-disabled = { $name }'s account ({ $email }) is disabled.
ses-enable = Enable it
ses-enable-after = so they can write the summary.
ses-signs-in = { $name } signs in as { $email } and finds this session under “My summaries”.
ses-no-email = { $name } has no email address, so cannot be given a sign-in.
ses-add-email = Add their email
ses-add-from-directory = Add someone from the directory
ses-find-person = Find a person
ses-search-placeholder = Name, email or organization
ses-nobody-matches = Nobody matches "{ $query }". Create them below.
ses-role-of = Role of { $name }
ses-add = Add
ses-add-new-person = Add a new person
ses-not-in-directory = Not in the directory yet? Create them and add them to this session in one step.
ses-create-and-add = Create and add

# A session changed (templates/mail/session_update/).
ses-mail-changed-title = Session changed
ses-mail-changed-subject = Changed: { $session } is now { $when }
ses-mail-changed-subject-event = Changed: { $event }
ses-mail-changed-lead = “{ $session }” ({ $event }) has changed. It now takes place:
ses-mail-changed-lead-text = "{ $session }" ({ $event }) has changed. It now takes place:
ses-mail-calendar-update = The attached calendar update moves it in your calendar.

# A session cancelled (templates/mail/session_cancelled/).
ses-mail-session-cancelled-title = Session cancelled
ses-mail-session-cancelled-subject = Cancelled: { $session } ({ $event })
ses-mail-cancelled-subject-event = Cancelled: { $event }
ses-mail-session-cancelled-before = “{ $session }”, planned for { $when } at
ses-mail-session-cancelled-after = , has been cancelled.
ses-mail-session-cancelled-text = "{ $session }", planned for { $when } at { $event }, has been cancelled.
ses-mail-calendar-cancel = The attached calendar cancellation removes it from your calendar.

# An event cancelled (templates/mail/event_cancelled/).
ses-mail-event-cancelled-title = Event cancelled
ses-mail-event-cancelled-subject = Cancelled: { $event }, { $dates }
ses-mail-event-cancelled-after = has been cancelled.
ses-mail-calendar-cancel-all = The attached calendar cancellation removes its sessions from your calendar.

# The invitee's page (templates/invitations/invitation.html, src/invitations/pages.rs).
inv-page-take-part = You are invited to take part
inv-page-as = as
inv-page-in = in
inv-page-session-of = , a session of
inv-page-invited-to = You are invited to
inv-page-where = Where
inv-page-accept-heading = Accept this invitation?
inv-page-decline-heading = Decline this invitation?
inv-page-nothing-recorded = Nothing is recorded until you confirm. You can change your answer on this page later.
inv-page-confirm-accept = Confirm: I accept
inv-page-confirm-decline = Confirm: I decline
inv-page-word-label = A word for the organizers (optional)
inv-page-word-hint = Sent to the organizers with your answer, for instance to suggest someone in your place.
inv-page-your-answer = Your answer
inv-page-you-accepted = You accepted.
inv-page-you-declined = You declined.
inv-page-not-given = Not given yet.
inv-page-change-any-time = You can change it at any time.
inv-page-accepted-button = Accepted ✓
inv-page-declined-button = Declined
inv-page-add-calendar = Add this session to my calendar (.ics)
inv-page-declining-summary = Declining? Add a word for the organizers
inv-page-message-label = Your message to the organizers (optional)
inv-page-decline-with-message = Decline with this message
inv-page-registration = Registration for the event:
inv-page-register-link = register with this invitation
inv-page-register-note = (for events open by invitation only, this link is the way in).
inv-page-feed-heading = All your sessions in your calendar
inv-page-feed-text = Your personal calendar feed lists every session you take part in and follows every change. Subscribe to it in your calendar application and keep the address to yourself.
inv-page-feed-shown-once = It is shown only now
inv-page-feed-rotates = : asking again makes a new address and the old one stops working.
inv-page-subscribe = Subscribe in my calendar
inv-page-feed-address = Feed address
inv-page-feed-offer = Get a calendar feed of every session you take part in, kept up to date by your calendar application.
inv-page-feed-button = Get my calendar feed
inv-page-flash-accepted = Thank you: your acceptance is recorded. You can change your answer below at any time.
inv-page-flash-declined = Your answer is recorded: you declined. You can change it below at any time.

# Visa letters: the registrant's mails (templates/mail/visa_letter_approved, visa_letter_refused).
visa-approved-subject = Your visa invitation letter: { $event }
visa-approved-lead = The organizers have approved your request: your visa invitation letter for { $event } is ready. Download it from your registration page and take it to your embassy or consulate with your application.
visa-mail-your-letter = Your letter
visa-mail-manage-line = Your registration page (the letter, your calendar, your details):
visa-refused-subject = Your visa invitation letter request: { $event }
visa-refused-lead = We are sorry: the organizers could not issue a visa invitation letter for { $event } as requested.
visa-mail-their-reason = Their reason:
visa-mail-send-again = You may correct your request and send it again from your registration page.
visa-mail-send-again-at = You may correct your request and send it again from your registration page:

# Visa letters: the section of the registrant's page (templates/visas/section.html, src/visas/pages.rs).
visa-status-pending = Waiting for the organizers
visa-status-approved = Approved
visa-status-refused = Refused
visa-section-heading = Visa invitation letter
visa-section-ready = Your letter is ready.
visa-section-download = Download your visa invitation letter (PDF)
visa-section-take-it = Take it to your embassy or consulate with your application.
visa-section-your-request = Your request:
visa-section-pending = The organizers will answer by mail. You may correct your details below until they do.
visa-section-reason = The organizers' reason:
visa-section-correct = You may correct your request and send it again.
visa-section-intro = If you need a visa to attend, the organizers can write a letter of invitation for your embassy or consulate. Give your passport details as printed in it.
visa-section-not-sent = Your request was not sent
visa-section-privacy = Your passport details are stored encrypted, seen only by the organizers, used for this letter alone, and erased { $days } days after the event.
visa-section-send-again = Send the request again
visa-section-ask = Ask for a letter
visa-field-passport-name = Name as in your passport
visa-field-passport-name-hint = Exactly as printed, family name included.
visa-field-passport-number = Passport number
visa-field-nationality = Nationality
visa-field-date-of-birth = Date of birth
visa-field-passport-expiry = Passport valid until
visa-field-passport-expiry-hint = It must be valid after the event ends.
visa-error-date = must be a date written YYYY-MM-DD, e.g. 1980-05-17
visa-error-passport-number = may hold only letters, digits, spaces and dashes, as printed in the passport
visa-error-past = must be in the past
visa-error-expiry = must be after the event ends ({ $date }): embassies ask for a passport valid beyond the stay
visa-error-confirmed-only = a visa invitation letter is for a registrant whose place is confirmed
visa-error-ended = the event has ended
visa-error-approved-already = your letter is approved already: download it from your registration page
visa-flash-sent = Your request for a visa invitation letter is sent; the organizers will answer by mail.

# Visa letters: the organizers' page of requests (templates/visas/requests.html, src/visas/pages.rs).
visa-requests-heading = Visa invitation letters
visa-requests-privacy = Passport details are shown to organizers only; they are stored encrypted and erased { $days } days after the event. Do not copy them elsewhere.
visa-requests-none = No registrant has asked for a letter.
visa-requests-asked = asked { $date }
visa-requests-passport-name = Name as in passport
visa-requests-erased = The passport details were erased with the retention period.
visa-requests-unreadable = The passport details cannot be read with the key configured now (they were sealed with another). Ask the registrant to send the request again.
visa-requests-refused = Refused:
visa-requests-approve = Approve
visa-requests-approve-of = the letter of { $name }
visa-requests-reason-label = Reason for refusing (mailed to { $name })
visa-requests-refuse = Refuse
visa-requests-refuse-of = the request of { $name }
visa-flash-refused = The request of { $name } is refused; they are told why by mail.
visa-flash-approved = The letter of { $name } is approved; they are told by mail.
visa-flash-say-why = Say why the request is refused: the registrant is told.
visa-flash-nothing-changed = Nothing changed: { $why }.

# The registrations table and a registration's edit page (templates/registrations/table.html, edit.html, src/registrations/pages.rs).
regs-mode-open = Open registration
regs-mode-approval = Approval registration
regs-mode-invite-only = Invite-only registration
regs-mode-closed = Closed registration
regs-capacity = capacity { $count }
regs-capacity-unlimited = capacity unlimited
regs-in-all = { $count } in all
regs-filter-by-status = Filter by status
regs-all = All ({ $count })
regs-download-csv = Download CSV
regs-find = Find a registrant
regs-find-placeholder = Name, email or organization
regs-clear = Clear
regs-none = No registrations.
regs-none-match = No registrations match.
regs-shown = { $count } shown
regs-select-all = Select every registration shown
regs-select-one = Select { $name }
regs-col-registrant = Registrant
regs-col-registered = Registered
regs-mail-in = mail in
regs-details = Details
regs-needs = Needs
regs-approve = Approve the selected
regs-reject = Reject the selected
regs-reconfirm-heading = After a change of dates
regs-reconfirm-text = Ask every registrant to confirm they still come. Those who do not by the deadline are released, and the waiting list moves up.
regs-deadline = Deadline (local time of the event)
regs-reconfirm-button = Ask to re-confirm
regs-flash-asked =
    { $count ->
        [one] { $count } registrant was asked to re-confirm.
       *[other] { $count } registrants were asked to re-confirm.
    }
regs-flash-nobody-asked = Nobody was asked: the deadline { $why }.
regs-flash-choose = Choose approve or reject.
regs-flash-tick = Tick the registrations to approve or reject first.
regs-not-of-event = not a registration of this event
regs-not-found = not found
regs-flash-approved =
    { $count ->
        [one] { $count } registration approved.
       *[other] { $count } registrations approved.
    }
regs-flash-rejected =
    { $count ->
        [one] { $count } registration rejected.
       *[other] { $count } registrations rejected.
    }
regs-flash-not-changed = Not changed: { $list }.
regs-edit-back = Registrations of { $event }
regs-registered-on = registered { $date }
regs-edit-not-saved = The details were not saved
regs-edit-save = Save the details
regs-cancel = Cancel
regs-edit-note = The email address stays: it is how the registrant is known. They can change their details too, from their registration page.
regs-needs-hint = Seen by the organizers only, to prepare the participation.
regs-flash-saved = The details of { $name } are saved.

# Check-in at the door (templates/attendance/check_in.html, src/attendance/pages.rs).
att-of = of
att-checked-in = checked in
att-search-label = Name, organization or code
att-find = Find
att-no-match = No one expected matches “{ $q }”. Add them below if they had not registered.
att-type-hint = Type a name, an organization or the code on their registration page.
att-none-confirmed = No confirmed registrations yet.
att-walk-in = Walk-in
att-code = Code
att-in-at = In at { $time }
att-undo = Undo
att-undo-of = the check-in of { $name }
att-check-in = Check in
att-walk-in-not-added = The walk-in was not added
att-walk-in-summary = Add someone who had not registered
att-walk-in-note = They are confirmed and checked in at once, even when the event is full.
att-walk-in-button = Add and check in
att-walk-in-email-hint = Their confirmation and personal link go here.
att-walk-in-consent = They agree that the organizers keep these details to run this event and as its record of attendance.
att-flash-checked-in = { $name } is checked in.
att-flash-undone = { $name } is no longer checked in.
att-flash-not-checked-in = { $name } was not checked in: { $why }.
att-flash-walk-in = { $name } is added as a walk-in and checked in.

# Attendance: the event's record and a session's roll (templates/attendance/record.html, roll.html, src/attendance/record_pages.rs).
att-record-of-confirmed =
    { $count ->
        [one] of { $count } confirmed registrant checked in
       *[other] of { $count } confirmed registrants checked in
    }
att-record-walk-ins =
    { $count ->
        [one] , { $count } of them a walk-in
       *[other] , { $count } of them walk-ins
    }
att-check-in-page = Check-in page
att-download-csv = Download as a spreadsheet (CSV)
att-to-print = To print
att-badges = Name badges
att-badges-note = (PDF, A4, eight a page): the panels with their role, every confirmed registrant as “Participant”.
att-participants-list = List of participants
att-by-organization = by organization (PDF), or
att-as-spreadsheet = as a spreadsheet (CSV)
att-sessions = Sessions
att-no-sessions = The programme has no session yet.
att-col-session = Session
att-col-action = Action
att-presence-present = Present
att-presence-absent = Absent
att-presence-excused = Excused
att-not-marked = Not marked
att-mark = Mark attendance
att-mark-of = of { $title }
att-nothing-recorded = Nothing is recorded yet. Once registrants are checked in or a session's attendance is marked, the outcome report lists the organizations present here, with how many of their people came, instead of those of the panels.
att-no-organization = No one present gave an organization.
att-organizations-note = The registrants checked in or marked present, and the panels' members unless marked absent or excused: the outcome report lists these.
att-col-people = People
att-csv-name = Name
att-csv-taking-part-as = Taking part as
att-csv-checked-in = Checked in (UTC)
att-csv-registrant = Registrant
att-roll-empty = This session has no panel and the event no confirmed registrant yet.
att-col-who = Who
att-roll-checked-in = checked in
att-roll-walk-in = walk-in
att-roll-note = Marking a registrant present checks them in to the event too.
att-roll-save = Save the attendance
att-flash-roll-saved = The attendance of “{ $title }” is saved.

# The invitation composer (templates/invitations/composer.html, src/invitations/composer.rs).
inv-compose-heading-session = Invite the people of “{ $title }”
inv-compose-heading-event = Invite people to { $event }
inv-compose-intro = Choose who gets the invitation, write your message, and preview the mail each of them will get. Nothing is sent until you press “Send”.
inv-compose-nothing-sent = Nothing was sent
inv-compose-kept = What you chose and typed is kept below.
inv-compose-sessions-heading = A session's people, each in their role
inv-compose-people =
    { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
inv-compose-people-heading = People invited to the event
inv-compose-find-label = Find people by name, organization or email
inv-compose-recipients = Recipients
inv-compose-nobody-assigned = This session has nobody assigned yet.
inv-compose-nobody-matches = Nobody in the directory matches this search.
inv-compose-no-email = No email address
inv-compose-invited-no-answer = Invited, no answer
inv-compose-history-invited = Invited { $when }; sending again gives them a new link (the old one stops working).
inv-compose-history-accepted = Accepted { $when }.
inv-compose-history-declined = Declined { $when }.
inv-compose-why-no-email = No email address: add one to their record to invite them.
inv-compose-why-answered = Already answered: not invited again.
inv-compose-unlisted =
    { $count ->
        [one] { $count } more matches: narrow the search to see it.
       *[other] { $count } more match: narrow the search to see them.
    }
inv-compose-subject = Subject
inv-compose-subject-note-event = Written for each recipient from the event; press “Preview” to see it.
inv-compose-subject-note-session = Written for each recipient from the event, the session and their role; press “Preview” to see it.
inv-compose-subject-hint-event = Written for each recipient from the event.
inv-compose-subject-hint-session = Written for each recipient from the event, the session and their role.
inv-compose-message-label = Your message (optional)
inv-compose-message-hint = Quoted in the mail, above the Accept and Decline buttons; line breaks are kept. At most 5,000 characters.
inv-compose-send =
    { $count ->
        [one] Send { $count } invitation
       *[other] Send { $count } invitations
    }
inv-compose-preview-heading =
    { $count ->
        [one] Preview: the mail as its recipient gets it
       *[other] Preview: the { $count } mails as their recipients get them
    }
inv-compose-preview-notice = Nothing has been sent yet. The links in this preview lead nowhere; each recipient's mail has their own.
inv-compose-to = To { $to }
inv-compose-to-label = To
inv-compose-attachments = Attachments
inv-compose-none = None
inv-compose-iframe-title = The mail to { $to }, as a mail program shows it
inv-compose-plain-text = Plain text
inv-compose-left-out = Not invited by this request:
inv-compose-or-change = or change the recipients or the message above and preview again.
inv-compose-tick-one = Tick at least one person to invite.
inv-compose-message-too-long = Your message { $why } (it has { $length }).
inv-compose-message-error = Your message { $why }.
inv-reason-no-email = has no email address
inv-reason-answered = already answered: { $status }
inv-flash-none = No invitation was sent.
inv-flash-sent =
    { $count ->
        [one] { $count } invitation is on its way: { $names }.
       *[other] { $count } invitations are on their way: { $names }.
    }
inv-flash-not-sent = Not sent to { $name }: { $reason }.

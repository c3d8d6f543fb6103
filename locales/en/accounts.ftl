# Accounts, members and the directory: pages, flash messages and mail.

# Accounts: roles and statuses (src/accounts/mod.rs).
acc-role-admin = Administrator
acc-role-organizer = Organizer
acc-role-rapporteur = Rapporteur
acc-role-member = Member
acc-status-invited = Invited
acc-status-active = Active
acc-status-disabled = Disabled

# Sign in (templates/accounts/login.html, src/accounts/pages.rs).
acc-login-for = For organizers, rapporteurs and members of the coalition.
acc-login-failed = Could not sign in
acc-password = Password
acc-login-button = Sign in
acc-login-not-member = Not a member yet?
acc-login-join-text = Organizations and people working with the coalition can ask to join: members read the members-only documents and follow the work between events.
acc-login-staff-note = Rapporteurs and organizers get their account from the organizers, by mail.
acc-login-enter-both = Enter your email and your password.
acc-login-incorrect = The email or password is incorrect.
acc-login-too-many = Too many failed attempts for this account. Wait { $minutes } minutes and try again.
acc-signed-in = You are signed in.
acc-signed-out = You are signed out.

# Forgot your password? (templates/accounts/forgot.html).
acc-forgot-title = Forgot your password?
acc-forgot-check-mail = Check your mail
acc-forgot-if = If
acc-forgot-on-its-way = is the address of an account, a message with a link to choose a new password is on its way. The link works once, for { $minutes } minutes.
acc-forgot-nothing-arrived = Nothing arrived after a few minutes? Look in your spam folder, check the address, or ask the organizers.
acc-forgot-intro = Type the email address of your account: we will send you a link to choose a new password.
acc-forgot-not-sent = The link was not sent
acc-forgot-send = Send me a link
acc-forgot-enter-email = Enter the email address of your account.

# The set-up and reset links (templates/accounts/password_link.html).
acc-link-not-saved = Your password was not saved
acc-correct-below = Please correct what is marked below.
acc-link-account = Account:
acc-new-password = New password
acc-link-password-hint = At least 10 characters. A few unrelated words make a strong one.
acc-link-confirm = The same password again
acc-setup-welcome = Welcome, { $name }
acc-setup-intro = Choose the password of your account ({ $role }). You will use it with your email address to sign in.
acc-setup-submit = Set my password and sign in
acc-reset-intro = Every other browser signed in to your account will be signed out.
acc-reset-submit = Save the new password and sign in
acc-setup-done = Your password is set and you are signed in. Welcome!
acc-reset-done = Your new password is saved and you are signed in.

# Your account (templates/accounts/account.html).
acc-account-signed-in-as = Signed in as
acc-account-other-email = To use another email address, ask the organizers.
acc-password-not-changed = Your password was not changed
acc-change-password = Change my password
acc-your-name = Your name
acc-your-name-hint = As the organizers and other members see it.
acc-language = Language
acc-language-browser = The language of my browser
acc-language-hint = Of the pages and of the mail you receive.
acc-current-password = Current password
acc-new-password-hint = At least 10 characters. Your other browsers will be signed out.
acc-details-saved = Your details are saved.
acc-password-changed = Your password is changed. Your other browsers were signed out.

# Why the accounts' and members' services refuse (src/accounts/pages.rs).
acc-why-disabled = this account is disabled; ask the organizers if you think this is a mistake
acc-why-disabled-enable-first = this account is disabled; enable it first
acc-why-already-set-up = this account is already set up; its owner can use “Forgot your password?” on the sign-in page
acc-why-own-account = you cannot disable your own account
acc-why-last-admin = this is the last active admin: make another account admin first
acc-why-admin-only = organizers may give and change rapporteur and member accounts only; ask an admin for { $role } accounts
acc-why-staff-only = only organizers and admins manage accounts
acc-why-duplicate = an account with that email already exists
acc-why-not-current = is not your current password
acc-why-too-short = must be at least { $n } characters
acc-why-not-same = is not the same as the password above; type it again
acc-why-mistyped = has been mistyped too often; wait { $n } minutes and try again
acc-why-too-many-requests = too many requests from your address; wait a minute and try again
acc-why-too-many-attempts = too many failed sign-in attempts; wait { $minutes } minutes and try again
mem-why-too-many-applications = too many applications from your address; wait a minute and try again
mem-why-already-approved = this application was already approved
mem-why-already-rejected = this application was already rejected
mem-why-has-account = this address already has an account; reject the application or change the account’s role
acc-gone-used = This link has already been used. Each link works once; ask for a new one if you need it.
acc-gone-used-once = This link has already been used. Each link works once.
acc-gone-setup-expired = This set-up link has expired. Ask the organizers to send you a new one.
acc-gone-reset-expired = This link has expired. Ask for a new one from “Forgot your password?” on the sign-in page.
acc-gone-disabled = This account is disabled. Ask the organizers if you think this is a mistake.
mem-why-consent = must be given to apply
dir-why-needs-region = needs a region
dir-why-honorific = must be a short title such as Mr, Ms, Mx, Dr, Prof or H.E.
dir-why-organization-id = must be the id of an organization
dir-why-also-on-row = is also on row { $n }
dir-why-unknown-id = is not the ID of anyone in the directory (leave it empty to add someone new)
dir-why-country = is not a country we know: write its name (Kenya) or its code (KE)
dir-why-unknown-column = is not a column we know; the columns are: { $text }
dir-why-column-needed = is a column the file needs

# The accounts workspace (templates/accounts/workspace.html, src/accounts/workspace.rs).
acc-ws-back = Organizers' workspace
acc-ws-intro = Who can sign in, and as what. Each person chooses their own password from the link of their set-up mail; nobody else ever knows it.
acc-ws-invite = Invite someone
acc-ws-invite-not-sent = The invitation was not sent
acc-ws-send-setup = Send the set-up mail
acc-ws-name = Name
acc-ws-name-hint = As it will greet them: "Mr Luc LAMPRIÈRE".
acc-ws-email-hint = The set-up link goes there; they choose their own password.
acc-ws-role = Role
acc-ws-filter = Filter accounts by status
acc-ws-all = All
acc-ws-last-sign-in = Last sign-in
acc-ws-actions = Actions
acc-ws-you = you
acc-ws-role-of = Role of { $name }
acc-ws-change = Change
acc-ws-resend = Send the set-up mail again
acc-ws-enable = Enable
acc-ws-disable = Disable
acc-never = never
acc-ws-invited = { $name } is invited as { $role }: the set-up mail is on its way to { $email }.
acc-ws-resent = A new set-up link is on its way to { $email }; the earlier one no longer works.
acc-ws-disabled = { $name } is disabled: they are signed out and cannot sign in.
acc-ws-enabled = { $name } can sign in again.
acc-ws-role-changed = { $name } is now { $role }.
acc-ws-not-changed = Not changed: { $why }.
acc-rapporteur-no-email = Not invited: { $name } has no email address. Add one to their directory entry first.
acc-rapporteur-invited = { $name } is invited to sign in as rapporteur: the set-up mail, with this session and its due date, is on its way to { $email }.
acc-rapporteur-not-invited = Not invited: { $why }.

# Membership applications on the accounts workspace (src/members).
mem-status-pending = Waiting for a decision
mem-status-approved = Approved
mem-status-rejected = Rejected
mem-applications = Membership applications
mem-applications-waiting =
    { $count ->
        [one] { $count } waiting
       *[other] { $count } waiting
    }
mem-applications-none = No application waits for a decision. People apply at
mem-received = received { $date }
mem-approve = Approve: make a member account
mem-reject = Reject…
mem-reject-note = A few words for { $name } (optional, sent with our polite refusal)
mem-reject-button = Reject and tell them
mem-recent-decisions = Recent decisions

# The set-up mail of an account (templates/mail/account_setup).
acc-mail-setup-subject-approved = Welcome: your membership was approved
acc-mail-setup-subject-summary = Your Roundtable account for your summary of { $session }
acc-mail-setup-subject = Set up your Roundtable account
acc-mail-setup-title = Set up your account
acc-mail-setup-approved = Your application to join as a member was approved. Welcome!
acc-mail-setup-given-by = { $name } has given you a Roundtable account as { $role }.
acc-mail-setup-given = The organizers have given you a Roundtable account as { $role }.
acc-mail-setup-choose = Choose your password to set it up. This link works once, until { $expires }.
acc-mail-setup-choose-here = Choose your password here to set it up (this link works once, until { $expires }):
acc-mail-setup-button = Choose my password
acc-mail-setup-rapporteur-of = You are the rapporteur of:
acc-mail-setup-due = Your summary is due by { $due }.
acc-mail-setup-my-summaries = Once your password is set, “My summaries” lists these sessions, with the editor to write each summary.
acc-mail-setup-my-summaries-text = Once your password is set, "My summaries" lists these sessions, with the editor to write each summary.
acc-mail-setup-afterwards-at = Afterwards, sign in at any time at
acc-mail-setup-afterwards-with = with your email address ({ $email }) and your password.
acc-mail-setup-afterwards-text = Afterwards, sign in at any time with your email address ({ $email }) and your password:
acc-mail-setup-nobody = Nobody else knows or chooses your password, and we never send it by mail. If you did not expect this message, you can ignore it.

# The organizers' notice of a membership application (templates/mail/membership_application).
mem-mail-application-subject = Membership application: { $name } ({ $organization })
mem-mail-application-title = Membership application
mem-mail-application-applies = ({ $email }) applies to join as a member.
mem-mail-organization = Organization:
mem-mail-country = Country:
mem-mail-application-why = Why they would like to join:
mem-mail-application-review = Review the application
mem-mail-application-decide = Approve or reject the application here:
mem-mail-application-footer = Sent by Roundtable to the organizers' mailbox.

# An applicant's polite refusal (templates/mail/membership_rejected).
mem-mail-rejected-subject = Your membership application to { $name }
mem-mail-rejected-title = Your membership application
mem-mail-rejected-thanks = Thank you for your interest in joining us and for the time you took to apply.
mem-mail-rejected-sorry = After careful consideration, we are not able to accept your application for membership at this time.
mem-mail-rejected-open = Our public events, documents and reports remain open to you at
mem-mail-rejected-welcome = , and you are welcome to register for our events.
mem-mail-rejected-wishes = With our best wishes,

# Applying for membership (templates/members/join.html, src/members/pages.rs).
mem-join-title = Apply for membership
mem-join-received = Thank you: your application is received
mem-join-received-text = The organizers will read it and answer you by mail. If they approve it, the mail has a link to choose your password and sign in.
mem-join-back = Back to the events
mem-join-intro = Members of the coalition sign in to read members-only documents and follow its work between events. Tell the organizers who you are; they will answer by mail.
mem-join-not-sent = Your application was not sent
mem-join-send = Send my application
mem-join-have-account = I already have an account
mem-join-email-hint = The organizers' answer, and your set-up link if they approve, go here.
mem-join-organization-hint = The NGO, government, international body or institution you work for.
mem-join-motivation = Why would you like to join?
mem-join-motivation-hint = A few lines on your work and what you expect from the coalition help the organizers decide.
mem-join-consent = I agree that the organizers keep these details to decide on my application and contact me about it.
mem-approved = { $name } is a member: the set-up mail is on its way to { $email }.
mem-rejected = The application of { $name } is rejected; they are told by mail.
mem-not-done = Not done: { $why }.

# The public pages of people and organizations (templates/directory/person.html, organization.html).
dir-position = Position
dir-summaries = Summaries written as rapporteur
dir-panels = Panels
dir-outcome-report-of = Outcome report of { $event }, { $dates }
dir-kind = Kind
dir-website = Website
dir-people = People
dir-kind-ngo = NGO
dir-kind-government = Government
dir-kind-intergovernmental = Intergovernmental
dir-kind-academic = Academic
dir-kind-foundation = Foundation
dir-kind-other = Other

# The directory in the workspace: lists (templates/directory/workspace.html, src/directory/workspace.rs).
dir-found =
    { $count ->
        [one] { $count } found
       *[other] { $count } found
    }
dir-first-shown = ; the first { $count } are shown: search to narrow the list
dir-add-person = Add a person
dir-add-organization = Add an organization
dir-import-link = Import from a spreadsheet
dir-download = Download as a spreadsheet

# The directory in the workspace: the person and organization forms.
dir-person = Person
dir-honorific = Title
dir-honorific-hint = Mr, Ms, Mx, Dr, Prof, H.E. …
dir-family-name-hint = Shown in capitals in programmes.
dir-email-hint = Never shown publicly.
dir-new-organization = Or an organization not listed
dir-new-organization-hint = Type its name and it is added with the person; complete it later under Organizations.
dir-bio = Biography
dir-mail-in = Mail in
dir-mail-in-default = English (unless set)
dir-mail-in-hint = The language of the invitations and notices this person is sent.
dir-not-both = choose a listed organization or type a new one, not both
dir-save = Save
dir-edit-person = Edit person
dir-edit-named = Edit { $name }
dir-edit-organization = Edit organization
dir-name = Name
dir-acronym = Acronym
dir-region = Region
dir-subregion = Sub-region
dir-added = { $name } was added.
dir-saved = { $name } was saved.
dir-everything-sent = Everything this person was sent
dir-same-person = Same person as { $name }? Merge into that record
dir-new-feed = Make a new calendar feed address
dir-feed-shown = Calendar feed of this person's sessions (shown this once; any earlier address no longer works): { $url }

# Merging two records of a person (templates/directory/merge.html).
dir-merge-title = Merge two records
dir-merge-heading = Merge two records of the same person
dir-merge-intro = The record on the left is merged into the one on the right and then deleted. Its { $roles ->
        [one] { $roles } role
       *[other] { $roles } roles
    } on sessions, { $invitations ->
        [one] { $invitations } invitation
       *[other] { $invitations } invitations
    }, the points of summaries attributed to it and the mail sent to it move to the record kept. What the kept record leaves blank is taken from the other; what it has stays.
dir-merge-deleted = Merged and deleted
dir-merge-kept = Kept
dir-merge-affiliation = Position and organization
dir-merge-confirm = Merge these records? This cannot be undone.
dir-merge-button = Merge into { $name }
dir-cancel = Cancel
dir-merged = The two records are one now: { $name }, with the roles, invitations and summaries of both.

# Importing people from a spreadsheet (templates/directory/import.html).
dir-import-title = Import people
dir-import-heading = Import people from a spreadsheet
dir-import-save = Save your spreadsheet as
dir-import-in-excel = in Excel or LibreOffice:
dir-import-save-as = Save as… CSV UTF-8
dir-import-columns = with a header row. The columns are: { $columns }.
dir-import-only = Only
dir-import-and = and
dir-import-needed = are needed; “First name”, “Surname”, “E-mail” and “Organisation” are understood too.
dir-import-row-with = A row with an
dir-import-updates = , or the email of someone already in the directory, updates that person: a column in your file replaces what is stored (an empty cell clears it); a column not in your file changes nothing.
dir-import-other-rows = Other rows add new people. An organization not yet listed is added with them.
dir-import-checked-first = Everything is checked first. Nothing is written until the whole file is right and you press
dir-import-download = Download the directory as a spreadsheet
dir-import-download-why = to start from its columns.
dir-import-unreadable = The file could not be read
dir-import-ready = Ready to import
dir-import-ready-text =
    { $created ->
        [one] { $created } person
       *[other] { $created } people
    } to add, { $updated } to update, { $unchanged } unchanged.
dir-import-new-organizations = Organizations to add: { $names }.
dir-import-button = Import
dir-import-problems =
    { $count ->
        [one] { $count } problem to fix: nothing was imported
       *[other] { $count } problems to fix: nothing was imported
    }
dir-import-fix = Correct them in your spreadsheet and choose the file again, or correct them in the box below and check again. The other rows are fine: { $created } to add, { $updated } to update, { $unchanged } unchanged.
dir-import-by-row = Problems, by row
dir-import-row = Row
dir-import-column = Column
dir-import-problem = Problem
dir-import-file = Spreadsheet (CSV)
dir-import-rows = Or its rows, pasted or corrected here
dir-import-rows-hint = A chosen file takes the place of what the box holds.
dir-import-check = Check
dir-import-check-again = Check again
dir-import-not-utf8 = { $file } is not a CSV file saved as UTF-8 text. In your spreadsheet, choose Save as… CSV UTF-8, then choose that file here.
dir-import-empty = Choose a file, or paste its rows in the box.
dir-imported = Imported: { $created } added, { $updated } updated, { $unchanged } unchanged{ $organizations }.
dir-imported-organizations =
    { $count ->
        [one] ; 1 organization added
       *[other] ; { $count } organizations added
    }

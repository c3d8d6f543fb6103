# Rapporteurs' summaries: words shared by their pages (templates/summaries/*).
sum-summary = Summary
sum-summaries-of = Summaries of { $event }
sum-col-session = Session
sum-col-event = Event
sum-col-when = When
sum-col-summary = Summary
sum-col-due = Due
sum-late = late
sum-due = due { $date }
sum-version-n = version { $version }
sum-version-saved = version { $version }, saved { $date }
sum-versions-link = versions and changes
sum-diff-added = added
sum-diff-removed = removed
sum-status-to-write = To write
sum-status-draft = Draft
sum-status-submitted = Submitted
sum-status-approved = Approved
sum-status-returned = Returned

# The rapporteur's workspace (templates/summaries/home.html).
sum-home-title = My summaries
sum-home-not-linked = Your account is not linked to a person of the directory yet: the organizers link you by giving a person on a panel the email address you sign in with
sum-home-not-linked-after = Once they have, the sessions you report on appear here.
sum-home-none = You are not the rapporteur of any session yet. When the organizers assign you, the session appears here with the date your summary is due.
sum-home-lead = The sessions you report on. Save as often as you like: every save is kept, and nothing reaches the report until the organizers approve it.

# An event's summaries, for organizers (templates/summaries/event.html).
sum-event-heading = Rapporteurs' summaries
sum-event-sessions =
    { $count ->
        [one] 1 session with a rapporteur
       *[other] { $count } sessions with a rapporteur
    }
sum-event-approved = { $count } approved
sum-event-to-review = { $count } to review
sum-event-late = { $count } late
sum-event-nav = Report
sum-event-themes = Themes
sum-event-none = No session of this event has a rapporteur. Add one to a session (role “rapporteur”) and their summary appears here.
sum-event-review = review

# The editor (templates/summaries/editor.html, src/summaries/pages.rs).
sum-editor-back-review = ← Review of this summary
sum-editor-heading = Summary: { $title }
sum-editor-returned-heading = Returned by the organizers
sum-editor-returned-do = Change what they ask, save, and submit again.
sum-editor-not-saved = Not saved
sum-editor-check-fields = Please check the highlighted fields
sum-editor-nothing-lost = Nothing you typed was lost; it was not saved yet.
sum-editor-draft-before = Text you typed in this browser on
sum-editor-draft-after = and did not save was put back into the form.
sum-editor-draft-save = Save to keep it.
sum-editor-draft-discard = Discard it
sum-editor-written-in = Written in
sum-editor-language-hint = The report shows your summary as you write it, in this language, beside the organizers' translations of the event.
sum-editor-overview = Overview
sum-editor-overview-hint = What the session was about and what came out of it. Use the buttons to make text bold, start a list or add a link; or type Markdown: *emphasis*, **bold**, lists with “- ”, blank line between paragraphs.
sum-editor-key-points = Key points
sum-editor-chatham = This session is held under the Chatham House rule:
sum-editor-chatham-do = write what was said without saying who said it, here and in the overview. The report attributes no point to anyone.
sum-editor-key-points-hint = One point per row; tie it to the speaker who made it, if one did.
sum-editor-point = Point { $count }
sum-editor-made-by = Made by
sum-editor-no-one = — no one in particular —
sum-editor-add-point = Add a point
sum-editor-challenges = Challenges
sum-editor-challenges-hint = The obstacles the session identified, one per row. Use the same wording as other sessions for the same challenge: the series synthesis counts them.
sum-editor-challenge = Challenge { $count }
sum-editor-add-challenge = Add a challenge
sum-editor-recommendations = Recommendations
sum-editor-recommendations-hint = Who should do what. Themes come from the organizers' list (start typing); separate several with commas. A new theme is allowed and shown to the organizers.
sum-editor-recommendation = Recommendation { $count }
sum-editor-addressed-to = Addressed to
sum-editor-themes = Themes
sum-editor-priority = Priority
sum-editor-timeframe = Timeframe
sum-editor-add-recommendation = Add a recommendation
sum-editor-next-steps = Next steps
sum-editor-step = Step { $count }
sum-editor-add-step = Add a step
sum-editor-save = Save draft
sum-editor-save-more = Save and add rows
sum-editor-save-submit = Save and submit for review
sum-editor-submitted-note = Submitted for review: the organizers will approve it or return it to you with a comment. Until then it cannot be changed.
sum-editor-approved-note = Approved: it appears in the event's outcome report. To change it, ask the organizers to return it.
sum-editor-as-report = Your summary as the report will show it
sum-editor-nothing-written = Nothing written.
sum-editor-saved = Saved.
sum-editor-submitted = Submitted to the organizers for review. You will hear from them by email.
sum-editor-conflict-version = The summary was saved by someone else since you opened it (version { $now } now, yours started from { $from }); your text was not saved.
sum-editor-conflict-status =
    { $status ->
        [approved] The summary is approved: ask the organizers to return it before changing it.
       *[other] The summary is submitted: ask the organizers to return it before changing it.
    }
sum-editor-conflict-already =
    { $status ->
        [approved] The summary is already approved.
       *[other] The summary is already submitted.
    }
sum-editor-conflict-after = What you typed is below: save again to replace the saved text with it, or open the versions to compare.

# What is wrong with a summary's field, as its pages say it (src/summaries/pages.rs).
sum-error-comment-required = is required: tell the rapporteur what to change
sum-error-overview-unsaved = is required: write and save the summary before submitting it
sum-error-overview-required = is required to submit the summary
sum-error-chatham = must be left out: the session is held under the Chatham House rule, so a key point names no one
sum-error-not-participant = is not a participant of this session

# The formatting buttons and the preview (templates/summaries/markdown_toolbar.html, markdown_preview.html).
sum-md-formatting = Formatting
sum-md-bold = Bold
sum-md-italic = Italic
sum-md-bullets = Bulleted list
sum-md-numbers = Numbered list
sum-md-link = Link
sum-md-preview-label = Preview: how the report will show it
sum-md-nothing = Nothing to preview yet.

# The organizers' review (templates/summaries/review.html, src/summaries/pages.rs).
sum-review = Review
sum-review-heading = Review: { $title }
sum-review-edit = Edit the summary
sum-review-not-done = Not done
sum-review-comment-field = Comment
sum-review-due-field = Due date
sum-review-draft = Not submitted yet: the rapporteur is still writing it.
sum-review-draft-saved = What is saved so far is below.
sum-review-returned = Returned to the rapporteur. It comes back here when they submit it again.
sum-review-returned-comment = Returned to the rapporteur with your comment: “{ $comment }”. It comes back here when they submit it again.
sum-review-first = First submission
sum-review-first-note = Nothing earlier to compare with: read it whole below.
sum-review-changes = Changes since the last submission
sum-review-from-to = From version { $from }, submitted { $date }, to version { $to }.
sum-review-you-asked = You asked:
sum-review-unchanged = Nothing changed: it was submitted again as it was.
sum-review-reading = The summary as the report will show it
sum-review-nothing-written = Nothing written yet.
sum-review-yours = Your review
sum-review-comment = Comment to the rapporteur
sum-review-comment-hint = Required to return the summary: say what to change. Optional when approving.
sum-review-approve = Approve
sum-review-return = Return to the rapporteur
sum-review-nothing-to-decide-returned = Nothing to decide now: it is back with the rapporteur.
sum-review-nothing-to-decide-draft = Nothing to decide now: the rapporteur has not submitted it.
sum-review-due = Due (local time of the event)
sum-review-change-due = Change the due date
sum-review-only-organizers = only organizers review summaries
sum-review-approved = Approved. The rapporteur has been told. The summary is in the report as it stands; readers see it once the report is published.
sum-review-returned-flash = Returned to the rapporteur with your comment.
sum-review-due-changed = Due date changed.

# The versions of a summary (templates/summaries/versions.html).
sum-versions = Versions
sum-versions-back = ← Summary of { $title }
sum-versions-heading = Versions of the summary
sum-versions-none = Nothing has been saved yet.
sum-versions-col-version = Version
sum-versions-col-what = What
sum-versions-col-who = Who
sum-versions-col-when = When
sum-versions-col-comment = Comment
sum-versions-first = Version { $version } as first saved
sum-versions-changes = Changes from version { $from } to { $to }
sum-action-saved = Saved
sum-action-submitted = Submitted
sum-action-approved = Approved
sum-action-returned = Returned

# The vocabulary of themes (templates/summaries/themes.html).
sum-themes = Themes
sum-themes-lead = Rapporteurs tag each recommendation with themes. They are offered the vocabulary below and may type new ones, which appear here as proposals: add them to the vocabulary, or leave them.
sum-themes-new = New theme
sum-themes-add = Add to the vocabulary
sum-themes-none = No themes yet.
sum-themes-col-theme = Theme
sum-themes-col-status = Status
sum-themes-col-actions = Actions
sum-themes-curated = vocabulary
sum-themes-proposed = proposed
sum-themes-remove-confirm = Remove “{ $theme }” from the vocabulary? Summaries that use it keep it.
sum-themes-remove = Remove
sum-themes-removed = Theme removed from the vocabulary.
sum-themes-added = “{ $theme }” is in the vocabulary.

# Mails to rapporteurs and organizers (templates/mail/summary_*).
sum-mail-open = Open the summary
sum-mail-thanks = Thank you,
sum-mail-approved-subject = Summary approved: { $session }
sum-mail-approved-title = Summary approved
sum-mail-approved-lead = The organizers approved your summary. It will appear in the outcome report of the event.
sum-mail-approved-text = The organizers approved your summary of "{ $session }" ({ $event }, { $dates }). It will appear in the outcome report of the event.
sum-mail-their-comment = Their comment:
sum-mail-your-summary = Your summary:
sum-mail-returned-subject = Summary returned for changes: { $session }
sum-mail-returned-title = Summary returned
sum-mail-returned-lead = The organizers returned your summary for changes.
sum-mail-returned-text = The organizers returned your summary of "{ $session }" ({ $event }, { $dates }) with this comment:
sum-mail-returned-again = Please revise it and submit it again by { $due }.
sum-mail-returned-again-link = Please revise it and submit it again by { $due }:
sum-mail-reminder-subject = Reminder: your summary of { $session } is due { $due }
sum-mail-reminder-title = Summary due
sum-mail-reminder-lead = As rapporteur of this session, your summary is due by
sum-mail-reminder-text = As rapporteur of "{ $session }" ({ $event }, { $dates }), your summary is due by { $due }.
sum-mail-reminder-write = Write or finish it here (your drafts are kept as you save):
sum-mail-overdue-subject = Overdue: your summary of { $session }
sum-mail-overdue-title = Summary overdue
sum-mail-overdue-lead = Your summary was due by
sum-mail-overdue-waits = The outcome report of the event waits for it.
sum-mail-overdue-text = Your summary of "{ $session }" ({ $event }, { $dates }) was due by { $due }. The outcome report of the event waits for it.
sum-mail-overdue-submit = Please submit it as soon as you can:
sum-mail-overdue-stopped = If something stops you, reply to this message to tell the organizers.
sum-mail-submitted-subject = Summary to review: { $session }
sum-mail-submitted-title = Summary to review
sum-mail-submitted-by = { $by } submitted a summary for your review.
sum-mail-submitted-someone = The rapporteur submitted a summary for your review.
sum-mail-submitted-decide = Approve it, or return it to the rapporteur with a comment.
sum-mail-submitted-button = Review the summary
sum-mail-submitted-by-text = { $by } submitted the summary of "{ $session }" ({ $event }, { $dates }) for your review.
sum-mail-submitted-someone-text = The rapporteur submitted the summary of "{ $session }" ({ $event }, { $dates }) for your review.
sum-mail-submitted-decide-text = Approve it, or return it with a comment:

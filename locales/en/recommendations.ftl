# The recommendation tracker: where an item stands (src/recommendations/mod.rs).
rec-status-open = Open
rec-status-in-progress = In progress
rec-status-partially-implemented = Partially implemented
rec-status-implemented = Implemented
rec-status-not-taken-up = Not taken up
rec-status-superseded = Superseded
rec-asked-times = Asked { $count } times: { $places }
rec-asked-times-since = Asked { $count } times since { $year }: { $places }

# The public tracker (templates/recommendations/tracker.html, chart.html, src/recommendations/pages.rs).
rec-title = Recommendations
rec-lead = What the roundtables and conferences asked of whom, and what came of it: every recommendation of a published outcome report and every next step of a public document, with its follow-up.
rec-organize-link = Update several at once, and curate the addressees
rec-filter-label = Filter the recommendations
rec-addressee = Addressee
rec-all-addressees = All addressees
rec-status = Status
rec-any-status = Any status
rec-theme = Theme
rec-all-themes = All themes
rec-region = Region
rec-all-regions = All regions
rec-series = Series
rec-all-series = All series
rec-event = Event
rec-all-events = All events
rec-words = Words
rec-filter = Filter
rec-clear-filters = Clear the filters
rec-download-csv = Download as a spreadsheet (CSV)
rec-follow-up-report = Follow-up report
rec-follow-up-report-for = Follow-up report for { $addressee }
rec-none-match = No recommendation matches. Recommendations appear here once the outcome report that makes them is published.
rec-by-addressee-heading = By addressee and status
rec-by-addressee-chart = Recommendations by addressee, by status
rec-by-addressee-table = Recommendations by addressee, by status, as a table
rec-by-theme-heading = By theme and status
rec-by-theme-chart = Recommendations by theme, by status
rec-by-theme-table = Recommendations by theme, by status, as a table
rec-chart-all = All
rec-chart-segment = { $label }: { $counted }
rec-counted-open = { $count } open
rec-counted-in-progress = { $count } in progress
rec-counted-partially-implemented = { $count } partially implemented
rec-counted-implemented = { $count } implemented
rec-counted-not-taken-up = { $count } not taken up
rec-counted-superseded = { $count } superseded
rec-no-addressee = No addressee named
rec-no-theme = No theme
rec-count =
    { $count ->
        [one] { $count } recommendation
       *[other] { $count } recommendations
    }
rec-to = To { $addressee }
rec-from = From { $source }
rec-updates =
    { $count ->
        [one] { $count } update
       *[other] { $count } updates
    }
rec-latest = Latest:

# The tracker as a spreadsheet (src/recommendations/pages.rs).
rec-csv-id = Id
rec-csv-recommendation = Recommendation
rec-csv-addressee = Addressee
rec-csv-themes = Themes
rec-csv-priority = Priority
rec-csv-timeframe = Timeframe
rec-csv-status = Status
rec-csv-source = Source
rec-csv-event = Event
rec-csv-date = Date
rec-csv-regions = Regions
rec-csv-times-asked = Times asked
rec-csv-asked-at = Asked at
rec-csv-last-update = Last update
rec-csv-last-update-note = Last update note
rec-csv-link = Link
rec-csv-followed-up-by = Followed up by
rec-csv-next-review = Next review

# An item's page (templates/recommendations/item.html, src/recommendations/pages.rs).
rec-item-title = Recommendation
rec-item-title-to = Recommendation to { $addressee }
rec-to-lower = to { $addressee }
rec-themes = Themes
rec-source = Source
rec-followed-up-by = Followed up by
rec-next-review = Next review
rec-this = This recommendation
rec-same-earlier = The same, raised earlier
rec-same-again = The same, raised again
rec-remove-link = Not the same: remove the link
rec-supersedes = Supersedes
rec-recommendation = recommendation
rec-what-came = What came of it
rec-no-follow-up = No follow-up recorded yet.
rec-evidence-colon = Evidence:
rec-recorded-by = Recorded by { $name }
rec-similar-heading = Likely repeats from other events
rec-similar-none = No other recommendation reads alike.
rec-similar-lead = These read alike. Confirm those that are the same recommendation raised again: the tracker then counts them as one, asked several times.
rec-alike = { $percent }% alike
rec-record-heading = Record an update
rec-correct-fields =
    { $count ->
        [one] Please correct { $count } field below.
       *[other] Please correct { $count } fields below.
    }
rec-record-button = Record the update
rec-field-what-happened = What happened
rec-field-on = On
rec-field-on-hint = Left empty: today.
rec-field-evidence-link = Evidence (a link)
rec-field-evidence-document = Evidence (a document of the library)
rec-field-no-document = None
rec-update-recorded = The update was recorded.
rec-linked = The two are linked: the same recommendation, raised again.
rec-linked-already = The two are linked already.
rec-link-removed = The link was removed.
rec-error-date = must be a date
rec-error-document = must be a document of the library
rec-error-no-document = no such document in the library
rec-error-future = must not be in the future
rec-error-another = must be another recommendation
rec-field-error = { $label }: { $message }
rec-error-no-account = no such account
rec-error-another-addressee = must be another addressee

# The follow-up report (templates/recommendations/report.html, followup.typ, src/recommendations/followup.rs).
rec-report-title-of = What we asked of { $whom }{ $span }, and what came of it
rec-report-title-all = What we asked of everyone{ $span }, and what came of it
rec-report = Follow-up report
rec-choose-addressee = Choose the addressee
rec-every-addressee = Every addressee
rec-show = Show
rec-report-nothing = Nothing was asked in a published report or public document yet.
rec-report-nothing-of = Nothing was asked of { $addressee } in a published report or public document yet.
rec-followed-up-count =
    { $count ->
        [one] { $count } recommendation followed up
       *[other] { $count } recommendations followed up
    }
rec-label-status = Status:
rec-label-to = To:
rec-label-asked = Asked:
rec-label-themes = Themes:
rec-label-follow-up = Follow-up:
rec-label-what-came = What came of it:
rec-status-said = { $status }:
rec-update-line = { $date } — *{ $status }*: { $note }
rec-evidence = evidence
rec-evidence-inline = evidence:
rec-pdf-to = To
rec-asked = Asked
rec-follow-up = Follow-up

# The organizers' workspace (templates/recommendations/workspace.html, src/recommendations/workspace.rs).
rec-ws-title = Recommendations to follow up
rec-ws-workspace = Workspace
rec-ws-public = The public tracker
rec-ws-lead = Every recommendation, those of unpublished reports included. Tick several to record one update on all of them, give them an owner or a review date.
rec-ws-filter-label = Filter by addressee
rec-ws-nothing-changed = Nothing was changed:
rec-ws-tick = Tick
rec-ws-recommendation = Recommendation
rec-ws-owner = Owner
rec-ws-overdue = overdue
rec-ws-legend = For every recommendation ticked
rec-ws-new-status = New status
rec-ws-keep-status = Keep the status
rec-ws-note = What happened (recorded on each)
rec-ws-keep-owner = Keep the owner
rec-ws-nobody = Nobody
rec-ws-update = Update the recommendations ticked
rec-ws-addressees = Addressees
rec-ws-addressees-lead = An addressee gathers the names a recommendation may give it ("EU", "European Union", "the European Union"). A name no addressee knows becomes one of its own: give it as an alias to the right one, or merge it.
rec-ws-name-count =
    { $count ->
        [one] Name ({ $count } recommendation)
       *[other] Name ({ $count } recommendations)
    }
rec-ws-aliases = Aliases, one per line
rec-ws-save = Save
rec-ws-merge-into = Or merge into
rec-ws-choose-addressee = Choose an addressee
rec-ws-merge = Merge
rec-ws-role-admin = Administrator
rec-ws-role-organizer = Organizer
rec-ws-role-rapporteur = Rapporteur
rec-ws-role-member = Member
rec-ws-tick-one = Tick at least one recommendation.
rec-ws-choose-status = Choose a status from the list.
rec-ws-say-what = Say what happened: a status changes with a note.
rec-ws-choose-account = Choose an account from the list.
rec-ws-give-date = Give a date.
rec-ws-choose-change = Choose what to change: a status, an owner or a review date.
rec-ws-updated =
    { $count ->
        [one] { $count } recommendation updated.
       *[other] { $count } recommendations updated.
    }
rec-ws-merged = The addressees were merged.
rec-ws-saved = { $name } saved.

# The owner's mail when a review falls due (templates/mail/recommendation_review/).
rec-mail-review-subject = Review due:
rec-mail-review-title = A review falls due
rec-mail-review-lead = The review of a recommendation you follow up falls due on { $date }:
rec-mail-to = to { $addressee }
rec-mail-quoted = "{ $text }"
rec-mail-review-ask = Please record what came of it, with evidence where there is some, and set the next review date:
rec-mail-review-footer = Sent by Roundtable for { $organizer }, because you follow this recommendation up.

# The organizers' weekly digest (templates/mail/recommendation_digest/).
rec-mail-digest-subject =
    { $count ->
        [one] { $count } recommendation overdue for review
       *[other] { $count } recommendations overdue for review
    }
rec-mail-digest-title = Recommendations overdue for review
rec-mail-digest-lead =
    { $count ->
        [one] The review of { $count } recommendation is overdue:
       *[other] The review of { $count } recommendations is overdue:
    }
rec-mail-digest-due-owner = Review was due on { $date }; followed up by { $owner }.
rec-mail-digest-due-nobody = Review was due on { $date }; nobody follows it up.
rec-mail-digest-all = All of them, to update several at once:
rec-mail-digest-footer = Sent weekly by Roundtable to the organizers of { $organizer }.

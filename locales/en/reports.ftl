# The organizers' page of an outcome report (templates/reports/edit.html, src/reports/pages.rs).
rep-title = Outcome report
rep-badge-published = published
rep-badge-draft = draft
rep-edition = edition { $edition }
rep-published-on = published on { $date }
rep-public-listed = public, and listed under
rep-only-organizers = only organizers can see it
rep-withdrawn-on = (edition { $edition } was published on { $date } and has been withdrawn)
rep-withdrawn = (edition { $edition } has been withdrawn)
rep-approved-count =
    { $count ->
        [one] 1 approved summary
       *[other] { $count } approved summaries
    }
rep-nav = Report
rep-read = Read the report
rep-preview = Preview the report
rep-pdf = PDF
rep-summaries = Summaries
rep-not-done = Not done
rep-text-kept = Your text is kept below.
rep-changes =
    { $count ->
        [one] 1 change since publication
       *[other] { $count } changes since publication
    }
rep-changes-published-on = The public reads edition { $edition }, published on { $date }. These changes reach it when you publish edition { $next }.
rep-changes-published = The public reads edition { $edition }. These changes reach it when you publish edition { $next }.
rep-changes-withdrawn = Since edition { $edition }, the report has changed as follows; publishing makes it edition { $next }.
rep-change-added = Added
rep-change-removed = Removed
rep-change-changed = Changed
rep-session = Session:
rep-what-changed = What changed
rep-what-changed-in = in { $title }
rep-publish-edition = Publish edition { $edition }
rep-unchanged-first = The public reads the report as it stands: nothing has changed since it was published.
rep-unchanged = The public reads the report as it stands: nothing has changed since edition { $edition } was published.
rep-missing = These sessions' summaries are not approved, so they are not in the report:
rep-progress-none = Not started
rep-progress-draft = Draft
rep-progress-submitted = Submitted
rep-progress-approved = Approved
rep-progress-returned = Returned
rep-introduction-hint = Opens the report. Use the buttons, or type Markdown: *emphasis*, **bold**, “- ” for lists, blank line between paragraphs.
rep-save = Save
rep-save-publish-edition = Save and publish edition { $edition }
rep-save-withdraw = Save and withdraw from publication
rep-save-publish = Save and publish
rep-part-introduction = Introduction
rep-part-event = About the event
rep-part-session = Session
rep-part-conclusions = Conclusions
rep-part-translations = Translations of the introduction and conclusions

# What the organizers are told after saving (src/reports/pages.rs).
rep-flash-published-first = Published: the report is public and listed under Documents.
rep-flash-published-edition = Published edition { $edition }: the public now reads the report as it stands.
rep-flash-published-unchanged = Published: nothing had changed since edition { $edition }, so the public reads edition { $edition }.
rep-flash-withdrawn = Withdrawn: the report is no longer public.
rep-flash-saved = Saved.

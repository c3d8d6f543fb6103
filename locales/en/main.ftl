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

# La mise en page de chaque page : navigation, recherche, compte, pied de page, choix de la langue.
skip-to-content = Aller au contenu
nav-main = Principal
nav-events = Événements
nav-series = Séries
nav-documents = Documents
nav-recommendations = Recommandations
nav-my-summaries = Mes synthèses
nav-organize = Organiser
search-site = Site
search-label = Rechercher dans Roundtable
search-placeholder = Rechercher
search-button = Rechercher
signed-in-as = Connecté·e en tant que
your-account = Votre compte
sign-out = Se déconnecter
member-sign-in = Connexion des membres
footer-about = Roundtable : conférences et séries de tables rondes pour des coalitions d’ONG, de gouvernements et d’organisations internationales.
footer-api = API
language-chooser = Lire ce site en

# Problèmes que l’API signale (problem+json), par statut.
problem-invalid = La requête contient des champs invalides.
problem-invalid-count = { $count ->
    [one] Un champ est invalide.
   *[other] { $count } champs sont invalides.
}

# La page d’un événement.
event-part-of = Fait partie de
event-cancelled = Cet événement a été annulé.
event-dates = Dates
event-venue = Lieu
event-place = Ville
event-region = Région
event-times = Horaires
event-times-shown-in = à l’heure de { $zone } (heure locale)
event-add-to-calendar = Ajouter à l’agenda (.ics)
event-subscribe = S’abonner (webcal)
event-subscribe-hint = Abonnez-vous dans votre agenda : les changements suivent d’eux-mêmes
event-outcome-report = Rapport final
event-edit = Modifier dans l’espace de travail
event-organizers = Organisateurs
event-programme = Programme
event-programme-none = Le programme n’a pas encore été publié.

# La page d’une séance.
session-when = Quand
session-room = Salle
session-format = Format

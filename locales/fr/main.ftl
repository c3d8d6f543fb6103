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

# Les pages d’une série.
series-kicker = Série
series-synthesis = Rapport de synthèse
series-synthesis-hint = ce que les rapports finaux publiés de la série ont en commun
series-timeline = Chronologie
series-none-published = Aucun événement de cette série n’est encore publié.
series-by-region = Par région
series-none = Aucune série pour l’instant.
event-organized-by = Organisé par { $names }

# Le formulaire d’inscription, et ce qui est dit à la personne inscrite.
registration-heading = S’inscrire
registration-button = M’inscrire
registration-not-recorded = Votre inscription n’a pas été enregistrée
registration-correct-below = Corrigez ce qui est signalé ci-dessous ; ce que vous avez saisi est conservé.
registration-closed-ended = Les inscriptions sont closes : l’événement est terminé.
registration-closed = Les inscriptions sont closes.
registration-invitation-only = L’inscription se fait sur invitation uniquement : utilisez le lien de votre invitation.
registration-opens-on-publishing = Les inscriptions ouvrent une fois l’événement publié.
registration-closed-full = Les inscriptions sont closes : l’événement est complet.
registration-full-waitlist = L’événement est complet : en vous inscrivant maintenant, vous rejoignez la liste d’attente et obtenez une place, dans l’ordre des inscriptions, si l’une se libère.
registration-full = L’événement est complet.
registration-places-left =
    { $count ->
        [one] Il reste une place.
       *[other] Il reste { $count } places.
    }
registration-approval-note = Les organisateurs approuvent chaque inscription ; ils vous répondront.
field-given-name = Prénom
field-family-name = Nom de famille
field-email-address = Courriel
field-organization = Organisation
field-country-name = Pays
registration-email-hint = Votre confirmation et votre lien personnel arrivent à cette adresse.
registration-needs = Besoins d’accessibilité ou alimentaires
registration-needs-hint = Vus par les organisateurs seulement, pour préparer votre venue.
registration-consent = J’accepte que les organisateurs conservent ces informations pour tenir cet événement et me contactent à son sujet. Je peux les effacer à tout moment depuis ma page d’inscription.
registration-retention = Vos besoins d’accessibilité ou alimentaires et votre code d’accueil sont effacés { $days } jours après l’événement ; votre nom et votre présence en restent la trace.
registration-done-confirmed = Vous êtes inscrit·e. Une confirmation vous parvient par courriel. Gardez le lien de cette page : c’est votre inscription.
registration-done-waitlisted = L’événement est complet : vous êtes sur la liste d’attente et obtiendrez une place dans l’ordre des inscriptions. Gardez le lien de cette page.
registration-done-pending = Votre inscription est reçue et attend l’approbation des organisateurs. Gardez le lien de cette page.

# Ce qui ne va pas dans un champ (src/i18n/fields.rs).
field-required = est obligatoire
field-too-long = doit compter au plus { $n } caractères
field-control-characters = ne doit pas contenir de caractères de contrôle
field-email = n’est pas une adresse électronique valide
field-consent = est nécessaire pour s’inscrire
field-country = doit être un code pays ISO 3166-1 alpha-2, comme BE ou ZA
field-language = doit être en, fr ou es
field-url = doit être une adresse http:// ou https://
field-one-of = doit être l’une des valeurs : { $text }
field-after-start = doit suivre le début
field-invalid = n’est pas valide
registration-already = cette adresse est déjà inscrite à l’événement

# La page de la personne inscrite.
manage-title = Votre inscription
manage-for = { $name }, pour
manage-status = Statut :
registration-status-pending = En attente
registration-status-confirmed = Confirmée
registration-status-waitlisted = Liste d’attente
registration-status-cancelled = Annulée
registration-status-rejected = Refusée
manage-confirmed = Votre place est confirmée.
manage-waitlisted = L’événement est complet ; vous obtiendrez une place dans l’ordre des inscriptions si l’une se libère, et nous vous écrirons.
manage-pending = Les organisateurs vont examiner votre inscription ; ils vous répondront.
manage-cancelled = Cette inscription est annulée.
manage-rejected = Les organisateurs n’ont pas pu accepter cette inscription.
manage-keep-private = Gardez l’adresse de cette page pour vous : c’est par elle que vous gérez votre inscription.
manage-reconfirm-heading = Confirmez que vous venez toujours
manage-reconfirm-text = L’événement a de nouvelles dates : { $dates }. Confirmez avant le { $deadline }, sinon votre place ira aux personnes en liste d’attente.
manage-reconfirm-button = Oui, je viens toujours
manage-certificate-heading = Attestation de participation
manage-certificate-thanks = Merci de votre participation.
manage-certificate-download = Télécharger votre attestation de participation (PDF)
manage-door-heading = À l’accueil
manage-qr-label = Code QR de votre code d’accueil
manage-check-in-code = Votre code d’accueil :
manage-check-in-hint = Montrez ce code QR ou donnez le code à l’accueil.
manage-calendar-heading = Dans votre agenda
manage-subscribe = S’abonner au programme
manage-download = Télécharger le programme (.ics)
manage-cancel-heading = Annuler
manage-cancel-text = Si vous ne pouvez pas venir, annulez pour que votre place aille à une personne en liste d’attente.
manage-cancel-confirm = Annuler votre inscription ? Votre place ira à la personne suivante en attente.
manage-cancel-button = Annuler mon inscription
manage-details-heading = Vos informations
manage-details-not-saved = Vos informations n’ont pas été enregistrées
manage-details-summary = Modifier votre nom, organisation, pays ou besoins
manage-details-save = Enregistrer mes informations
manage-data-heading = Vos données
manage-data-text = Vous pouvez effacer votre nom, courriel, organisation, pays et besoins. Votre inscription est alors annulée, et seule une ligne anonyme reste dans les décomptes des organisateurs.
manage-erase-confirm = Effacer définitivement vos informations ? Cela annule aussi votre inscription.
manage-erase-button = Effacer mes informations
manage-erased = Vos informations ont été effacées.
manage-cancelled-flash = Votre inscription est annulée et votre place donnée à la personne suivante en attente.

# La page de la personne inscrite : ses informations.
manage-keep-hint = Laissez vide pour garder ce que vous aviez donné.
manage-needs-hint = Vus par les organisateurs seulement. Pour votre vie privée, ils ne sont pas affichés ici : ce que vous saisissez les remplace, une case vide les garde.

# Agendas.
calendar-event-cancelled = Cet événement a été annulé.

# Courriels aux personnes inscrites (templates/mail/registration_*).
mail-dear = Bonjour { $name },
mail-event = Événement :
mail-event-page = Page de l’événement :
mail-manage-line = Votre page d’inscription (statut, agenda, annulation) :
mail-keep-link = Gardez ce lien pour vous : quiconque l’a peut gérer votre inscription.
mail-calendar-attached = Le fichier d’agenda joint ajoute les séances de l’événement à votre agenda ; ce flux suit chaque changement :
mail-calendar-attached-short = Le fichier d’agenda joint ajoute les séances de l’événement à votre agenda.
mail-calendar-feed = Ce flux d’agenda suit chaque changement.
mail-check-in-label = À l’accueil, donnez votre code :
mail-check-in-where = il figure aussi sur votre page d’inscription, avec un code QR
mail-your-registration = Votre inscription
mail-footer = Envoyé par Roundtable pour les organisateurs de { $event }. Répondez à ce message pour les joindre.
mail-reconfirm-subject = Confirmez que vous venez toujours : { $event }, { $dates }
mail-reconfirm-moved = { $event } a désormais lieu le { $dates }
mail-reconfirm-ask-by = Confirmez que vous venez toujours avant le { $deadline }, sur votre page d’inscription :
mail-reconfirm-ask = Confirmez que vous venez toujours, sur votre page d’inscription :
mail-reconfirm-release = Sans votre confirmation d’ici là, votre place est libérée pour les personnes en liste d’attente.
mail-reconfirm-button = Confirmer sur ma page d’inscription
mail-released-subject = Votre place a été libérée : { $event }
mail-released-lead = Nous n’avons pas reçu à temps votre confirmation pour { $event } ({ $dates }) : votre inscription est donc annulée et votre place donnée à une personne en liste d’attente.
mail-released-again = Si vous souhaitez toujours venir, vous pouvez vous réinscrire tant que les inscriptions sont ouvertes :
mail-confirmed-subject = Inscription confirmée : { $event }
mail-confirmed-lead = Votre inscription à { $event } est confirmée. Nous nous réjouissons de vous accueillir.
mail-waitlisted-subject = Liste d’attente : { $event }
mail-waitlisted-lead = { $event } est complet : vous êtes donc sur la liste d’attente. Si une place se libère, vous l’obtiendrez dans l’ordre des inscriptions et nous vous écrirons aussitôt.
mail-pending-subject = Inscription reçue : { $event }
mail-pending-lead = Nous avons reçu votre inscription à { $event }. Les organisateurs examinent chaque inscription ; nous vous écrirons lorsqu’elle sera approuvée.
mail-approved-subject = Inscription approuvée : { $event }
mail-approved-lead = Votre inscription à { $event } a été approuvée. Votre place est confirmée.
mail-rejected-subject = Inscription non retenue : { $event }
mail-rejected-lead = Nous sommes désolés : les organisateurs n’ont pas pu accepter votre inscription à { $event }.
mail-promoted-subject = Une place pour vous : { $event }
mail-promoted-lead = Bonne nouvelle : une place s’est libérée à { $event }, et elle est pour vous. Votre inscription est maintenant confirmée.
mail-cancelled-subject = Inscription annulée : { $event }
mail-cancelled-lead = Votre inscription à { $event } est annulée. Si ce n’était pas vous, ou si vous changez d’avis, vous pouvez vous réinscrire tant que les inscriptions sont ouvertes.

# Traduire un événement ou une série à côté de l’original (espace de travail).
translations-title = Traductions
translations-intro = Chaque texte tel qu’il est écrit, en { $original }, avec sa traduction à côté. Les lecteurs lisent la traduction dans leur langue quand elle existe, l’original sinon.
translations-into = Traduire en :
translations-not-saved = La traduction n’a pas été enregistrée
translations-hint = Un champ laissé vide n’a pas de traduction : les lecteurs lisent l’original.
translations-save = Enregistrer la traduction en { $language }
translations-back = Retour
translations-saved = La traduction en { $language } a été enregistrée.
translations-the-event = L’événement
translations-the-series = La série
translations-the-report = Le rapport final
translations-session = Séance : { $title }
translations-field-title = Titre
translations-field-subtitle = Sous-titre
translations-field-description = Description
translations-field-introduction = Introduction
translations-field-conclusions = Conclusions

# Rapports finaux : page, Markdown et PDF (src/reports/language.rs).
report-outcome = Rapport final
report-contents = Sommaire
report-introduction = Introduction
report-about = À propos de l’événement
report-the-event = L’événement
report-event = Événement
report-dates = Dates
report-place = Lieu
report-venue = Salle
report-region = Région
report-series = Série
report-sessions-reported = Séances rapportées
report-online = En ligne
report-organizers = Organisateurs
report-organized-by = Organisé par
report-sessions = Séances
report-when = Quand
report-chair = Présidence
report-speakers = Intervenants
report-rapporteur = Rapporteur
report-chatham = Tenue sous la règle de Chatham House : les propos ne sont attribués à personne.
report-key-points = Points clés
report-challenges = Défis
report-recommendations = Recommandations
report-next-steps = Prochaines étapes
report-by-addressee = Recommandations par destinataire
report-by-theme = Recommandations par thème
report-theme = Thème
report-organizations = Organisations participantes
report-conclusions = Conclusions
report-awaiting = Séances en attente de synthèse
report-awaiting-note = Ces séances ont un rapporteur mais pas encore de synthèse approuvée : elles ne figurent pas dans ce rapport.
report-draft = PROJET
report-draft-note = Ce rapport n’a pas été publié. Son contenu peut encore changer.
report-not-published = Non publié
report-to = À :
report-themes = Thèmes :
report-from = Source :
report-present = présents
report-published = Publié le { $date }
report-edition-published = Édition { $edition }, publiée le { $date }
report-summary-language = Synthèse telle que le rapporteur l’a écrite, en { $language }.
report-other-formats = Autres formats
report-event-page = La page de l’événement
report-print = Imprimer
report-part-of = fait partie de
report-draft-preview = Aperçu du projet
report-draft-preview-note = seuls les organisateurs voient ce rapport avant sa publication.
report-edit-and-publish = Modifier et publier
involvement-organizer = Organisateur
involvement-co-organizer = Co-organisateur
involvement-partner = Partenaire
involvement-host = Hôte
involvement-sponsor = Mécène
involvement-participant = Participant
priority-high = Priorité haute
priority-medium = Priorité moyenne
priority-low = Priorité basse
timeframe-immediate = Immédiat
timeframe-short_term = D’ici un an
timeframe-medium_term = D’un à trois ans
timeframe-long_term = À plus long terme

# Rapports finaux : la page.
report-to-word = À
report-not-yet = Pas encore dans le rapport (seuls les organisateurs le voient) :
report-preview-edition = Aperçu de l’édition { $edition }
report-preview-edition-note =
    { $count ->
        [one] une modification depuis la publication, que le public lira quand vous publierez à nouveau ; d’ici là, il lit l’édition { $edition }.
       *[other] { $count } modifications depuis la publication, que le public lira quand vous publierez à nouveau ; d’ici là, il lit l’édition { $edition }.
    }
report-see-changes = Voir les modifications et publier

# Rapports finaux : Markdown.
report-draft-word = Projet
report-not-published-yet = pas encore publié.

# Vocabulaires : types d’événements et de séances, régions, rôles.
event-kind-conference = Conférence
event-kind-roundtable = Table ronde
event-kind-workshop = Atelier
event-kind-seminar = Séminaire
event-kind-briefing = Réunion d’information
session-kind-panel = Panel
session-kind-plenary = Plénière
session-kind-roundtable = Table ronde
session-kind-workshop = Atelier
session-kind-break = Pause
region-africa = Afrique
region-americas = Amériques
region-asia-pacific = Asie-Pacifique
region-europe = Europe
region-middle-east = Moyen-Orient
region-global = Mondial
participant-role-chair =
    { $count ->
        [one] Présidence
       *[other] Présidences
    }
participant-role-moderator =
    { $count ->
        [one] Modérateur
       *[other] Modérateurs
    }
participant-role-speaker =
    { $count ->
        [one] Intervenant
       *[other] Intervenants
    }
participant-role-discussant =
    { $count ->
        [one] Discutant
       *[other] Discutants
    }
participant-role-rapporteur =
    { $count ->
        [one] Rapporteur
       *[other] Rapporteurs
    }

# Les pages d’une série : événements sans région.
series-other-region = Autres

# L’espace des organisateurs : ce qu’il reste à faire (src/dashboard/agenda.rs).
task-conflicts =
    { $count ->
        [one] 1 conflit dans le programme
       *[other] { $count } conflits dans le programme
    }
task-no-chair-no-rapporteur = « { $title } » n’a ni présidence ni rapporteur
task-no-chair = « { $title } » n’a pas de présidence
task-no-rapporteur = « { $title } » n’a pas de rapporteur
task-declined = { $name } a décliné ({ $role } de « { $title } ») : trouvez quelqu’un d’autre ou retirez cette personne
task-unanswered =
    { $count ->
        [one] 1 invitation sans réponse depuis plus de { $days } jours : envoyez un rappel
       *[other] { $count } invitations sans réponse depuis plus de { $days } jours : envoyez un rappel
    }
task-registrations-pending =
    { $count ->
        [one] 1 inscription attend votre approbation
       *[other] { $count } inscriptions attendent votre approbation
    }
task-visa-requests =
    { $count ->
        [one] 1 demande de lettre de visa à traiter
       *[other] { $count } demandes de lettre de visa à traiter
    }
task-summaries-review =
    { $count ->
        [one] 1 synthèse attend votre relecture
       *[other] { $count } synthèses attendent votre relecture
    }
task-summaries-late =
    { $count ->
        [one] 1 synthèse est en retard
       *[other] { $count } synthèses sont en retard
    }
task-report-changes =
    { $count ->
        [one] Le rapport publié a 1 modification depuis sa publication : publiez l’édition { $edition }
       *[other] Le rapport publié a { $count } modifications depuis sa publication : publiez l’édition { $edition }
    }
task-mail-failed =
    { $count ->
        [one] 1 courriel n’a pas pu être remis
       *[other] { $count } courriels n’ont pas pu être remis
    }

# L’espace des organisateurs (templates/dashboard, templates/events/workspace.html).
event-status-draft = Brouillon
event-status-published = Publié
event-status-cancelled = Annulé
ws-title = Organiser
ws-heading = Espace des organisateurs
ws-new-event = Nouvel événement
ws-new-series = Nouvelle série
ws-people = Personnes
ws-organizations = Organisations
ws-accounts = Comptes
ws-accounts-pending = Comptes ({ $count } à décider)
ws-documents = Documents de la bibliothèque
ws-outbox = Boîte d’envoi
ws-themes = Thèmes des recommandations
ws-needs-doing = Ce qu’il reste à faire
ws-nothing-current = Aucun événement à venir ou juste terminé.
ws-create-event = Créer un événement
ws-or-reuse = , ou reprenez-en un passé depuis sa page.
ws-nothing-to-do = ✓ Rien à faire pour l’instant.
ws-all-events = Tous les événements
ws-no-events = Aucun événement pour l’instant.
ws-create-first = Créer le premier
ws-col-event = Événement
ws-col-dates = Dates
ws-col-place = Lieu
ws-col-status = Statut
ws-edit = Modifier
ws-public-page = Page publique

# L’espace des organisateurs : un événement.
invitation-status-not_invited = Pas invité
invitation-status-invited = Invité
invitation-status-accepted = Accepté
invitation-status-declined = Décliné
ews-back = ← Espace de travail
ews-times-in = heures de { $zone }
ews-edit = Modifier les informations
ews-translations = Traductions
ews-add-session = Ajouter une séance
ews-registrations = Inscriptions
ews-check-in = Accueil
ews-attendance = Présences
ews-visa-letters = Lettres de visa
ews-summaries = Synthèses
ews-report = Rapport final
ews-public-page = Page publique
ews-preview = Aperçu
ews-publish = Publier
ews-publish-anyway =
    { $count ->
        [one] Cet événement a encore 1 conflit. Publier quand même ?
       *[other] Cet événement a encore { $count } conflits. Publier quand même ?
    }
ews-cancel-confirm = Annuler cet événement ? Toutes les personnes invitées ou inscrites seront prévenues.
ews-cancel = Annuler l’événement
ews-reuse = Reprendre à d’autres dates
ews-delete-confirm = Supprimer cet événement et tout son programme ? C’est irréversible.
ews-delete = Supprimer
ews-no-conflicts = ✓ Aucun conflit : personne n’a deux engagements à la fois, aucune salle n’est prise deux fois, chaque séance est dans les dates de l’événement.
ews-conflicts =
    { $count ->
        [one] 1 conflit à résoudre
       *[other] { $count } conflits à résoudre
    }
ews-before-publishing = avant de publier
ews-programme = Programme
ews-no-sessions = Aucune séance pour l’instant.
ews-add-first = Ajouter la première séance
ews-conflict-badge = conflit
ews-send-invitations = Envoyer des invitations
ews-to-the-people-of = aux personnes de { $title }
ews-invitations = Invitations
ews-no-invitations = Aucune invitation envoyée pour l’instant. Utilisez « Envoyer des invitations… » sur une séance pour écrire à sa présidence, à ses intervenants et à son rapporteur, et relisez le courriel avant son envoi.
ews-invite-event = Inviter des personnes à l’événement…
ews-col-person = Personne
ews-col-role = Rôle
ews-col-answer = Réponse
ews-col-sent = Envoyée
ews-col-answered = Répondue
ews-resend =
    { $count ->
        [one] Renvoyer à la personne qui n’a pas répondu
       *[other] Renvoyer aux { $count } personnes qui n’ont pas répondu
    }

# Les langues par leur nom, dans une phrase.
language-name-en = anglais
language-name-fr = français
language-name-es = espagnol

# Invitations (templates/mail/invitation).
inv-subject-role = Invitation : { $role } à « { $session } » ({ $event })
inv-subject-session = Invitation : « { $session } » ({ $event })
inv-subject-event = Invitation : { $event }, { $dates }
inv-take-part-as = Vous êtes invité·e à participer en tant que { $role } à « { $session } », une séance de { $event }.
inv-take-part = Vous êtes invité·e à participer à « { $session } », une séance de { $event }.
inv-invited-to = Vous êtes invité·e à { $event }, { $dates }
inv-when = Quand :
inv-room = Salle :
inv-session-page = Page de la séance :
inv-message = Un message des organisateurs :
inv-answer = Merci de répondre :
inv-accept = Accepter :
inv-decline = Décliner :
inv-accept-button = Accepter
inv-decline-button = Décliner
inv-calendar = Le fichier d’agenda joint ajoute la séance à votre agenda. Sur la page de l’invitation, vous pouvez aussi obtenir un flux d’agenda personnel de toutes les séances auxquelles vous participez.
inv-calendar-before = Le fichier d’agenda joint ajoute la séance à votre agenda. Sur la
inv-calendar-link = page de l’invitation
inv-calendar-after = vous pouvez aussi obtenir un flux d’agenda personnel de toutes les séances auxquelles vous participez.
inv-thanks = Avec nos remerciements,
inv-title = Invitation
inv-session = Séance
inv-your-role = Votre rôle
inv-event = Événement
inv-when-label = Quand
inv-room-label = Salle
inv-accept-or-decline = Accepter ou décliner :

# Courriels des comptes : le nouveau mot de passe (templates/mail/password_reset).
reset-subject = Choisissez un nouveau mot de passe pour { $email }
reset-someone = Quelqu’un (vous, nous l’espérons) a demandé à choisir un nouveau mot de passe pour le compte Roundtable de { $email }.
reset-choose-here = Choisissez-le ici (ce lien ne sert qu’une fois, jusqu’au { $expires }) :
reset-signs-out = L’utiliser déconnecte tous les autres navigateurs connectés à votre compte.
reset-works-once = Ce lien ne sert qu’une fois, jusqu’au { $expires }.
reset-ignore = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
reset-button = Choisir un nouveau mot de passe
reset-footer = Envoyé par Roundtable pour { $name }.

# Le rapport de synthèse d’une série (templates/reports/synthesis.*).
syn-title = Synthèse
syn-kicker = Rapport de synthèse
syn-drawn =
    { $count ->
        [one] Tiré du rapport final publié d’un événement de
       *[other] Tiré des rapports finaux publiés de { $count } événements de
    }
syn-the-series = la série
syn-left-out = Laissés de côté tant que leur rapport n’est pas publié (seuls les organisateurs le voient) :
syn-none = Aucun événement de cette série n’a encore de rapport final publié. La synthèse se remplit à mesure que les rapports sont publiés.
syn-events = Les événements
syn-themes = Thèmes communs
syn-challenges = Défis communs
syn-regions = Stratégies par région
syn-follow-up = Ce qu’il est advenu des recommandations
syn-organizers-partners = Organisateurs et partenaires
syn-ranked = Classés selon le nombre d’événements qui les ont soulevés.
syn-event-count =
    { $count ->
        [one] 1 événement
       *[other] { $count } événements
    }
syn-latest = Dernière nouvelle :

# Le rapport de synthèse d’une série : le PDF.
syn-event-one = événement
syn-event-many = événements
syn-raised-at = soulevé par
syn-drawing = Réunit les rapports finaux de
syn-in-this = dans cette synthèse
syn-partners = Partenaires
syn-not-yet = Pas encore dans cette synthèse
syn-not-yet-note = Ces événements de la série n’ont pas encore de rapport publié.
syn-events-label = Événements :
syn-series-events = La série et ses événements

# An event's conflicts, one sentence each (src/events/conflicts.rs).
conflict-person = { $name } est dans « { $first } » et « { $second } » en même temps ({ $when })
conflict-room = { $room } accueille « { $first } » et « { $second } » en même temps ({ $when })
conflict-outside = « { $session } » ({ $when }) tombe en dehors des dates de l’événement, du { $start } au { $end }

# Problems the API answers: what is always said the same way (src/error.rs).
problem-unauthorized = Connexion requise
problem-bad-credentials = Adresse e-mail ou mot de passe incorrect
problem-too-many-attempts = Trop de tentatives de connexion échouées ; attendez { $minutes } minutes et réessayez
# A 404's detail, by what was not found.
problem-not-found-session = Séance introuvable
problem-not-found-registration = Inscription introuvable
problem-not-found-event = Événement introuvable
problem-not-found-person = Personne introuvable
problem-not-found-series = Série introuvable
problem-not-found-organization = Organisation introuvable
problem-not-found-invitation = Invitation introuvable
problem-not-found-link = Lien introuvable
problem-not-found-resource = Ressource introuvable
problem-not-found-feed = Flux introuvable
problem-not-found-addressee = Destinataire introuvable
problem-not-found-account = Compte introuvable
problem-not-found-visa-letter = Lettre de visa introuvable
problem-not-found-recommendation = Recommandation introuvable
problem-not-found-participant = Participant introuvable
problem-not-found-page = Page introuvable
problem-not-found-message = Message introuvable
problem-not-found-file = Fichier introuvable
problem-not-found-visa-letters = Lettres de visa introuvables
problem-not-found-visa-letter-request = Demande de lettre de visa introuvable
problem-not-found-thumbnail = Miniature introuvable
problem-not-found-theme = Thème introuvable
problem-not-found-report = Rapport introuvable
problem-not-found-rapporteur = Rapporteur introuvable
problem-not-found-follow-up-report = Rapport de suivi introuvable
problem-not-found-document = Document introuvable
problem-not-found-certificate = Attestation introuvable
problem-not-found-application = Demande d’adhésion introuvable

# What a registrant is told on their page after acting on it (src/registrations/pages.rs).
manage-reconfirmed-flash = Merci : vous avez confirmé que vous venez toujours.
manage-erased-flash = Vos données sont effacées. Seule une ligne anonyme reste dans les décomptes des organisateurs.
manage-details-saved-flash = Vos informations sont enregistrées.

# What the pages' script says (templates/static/app.js), given to it by the layout.
js-region-proposed = Proposé d’après le pays : { $region }. Modifiez-le si besoin.
js-preview-unavailable = L’aperçu n’est pas disponible pour le moment ; ce que vous tapez est conservé.
js-link-text = texte du lien
js-send-invitations =
    { $count ->
        [one] Envoyer 1 invitation
       *[other] Envoyer { $count } invitations
    }
js-recipients-changed = Vous avez modifié les destinataires ou le message depuis cet aperçu : appuyez de nouveau sur « Aperçu » pour voir les courriels tels qu’ils partiront.
js-chosen-file = Choisi : { $file } ({ $size })
js-uploading = Envoi de { $file }…
js-saving = Enregistrement…
js-session-ended = Votre session a expiré. Reconnectez-vous dans un autre onglet, puis renvoyez le formulaire : ce que vous avez tapé et choisi est conservé ici.
js-unexpected = Le serveur a répondu de façon inattendue ({ $status }). Rien n’a été enregistré ; reconnectez-vous si votre session a expiré, puis renvoyez le formulaire.
js-upload-broke = L’envoi s’est interrompu (la connexion est-elle coupée ?). Rien n’a été enregistré ; renvoyez le formulaire.
js-correct-fields =
    { $count ->
        [one] Veuillez corriger 1 champ
       *[other] Veuillez corriger { $count } champs
    }
js-document-not-saved = Le document n’a pas été enregistré
js-nothing-saved-file = Rien n’est encore enregistré ; ce que vous avez tapé et le fichier choisi sont conservés ci-dessous.
js-nothing-saved = Rien n’est encore enregistré ; ce que vous avez tapé est conservé ci-dessous.

# The list of events (templates/events/list.html).
events-filter-label = Filtrer les événements
events-all-regions = Toutes les régions
events-kind = Type
events-all-kinds = Tous les types
events-year = Année
events-all-years = Toutes les années
events-show = Afficher les événements
events-clear = Effacer les filtres
events-found =
    { $count ->
        [one] 1 événement.
       *[other] { $count } événements.
    }
events-found-filtered =
    { $count ->
        [one] 1 événement correspond à ces filtres.
       *[other] { $count } événements correspondent à ces filtres.
    }
events-none = Aucun événement ne correspond.
events-see-all = Voir tous les événements

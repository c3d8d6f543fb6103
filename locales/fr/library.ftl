# La page d’erreur (templates/errors/error.html, src/web/pages.rs).
err-not-found = Page introuvable
err-not-found-text = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou l’événement n’est pas encore publié.
err-forbidden = Accès non autorisé
err-too-many = Trop de tentatives
err-conflict = Impossible pour le moment
err-gone = Ce lien ne fonctionne plus
err-bad-request = Cette demande n’a pas pu être lue
err-invalid = Certains champs ne sont pas valides
err-internal = Une erreur s’est produite
err-internal-text = Une erreur s’est produite de notre côté. Elle a été consignée ; veuillez réessayer dans un instant.
err-sign-in = Veuillez vous connecter
err-sign-in-text = Cette page est réservée aux membres connectés.
err-status = Erreur { $status }
err-back = Retour aux événements
err-csrf = Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
err-organizers-only = L’espace des organisateurs est réservé aux organisateurs et aux administrateurs.

# La page d’accueil (templates/site/home.html).
site-title = Conférences et tables rondes
site-lead = Programmes, intervenants et conclusions des conférences et des tables rondes consultatives organisées par la coalition et ses partenaires.
site-upcoming = Événements à venir
site-no-upcoming = Aucun événement à venir n’est publié pour le moment.
site-browse-all = Parcourir tous les événements
site-recent = Événements récents
site-no-recent = Aucun événement passé pour l’instant.
site-all-events = Tous les événements

# La bibliothèque (templates/site/documents.html, src/site.rs).
doc-library = Documents
doc-library-lead = Notes d’orientation, études, déclarations et rapports finaux des événements passés, à parcourir par région et par type ; ainsi que les synthèses des séries de tables rondes.
doc-add = Ajouter un document
doc-all-to-edit = Tous les documents, pour les modifier ou les retirer
doc-browse-label = Parcourir les documents par région, type, année et langue
doc-region = Région
doc-all-regions = Toutes les régions
doc-kind = Type
doc-all-kinds = Tous les types
doc-year = Année
doc-all-years = Toutes les années
doc-language = Langue
doc-all-languages = Toutes les langues
doc-browse = Parcourir
doc-none = Aucun document pour l’instant.
doc-none-for = Aucun document pour la région { $region } pour l’instant.
doc-none-hint = Les rapports finaux apparaissent ici, avec leur événement, dès que les organisateurs les publient, à côté des documents qu’ils ajoutent à la bibliothèque.
doc-syntheses = Synthèses des séries
doc-synthesis-of = { $title } : rapport de synthèse
doc-draws-on =
    { $count ->
        [one] S’appuie sur { $count } rapport final publié
       *[other] S’appuie sur { $count } rapports finaux publiés
    }
doc-in-this-region = (dans cette région)
doc-by = Par { $names }
doc-download = Télécharger ({ $what })
doc-on-publisher = Sur le site de l’éditeur
doc-outcome-report = Rapport final : { $title }
doc-published = publié le { $date }
doc-the-event = L’événement

# La page d’un document (templates/documents/show.html, src/documents/pages.rs).
doc-first-page = La première page de { $title }
doc-readers = Qui peut le lire : { $who }
doc-fact-published = Date de publication
doc-fact-by = Auteurs
doc-fact-regions = Régions
doc-fact-countries = Pays
doc-fact-event = Événement
doc-fact-series = Série
doc-edit-or-withdraw = Modifier ou retirer
doc-read-on-publisher = Le lire sur le site de l’éditeur
doc-summary = Résumé
doc-next-steps = Prochaines étapes
doc-file = Fichier
doc-size-bytes = { $size } octets
doc-size-kb = { $size } Ko
doc-size-mb = { $size } Mo

# Types de documents, qui peut les lire, types de fichiers, sous-régions, langues.
doc-kind-report = Rapport
doc-kind-policy-memo = Note d’orientation
doc-kind-brief = Note d’information
doc-kind-statement = Déclaration
doc-kind-paper = Étude
doc-kind-letter = Lettre
doc-kind-other = Autre
doc-access-public = Tout le monde
doc-access-members = Membres (connectés)
doc-access-organizers = Organisateurs uniquement
doc-file-type-pdf = PDF
doc-file-type-docx = Document Word
doc-file-type-odt = Texte OpenDocument
doc-file-type-xlsx = Classeur Excel
doc-file-type-png = Image PNG
doc-file-type-jpeg = Image JPEG
doc-subregion-north-africa = Afrique du Nord
doc-subregion-west-africa = Afrique de l’Ouest
doc-subregion-east-africa = Afrique de l’Est
doc-subregion-central-africa = Afrique centrale
doc-subregion-southern-africa = Afrique australe
doc-subregion-great-lakes = Grands Lacs
doc-subregion-north-america = Amérique du Nord
doc-subregion-latin-america-caribbean = Amérique latine et Caraïbes
doc-subregion-south-asia = Asie du Sud
doc-subregion-southeast-asia = Asie du Sud-Est
doc-subregion-east-asia = Asie de l’Est
doc-subregion-central-asia = Asie centrale
doc-subregion-pacific = Pacifique
doc-subregion-western-europe = Europe de l’Ouest
doc-subregion-northern-europe = Europe du Nord
doc-subregion-southern-europe = Europe du Sud
doc-subregion-eastern-europe = Europe de l’Est
doc-subregion-gulf = Golfe
doc-subregion-levant = Levant
doc-language-en = Anglais
doc-language-fr = Français
doc-language-es = Espagnol
doc-language-pt = Portugais
doc-language-ar = Arabe
doc-language-ru = Russe
doc-language-zh = Chinois
doc-language-de = Allemand

# La liste des documents des organisateurs (templates/documents/workspace_list.html).
doc-ws-lead = Tous les documents de la bibliothèque, quel que soit leur public, les plus récemment publiés d’abord. Ouvrez-en un pour modifier ce que la bibliothèque en dit, ou pour le retirer.
doc-as-readers-see = La bibliothèque telle que la voient les lecteurs
doc-find-label = Rechercher des documents
doc-words = Mots du titre ou du résumé
doc-find = Rechercher
doc-count =
    { $count ->
        [one] { $count } document.
       *[other] { $count } documents.
    }
doc-add-first = Ajoutez le premier
doc-no-match = Aucun document ne correspond.
doc-col-document = Document
doc-col-date = Date
doc-who-may-read = Qui peut le lire
doc-col-file = Fichier ou lien
doc-undated = Non daté
doc-link = Lien
doc-page = Page
doc-more = Plus de documents
doc-newer = ← Plus récents
doc-older = Plus anciens →

# Ajouter ou modifier un document (templates/documents/form.html, src/documents/workspace.rs).
doc-edit-heading = Modifier « { $title } »
doc-its-page = Sa page dans la bibliothèque
doc-required-note = Les champs marqués d’un * sont obligatoires.
doc-file-or-link = Ajoutez un fichier ou indiquez un lien vers l’endroit où le document est publié.
doc-correct-fields =
    { $count ->
        [one] Veuillez corriger { $count } champ
       *[other] Veuillez corriger { $count } champs
    }
doc-nothing-saved = Rien n’a encore été enregistré ; ce que vous avez saisi est conservé ci-dessous.
doc-legend-document = Le document
doc-file-stays = Le fichier reste tel quel. Pour le remplacer, retirez ce document et ajoutez le nouveau fichier comme un nouveau document.
doc-file-hint = Déposez le fichier ici ou choisissez-le : PDF, Word (DOCX), texte OpenDocument (ODT), Excel (XLSX), PNG ou JPEG, { $mb } Mo au maximum.
doc-legend-about = À son sujet
doc-legend-authors = Qui l’a rédigé
doc-authors-hint = Cochez les organisations qui l’ont rédigé ou publié.
doc-authors-hint-none = Cochez les organisations qui l’ont rédigé ou publié ; l’annuaire n’en contient encore aucune.
doc-find-organization = Trouver une organisation
doc-legend-where = Zones concernées
doc-regions-hint = La bibliothèque le classe sous chaque région cochée ; une sous-région se retrouve aussi sous sa région.
doc-legend-belongs = Rattachement
doc-sending = Envoi…
doc-cancel = Annuler
doc-submit-add = Ajouter le document
doc-submit-save = Enregistrer les modifications
doc-withdraw-heading = Le retirer
doc-withdraw-text = Un document retiré disparaît de la bibliothèque et de la recherche, et son fichier est supprimé. C’est irréversible.
doc-withdraw-confirm = Retirer ce document de la bibliothèque ? Son fichier sera supprimé ; c’est irréversible.
doc-withdraw = Retirer le document
doc-field-title = Titre
doc-choose = Choisir…
doc-field-published-on = Date de publication
doc-hint-language = Un code de langue : en, fr, es, pt-BR. Laissez vide si le document est en plusieurs langues.
doc-hint-summary = Ce qu’il dit, pour les lecteurs de la bibliothèque. Laissez une ligne vide entre les paragraphes.
doc-hint-link-instead = Au lieu d’un fichier : l’adresse à laquelle le document est publié (https://…).
doc-hint-link = L’adresse à laquelle le document est publié (https://…).
doc-hint-countries = Codes ISO séparés par des virgules : AR, CA, KE. Laissez vide si le document porte sur une région entière.
doc-no-event = Aucun
doc-no-series = Aucune
doc-hint-next-steps = Une par ligne. Chacune devient un élément du suivi des recommandations.
doc-saved = Vos modifications de « { $title } » ont été enregistrées.
doc-added = « { $title } » a été ajouté à la bibliothèque.
doc-withdrawn = « { $title } » a été retiré de la bibliothèque.
doc-file-not-kept = Vous aviez choisi « { $name } » : il n’a pas été conservé, choisissez-le de nouveau avant l’envoi.
doc-quoted = « { $text } »
doc-err-next-step = prochaine étape { $n } : { $text }
doc-err-and-more = Et { $count } de plus.
doc-err-kind = choisissez l’un des types proposés
doc-err-access = choisissez qui peut le lire
doc-err-date = doit être une date comme 2012-09-25
doc-err-no-file = Choisissez un fichier, ou indiquez plutôt un lien vers le document.
doc-err-region = doit être une région (africa, americas, asia-pacific, europe, middle-east, global) ou l’une de leurs sous-régions
doc-err-language-tag = doit être un code de langue comme en, es, fr ou pt-BR
doc-err-date-range = doit être une date comprise entre 1900 et 2200
doc-err-no-organization = cette organisation n’existe pas
doc-err-no-event = cet événement n’existe pas
doc-err-no-series = cette série n’existe pas
doc-err-file-and-link = un document a un fichier ou un lien, pas les deux
doc-err-has-file = ce document a un fichier ; retirez-le et ajoutez le lien comme un nouveau document
doc-err-one-file = envoyez un seul fichier par document
doc-err-far-too-long = est beaucoup trop long
doc-err-too-large = dépasse { $mb } Mo, la taille maximale acceptée par la bibliothèque
doc-err-file-empty = le fichier est vide
doc-err-file-unknown = ce fichier n’est pas un fichier PDF, Word, OpenDocument, Excel, PNG ou JPEG, quel que soit son nom
doc-err-file-other = ce fichier est { $what }, pas un fichier PDF, Word, OpenDocument, Excel, PNG ou JPEG, quel que soit son nom

# La recherche (templates/search/results.html, src/search/pages.rs).
srch-title = Recherche
srch-title-for = { $q } : recherche
srch-words = Mots à rechercher
srch-error = Mots à rechercher : { $message }.
srch-kind-error = (le type de résultats) { $message }
srch-hint = Événements, séances, personnes, organisations, rapports et documents, y compris les mots contenus dans les PDF. Les accents et les majuscules n’ont pas d’importance.
srch-nothing = Aucun résultat pour « { $q } ». Essayez avec moins de mots, ou le début d’un nom.
srch-kinds = Types de résultats
srch-results =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
srch-results-among =
    { $count ->
        [one] { $count } résultat parmi les { $kind }
       *[other] { $count } résultats parmi les { $kind }
    }
srch-for = { $results } pour « { $q } »
srch-shown = { $first } à { $last } affichés
srch-more-label = Plus de résultats
srch-previous = Résultats précédents
srch-next = Résultats suivants
srch-everything = Tout
srch-kind-event = Événements
srch-kind-session = Séances
srch-kind-person = Personnes
srch-kind-organization = Organisations
srch-kind-report = Rapports et synthèses
srch-kind-document = Documents
srch-kind-recommendation = Recommandations
srch-one-event = Événement
srch-one-session = Séance
srch-one-person = Personne
srch-one-organization = Organisation
srch-one-report = Rapport
srch-one-document = Document
srch-one-recommendation = Recommandation

# La boîte d’envoi (templates/mail/outbox.html, templates/mail/message.html, src/mail/pages.rs).
out-lead = Tous les messages qu’envoie Roundtable, les plus récents d’abord. Les messages attendent dans la file jusqu’à ce que le service d’envoi les distribue ; les envois en échec sont retentés à intervalles croissants. Ouvrez un message pour le lire comme son destinataire, ou pour l’envoyer de nouveau.
out-filter-status = Filtrer par statut
out-all = Tous
out-filter-kind = Filtrer par type
out-kind-of-message = Type de message
out-every-kind = Tous les types
out-show = Afficher
out-count =
    { $count ->
        [one] { $count } message.
       *[other] { $count } messages.
    }
out-to = Destinataire
out-subject = Objet
out-kind = Type
out-status = Statut
out-tries = Tentatives
out-created = Créé
out-not-sent-again = Ce message n’a pas été renvoyé
out-about = Concerne
out-last-error = Dernière erreur
out-sent = Envoyé
out-not-yet = Pas encore : il part le { $at } ou peu après
out-not-sent = Non envoyé
out-attachments = Pièces jointes
out-no-attachments = Aucune
out-resend-confirm = Envoyer de nouveau une copie de ce message à { $to } ?
out-resend = Renvoyer
out-resend-note = Une copie part aussitôt, comme nouveau message de la boîte d’envoi ; celui-ci reste tel quel.
out-withheld = Le lien de ce message connecte en tant que son destinataire et permet à quiconque l’ouvre de choisir son mot de passe : il est donc masqué ici. Le destinataire le trouve dans son propre courriel.
out-as-read = Tel que le destinataire le lit
out-frame-title = Le message, tel que l’affiche le logiciel de messagerie du destinataire
out-plain = Texte brut
out-plain-note = Ce qu’affichent les logiciels de messagerie qui n’affichent pas le HTML.
out-copy-queued = Une copie attend l’envoi pour { $email } : la voici, elle part dans un instant. L’original reste inchangé.
out-refusal-account-setup = Un courriel de création de compte n’est jamais envoyé deux fois : son lien ne fonctionne qu’une fois et connecte en tant que le destinataire. Envoyez plutôt un nouveau lien avec « Renvoyer le courriel de création de compte » sur la page Comptes (/organize/accounts).
out-refusal-password-reset = Un courriel de réinitialisation du mot de passe n’est jamais envoyé deux fois : son lien ne fonctionne qu’une fois et connecte en tant que le destinataire. La personne peut demander un nouveau lien avec « Mot de passe oublié ? » sur la page de connexion, ou un organisateur peut envoyer un nouveau lien de création depuis la page Comptes (/organize/accounts).
out-refusal-erased = Le destinataire de ce message a effacé ses coordonnées : il n’y a plus personne à qui l’envoyer.
out-status-queued = En attente
out-status-sending = En cours d’envoi
out-status-sent = Envoyé
out-status-failed = Échec
out-calendar-publish = Calendrier
out-calendar-request = Invitation pour l’agenda
out-calendar-cancel = Annulation pour l’agenda
out-kind-invitation = Invitation
out-kind-invitation_declined = Invitation déclinée
out-kind-session_update = Séance modifiée
out-kind-session_cancelled = Séance annulée
out-kind-event_cancelled = Événement annulé
out-kind-registration_confirmed = Inscription confirmée
out-kind-registration_waitlisted = Sur la liste d’attente
out-kind-registration_pending = Inscription reçue
out-kind-registration_approved = Inscription approuvée
out-kind-registration_rejected = Inscription refusée
out-kind-registration_cancelled = Inscription annulée
out-kind-registration_promoted = Place libérée sur liste d’attente
out-kind-registration_reconfirm = Confirmation demandée
out-kind-registration_released = Place libérée
out-kind-visa_letter_approved = Lettre pour le visa approuvée
out-kind-visa_letter_refused = Lettre pour le visa refusée
out-kind-summary_submitted = Synthèse à relire
out-kind-summary_approved = Synthèse approuvée
out-kind-summary_returned = Synthèse renvoyée
out-kind-summary_reminder = Synthèse attendue
out-kind-summary_overdue = Synthèse en retard
out-kind-account_setup = Création de compte
out-kind-password_reset = Réinitialisation du mot de passe
out-kind-membership_application = Demande d’adhésion
out-kind-membership_rejected = Adhésion refusée
out-kind-recommendation_review = Revue de recommandation attendue
out-kind-recommendation_digest = Recommandations en retard

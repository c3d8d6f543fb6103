# La page de la personne invitée (templates/invitations/invitation.html, src/invitations/pages.rs).
inv-page-take-part = Vous êtes invité·e à participer
inv-page-as = en tant que
inv-page-in = à
inv-page-session-of = , une séance de
inv-page-invited-to = Vous êtes invité·e à
inv-page-where = Où
inv-page-accept-heading = Accepter cette invitation ?
inv-page-decline-heading = Décliner cette invitation ?
inv-page-nothing-recorded = Rien n’est enregistré tant que vous n’avez pas confirmé. Vous pourrez modifier votre réponse plus tard sur cette page.
inv-page-confirm-accept = Confirmer : j’accepte
inv-page-confirm-decline = Confirmer : je décline
inv-page-word-label = Un mot pour les organisateurs (facultatif)
inv-page-word-hint = Transmis aux organisateurs avec votre réponse, par exemple pour proposer quelqu’un à votre place.
inv-page-your-answer = Votre réponse
inv-page-you-accepted = Vous avez accepté.
inv-page-you-declined = Vous avez décliné.
inv-page-not-given = Pas encore donnée.
inv-page-change-any-time = Vous pouvez la modifier à tout moment.
inv-page-accepted-button = Acceptée ✓
inv-page-declined-button = Déclinée
inv-page-add-calendar = Ajouter cette séance à mon agenda (.ics)
inv-page-declining-summary = Vous déclinez ? Ajoutez un mot pour les organisateurs
inv-page-message-label = Votre message aux organisateurs (facultatif)
inv-page-decline-with-message = Décliner avec ce message
inv-page-registration = Inscription à l’événement :
inv-page-register-link = inscrivez-vous avec cette invitation
inv-page-register-note = (pour les événements sur invitation uniquement, ce lien est le seul moyen de s’inscrire).
inv-page-feed-heading = Toutes vos séances dans votre agenda
inv-page-feed-text = Votre flux d’agenda personnel liste toutes les séances auxquelles vous participez et suit chaque changement. Abonnez-vous-y dans votre application d’agenda et gardez l’adresse pour vous.
inv-page-feed-shown-once = Elle n’est affichée que maintenant
inv-page-feed-rotates =  : en redemander une crée une nouvelle adresse, et l’ancienne cesse de fonctionner.
inv-page-subscribe = M’abonner dans mon agenda
inv-page-feed-address = Adresse du flux
inv-page-feed-offer = Obtenez un flux d’agenda de toutes les séances auxquelles vous participez, tenu à jour par votre application d’agenda.
inv-page-feed-button = Obtenir mon flux d’agenda
inv-page-flash-accepted = Merci : votre acceptation est enregistrée. Vous pouvez modifier votre réponse ci-dessous à tout moment.
inv-page-flash-declined = Votre réponse est enregistrée : vous avez décliné. Vous pouvez la modifier ci-dessous à tout moment.

# Lettres de visa : les courriels à la personne inscrite (templates/mail/visa_letter_approved, visa_letter_refused).
visa-approved-subject = Votre lettre d’invitation pour le visa : { $event }
visa-approved-lead = Les organisateurs ont approuvé votre demande : votre lettre d’invitation pour le visa pour { $event } est prête. Téléchargez-la depuis votre page d’inscription et joignez-la à votre demande auprès de votre ambassade ou de votre consulat.
visa-mail-your-letter = Votre lettre
visa-mail-manage-line = Votre page d’inscription (la lettre, votre agenda, vos coordonnées) :
visa-refused-subject = Votre demande de lettre d’invitation pour le visa : { $event }
visa-refused-lead = Nous sommes désolés : les organisateurs n’ont pas pu établir la lettre d’invitation pour le visa demandée pour { $event }.
visa-mail-their-reason = Leur motif :
visa-mail-send-again = Vous pouvez corriger votre demande et l’envoyer de nouveau depuis votre page d’inscription.
visa-mail-send-again-at = Vous pouvez corriger votre demande et l’envoyer de nouveau depuis votre page d’inscription :

# Lettres de visa : la section de la page de la personne inscrite (templates/visas/section.html, src/visas/pages.rs).
visa-status-pending = En attente des organisateurs
visa-status-approved = Approuvée
visa-status-refused = Refusée
visa-section-heading = Lettre d’invitation pour le visa
visa-section-ready = Votre lettre est prête.
visa-section-download = Télécharger votre lettre d’invitation pour le visa (PDF)
visa-section-take-it = Joignez-la à votre demande auprès de votre ambassade ou de votre consulat.
visa-section-your-request = Votre demande :
visa-section-pending = Les organisateurs vous répondront par courriel. D’ici là, vous pouvez corriger vos informations ci-dessous.
visa-section-reason = Le motif des organisateurs :
visa-section-correct = Vous pouvez corriger votre demande et l’envoyer de nouveau.
visa-section-intro = Si vous avez besoin d’un visa pour participer, les organisateurs peuvent rédiger une lettre d’invitation à l’intention de votre ambassade ou de votre consulat. Indiquez les informations de votre passeport telles qu’elles y sont imprimées.
visa-section-not-sent = Votre demande n’a pas été envoyée
visa-section-privacy = Les informations de votre passeport sont conservées chiffrées, vues par les seuls organisateurs, utilisées pour cette lettre uniquement et effacées { $days } jours après l’événement.
visa-section-send-again = Envoyer de nouveau la demande
visa-section-ask = Demander une lettre
visa-field-passport-name = Nom tel qu’il figure dans votre passeport
visa-field-passport-name-hint = Exactement tel qu’il est imprimé, nom de famille compris.
visa-field-passport-number = Numéro de passeport
visa-field-nationality = Nationalité
visa-field-date-of-birth = Date de naissance
visa-field-passport-expiry = Passeport valable jusqu’au
visa-field-passport-expiry-hint = Il doit être valable au-delà de la fin de l’événement.
visa-error-date = doit être une date écrite AAAA-MM-JJ, par exemple 1980-05-17
visa-error-passport-number = ne peut contenir que des lettres, des chiffres, des espaces et des tirets, comme dans le passeport
visa-error-past = doit être dans le passé
visa-error-expiry = doit être postérieure à la fin de l’événement ({ $date }) : les ambassades demandent un passeport valable au-delà du séjour
visa-error-confirmed-only = une lettre d’invitation pour le visa est réservée aux personnes dont la place est confirmée
visa-error-ended = l’événement est terminé
visa-error-approved-already = votre lettre est déjà approuvée : téléchargez-la depuis votre page d’inscription
visa-flash-sent = Votre demande de lettre d’invitation pour le visa est envoyée ; les organisateurs vous répondront par courriel.

# Lettres de visa : la page des demandes pour les organisateurs (templates/visas/requests.html, src/visas/pages.rs).
visa-requests-heading = Lettres d’invitation pour le visa
visa-requests-privacy = Les informations des passeports ne sont montrées qu’aux organisateurs ; elles sont conservées chiffrées et effacées { $days } jours après l’événement. Ne les copiez pas ailleurs.
visa-requests-none = Aucune personne inscrite n’a demandé de lettre.
visa-requests-asked = demandée le { $date }
visa-requests-passport-name = Nom tel qu’il figure dans le passeport
visa-requests-erased = Les informations du passeport ont été effacées à la fin de la durée de conservation.
visa-requests-unreadable = Les informations du passeport ne peuvent pas être lues avec la clé configurée actuellement (elles ont été chiffrées avec une autre). Demandez à la personne inscrite d’envoyer de nouveau sa demande.
visa-requests-refused = Refusée :
visa-requests-approve = Approuver
visa-requests-approve-of = la lettre de { $name }
visa-requests-reason-label = Motif du refus (envoyé par courriel à { $name })
visa-requests-refuse = Refuser
visa-requests-refuse-of = la demande de { $name }
visa-flash-refused = La demande de { $name } est refusée ; le motif lui est communiqué par courriel.
visa-flash-approved = La lettre de { $name } est approuvée ; la personne en est informée par courriel.
visa-flash-say-why = Indiquez pourquoi la demande est refusée : la personne inscrite en est informée.
visa-flash-nothing-changed = Rien n’a changé : { $why }.

# Le tableau des inscriptions et la page de modification d’une inscription (templates/registrations/table.html, edit.html, src/registrations/pages.rs).
regs-mode-open = Inscription ouverte
regs-mode-approval = Inscription sur approbation
regs-mode-invite-only = Inscription sur invitation uniquement
regs-mode-closed = Inscription fermée
regs-capacity = capacité { $count }
regs-capacity-unlimited = capacité illimitée
regs-in-all = { $count } au total
regs-filter-by-status = Filtrer par statut
regs-all = Toutes ({ $count })
regs-download-csv = Télécharger en CSV
regs-find = Trouver une personne inscrite
regs-find-placeholder = Nom, courriel ou organisation
regs-clear = Effacer
regs-none = Aucune inscription.
regs-none-match = Aucune inscription ne correspond.
regs-shown =
    { $count ->
        [one] { $count } affichée
       *[other] { $count } affichées
    }
regs-select-all = Sélectionner toutes les inscriptions affichées
regs-select-one = Sélectionner { $name }
regs-col-registrant = Personne inscrite
regs-col-registered = Inscription
regs-mail-in = courriels en
regs-details = Détails
regs-needs = Besoins
regs-approve = Approuver la sélection
regs-reject = Refuser la sélection
regs-reconfirm-heading = Après un changement de dates
regs-reconfirm-text = Demandez à chaque personne inscrite de confirmer sa venue. Les places de celles qui ne l’ont pas fait à l’échéance sont libérées, et la liste d’attente avance.
regs-deadline = Échéance (heure locale de l’événement)
regs-reconfirm-button = Demander une nouvelle confirmation
regs-flash-asked =
    { $count ->
        [one] { $count } personne inscrite a été invitée à confirmer de nouveau sa venue.
       *[other] { $count } personnes inscrites ont été invitées à confirmer de nouveau leur venue.
    }
regs-flash-nobody-asked = Personne n’a été sollicité : l’échéance { $why }.
regs-flash-choose = Choisissez d’approuver ou de refuser.
regs-flash-tick = Cochez d’abord les inscriptions à approuver ou à refuser.
regs-not-of-event = pas une inscription à cet événement
regs-not-found = introuvable
regs-flash-approved =
    { $count ->
        [one] { $count } inscription approuvée.
       *[other] { $count } inscriptions approuvées.
    }
regs-flash-rejected =
    { $count ->
        [one] { $count } inscription refusée.
       *[other] { $count } inscriptions refusées.
    }
regs-flash-not-changed = Non modifiées : { $list }.
regs-edit-back = Inscriptions à { $event }
regs-registered-on = inscription le { $date }
regs-edit-not-saved = Les informations n’ont pas été enregistrées
regs-edit-save = Enregistrer les informations
regs-cancel = Annuler
regs-edit-note = L’adresse électronique reste la même : c’est ainsi que la personne inscrite est identifiée. Elle peut aussi modifier ses informations depuis sa page d’inscription.
regs-needs-hint = Visible des seuls organisateurs, pour préparer la participation.
regs-flash-saved = Les informations de { $name } sont enregistrées.

# L’accueil à l’entrée (templates/attendance/check_in.html, src/attendance/pages.rs).
att-of = sur
att-checked-in = arrivés
att-search-label = Nom, organisation ou code
att-find = Chercher
att-no-match = Personne parmi les personnes attendues ne correspond à « { $q } ». Ajoutez-la ci-dessous si elle ne s’était pas inscrite.
att-type-hint = Saisissez un nom, une organisation ou le code figurant sur la page d’inscription.
att-none-confirmed = Aucune inscription confirmée pour l’instant.
att-walk-in = Sans inscription
att-code = Code
att-in-at = Arrivée à { $time }
att-undo = Annuler
att-undo-of = l’arrivée : { $name }
att-check-in = Enregistrer l’arrivée
att-walk-in-not-added = La personne n’a pas été ajoutée
att-walk-in-summary = Ajouter une personne qui ne s’était pas inscrite
att-walk-in-note = Son inscription est confirmée et son arrivée enregistrée aussitôt, même si l’événement est complet.
att-walk-in-button = Ajouter et enregistrer l’arrivée
att-walk-in-email-hint = Sa confirmation et son lien personnel sont envoyés à cette adresse.
att-walk-in-consent = La personne accepte que les organisateurs conservent ces informations pour organiser cet événement et comme registre des présences.
att-flash-checked-in = Arrivée enregistrée : { $name }.
att-flash-undone = Arrivée annulée : { $name }.
att-flash-not-checked-in = Arrivée non enregistrée pour { $name } : { $why }.
att-flash-walk-in = { $name } est ajouté·e sans inscription préalable et son arrivée est enregistrée.

# Présences : le registre de l’événement et l’appel d’une séance (templates/attendance/record.html, roll.html, src/attendance/record_pages.rs).
att-record-of-confirmed =
    { $count ->
        [one] sur { $count } personne inscrite confirmée est arrivée
       *[other] sur { $count } personnes inscrites confirmées sont arrivées
    }
att-record-walk-ins =
    { $count ->
        [one] , dont { $count } sans inscription préalable
       *[other] , dont { $count } sans inscription préalable
    }
att-check-in-page = Page d’accueil des participants
att-download-csv = Télécharger en tableur (CSV)
att-to-print = À imprimer
att-badges = Badges nominatifs
att-badges-note = (PDF, A4, huit par page) : les intervenants avec leur rôle, chaque personne inscrite confirmée comme « Participant ».
att-participants-list = Liste des participants
att-by-organization = par organisation (PDF), ou
att-as-spreadsheet = en tableur (CSV)
att-sessions = Séances
att-no-sessions = Le programme n’a encore aucune séance.
att-col-session = Séance
att-col-action = Action
att-presence-present = Présent
att-presence-absent = Absent
att-presence-excused = Excusé
att-not-marked = Non renseigné
att-mark = Noter les présences
att-mark-of = de { $title }
att-nothing-recorded = Rien n’est encore enregistré. Dès que des arrivées sont enregistrées ou que les présences d’une séance sont notées, le rapport final liste ici les organisations présentes, avec le nombre de leurs membres venus, au lieu de celles des intervenants.
att-no-organization = Aucune personne présente n’a indiqué d’organisation.
att-organizations-note = Les personnes inscrites arrivées ou notées présentes, et les intervenants sauf s’ils sont notés absents ou excusés : le rapport final les liste.
att-col-people = Personnes
att-csv-name = Nom
att-csv-taking-part-as = Participe en tant que
att-csv-checked-in = Arrivée (UTC)
att-csv-registrant = Personne inscrite
att-roll-empty = Cette séance n’a pas d’intervenants et l’événement pas encore de personne inscrite confirmée.
att-col-who = Qui
att-roll-checked-in = arrivé·e
att-roll-walk-in = sans inscription
att-roll-note = Noter une personne inscrite présente enregistre aussi son arrivée à l’événement.
att-roll-save = Enregistrer les présences
att-flash-roll-saved = Les présences de « { $title } » sont enregistrées.

# La rédaction des invitations (templates/invitations/composer.html, src/invitations/composer.rs).
inv-compose-heading-session = Inviter les personnes de « { $title } »
inv-compose-heading-event = Inviter des personnes à { $event }
inv-compose-intro = Choisissez les destinataires de l’invitation, rédigez votre message et prévisualisez le courriel que chacun recevra. Rien n’est envoyé tant que vous n’avez pas appuyé sur « Envoyer ».
inv-compose-nothing-sent = Rien n’a été envoyé
inv-compose-kept = Vos choix et votre saisie sont conservés ci-dessous.
inv-compose-sessions-heading = Les personnes d’une séance, chacune dans son rôle
inv-compose-people =
    { $count ->
        [one] { $count } personne
       *[other] { $count } personnes
    }
inv-compose-people-heading = Personnes invitées à l’événement
inv-compose-find-label = Chercher des personnes par nom, organisation ou courriel
inv-compose-recipients = Destinataires
inv-compose-nobody-assigned = Personne n’est encore affecté à cette séance.
inv-compose-nobody-matches = Personne dans l’annuaire ne correspond à cette recherche.
inv-compose-no-email = Pas d’adresse électronique
inv-compose-invited-no-answer = Invité·e, sans réponse
inv-compose-history-invited = Invité·e le { $when } ; un nouvel envoi lui donne un nouveau lien (l’ancien cesse de fonctionner).
inv-compose-history-accepted = A accepté le { $when }.
inv-compose-history-declined = A décliné le { $when }.
inv-compose-why-no-email = Pas d’adresse électronique : ajoutez-en une à sa fiche pour l’inviter.
inv-compose-why-answered = A déjà répondu : pas de nouvelle invitation.
inv-compose-unlisted =
    { $count ->
        [one] { $count } autre résultat : affinez la recherche pour le voir.
       *[other] { $count } autres résultats : affinez la recherche pour les voir.
    }
inv-compose-subject = Objet
inv-compose-subject-note-event = Rédigé pour chaque destinataire à partir de l’événement ; appuyez sur « Aperçu » pour le voir.
inv-compose-subject-note-session = Rédigé pour chaque destinataire à partir de l’événement, de la séance et de son rôle ; appuyez sur « Aperçu » pour le voir.
inv-compose-subject-hint-event = Rédigé pour chaque destinataire à partir de l’événement.
inv-compose-subject-hint-session = Rédigé pour chaque destinataire à partir de l’événement, de la séance et de son rôle.
inv-compose-message-label = Votre message (facultatif)
inv-compose-message-hint = Cité dans le courriel, au-dessus des boutons Accepter et Décliner ; les retours à la ligne sont conservés. 5 000 caractères au plus.
inv-compose-send =
    { $count ->
        [one] Envoyer { $count } invitation
       *[other] Envoyer { $count } invitations
    }
inv-compose-preview-heading =
    { $count ->
        [one] Aperçu : le courriel tel que son destinataire le reçoit
       *[other] Aperçu : les { $count } courriels tels que leurs destinataires les reçoivent
    }
inv-compose-preview-notice = Rien n’a encore été envoyé. Les liens de cet aperçu ne mènent nulle part ; le courriel de chaque destinataire a les siens.
inv-compose-to = À { $to }
inv-compose-to-label = À
inv-compose-attachments = Pièces jointes
inv-compose-none = Aucune
inv-compose-iframe-title = Le courriel à { $to }, tel qu’un logiciel de messagerie l’affiche
inv-compose-plain-text = Texte brut
inv-compose-left-out = Pas invité·es par cette demande :
inv-compose-or-change = ou modifiez les destinataires ou le message ci-dessus et prévisualisez de nouveau.
inv-compose-tick-one = Cochez au moins une personne à inviter.
inv-compose-message-too-long = Votre message { $why } (il en compte { $length }).
inv-compose-message-error = Votre message { $why }.
inv-reason-no-email = n’a pas d’adresse électronique
inv-reason-answered = a déjà répondu : { $status }
inv-flash-none = Aucune invitation n’a été envoyée.
inv-flash-sent =
    { $count ->
        [one] { $count } invitation est en route : { $names }.
       *[other] { $count } invitations sont en route : { $names }.
    }
inv-flash-not-sent = Pas envoyée à { $name } : { $reason }.

# La page de formulaire et ses champs (templates/partials/form_page.html, src/web/forms.rs).
form-correct-fields = { $count ->
    [one] Veuillez corriger { $count } champ
   *[other] Veuillez corriger { $count } champs
}
form-nothing-saved = Rien n’a encore été enregistré ; ce que vous avez saisi est conservé ci-dessous.
form-cancel = Annuler
form-back-workspace = Espace de travail
form-choose = Choisir…
form-none = Aucune

# Le formulaire d’une série (src/events/workspace.rs).
form-series-legend = Série
form-title = Titre
form-web-address = Adresse web
form-web-address-hint = La dernière partie de l’adresse de la page (…/events/making-a-difference) : des mots en minuscules reliés par des traits d’union, tirés du titre si le champ est laissé vide.
form-description = Description
form-written-in = Rédigé en
form-series-language-hint = La langue de son titre et de sa description. Les traductions dans les autres langues se saisissent à côté de l’original (« Traductions » sur la page de la série dans l’espace de travail).
form-new-series = Nouvelle série
form-create-series = Créer la série
form-series-created = La série « { $title } » a été créée.
form-edit-title = Modifier { $title }
form-save-changes = Enregistrer les modifications
form-translations = Traductions
form-series-saved = La série « { $title } » a été enregistrée.
form-edit-series = Modifier la série

# Le formulaire d’un événement (src/events/workspace.rs).
form-organization-n = Organisation { $n }
form-organization-role-n = Rôle de l’organisation { $n }
form-about-event = L’événement
form-subtitle = Sous-titre
form-event-language-hint = La langue de son titre, de son sous-titre, de sa description et de son programme. Les traductions dans les autres langues se saisissent à côté de l’original, depuis la page de l’événement dans l’espace de travail.
form-kind = Type
form-part-of-series = Fait partie d’une série
form-event-description-hint = L’objectif et le contexte de l’événement. Laissez une ligne vide entre les paragraphes.
form-when-where = Dates et lieu
form-first-day = Premier jour
form-last-day = Dernier jour
form-timezone = Fuseau horaire
form-timezone-hint = Tapez la ville dont l’événement suit l’heure (Nairobi, Buenos Aires, Bruxelles) et choisissez-la dans la liste. Les horaires des séances sont saisis dans ce fuseau.
form-venue = Lieu de la réunion
form-city = Ville
form-country = Pays
form-region = Région
form-subregion = Sous-région
form-organizers = Organisateurs
form-registration = Inscription
form-registration-mode-open = Ouverte
form-registration-mode-approval = Sur approbation
form-registration-mode-invite-only = Sur invitation uniquement
form-registration-mode-closed = Fermée
form-capacity = Capacité
form-capacity-hint = Laissez vide pour un nombre de places illimité.
form-registration-opens = Ouverture des inscriptions
form-local-time-hint = Heure locale de l’événement.
form-registration-closes = Clôture des inscriptions
form-waitlist = Tenir une liste d’attente une fois complet
form-event-intro = Les champs marqués d’un * sont obligatoires. L’événement reste un brouillon, visible des seuls organisateurs, jusqu’à sa publication.
form-new-event = Nouvel événement
form-create-event = Créer l’événement
form-event-created = L’événement « { $title } » a été créé comme brouillon. Ajoutez ses séances, puis publiez-le.
form-changes-saved = Les modifications de « { $title } » ont été enregistrées.
form-event-published = « { $title } » est publié : tout le monde peut désormais le voir.
form-event-cancelled = « { $title } » est annulé.
form-event-deleted = L’événement a été supprimé.

# Reprendre un événement à d’autres dates (src/events/workspace.rs).
form-reuse-title = Reprendre { $title } à d’autres dates
form-make-copy = Faire la copie
form-copy-legend = Une copie en brouillon : les séances sont décalées du même nombre de jours et gardent leurs horaires, leurs salles et leurs participants (à inviter de nouveau). Les inscriptions, les invitations et les synthèses restent attachées à cet événement.
form-copy-first-day = Premier jour de la copie
form-copy-title = Titre de la copie
form-copy-made = Voici la copie, en brouillon : vérifiez ses séances, puis invitez leurs participants. L’original reste inchangé.

# Le formulaire d’une séance (src/events/session_workspace.rs).
ses-local-time-hint = Heure locale ({ $zone }).
ses-legend = Séance
ses-format = Format
ses-starts = Début
ses-ends = Fin
ses-room = Salle
ses-capacity-hint = Laissez vide pour s’en tenir à la capacité de la salle.
ses-description-hint = La question ou le thème de la séance.
ses-confidentiality = Confidentialité
ses-confidentiality-public = Publique
ses-confidentiality-chatham-house = Règle de Chatham House
ses-confidentiality-closed = À huis clos
ses-confidentiality-hint = Règle de Chatham House : la synthèse et le rapport ne disent jamais qui a dit quoi. À huis clos : seuls les organisateurs et les intervenants voient la séance ; elle n’apparaît sur aucune page publique, dans aucun agenda ni aucun rapport.
ses-save = Enregistrer la séance
ses-intro = Les horaires sont à l’heure locale de l’événement ({ $zone }).
ses-new-title = Nouvelle séance de { $title }
ses-added = La séance « { $title } » a été ajoutée. Désignez maintenant sa présidence, ses intervenants et son rapporteur.
ses-deleted = La séance « { $title } » a été supprimée.
ses-participant-added = { $name } a été ajouté(e) à la séance ({ $role }).
ses-not-added = Personne n’a été ajouté : { $reason }.
ses-person-removed = La personne a été retirée de cette séance.
ses-order-changed = L’ordre a été modifié.
ses-role-in-session = Rôle dans cette séance
ses-honorific = Civilité
ses-honorific-hint = M., Mme, Dr, Pr, S. E. …
ses-position = Fonction
ses-position-hint = p. ex. Directrice
ses-email-hint = Sert aux invitations ; jamais affichée publiquement.
ses-must-be-chosen = doit être choisi
ses-search-above = { $reason } ; recherchez cette personne ci-dessus

# L’espace de travail d’une séance (templates/events/session_workspace.html).
ses-edit-details = Modifier l’horaire, la salle et les informations
ses-rapporteur-summary = Synthèse du rapporteur
ses-delete-confirm = Supprimer cette séance et ses affectations ?
ses-delete = Supprimer la séance
ses-conflicts = Conflits de cette séance
ses-people = Participants
ses-nobody = Personne n’est encore désigné : ajoutez ci-dessous une présidence, des intervenants et un rapporteur.
ses-col-role = Rôle
ses-col-person = Personne
ses-col-order = Ordre
ses-col-remove = Retirer
ses-move-up = Faire monter { $name }
ses-move-down = Faire descendre { $name }
ses-remove-person = Retirer { $name }
ses-rapporteur-sign-in = La connexion du rapporteur
ses-no-account = { $name } n’a pas encore de compte et ne peut donc pas rédiger la synthèse.
ses-invite-rapporteur = Inviter { $name } à se connecter comme rapporteur
ses-setup-mail = Un courriel de création de compte est envoyé à { $email } ; il nomme cette séance et indique la date limite de la synthèse. La personne choisit elle-même son mot de passe.
ses-invited = { $name } est invité(e) ({ $email }) et n’a pas encore choisi de mot de passe.
ses-send-setup-again = Renvoyez le courriel de création de compte
ses-from-accounts = depuis la page des comptes.
ses-disabled = Le compte de { $name } ({ $email }) est désactivé.
ses-enable = Réactivez-le
ses-enable-after = pour que la personne puisse rédiger la synthèse.
ses-signs-in = { $name } se connecte avec { $email } et trouve cette séance sous « Mes synthèses ».
ses-no-email = { $name } n’a pas d’adresse électronique et ne peut donc pas recevoir d’accès.
ses-add-email = Ajoutez son adresse
ses-add-from-directory = Ajouter une personne de l’annuaire
ses-find-person = Trouver une personne
ses-search-placeholder = Nom, adresse électronique ou organisation
ses-nobody-matches = Personne ne correspond à « { $query } ». Créez la fiche ci-dessous.
ses-role-of = Rôle de { $name }
ses-add = Ajouter
ses-add-new-person = Ajouter une nouvelle personne
ses-not-in-directory = Pas encore dans l’annuaire ? Créez sa fiche et ajoutez-la à cette séance en une seule étape.
ses-create-and-add = Créer et ajouter

# Une séance modifiée (templates/mail/session_update/).
ses-mail-changed-title = Séance modifiée
ses-mail-changed-subject = Modification : { $session } a désormais lieu le { $when }
ses-mail-changed-subject-event = Modification : { $event }
ses-mail-changed-lead = La séance « { $session } » ({ $event }) a été modifiée. Elle a désormais lieu :
ses-mail-changed-lead-text = La séance « { $session } » ({ $event }) a été modifiée. Elle a désormais lieu :
ses-mail-calendar-update = La mise à jour d’agenda jointe la déplace dans votre agenda.

# Une séance annulée (templates/mail/session_cancelled/).
ses-mail-session-cancelled-title = Séance annulée
ses-mail-session-cancelled-subject = Annulation : { $session } ({ $event })
ses-mail-cancelled-subject-event = Annulation : { $event }
ses-mail-session-cancelled-before = La séance « { $session } », prévue le { $when } dans le cadre de
ses-mail-session-cancelled-after = , est annulée.
ses-mail-session-cancelled-text = La séance « { $session } », prévue le { $when } dans le cadre de { $event }, est annulée.
ses-mail-calendar-cancel = L’annulation d’agenda jointe la retire de votre agenda.

# Un événement annulé (templates/mail/event_cancelled/).
ses-mail-event-cancelled-title = Événement annulé
ses-mail-event-cancelled-subject = Annulation : { $event }, { $dates }
ses-mail-event-cancelled-after = est annulé.
ses-mail-calendar-cancel-all = L’annulation d’agenda jointe retire ses séances de votre agenda.

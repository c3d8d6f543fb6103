# Le suivi des recommandations : où en est une recommandation (src/recommendations/mod.rs).
rec-status-open = Ouverte
rec-status-in-progress = En cours
rec-status-partially-implemented = Partiellement mise en œuvre
rec-status-implemented = Mise en œuvre
rec-status-not-taken-up = Non retenue
rec-status-superseded = Remplacée
rec-asked-times = Demandée { $count } fois : { $places }
rec-asked-times-since = Demandée { $count } fois depuis { $year } : { $places }

# Le suivi public (templates/recommendations/tracker.html, chart.html, src/recommendations/pages.rs).
rec-title = Recommandations
rec-lead = Ce que les tables rondes et les conférences ont demandé, à qui, et ce qu’il en est advenu : chaque recommandation d’un rapport final publié et chaque prochaine étape d’un document public, avec son suivi.
rec-organize-link = Mettre à jour plusieurs recommandations à la fois et gérer les destinataires
rec-filter-label = Filtrer les recommandations
rec-addressee = Destinataire
rec-all-addressees = Tous les destinataires
rec-status = Statut
rec-any-status = Tous les statuts
rec-theme = Thème
rec-all-themes = Tous les thèmes
rec-region = Région
rec-all-regions = Toutes les régions
rec-series = Série
rec-all-series = Toutes les séries
rec-event = Événement
rec-all-events = Tous les événements
rec-words = Mots
rec-filter = Filtrer
rec-clear-filters = Effacer les filtres
rec-download-csv = Télécharger sous forme de tableur (CSV)
rec-follow-up-report = Rapport de suivi
rec-follow-up-report-for = Rapport de suivi pour { $addressee }
rec-none-match = Aucune recommandation ne correspond. Les recommandations apparaissent ici dès que le rapport final qui les formule est publié.
rec-by-addressee-heading = Par destinataire et par statut
rec-by-addressee-chart = Recommandations par destinataire, par statut
rec-by-addressee-table = Recommandations par destinataire, par statut, sous forme de tableau
rec-by-theme-heading = Par thème et par statut
rec-by-theme-chart = Recommandations par thème, par statut
rec-by-theme-table = Recommandations par thème, par statut, sous forme de tableau
rec-chart-all = Total
rec-chart-segment = { $label } : { $counted }
rec-counted-open =
    { $count ->
        [one] { $count } ouverte
       *[other] { $count } ouvertes
    }
rec-counted-in-progress = { $count } en cours
rec-counted-partially-implemented =
    { $count ->
        [one] { $count } partiellement mise en œuvre
       *[other] { $count } partiellement mises en œuvre
    }
rec-counted-implemented =
    { $count ->
        [one] { $count } mise en œuvre
       *[other] { $count } mises en œuvre
    }
rec-counted-not-taken-up =
    { $count ->
        [one] { $count } non retenue
       *[other] { $count } non retenues
    }
rec-counted-superseded =
    { $count ->
        [one] { $count } remplacée
       *[other] { $count } remplacées
    }
rec-no-addressee = Aucun destinataire nommé
rec-no-theme = Sans thème
rec-count =
    { $count ->
        [one] { $count } recommandation
       *[other] { $count } recommandations
    }
rec-to = À l’intention de : { $addressee }
rec-from = Source : { $source }
rec-updates =
    { $count ->
        [one] { $count } mise à jour
       *[other] { $count } mises à jour
    }
rec-latest = Dernière nouvelle :

# Le suivi sous forme de tableur (src/recommendations/pages.rs).
rec-csv-id = Identifiant
rec-csv-recommendation = Recommandation
rec-csv-addressee = Destinataire
rec-csv-themes = Thèmes
rec-csv-priority = Priorité
rec-csv-timeframe = Échéance
rec-csv-status = Statut
rec-csv-source = Source
rec-csv-event = Événement
rec-csv-date = Date
rec-csv-regions = Régions
rec-csv-times-asked = Nombre de demandes
rec-csv-asked-at = Demandée lors de
rec-csv-last-update = Dernière mise à jour
rec-csv-last-update-note = Note de la dernière mise à jour
rec-csv-link = Lien
rec-csv-followed-up-by = Suivie par
rec-csv-next-review = Prochain examen

# La page d’une recommandation (templates/recommendations/item.html, src/recommendations/pages.rs).
rec-item-title = Recommandation
rec-item-title-to = Recommandation à l’intention de : { $addressee }
rec-to-lower = à l’intention de : { $addressee }
rec-themes = Thèmes
rec-source = Source
rec-followed-up-by = Suivie par
rec-next-review = Prochain examen
rec-this = Cette recommandation
rec-same-earlier = La même, formulée auparavant
rec-same-again = La même, formulée à nouveau
rec-remove-link = Pas la même : supprimer le lien
rec-supersedes = Remplace
rec-recommendation = la recommandation
rec-what-came = Ce qu’il en est advenu
rec-no-follow-up = Aucun suivi enregistré pour l’instant.
rec-evidence-colon = Justificatif :
rec-recorded-by = Enregistré par { $name }
rec-similar-heading = Doublons probables issus d’autres événements
rec-similar-none = Aucune autre recommandation ne lui ressemble.
rec-similar-lead = Ces recommandations se ressemblent. Confirmez celles qui sont la même recommandation formulée à nouveau : le suivi les compte alors comme une seule, demandée plusieurs fois.
rec-alike = similaire à { $percent } %
rec-record-heading = Enregistrer une mise à jour
rec-correct-fields =
    { $count ->
        [one] Veuillez corriger { $count } champ ci-dessous.
       *[other] Veuillez corriger { $count } champs ci-dessous.
    }
rec-record-button = Enregistrer la mise à jour
rec-field-what-happened = Ce qui s’est passé
rec-field-on = Date
rec-field-on-hint = Laissée vide : aujourd’hui.
rec-field-evidence-link = Justificatif (un lien)
rec-field-evidence-document = Justificatif (un document de la bibliothèque)
rec-field-no-document = Aucun
rec-update-recorded = La mise à jour a été enregistrée.
rec-linked = Les deux sont liées : la même recommandation, formulée à nouveau.
rec-linked-already = Les deux sont déjà liées.
rec-link-removed = Le lien a été supprimé.
rec-error-date = doit être une date
rec-error-document = doit être un document de la bibliothèque
rec-error-no-document = ce document n’existe pas dans la bibliothèque
rec-error-future = ne doit pas être dans le futur
rec-error-another = doit être une autre recommandation
rec-field-error = { $label } : { $message }
rec-error-no-account = ce compte n’existe pas
rec-error-another-addressee = doit être un autre destinataire

# Le rapport de suivi (templates/recommendations/report.html, followup.typ, src/recommendations/followup.rs).
rec-report-title-of = Ce que nous avons demandé ({ $whom }{ $span }) et ce qu’il en est advenu
rec-report-title-all = Ce que nous avons demandé à tous les destinataires{ $span }, et ce qu’il en est advenu
rec-report = Rapport de suivi
rec-choose-addressee = Choisir le destinataire
rec-every-addressee = Tous les destinataires
rec-show = Afficher
rec-report-nothing = Rien n’a encore été demandé dans un rapport publié ou un document public.
rec-report-nothing-of = Rien n’a encore été demandé à { $addressee } dans un rapport publié ou un document public.
rec-followed-up-count =
    { $count ->
        [one] { $count } recommandation suivie
       *[other] { $count } recommandations suivies
    }
rec-label-status = Statut :
rec-label-to = À l’intention de :
rec-label-asked = Demandée :
rec-label-themes = Thèmes :
rec-label-follow-up = Suivi :
rec-label-what-came = Ce qu’il en est advenu :
rec-status-said = { $status } :
rec-update-line = { $date } — *{ $status }* : { $note }
rec-evidence = justificatif
rec-evidence-inline = justificatif :
rec-pdf-to = À l’intention de
rec-asked = Demandée
rec-follow-up = Suivi

# L’espace des organisateurs (templates/recommendations/workspace.html, src/recommendations/workspace.rs).
rec-ws-title = Recommandations à suivre
rec-ws-workspace = Espace de travail
rec-ws-public = Le suivi public
rec-ws-lead = Toutes les recommandations, y compris celles des rapports non publiés. Cochez-en plusieurs pour enregistrer une même mise à jour sur chacune, leur attribuer un responsable ou une date d’examen.
rec-ws-filter-label = Filtrer par destinataire
rec-ws-nothing-changed = Rien n’a été modifié :
rec-ws-tick = Cocher
rec-ws-recommendation = Recommandation
rec-ws-owner = Responsable
rec-ws-overdue = en retard
rec-ws-legend = Pour chaque recommandation cochée
rec-ws-new-status = Nouveau statut
rec-ws-keep-status = Garder le statut
rec-ws-note = Ce qui s’est passé (enregistré sur chacune)
rec-ws-keep-owner = Garder le responsable
rec-ws-nobody = Personne
rec-ws-update = Mettre à jour les recommandations cochées
rec-ws-addressees = Destinataires
rec-ws-addressees-lead = Un destinataire rassemble les noms qu’une recommandation peut lui donner (« EU », « European Union », « Union européenne »). Un nom qu’aucun destinataire ne connaît devient un destinataire à part entière : donnez-le comme alias au bon destinataire, ou fusionnez-le.
rec-ws-name-count =
    { $count ->
        [one] Nom ({ $count } recommandation)
       *[other] Nom ({ $count } recommandations)
    }
rec-ws-aliases = Alias, un par ligne
rec-ws-save = Enregistrer
rec-ws-merge-into = Ou fusionner avec
rec-ws-choose-addressee = Choisir un destinataire
rec-ws-merge = Fusionner
rec-ws-role-admin = Administrateur
rec-ws-role-organizer = Organisateur
rec-ws-role-rapporteur = Rapporteur
rec-ws-role-member = Membre
rec-ws-tick-one = Cochez au moins une recommandation.
rec-ws-choose-status = Choisissez un statut dans la liste.
rec-ws-say-what = Indiquez ce qui s’est passé : un changement de statut s’accompagne d’une note.
rec-ws-choose-account = Choisissez un compte dans la liste.
rec-ws-give-date = Indiquez une date.
rec-ws-choose-change = Choisissez ce qu’il faut modifier : un statut, un responsable ou une date d’examen.
rec-ws-updated =
    { $count ->
        [one] { $count } recommandation mise à jour.
       *[other] { $count } recommandations mises à jour.
    }
rec-ws-merged = Les destinataires ont été fusionnés.
rec-ws-saved = { $name } : enregistré.

# Le courriel au responsable quand un examen arrive à échéance (templates/mail/recommendation_review/).
rec-mail-review-subject = Examen à faire :
rec-mail-review-title = Un examen arrive à échéance
rec-mail-review-lead = L’examen d’une recommandation dont vous assurez le suivi arrive à échéance le { $date } :
rec-mail-to = à l’intention de : { $addressee }
rec-mail-quoted = « { $text } »
rec-mail-review-ask = Veuillez indiquer ce qu’il en est advenu, avec des justificatifs s’il y en a, et fixer la date du prochain examen :
rec-mail-review-footer = Envoyé par Roundtable pour { $organizer }, car vous assurez le suivi de cette recommandation.

# Le récapitulatif hebdomadaire des organisateurs (templates/mail/recommendation_digest/).
rec-mail-digest-subject =
    { $count ->
        [one] { $count } recommandation en retard d’examen
       *[other] { $count } recommandations en retard d’examen
    }
rec-mail-digest-title = Recommandations en retard d’examen
rec-mail-digest-lead =
    { $count ->
        [one] L’examen d’une recommandation est en retard :
       *[other] L’examen de { $count } recommandations est en retard :
    }
rec-mail-digest-due-owner = L’examen était prévu le { $date } ; suivie par { $owner }.
rec-mail-digest-due-nobody = L’examen était prévu le { $date } ; personne n’en assure le suivi.
rec-mail-digest-all = Toutes les recommandations, pour en mettre à jour plusieurs à la fois :
rec-mail-digest-footer = Envoyé chaque semaine par Roundtable aux organisateurs de { $organizer }.

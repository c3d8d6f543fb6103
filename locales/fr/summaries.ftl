# Synthèses des rapporteurs : les mots communs à leurs pages (templates/summaries/*).
sum-summary = Synthèse
sum-summaries-of = Synthèses de { $event }
sum-col-session = Séance
sum-col-event = Événement
sum-col-when = Date
sum-col-summary = Synthèse
sum-col-due = À rendre
sum-late = en retard
sum-due = à rendre le { $date }
sum-version-n = version { $version }
sum-version-saved = version { $version }, enregistrée le { $date }
sum-versions-link = versions et modifications
sum-diff-added = ajouté
sum-diff-removed = supprimé
sum-status-to-write = À rédiger
sum-status-draft = Brouillon
sum-status-submitted = Soumise
sum-status-approved = Approuvée
sum-status-returned = Renvoyée

# L’espace du rapporteur (templates/summaries/home.html).
sum-home-title = Mes synthèses
sum-home-not-linked = Votre compte n’est pas encore relié à une personne de l’annuaire : les organisateurs vous relient en donnant à une personne d’un panel l’adresse électronique avec laquelle vous vous connectez
sum-home-not-linked-after = Dès que ce sera fait, les séances dont vous êtes rapporteur apparaîtront ici.
sum-home-none = Vous n’êtes encore rapporteur d’aucune séance. Lorsque les organisateurs vous désigneront, la séance apparaîtra ici avec la date à laquelle votre synthèse est attendue.
sum-home-lead = Les séances dont vous êtes rapporteur. Enregistrez aussi souvent que vous le souhaitez : chaque enregistrement est conservé, et rien ne figure dans le rapport tant que les organisateurs ne l’ont pas approuvé.

# Les synthèses d’un événement, pour les organisateurs (templates/summaries/event.html).
sum-event-heading = Synthèses des rapporteurs
sum-event-sessions =
    { $count ->
        [one] { $count } séance avec un rapporteur
       *[other] { $count } séances avec un rapporteur
    }
sum-event-approved =
    { $count ->
        [one] { $count } approuvée
       *[other] { $count } approuvées
    }
sum-event-to-review = { $count } à relire
sum-event-late = { $count } en retard
sum-event-nav = Rapport
sum-event-themes = Thèmes
sum-event-none = Aucune séance de cet événement n’a de rapporteur. Ajoutez-en un à une séance (rôle « rapporteur ») et sa synthèse apparaîtra ici.
sum-event-review = relire

# L’éditeur (templates/summaries/editor.html, src/summaries/pages.rs).
sum-editor-back-review = ← Relecture de cette synthèse
sum-editor-heading = Synthèse : { $title }
sum-editor-returned-heading = Renvoyée par les organisateurs
sum-editor-returned-do = Modifiez ce qu’ils demandent, enregistrez, puis soumettez-la de nouveau.
sum-editor-not-saved = Non enregistrée
sum-editor-check-fields = Veuillez vérifier les champs signalés
sum-editor-nothing-lost = Rien de ce que vous avez saisi n’est perdu ; ce n’est simplement pas encore enregistré.
sum-editor-draft-before = Le texte que vous avez saisi dans ce navigateur le
sum-editor-draft-after = sans l’enregistrer a été remis dans le formulaire.
sum-editor-draft-save = Enregistrez pour le conserver.
sum-editor-draft-discard = L’abandonner
sum-editor-written-in = Rédigée en
sum-editor-language-hint = Le rapport présente votre synthèse telle que vous la rédigez, dans cette langue, à côté des traductions de l’événement faites par les organisateurs.
sum-editor-overview = Vue d’ensemble
sum-editor-overview-hint = Ce dont la séance a traité et ce qui en est ressorti. Utilisez les boutons pour mettre du texte en gras, commencer une liste ou ajouter un lien ; ou tapez du Markdown : *italique*, **gras**, listes avec « - », une ligne vide entre les paragraphes.
sum-editor-key-points = Points clés
sum-editor-chatham = Cette séance se tient sous la règle de Chatham House :
sum-editor-chatham-do = écrivez ce qui a été dit sans dire qui l’a dit, ici comme dans la vue d’ensemble. Le rapport n’attribue aucun point à personne.
sum-editor-key-points-hint = Un point par ligne ; rattachez-le à l’intervenant qui l’a soulevé, s’il y en a un.
sum-editor-point = Point { $count }
sum-editor-made-by = Soulevé par
sum-editor-no-one = — personne en particulier —
sum-editor-add-point = Ajouter un point
sum-editor-challenges = Défis
sum-editor-challenges-hint = Les obstacles relevés par la séance, un par ligne. Reprenez la formulation des autres séances pour un même défi : la synthèse de la série les compte.
sum-editor-challenge = Défi { $count }
sum-editor-add-challenge = Ajouter un défi
sum-editor-recommendations = Recommandations
sum-editor-recommendations-hint = Qui doit faire quoi. Les thèmes viennent de la liste des organisateurs (commencez à taper) ; séparez-en plusieurs par des virgules. Un nouveau thème est accepté et signalé aux organisateurs.
sum-editor-recommendation = Recommandation { $count }
sum-editor-addressed-to = Destinataire
sum-editor-themes = Thèmes
sum-editor-priority = Priorité
sum-editor-timeframe = Échéance
sum-editor-add-recommendation = Ajouter une recommandation
sum-editor-next-steps = Prochaines étapes
sum-editor-step = Étape { $count }
sum-editor-add-step = Ajouter une étape
sum-editor-save = Enregistrer le brouillon
sum-editor-save-more = Enregistrer et ajouter des lignes
sum-editor-save-submit = Enregistrer et soumettre pour relecture
sum-editor-submitted-note = Soumise pour relecture : les organisateurs l’approuveront ou vous la renverront avec un commentaire. D’ici là, elle ne peut pas être modifiée.
sum-editor-approved-note = Approuvée : elle figure dans le rapport final de l’événement. Pour la modifier, demandez aux organisateurs de vous la renvoyer.
sum-editor-as-report = Votre synthèse telle que le rapport la présentera
sum-editor-nothing-written = Rien n’a été rédigé.
sum-editor-saved = Enregistrée.
sum-editor-submitted = Soumise aux organisateurs pour relecture. Ils vous répondront par courriel.
sum-editor-conflict-version = La synthèse a été enregistrée par quelqu’un d’autre depuis que vous l’avez ouverte (elle en est à la version { $now }, la vôtre partait de la version { $from }) ; votre texte n’a pas été enregistré.
sum-editor-conflict-status =
    { $status ->
        [approved] La synthèse est approuvée : demandez aux organisateurs de vous la renvoyer avant de la modifier.
       *[other] La synthèse est soumise : demandez aux organisateurs de vous la renvoyer avant de la modifier.
    }
sum-editor-conflict-already =
    { $status ->
        [approved] La synthèse est déjà approuvée.
       *[other] La synthèse est déjà soumise.
    }
sum-editor-conflict-after = Ce que vous avez saisi figure ci-dessous : enregistrez de nouveau pour remplacer le texte enregistré, ou ouvrez les versions pour comparer.

# Ce qui ne va pas dans un champ d’une synthèse, tel que ses pages le disent (src/summaries/pages.rs).
sum-error-comment-required = est obligatoire : dites au rapporteur ce qu’il faut modifier
sum-error-overview-unsaved = est obligatoire : rédigez et enregistrez la synthèse avant de la soumettre
sum-error-overview-required = est obligatoire pour soumettre la synthèse
sum-error-chatham = doit rester vide : la séance se tient sous la règle de Chatham House, un point clé ne nomme donc personne
sum-error-not-participant = ne participe pas à cette séance

# Les boutons de mise en forme et l’aperçu (templates/summaries/markdown_toolbar.html, markdown_preview.html).
sum-md-formatting = Mise en forme
sum-md-bold = Gras
sum-md-italic = Italique
sum-md-bullets = Liste à puces
sum-md-numbers = Liste numérotée
sum-md-link = Lien
sum-md-preview-label = Aperçu : tel que le rapport le présentera
sum-md-nothing = Rien à prévisualiser pour l’instant.

# La relecture des organisateurs (templates/summaries/review.html, src/summaries/pages.rs).
sum-review = Relecture
sum-review-heading = Relecture : { $title }
sum-review-edit = Modifier la synthèse
sum-review-not-done = Action non effectuée
sum-review-comment-field = Commentaire
sum-review-due-field = Date de remise
sum-review-draft = Pas encore soumise : le rapporteur est en train de la rédiger.
sum-review-draft-saved = Ce qui a été enregistré jusqu’ici figure ci-dessous.
sum-review-returned = Renvoyée au rapporteur. Elle reviendra ici lorsqu’il la soumettra de nouveau.
sum-review-returned-comment = Renvoyée au rapporteur avec votre commentaire : « { $comment } ». Elle reviendra ici lorsqu’il la soumettra de nouveau.
sum-review-first = Première soumission
sum-review-first-note = Rien d’antérieur à comparer : lisez-la en entier ci-dessous.
sum-review-changes = Modifications depuis la dernière soumission
sum-review-from-to = De la version { $from }, soumise le { $date }, à la version { $to }.
sum-review-you-asked = Vous aviez demandé :
sum-review-unchanged = Aucune modification : elle a été soumise de nouveau telle quelle.
sum-review-reading = La synthèse telle que le rapport la présentera
sum-review-nothing-written = Rien n’a encore été rédigé.
sum-review-yours = Votre relecture
sum-review-comment = Commentaire pour le rapporteur
sum-review-comment-hint = Obligatoire pour renvoyer la synthèse : indiquez ce qu’il faut modifier. Facultatif pour l’approuver.
sum-review-approve = Approuver
sum-review-return = Renvoyer au rapporteur
sum-review-nothing-to-decide-returned = Rien à décider pour l’instant : elle est de nouveau entre les mains du rapporteur.
sum-review-nothing-to-decide-draft = Rien à décider pour l’instant : le rapporteur ne l’a pas soumise.
sum-review-due = Date de remise (heure locale de l’événement)
sum-review-change-due = Modifier la date de remise
sum-review-only-organizers = seuls les organisateurs relisent les synthèses
sum-review-approved = Approuvée. Le rapporteur en a été informé. La synthèse figure dans le rapport en l’état ; les lecteurs la verront une fois le rapport publié.
sum-review-returned-flash = Renvoyée au rapporteur avec votre commentaire.
sum-review-due-changed = Date de remise modifiée.

# Les versions d’une synthèse (templates/summaries/versions.html).
sum-versions = Versions
sum-versions-back = ← Synthèse de { $title }
sum-versions-heading = Versions de la synthèse
sum-versions-none = Rien n’a encore été enregistré.
sum-versions-col-version = Version
sum-versions-col-what = Action
sum-versions-col-who = Auteur
sum-versions-col-when = Date
sum-versions-col-comment = Commentaire
sum-versions-first = Version { $version } telle qu’enregistrée la première fois
sum-versions-changes = Modifications de la version { $from } à la version { $to }
sum-action-saved = Enregistrée
sum-action-submitted = Soumise
sum-action-approved = Approuvée
sum-action-returned = Renvoyée

# Le vocabulaire des thèmes (templates/summaries/themes.html).
sum-themes = Thèmes
sum-themes-lead = Les rapporteurs associent des thèmes à chaque recommandation. Le vocabulaire ci-dessous leur est proposé et ils peuvent en saisir de nouveaux, qui apparaissent ici comme propositions : ajoutez-les au vocabulaire, ou laissez-les.
sum-themes-new = Nouveau thème
sum-themes-add = Ajouter au vocabulaire
sum-themes-none = Aucun thème pour l’instant.
sum-themes-col-theme = Thème
sum-themes-col-status = Statut
sum-themes-col-actions = Actions
sum-themes-curated = vocabulaire
sum-themes-proposed = proposé
sum-themes-remove-confirm = Retirer « { $theme } » du vocabulaire ? Les synthèses qui l’utilisent le conservent.
sum-themes-remove = Retirer
sum-themes-removed = Thème retiré du vocabulaire.
sum-themes-added = « { $theme } » fait partie du vocabulaire.

# Courriels aux rapporteurs et aux organisateurs (templates/mail/summary_*).
sum-mail-open = Ouvrir la synthèse
sum-mail-thanks = Merci,
sum-mail-approved-subject = Synthèse approuvée : { $session }
sum-mail-approved-title = Synthèse approuvée
sum-mail-approved-lead = Les organisateurs ont approuvé votre synthèse. Elle figurera dans le rapport final de l’événement.
sum-mail-approved-text = Les organisateurs ont approuvé votre synthèse de « { $session } » ({ $event }, { $dates }). Elle figurera dans le rapport final de l’événement.
sum-mail-their-comment = Leur commentaire :
sum-mail-your-summary = Votre synthèse :
sum-mail-returned-subject = Synthèse renvoyée pour modifications : { $session }
sum-mail-returned-title = Synthèse renvoyée
sum-mail-returned-lead = Les organisateurs vous ont renvoyé votre synthèse pour modifications.
sum-mail-returned-text = Les organisateurs vous ont renvoyé votre synthèse de « { $session } » ({ $event }, { $dates }) avec ce commentaire :
sum-mail-returned-again = Merci de la réviser et de la soumettre de nouveau avant le { $due }.
sum-mail-returned-again-link = Merci de la réviser et de la soumettre de nouveau avant le { $due } :
sum-mail-reminder-subject = Rappel : votre synthèse de { $session } est attendue le { $due }
sum-mail-reminder-title = Synthèse attendue
sum-mail-reminder-lead = En tant que rapporteur de cette séance, votre synthèse est attendue au plus tard le
sum-mail-reminder-text = En tant que rapporteur de « { $session } » ({ $event }, { $dates }), votre synthèse est attendue au plus tard le { $due }.
sum-mail-reminder-write = Rédigez-la ou terminez-la ici (vos brouillons sont conservés à chaque enregistrement) :
sum-mail-overdue-subject = En retard : votre synthèse de { $session }
sum-mail-overdue-title = Synthèse en retard
sum-mail-overdue-lead = Votre synthèse était attendue au plus tard le
sum-mail-overdue-waits = Le rapport final de l’événement l’attend.
sum-mail-overdue-text = Votre synthèse de « { $session } » ({ $event }, { $dates }) était attendue au plus tard le { $due }. Le rapport final de l’événement l’attend.
sum-mail-overdue-submit = Merci de la soumettre dès que possible :
sum-mail-overdue-stopped = Si quelque chose vous en empêche, répondez à ce message pour en informer les organisateurs.
sum-mail-submitted-subject = Synthèse à relire : { $session }
sum-mail-submitted-title = Synthèse à relire
sum-mail-submitted-by = { $by } a soumis une synthèse à votre relecture.
sum-mail-submitted-someone = Le rapporteur a soumis une synthèse à votre relecture.
sum-mail-submitted-decide = Approuvez-la, ou renvoyez-la au rapporteur avec un commentaire.
sum-mail-submitted-button = Relire la synthèse
sum-mail-submitted-by-text = { $by } a soumis la synthèse de « { $session } » ({ $event }, { $dates }) à votre relecture.
sum-mail-submitted-someone-text = Le rapporteur a soumis la synthèse de « { $session } » ({ $event }, { $dates }) à votre relecture.
sum-mail-submitted-decide-text = Approuvez-la, ou renvoyez-la avec un commentaire :

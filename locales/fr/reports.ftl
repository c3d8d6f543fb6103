# The organizers' page of an outcome report (templates/reports/edit.html, src/reports/pages.rs).
rep-title = Rapport final
rep-badge-published = publié
rep-badge-draft = brouillon
rep-edition = édition { $edition }
rep-published-on = publiée le { $date }
rep-public-listed = public, et répertorié sous
rep-only-organizers = seuls les organisateurs peuvent le voir
rep-withdrawn-on = (l’édition { $edition }, publiée le { $date }, a été retirée)
rep-withdrawn = (l’édition { $edition } a été retirée)
rep-approved-count =
    { $count ->
        [one] 1 synthèse approuvée
       *[other] { $count } synthèses approuvées
    }
rep-nav = Rapport
rep-read = Lire le rapport
rep-preview = Aperçu du rapport
rep-pdf = PDF
rep-summaries = Synthèses
rep-not-done = Non effectué
rep-text-kept = Votre texte est conservé ci-dessous.
rep-changes =
    { $count ->
        [one] 1 modification depuis la publication
       *[other] { $count } modifications depuis la publication
    }
rep-changes-published-on = Le public lit l’édition { $edition }, publiée le { $date }. Ces modifications lui parviendront lorsque vous publierez l’édition { $next }.
rep-changes-published = Le public lit l’édition { $edition }. Ces modifications lui parviendront lorsque vous publierez l’édition { $next }.
rep-changes-withdrawn = Depuis l’édition { $edition }, le rapport a changé comme suit ; le publier en fera l’édition { $next }.
rep-change-added = Ajouté
rep-change-removed = Supprimé
rep-change-changed = Modifié
rep-session = Séance :
rep-what-changed = Ce qui a changé
rep-what-changed-in = dans { $title }
rep-publish-edition = Publier l’édition { $edition }
rep-unchanged-first = Le public lit le rapport tel qu’il est : rien n’a changé depuis sa publication.
rep-unchanged = Le public lit le rapport tel qu’il est : rien n’a changé depuis la publication de l’édition { $edition }.
rep-missing = Les synthèses de ces séances ne sont pas approuvées ; elles ne figurent donc pas dans le rapport :
rep-progress-none = Non commencée
rep-progress-draft = Brouillon
rep-progress-submitted = Soumise
rep-progress-approved = Approuvée
rep-progress-returned = Renvoyée
rep-introduction-hint = Ouvre le rapport. Utilisez les boutons, ou tapez du Markdown : *italique*, **gras**, « - » pour les listes, une ligne vide entre les paragraphes.
rep-save = Enregistrer
rep-save-publish-edition = Enregistrer et publier l’édition { $edition }
rep-save-withdraw = Enregistrer et retirer de la publication
rep-save-publish = Enregistrer et publier
rep-part-introduction = Introduction
rep-part-event = À propos de l’événement
rep-part-session = Séance
rep-part-conclusions = Conclusions
rep-part-translations = Traductions de l’introduction et des conclusions

# What the organizers are told after saving (src/reports/pages.rs).
rep-flash-published-first = Publié : le rapport est public et répertorié sous Documents.
rep-flash-published-edition = Édition { $edition } publiée : le public lit désormais le rapport tel qu’il est.
rep-flash-published-unchanged = Publié : rien n’avait changé depuis l’édition { $edition } ; le public lit donc l’édition { $edition }.
rep-flash-withdrawn = Retiré : le rapport n’est plus public.
rep-flash-saved = Enregistré.

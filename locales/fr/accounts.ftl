# Accounts, members and the directory: pages, flash messages and mail.

# Accounts: roles and statuses (src/accounts/mod.rs).
acc-role-admin = Administrateur
acc-role-organizer = Organisateur
acc-role-rapporteur = Rapporteur
acc-role-member = Membre
acc-status-invited = Invité
acc-status-active = Actif
acc-status-disabled = Désactivé

# Sign in (templates/accounts/login.html, src/accounts/pages.rs).
acc-login-for = Pour les organisateurs, les rapporteurs et les membres de la coalition.
acc-login-failed = Connexion impossible
acc-password = Mot de passe
acc-login-button = Se connecter
acc-login-not-member = Pas encore membre ?
acc-login-join-text = Les organisations et les personnes qui travaillent avec la coalition peuvent demander à la rejoindre : les membres lisent les documents réservés aux membres et suivent les travaux entre les événements.
acc-login-staff-note = Les rapporteurs et les organisateurs reçoivent leur compte des organisateurs, par courriel.
acc-login-enter-both = Saisissez votre adresse électronique et votre mot de passe.
acc-login-incorrect = L’adresse électronique ou le mot de passe est incorrect.
acc-login-too-many = Trop de tentatives infructueuses pour ce compte. Patientez { $minutes } minutes, puis réessayez.
acc-signed-in = Vous êtes connecté·e.
acc-signed-out = Vous êtes déconnecté·e.

# Forgot your password? (templates/accounts/forgot.html).
acc-forgot-title = Mot de passe oublié ?
acc-forgot-check-mail = Consultez votre messagerie
acc-forgot-if = Si
acc-forgot-on-its-way = est l’adresse d’un compte, un message contenant un lien pour choisir un nouveau mot de passe est en route. Le lien ne sert qu’une fois, pendant { $minutes } minutes.
acc-forgot-nothing-arrived = Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables, vérifiez l’adresse ou adressez-vous aux organisateurs.
acc-forgot-intro = Saisissez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
acc-forgot-not-sent = Le lien n’a pas été envoyé
acc-forgot-send = M’envoyer un lien
acc-forgot-enter-email = Saisissez l’adresse électronique de votre compte.

# The set-up and reset links (templates/accounts/password_link.html).
acc-link-not-saved = Votre mot de passe n’a pas été enregistré
acc-correct-below = Corrigez ce qui est signalé ci-dessous.
acc-link-account = Compte :
acc-new-password = Nouveau mot de passe
acc-link-password-hint = Au moins 10 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.
acc-link-confirm = Le même mot de passe, à nouveau
acc-setup-welcome = Bienvenue, { $name }
acc-setup-intro = Choisissez le mot de passe de votre compte ({ $role }). Vous l’utiliserez avec votre adresse électronique pour vous connecter.
acc-setup-submit = Définir mon mot de passe et me connecter
acc-reset-intro = Tous les autres navigateurs connectés à votre compte seront déconnectés.
acc-reset-submit = Enregistrer le nouveau mot de passe et me connecter
acc-setup-done = Votre mot de passe est défini et vous êtes connecté·e. Bienvenue !
acc-reset-done = Votre nouveau mot de passe est enregistré et vous êtes connecté·e.

# Your account (templates/accounts/account.html).
acc-account-signed-in-as = Connecté·e en tant que
acc-account-other-email = Pour utiliser une autre adresse électronique, adressez-vous aux organisateurs.
acc-password-not-changed = Votre mot de passe n’a pas été modifié
acc-change-password = Modifier mon mot de passe
acc-your-name = Votre nom
acc-your-name-hint = Tel que les organisateurs et les autres membres le voient.
acc-language = Langue
acc-language-browser = La langue de mon navigateur
acc-language-hint = Celle des pages et des courriels que vous recevez.
acc-current-password = Mot de passe actuel
acc-new-password-hint = Au moins 10 caractères. Vos autres navigateurs seront déconnectés.
acc-details-saved = Vos informations sont enregistrées.
acc-password-changed = Votre mot de passe est modifié. Vos autres navigateurs ont été déconnectés.

# Why the accounts' and members' services refuse (src/accounts/pages.rs).
acc-why-disabled = ce compte est désactivé ; adressez-vous aux organisateurs si vous pensez qu’il s’agit d’une erreur
acc-why-disabled-enable-first = ce compte est désactivé ; réactivez-le d’abord
acc-why-already-set-up = ce compte est déjà configuré ; son titulaire peut utiliser « Mot de passe oublié ? » sur la page de connexion
acc-why-own-account = vous ne pouvez pas désactiver votre propre compte
acc-why-last-admin = c’est le dernier administrateur actif : nommez d’abord un autre compte administrateur
acc-why-admin-only = les organisateurs ne peuvent attribuer et modifier que les comptes de rapporteur et de membre ; demandez à un administrateur pour les comptes de type { $role }
acc-why-staff-only = seuls les organisateurs et les administrateurs gèrent les comptes
acc-why-duplicate = un compte existe déjà avec cette adresse électronique
acc-why-not-current = n’est pas votre mot de passe actuel
acc-why-too-short = doit compter au moins { $n } caractères
acc-why-not-same = ne correspond pas au mot de passe ci-dessus ; saisissez-le à nouveau
acc-why-mistyped = a été mal saisi trop souvent ; patientez { $n } minutes, puis réessayez
acc-why-too-many-requests = trop de demandes depuis votre adresse ; patientez une minute, puis réessayez
acc-why-too-many-attempts = trop de tentatives de connexion infructueuses ; patientez { $minutes } minutes, puis réessayez
mem-why-too-many-applications = trop de candidatures depuis votre adresse ; patientez une minute, puis réessayez
mem-why-already-approved = cette candidature a déjà été acceptée
mem-why-already-rejected = cette candidature a déjà été refusée
mem-why-has-account = cette adresse a déjà un compte ; refusez la candidature ou modifiez le rôle du compte
acc-gone-used = Ce lien a déjà servi. Chaque lien ne sert qu’une fois ; demandez-en un nouveau si nécessaire.
acc-gone-used-once = Ce lien a déjà servi. Chaque lien ne sert qu’une fois.
acc-gone-setup-expired = Ce lien de création de compte a expiré. Demandez aux organisateurs de vous en envoyer un nouveau.
acc-gone-reset-expired = Ce lien a expiré. Demandez-en un nouveau depuis « Mot de passe oublié ? » sur la page de connexion.
acc-gone-disabled = Ce compte est désactivé. Adressez-vous aux organisateurs si vous pensez qu’il s’agit d’une erreur.
mem-why-consent = est nécessaire pour présenter une candidature
dir-why-needs-region = exige une région
dir-why-honorific = doit être une civilité courte, comme M., Mme, Mx, Dr, Prof ou H.E.
dir-why-organization-id = doit être l’identifiant d’une organisation
dir-why-also-on-row = figure aussi à la ligne { $n }
dir-why-unknown-id = n’est l’ID de personne dans l’annuaire (laissez-le vide pour ajouter une nouvelle personne)
dir-why-country = n’est pas un pays connu : écrivez son nom anglais (Kenya) ou son code (KE)
dir-why-unknown-column = n’est pas une colonne connue ; les colonnes sont : { $text }
dir-why-column-needed = est une colonne nécessaire au fichier

# The accounts workspace (templates/accounts/workspace.html, src/accounts/workspace.rs).
acc-ws-back = Espace des organisateurs
acc-ws-intro = Qui peut se connecter, et à quel titre. Chaque personne choisit son propre mot de passe à partir du lien de son courriel de création de compte ; personne d’autre ne le connaît jamais.
acc-ws-invite = Inviter quelqu’un
acc-ws-invite-not-sent = L’invitation n’a pas été envoyée
acc-ws-send-setup = Envoyer le courriel de création de compte
acc-ws-name = Nom
acc-ws-name-hint = Tel qu’il servira à saluer la personne : « M. Luc LAMPRIÈRE ».
acc-ws-email-hint = Le lien de création de compte y est envoyé ; la personne choisit elle-même son mot de passe.
acc-ws-role = Rôle
acc-ws-filter = Filtrer les comptes par statut
acc-ws-all = Tous
acc-ws-last-sign-in = Dernière connexion
acc-ws-actions = Actions
acc-ws-you = vous
acc-ws-role-of = Rôle de { $name }
acc-ws-change = Modifier
acc-ws-resend = Renvoyer le courriel de création de compte
acc-ws-enable = Réactiver
acc-ws-disable = Désactiver
acc-never = jamais
acc-ws-invited = { $name } est invité·e en tant que { $role } : le courriel de création de compte est en route vers { $email }.
acc-ws-resent = Un nouveau lien de création de compte est en route vers { $email } ; le précédent ne fonctionne plus.
acc-ws-disabled = Le compte de { $name } est désactivé : la personne est déconnectée et ne peut plus se connecter.
acc-ws-enabled = { $name } peut de nouveau se connecter.
acc-ws-role-changed = { $name } est désormais { $role }.
acc-ws-not-changed = Aucune modification : { $why }.
acc-rapporteur-no-email = Pas d’invitation : { $name } n’a pas d’adresse électronique. Ajoutez-en une à sa fiche dans l’annuaire d’abord.
acc-rapporteur-invited = { $name } est invité·e à se connecter en tant que rapporteur : le courriel de création de compte, avec cette session et son échéance, est en route vers { $email }.
acc-rapporteur-not-invited = Pas d’invitation : { $why }.

# Membership applications on the accounts workspace (src/members).
mem-status-pending = En attente de décision
mem-status-approved = Acceptée
mem-status-rejected = Refusée
mem-applications = Candidatures d’adhésion
mem-applications-waiting =
    { $count ->
        [one] { $count } en attente
       *[other] { $count } en attente
    }
mem-applications-none = Aucune candidature n’attend de décision. Les candidatures se font à l’adresse
mem-received = reçue le { $date }
mem-approve = Accepter : créer un compte de membre
mem-reject = Refuser…
mem-reject-note = Quelques mots pour { $name } (facultatif, envoyés avec notre refus courtois)
mem-reject-button = Refuser et prévenir la personne
mem-recent-decisions = Décisions récentes

# The set-up mail of an account (templates/mail/account_setup).
acc-mail-setup-subject-approved = Bienvenue : votre adhésion a été acceptée
acc-mail-setup-subject-summary = Votre compte Roundtable pour votre synthèse de { $session }
acc-mail-setup-subject = Créez votre compte Roundtable
acc-mail-setup-title = Créez votre compte
acc-mail-setup-approved = Votre candidature d’adhésion a été acceptée. Bienvenue !
acc-mail-setup-given-by = { $name } vous a ouvert un compte Roundtable en tant que { $role }.
acc-mail-setup-given = Les organisateurs vous ont ouvert un compte Roundtable en tant que { $role }.
acc-mail-setup-choose = Choisissez votre mot de passe pour l’activer. Ce lien ne sert qu’une fois, jusqu’au { $expires }.
acc-mail-setup-choose-here = Choisissez ici votre mot de passe pour l’activer (ce lien ne sert qu’une fois, jusqu’au { $expires }) :
acc-mail-setup-button = Choisir mon mot de passe
acc-mail-setup-rapporteur-of = Vous êtes rapporteur de :
acc-mail-setup-due = Votre synthèse est attendue pour le { $due }.
acc-mail-setup-my-summaries = Une fois votre mot de passe défini, « Mes synthèses » liste ces sessions, avec l’éditeur pour rédiger chaque synthèse.
acc-mail-setup-my-summaries-text = Une fois votre mot de passe défini, « Mes synthèses » liste ces sessions, avec l’éditeur pour rédiger chaque synthèse.
acc-mail-setup-afterwards-at = Vous pourrez ensuite vous connecter à tout moment sur
acc-mail-setup-afterwards-with = avec votre adresse électronique ({ $email }) et votre mot de passe.
acc-mail-setup-afterwards-text = Vous pourrez ensuite vous connecter à tout moment avec votre adresse électronique ({ $email }) et votre mot de passe :
acc-mail-setup-nobody = Personne d’autre ne connaît ni ne choisit votre mot de passe, et nous ne l’envoyons jamais par courriel. Si vous n’attendiez pas ce message, vous pouvez l’ignorer.

# The organizers' notice of a membership application (templates/mail/membership_application).
mem-mail-application-subject = Candidature d’adhésion : { $name } ({ $organization })
mem-mail-application-title = Candidature d’adhésion
mem-mail-application-applies = ({ $email }) demande à devenir membre.
mem-mail-organization = Organisation :
mem-mail-country = Pays :
mem-mail-application-why = Pourquoi cette personne souhaite adhérer :
mem-mail-application-review = Examiner la candidature
mem-mail-application-decide = Accepter ou refuser la candidature ici :
mem-mail-application-footer = Envoyé par Roundtable à la boîte aux lettres des organisateurs.

# An applicant's polite refusal (templates/mail/membership_rejected).
mem-mail-rejected-subject = Votre candidature d’adhésion à { $name }
mem-mail-rejected-title = Votre candidature d’adhésion
mem-mail-rejected-thanks = Nous vous remercions de l’intérêt que vous portez à notre coalition et du temps que vous avez consacré à votre candidature.
mem-mail-rejected-sorry = Après un examen attentif, nous ne sommes pas en mesure d’accepter votre candidature d’adhésion pour le moment.
mem-mail-rejected-open = Nos événements, documents et rapports publics vous restent ouverts à l’adresse
mem-mail-rejected-welcome = , et vous pouvez bien entendu vous inscrire à nos événements.
mem-mail-rejected-wishes = Avec nos meilleures salutations,

# Applying for membership (templates/members/join.html, src/members/pages.rs).
mem-join-title = Demander l’adhésion
mem-join-received = Merci : votre candidature est bien reçue
mem-join-received-text = Les organisateurs vont la lire et vous répondront par courriel. S’ils l’acceptent, le courriel contiendra un lien pour choisir votre mot de passe et vous connecter.
mem-join-back = Retour aux événements
mem-join-intro = Les membres de la coalition se connectent pour lire les documents réservés aux membres et suivre ses travaux entre les événements. Présentez-vous aux organisateurs ; ils vous répondront par courriel.
mem-join-not-sent = Votre candidature n’a pas été envoyée
mem-join-send = Envoyer ma candidature
mem-join-have-account = J’ai déjà un compte
mem-join-email-hint = La réponse des organisateurs, et votre lien de création de compte s’ils acceptent, arrivent ici.
mem-join-organization-hint = L’ONG, le gouvernement, l’organisation internationale ou l’institution pour laquelle vous travaillez.
mem-join-motivation = Pourquoi souhaitez-vous adhérer ?
mem-join-motivation-hint = Quelques lignes sur votre travail et sur ce que vous attendez de la coalition aideront les organisateurs à décider.
mem-join-consent = J’accepte que les organisateurs conservent ces informations pour statuer sur ma candidature et me contacter à son sujet.
mem-approved = { $name } est membre : le courriel de création de compte est en route vers { $email }.
mem-rejected = La candidature de { $name } est refusée ; la personne en est informée par courriel.
mem-not-done = Rien n’a été fait : { $why }.

# The public pages of people and organizations (templates/directory/person.html, organization.html).
dir-position = Fonction
dir-summaries = Synthèses rédigées en tant que rapporteur
dir-panels = Panels
dir-outcome-report-of = Rapport final de { $event }, { $dates }
dir-kind = Type
dir-website = Site web
dir-people = Personnes
dir-kind-ngo = ONG
dir-kind-government = Gouvernement
dir-kind-intergovernmental = Intergouvernementale
dir-kind-academic = Universitaire
dir-kind-foundation = Fondation
dir-kind-other = Autre

# The directory in the workspace: lists (templates/directory/workspace.html, src/directory/workspace.rs).
dir-found =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
dir-first-shown = ; les { $count } premiers sont affichés : lancez une recherche pour affiner la liste
dir-add-person = Ajouter une personne
dir-add-organization = Ajouter une organisation
dir-import-link = Importer depuis un tableur
dir-download = Télécharger en tableur

# The directory in the workspace: the person and organization forms.
dir-person = Personne
dir-honorific = Civilité
dir-honorific-hint = M., Mme, Mx, Dr, Prof, H.E. …
dir-family-name-hint = Affiché en capitales dans les programmes.
dir-email-hint = Jamais affichée publiquement.
dir-new-organization = Ou une organisation absente de la liste
dir-new-organization-hint = Saisissez son nom : elle est ajoutée avec la personne ; complétez-la plus tard sous Organisations.
dir-bio = Biographie
dir-mail-in = Courriels en
dir-mail-in-default = Anglais (sauf indication)
dir-mail-in-hint = La langue des invitations et des avis envoyés à cette personne.
dir-not-both = choisissez une organisation de la liste ou saisissez-en une nouvelle, pas les deux
dir-save = Enregistrer
dir-edit-person = Modifier la personne
dir-edit-named = Modifier { $name }
dir-edit-organization = Modifier l’organisation
dir-name = Nom
dir-acronym = Sigle
dir-region = Région
dir-subregion = Sous-région
dir-added = { $name } a été ajouté·e.
dir-saved = { $name } a été enregistré·e.
dir-everything-sent = Tout ce qui a été envoyé à cette personne
dir-same-person = Même personne que { $name } ? Fusionner avec cette fiche
dir-new-feed = Créer une nouvelle adresse de calendrier
dir-feed-shown = Calendrier des sessions de cette personne (affiché cette seule fois ; toute adresse précédente ne fonctionne plus) : { $url }

# Merging two records of a person (templates/directory/merge.html).
dir-merge-title = Fusionner deux fiches
dir-merge-heading = Fusionner deux fiches de la même personne
dir-merge-intro = La fiche de gauche est fusionnée avec celle de droite, puis supprimée. Ses { $roles ->
        [one] { $roles } rôle
       *[other] { $roles } rôles
    } dans des sessions, ses { $invitations ->
        [one] { $invitations } invitation
       *[other] { $invitations } invitations
    }, les points de synthèses qui lui sont attribués et les courriels qui lui ont été envoyés passent à la fiche conservée. Ce que la fiche conservée laisse vide est repris de l’autre ; ce qu’elle contient reste.
dir-merge-deleted = Fusionnée et supprimée
dir-merge-kept = Conservée
dir-merge-affiliation = Fonction et organisation
dir-merge-confirm = Fusionner ces fiches ? Cette action est irréversible.
dir-merge-button = Fusionner avec { $name }
dir-cancel = Annuler
dir-merged = Les deux fiches n’en font plus qu’une : { $name }, avec les rôles, invitations et synthèses des deux.

# Importing people from a spreadsheet (templates/directory/import.html).
dir-import-title = Importer des personnes
dir-import-heading = Importer des personnes depuis un tableur
dir-import-save = Enregistrez votre tableur au format
dir-import-in-excel = dans Excel ou LibreOffice :
dir-import-save-as = Enregistrer sous… CSV UTF-8
dir-import-columns = avec une ligne d’en-tête. Les colonnes sont : { $columns }.
dir-import-only = Seules
dir-import-and = et
dir-import-needed = sont nécessaires ; « First name », « Surname », « E-mail » et « Organisation » sont également compris.
dir-import-row-with = Une ligne avec un
dir-import-updates = , ou l’adresse électronique d’une personne déjà dans l’annuaire, met à jour cette personne : une colonne de votre fichier remplace ce qui est enregistré (une cellule vide l’efface) ; une colonne absente de votre fichier ne change rien.
dir-import-other-rows = Les autres lignes ajoutent de nouvelles personnes. Une organisation qui n’est pas encore répertoriée est ajoutée avec elles.
dir-import-checked-first = Tout est d’abord vérifié. Rien n’est écrit tant que le fichier entier n’est pas correct et que vous n’avez pas cliqué sur
dir-import-download = Téléchargez l’annuaire en tableur
dir-import-download-why = pour partir de ses colonnes.
dir-import-unreadable = Le fichier n’a pas pu être lu
dir-import-ready = Prêt pour l’import
dir-import-ready-text =
    { $created ->
        [one] { $created } personne
       *[other] { $created } personnes
    } à ajouter, { $updated } à mettre à jour, { $unchanged } inchangée(s).
dir-import-new-organizations = Organisations à ajouter : { $names }.
dir-import-button = Importer
dir-import-problems =
    { $count ->
        [one] { $count } problème à corriger : rien n’a été importé
       *[other] { $count } problèmes à corriger : rien n’a été importé
    }
dir-import-fix = Corrigez-les dans votre tableur et choisissez à nouveau le fichier, ou corrigez-les dans la zone ci-dessous et vérifiez à nouveau. Les autres lignes sont correctes : { $created } à ajouter, { $updated } à mettre à jour, { $unchanged } inchangée(s).
dir-import-by-row = Problèmes, par ligne
dir-import-row = Ligne
dir-import-column = Colonne
dir-import-problem = Problème
dir-import-file = Tableur (CSV)
dir-import-rows = Ou ses lignes, collées ou corrigées ici
dir-import-rows-hint = Un fichier choisi remplace le contenu de la zone.
dir-import-check = Vérifier
dir-import-check-again = Vérifier à nouveau
dir-import-not-utf8 = { $file } n’est pas un fichier CSV enregistré en texte UTF-8. Dans votre tableur, choisissez Enregistrer sous… CSV UTF-8, puis choisissez ce fichier ici.
dir-import-empty = Choisissez un fichier, ou collez ses lignes dans la zone.
dir-imported = Import terminé : { $created } ajoutée(s), { $updated } mise(s) à jour, { $unchanged } inchangée(s){ $organizations }.
dir-imported-organizations =
    { $count ->
        [one] ; 1 organisation ajoutée
       *[other] ; { $count } organisations ajoutées
    }

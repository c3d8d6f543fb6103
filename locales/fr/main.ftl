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
language-chooser = Langue

# Problèmes que l’API signale (problem+json), par statut.
problem-invalid = La requête contient des champs invalides.
problem-invalid-count = { $count ->
    [one] Un champ est invalide.
   *[other] { $count } champs sont invalides.
}

# Accounts, members and the directory: pages, flash messages and mail.

# Accounts: roles and statuses (src/accounts/mod.rs).
acc-role-admin = Administrador/a
acc-role-organizer = Organizador/a
acc-role-rapporteur = Relator/a
acc-role-member = Miembro
acc-status-invited = Invitada
acc-status-active = Activa
acc-status-disabled = Desactivada

# Sign in (templates/accounts/login.html, src/accounts/pages.rs).
acc-login-for = Para los organizadores, relatores y miembros de la coalición.
acc-login-failed = No se pudo iniciar sesión
acc-password = Contraseña
acc-login-button = Iniciar sesión
acc-login-not-member = ¿Aún no es miembro?
acc-login-join-text = Las organizaciones y personas que trabajan con la coalición pueden solicitar unirse: los miembros leen los documentos reservados a los miembros y siguen el trabajo entre los eventos.
acc-login-staff-note = Los relatores y organizadores reciben su cuenta de los organizadores, por correo electrónico.
acc-login-enter-both = Escriba su correo electrónico y su contraseña.
acc-login-incorrect = El correo electrónico o la contraseña no son correctos.
acc-login-too-many = Demasiados intentos fallidos para esta cuenta. Espere { $minutes } minutos y vuelva a intentarlo.
acc-signed-in = Ha iniciado sesión.
acc-signed-out = Ha cerrado la sesión.

# Forgot your password? (templates/accounts/forgot.html).
acc-forgot-title = ¿Olvidó su contraseña?
acc-forgot-check-mail = Revise su correo
acc-forgot-if = Si
acc-forgot-on-its-way = es la dirección de una cuenta, le llega un mensaje con un enlace para elegir una nueva contraseña. El enlace sirve una sola vez, durante { $minutes } minutos.
acc-forgot-nothing-arrived = ¿No ha recibido nada después de unos minutos? Mire en su carpeta de correo no deseado, compruebe la dirección o consulte a los organizadores.
acc-forgot-intro = Escriba la dirección de correo electrónico de su cuenta: le enviaremos un enlace para elegir una nueva contraseña.
acc-forgot-not-sent = No se envió el enlace
acc-forgot-send = Enviarme un enlace
acc-forgot-enter-email = Escriba la dirección de correo electrónico de su cuenta.

# The set-up and reset links (templates/accounts/password_link.html).
acc-link-not-saved = No se guardó su contraseña
acc-correct-below = Corrija lo que se indica abajo.
acc-link-account = Cuenta:
acc-new-password = Nueva contraseña
acc-link-password-hint = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura.
acc-link-confirm = La misma contraseña otra vez
acc-setup-welcome = Le damos la bienvenida, { $name }
acc-setup-intro = Elija la contraseña de su cuenta ({ $role }). La usará con su dirección de correo electrónico para iniciar sesión.
acc-setup-submit = Establecer mi contraseña e iniciar sesión
acc-reset-intro = Se cerrará la sesión en todos los demás navegadores conectados a su cuenta.
acc-reset-submit = Guardar la nueva contraseña e iniciar sesión
acc-setup-done = Su contraseña está establecida y ha iniciado sesión. ¡Bienvenido/a!
acc-reset-done = Su nueva contraseña está guardada y ha iniciado sesión.

# Your account (templates/accounts/account.html).
acc-account-signed-in-as = Sesión iniciada como
acc-account-other-email = Para usar otra dirección de correo electrónico, consulte a los organizadores.
acc-password-not-changed = No se cambió su contraseña
acc-change-password = Cambiar mi contraseña
acc-your-name = Su nombre
acc-your-name-hint = Tal como lo ven los organizadores y los demás miembros.
acc-language = Idioma
acc-language-browser = El idioma de mi navegador
acc-language-hint = El de las páginas y de los correos que recibe.
acc-current-password = Contraseña actual
acc-new-password-hint = Al menos 10 caracteres. Se cerrará la sesión en sus otros navegadores.
acc-details-saved = Sus datos se guardaron.
acc-password-changed = Su contraseña se cambió. Se cerró la sesión en sus otros navegadores.

# Why the accounts' and members' services refuse (src/accounts/pages.rs).
acc-why-disabled = esta cuenta está desactivada; consulte a los organizadores si cree que se trata de un error
acc-why-disabled-enable-first = esta cuenta está desactivada; actívela primero
acc-why-already-set-up = esta cuenta ya está configurada; su titular puede usar «¿Olvidó su contraseña?» en la página de inicio de sesión
acc-why-own-account = no puede desactivar su propia cuenta
acc-why-last-admin = es la última cuenta de administración activa: haga primero administradora a otra cuenta
acc-why-admin-only = los organizadores solo pueden otorgar y cambiar cuentas de relator/a y de miembro; pida a un administrador las cuentas de tipo { $role }
acc-why-staff-only = solo los organizadores y administradores gestionan las cuentas
acc-why-duplicate = ya existe una cuenta con ese correo electrónico
acc-why-not-current = no es su contraseña actual
acc-why-too-short = debe tener al menos { $n } caracteres
acc-why-not-same = no coincide con la contraseña de arriba; escríbala de nuevo
acc-why-mistyped = se ha escrito mal demasiadas veces; espere { $n } minutos y vuelva a intentarlo
acc-why-too-many-requests = demasiadas solicitudes desde su dirección; espere un minuto y vuelva a intentarlo
acc-why-too-many-attempts = demasiados intentos fallidos de inicio de sesión; espere { $minutes } minutos y vuelva a intentarlo
mem-why-too-many-applications = demasiadas solicitudes de adhesión desde su dirección; espere un minuto y vuelva a intentarlo
mem-why-already-approved = esta solicitud ya fue aprobada
mem-why-already-rejected = esta solicitud ya fue rechazada
mem-why-has-account = esta dirección ya tiene una cuenta; rechace la solicitud o cambie el rol de la cuenta
acc-gone-used = Este enlace ya se usó. Cada enlace sirve una sola vez; pida uno nuevo si lo necesita.
acc-gone-used-once = Este enlace ya se usó. Cada enlace sirve una sola vez.
acc-gone-setup-expired = Este enlace de configuración caducó. Pida a los organizadores que le envíen uno nuevo.
acc-gone-reset-expired = Este enlace caducó. Pida uno nuevo desde «¿Olvidó su contraseña?» en la página de inicio de sesión.
acc-gone-disabled = Esta cuenta está desactivada. Consulte a los organizadores si cree que se trata de un error.
mem-why-consent = es necesario para presentar la solicitud
dir-why-needs-region = necesita una región
dir-why-honorific = debe ser un tratamiento breve, como Sr., Sra., Dr., Dra., Prof. o H.E.
dir-why-organization-id = debe ser el identificador de una organización
dir-why-also-on-row = también está en la fila { $n }
dir-why-unknown-id = no es el ID de nadie del directorio (déjelo vacío para añadir a alguien nuevo)
dir-why-country = no es un país que conozcamos: escriba su nombre en inglés (Kenya) o su código (KE)
dir-why-unknown-column = no es una columna que conozcamos; las columnas son: { $text }
dir-why-column-needed = es una columna que el archivo necesita

# The accounts workspace (templates/accounts/workspace.html, src/accounts/workspace.rs).
acc-ws-back = Espacio de los organizadores
acc-ws-intro = Quién puede iniciar sesión, y con qué función. Cada persona elige su propia contraseña desde el enlace de su correo de configuración; nadie más la conoce nunca.
acc-ws-invite = Invitar a alguien
acc-ws-invite-not-sent = No se envió la invitación
acc-ws-send-setup = Enviar el correo de configuración
acc-ws-name = Nombre
acc-ws-name-hint = Tal como se usará para saludar a la persona: «Sr. Luc LAMPRIÈRE».
acc-ws-email-hint = El enlace de configuración se envía allí; la persona elige su propia contraseña.
acc-ws-role = Rol
acc-ws-filter = Filtrar las cuentas por estado
acc-ws-all = Todas
acc-ws-last-sign-in = Último inicio de sesión
acc-ws-actions = Acciones
acc-ws-you = usted
acc-ws-role-of = Rol de { $name }
acc-ws-change = Cambiar
acc-ws-resend = Volver a enviar el correo de configuración
acc-ws-enable = Activar
acc-ws-disable = Desactivar
acc-never = nunca
acc-ws-invited = { $name } está invitado/a como { $role }: el correo de configuración va de camino a { $email }.
acc-ws-resent = Un nuevo enlace de configuración va de camino a { $email }; el anterior ya no funciona.
acc-ws-disabled = La cuenta de { $name } está desactivada: se cerró su sesión y no puede iniciar sesión.
acc-ws-enabled = { $name } puede volver a iniciar sesión.
acc-ws-role-changed = { $name } es ahora { $role }.
acc-ws-not-changed = Sin cambios: { $why }.
acc-rapporteur-no-email = Sin invitar: { $name } no tiene dirección de correo electrónico. Añada una a su ficha del directorio primero.
acc-rapporteur-invited = { $name } está invitado/a a iniciar sesión como relator/a: el correo de configuración, con esta sesión y su fecha límite, va de camino a { $email }.
acc-rapporteur-not-invited = Sin invitar: { $why }.

# Membership applications on the accounts workspace (src/members).
mem-status-pending = En espera de decisión
mem-status-approved = Aprobada
mem-status-rejected = Rechazada
mem-applications = Solicitudes de adhesión
mem-applications-waiting =
    { $count ->
        [one] { $count } en espera
       *[other] { $count } en espera
    }
mem-applications-none = Ninguna solicitud espera una decisión. Las solicitudes se hacen en
mem-received = recibida el { $date }
mem-approve = Aprobar: crear una cuenta de miembro
mem-reject = Rechazar…
mem-reject-note = Unas palabras para { $name } (opcional, se envían con nuestra respuesta negativa)
mem-reject-button = Rechazar e informar a la persona
mem-recent-decisions = Decisiones recientes

# The set-up mail of an account (templates/mail/account_setup).
acc-mail-setup-subject-approved = Bienvenido/a: su adhesión fue aprobada
acc-mail-setup-subject-summary = Su cuenta de Roundtable para su resumen de { $session }
acc-mail-setup-subject = Configure su cuenta de Roundtable
acc-mail-setup-title = Configure su cuenta
acc-mail-setup-approved = Su solicitud de adhesión como miembro fue aprobada. ¡Bienvenido/a!
acc-mail-setup-given-by = { $name } le ha abierto una cuenta de Roundtable como { $role }.
acc-mail-setup-given = Los organizadores le han abierto una cuenta de Roundtable como { $role }.
acc-mail-setup-choose = Elija su contraseña para activarla. Este enlace sirve una sola vez, hasta el { $expires }.
acc-mail-setup-choose-here = Elija aquí su contraseña para activarla (este enlace sirve una sola vez, hasta el { $expires }):
acc-mail-setup-button = Elegir mi contraseña
acc-mail-setup-rapporteur-of = Usted es relator/a de:
acc-mail-setup-due = Su resumen debe entregarse a más tardar el { $due }.
acc-mail-setup-my-summaries = Una vez establecida su contraseña, «Mis resúmenes» muestra estas sesiones, con el editor para redactar cada resumen.
acc-mail-setup-my-summaries-text = Una vez establecida su contraseña, «Mis resúmenes» muestra estas sesiones, con el editor para redactar cada resumen.
acc-mail-setup-afterwards-at = Después, inicie sesión cuando quiera en
acc-mail-setup-afterwards-with = con su dirección de correo electrónico ({ $email }) y su contraseña.
acc-mail-setup-afterwards-text = Después, inicie sesión cuando quiera con su dirección de correo electrónico ({ $email }) y su contraseña:
acc-mail-setup-nobody = Nadie más conoce ni elige su contraseña, y nunca la enviamos por correo. Si no esperaba este mensaje, puede ignorarlo.

# The organizers' notice of a membership application (templates/mail/membership_application).
mem-mail-application-subject = Solicitud de adhesión: { $name } ({ $organization })
mem-mail-application-title = Solicitud de adhesión
mem-mail-application-applies = ({ $email }) solicita unirse como miembro.
mem-mail-organization = Organización:
mem-mail-country = País:
mem-mail-application-why = Por qué desea unirse:
mem-mail-application-review = Examinar la solicitud
mem-mail-application-decide = Apruebe o rechace la solicitud aquí:
mem-mail-application-footer = Enviado por Roundtable al buzón de los organizadores.

# An applicant's polite refusal (templates/mail/membership_rejected).
mem-mail-rejected-subject = Su solicitud de adhesión a { $name }
mem-mail-rejected-title = Su solicitud de adhesión
mem-mail-rejected-thanks = Le agradecemos su interés en unirse a nosotros y el tiempo que dedicó a su solicitud.
mem-mail-rejected-sorry = Tras un examen detenido, no podemos aceptar su solicitud de adhesión por el momento.
mem-mail-rejected-open = Nuestros eventos, documentos e informes públicos siguen abiertos para usted en
mem-mail-rejected-welcome = , y puede inscribirse en nuestros eventos cuando lo desee.
mem-mail-rejected-wishes = Con nuestros mejores deseos,

# Applying for membership (templates/members/join.html, src/members/pages.rs).
mem-join-title = Solicitar la adhesión
mem-join-received = Gracias: hemos recibido su solicitud
mem-join-received-text = Los organizadores la leerán y le responderán por correo electrónico. Si la aprueban, el correo incluirá un enlace para elegir su contraseña e iniciar sesión.
mem-join-back = Volver a los eventos
mem-join-intro = Los miembros de la coalición inician sesión para leer los documentos reservados a los miembros y seguir su trabajo entre los eventos. Preséntese a los organizadores; le responderán por correo electrónico.
mem-join-not-sent = No se envió su solicitud
mem-join-send = Enviar mi solicitud
mem-join-have-account = Ya tengo una cuenta
mem-join-email-hint = La respuesta de los organizadores y, si la aprueban, su enlace de configuración llegan aquí.
mem-join-organization-hint = La ONG, el gobierno, el organismo internacional o la institución para la que trabaja.
mem-join-motivation = ¿Por qué desea unirse?
mem-join-motivation-hint = Unas líneas sobre su trabajo y lo que espera de la coalición ayudan a los organizadores a decidir.
mem-join-consent = Acepto que los organizadores conserven estos datos para decidir sobre mi solicitud y contactarme al respecto.
mem-approved = { $name } es miembro: el correo de configuración va de camino a { $email }.
mem-rejected = La solicitud de { $name } fue rechazada; se le informa por correo electrónico.
mem-not-done = No se hizo: { $why }.

# The public pages of people and organizations (templates/directory/person.html, organization.html).
dir-position = Cargo
dir-summaries = Resúmenes redactados como relator/a
dir-panels = Paneles
dir-outcome-report-of = Informe final de { $event }, { $dates }
dir-kind = Tipo
dir-website = Sitio web
dir-people = Personas
dir-kind-ngo = ONG
dir-kind-government = Gobierno
dir-kind-intergovernmental = Intergubernamental
dir-kind-academic = Académica
dir-kind-foundation = Fundación
dir-kind-other = Otra

# The directory in the workspace: lists (templates/directory/workspace.html, src/directory/workspace.rs).
dir-found =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
dir-first-shown = ; se muestran los { $count } primeros: busque para acotar la lista
dir-add-person = Añadir una persona
dir-add-organization = Añadir una organización
dir-import-link = Importar desde una hoja de cálculo
dir-download = Descargar como hoja de cálculo

# The directory in the workspace: the person and organization forms.
dir-person = Persona
dir-honorific = Tratamiento
dir-honorific-hint = Sr., Sra., Dr., Dra., Prof., H.E. …
dir-family-name-hint = Se muestra en mayúsculas en los programas.
dir-email-hint = Nunca se muestra públicamente.
dir-new-organization = O una organización que no está en la lista
dir-new-organization-hint = Escriba su nombre y se añade con la persona; complétela más tarde en Organizaciones.
dir-bio = Biografía
dir-mail-in = Correo en
dir-mail-in-default = Inglés (salvo que se indique)
dir-mail-in-hint = El idioma de las invitaciones y avisos que se envían a esta persona.
dir-not-both = elija una organización de la lista o escriba una nueva, no ambas cosas
dir-save = Guardar
dir-edit-person = Editar la persona
dir-edit-named = Editar { $name }
dir-edit-organization = Editar la organización
dir-name = Nombre
dir-acronym = Sigla
dir-region = Región
dir-subregion = Subregión
dir-added = Se añadió a { $name }.
dir-saved = Se guardó { $name }.
dir-everything-sent = Todo lo que se envió a esta persona
dir-same-person = ¿La misma persona que { $name }? Fusionar con esa ficha
dir-new-feed = Crear una nueva dirección de calendario
dir-feed-shown = Calendario de las sesiones de esta persona (se muestra esta única vez; cualquier dirección anterior deja de funcionar): { $url }

# Merging two records of a person (templates/directory/merge.html).
dir-merge-title = Fusionar dos fichas
dir-merge-heading = Fusionar dos fichas de la misma persona
dir-merge-intro = La ficha de la izquierda se fusiona con la de la derecha y luego se elimina. Sus { $roles ->
        [one] { $roles } rol
       *[other] { $roles } roles
    } en sesiones, sus { $invitations ->
        [one] { $invitations } invitación
       *[other] { $invitations } invitaciones
    }, los puntos de resúmenes que se le atribuyen y el correo que se le envió pasan a la ficha que se conserva. Lo que la ficha conservada deja en blanco se toma de la otra; lo que tiene se mantiene.
dir-merge-deleted = Fusionada y eliminada
dir-merge-kept = Conservada
dir-merge-affiliation = Cargo y organización
dir-merge-confirm = ¿Fusionar estas fichas? No se puede deshacer.
dir-merge-button = Fusionar con { $name }
dir-cancel = Cancelar
dir-merged = Las dos fichas son ahora una: { $name }, con los roles, invitaciones y resúmenes de ambas.

# Importing people from a spreadsheet (templates/directory/import.html).
dir-import-title = Importar personas
dir-import-heading = Importar personas desde una hoja de cálculo
dir-import-save = Guarde su hoja de cálculo en formato
dir-import-in-excel = en Excel o LibreOffice:
dir-import-save-as = Guardar como… CSV UTF-8
dir-import-columns = con una fila de encabezado. Las columnas son: { $columns }.
dir-import-only = Solo
dir-import-and = y
dir-import-needed = son obligatorias; también se entienden «First name», «Surname», «E-mail» y «Organisation».
dir-import-row-with = Una fila con un
dir-import-updates = , o con el correo electrónico de alguien que ya está en el directorio, actualiza a esa persona: una columna de su archivo sustituye lo guardado (una celda vacía lo borra); una columna que no está en su archivo no cambia nada.
dir-import-other-rows = Las demás filas añaden personas nuevas. Una organización que aún no figura se añade con ellas.
dir-import-checked-first = Primero se comprueba todo. No se escribe nada hasta que el archivo entero sea correcto y usted pulse
dir-import-download = Descargue el directorio como hoja de cálculo
dir-import-download-why = para partir de sus columnas.
dir-import-unreadable = No se pudo leer el archivo
dir-import-ready = Listo para importar
dir-import-ready-text =
    { $created ->
        [one] { $created } persona
       *[other] { $created } personas
    } por añadir, { $updated } por actualizar, { $unchanged } sin cambios.
dir-import-new-organizations = Organizaciones por añadir: { $names }.
dir-import-button = Importar
dir-import-problems =
    { $count ->
        [one] { $count } problema por corregir: no se importó nada
       *[other] { $count } problemas por corregir: no se importó nada
    }
dir-import-fix = Corríjalos en su hoja de cálculo y vuelva a elegir el archivo, o corríjalos en el recuadro de abajo y vuelva a comprobar. Las demás filas están bien: { $created } por añadir, { $updated } por actualizar, { $unchanged } sin cambios.
dir-import-by-row = Problemas, por fila
dir-import-row = Fila
dir-import-column = Columna
dir-import-problem = Problema
dir-import-file = Hoja de cálculo (CSV)
dir-import-rows = O sus filas, pegadas o corregidas aquí
dir-import-rows-hint = Un archivo elegido sustituye lo que contiene el recuadro.
dir-import-check = Comprobar
dir-import-check-again = Volver a comprobar
dir-import-not-utf8 = { $file } no es un archivo CSV guardado como texto UTF-8. En su hoja de cálculo, elija Guardar como… CSV UTF-8 y luego elija ese archivo aquí.
dir-import-empty = Elija un archivo o pegue sus filas en el recuadro.
dir-imported = Importación terminada: { $created } añadidas, { $updated } actualizadas, { $unchanged } sin cambios{ $organizations }.
dir-imported-organizations =
    { $count ->
        [one] ; 1 organización añadida
       *[other] ; { $count } organizaciones añadidas
    }

# La plantilla de cada página: navegación, búsqueda, cuenta, pie de página, selector de idioma.
skip-to-content = Ir al contenido
nav-main = Principal
nav-events = Eventos
nav-series = Series
nav-documents = Documentos
nav-recommendations = Recomendaciones
nav-my-summaries = Mis resúmenes
nav-organize = Organizar
search-site = Sitio
search-label = Buscar en Roundtable
search-placeholder = Buscar
search-button = Buscar
signed-in-as = Sesión iniciada como
your-account = Su cuenta
sign-out = Cerrar sesión
member-sign-in = Acceso para miembros
footer-about = Roundtable: conferencias y series de mesas redondas para coaliciones de ONG, gobiernos y organismos internacionales.
footer-api = API
language-chooser = Leer este sitio en

# Problemas que la API señala (problem+json), por estado.
problem-invalid = La solicitud tiene campos no válidos.
problem-invalid-count = { $count ->
    [one] Un campo no es válido.
   *[other] { $count } campos no son válidos.
}

# La página de un evento.
event-part-of = Parte de
event-cancelled = Este evento ha sido cancelado.
event-dates = Fechas
event-venue = Sede
event-place = Lugar
event-region = Región
event-times = Horarios
event-times-shown-in = en hora de { $zone } (hora local)
event-add-to-calendar = Añadir al calendario (.ics)
event-subscribe = Suscribirse (webcal)
event-subscribe-hint = Suscríbase en su aplicación de calendario: los cambios se actualizan solos
event-outcome-report = Informe final
event-edit = Editar en el espacio de trabajo
event-organizers = Organizadores
event-programme = Programa
event-programme-none = El programa aún no se ha publicado.

# La página de una sesión.
session-when = Cuándo
session-room = Sala
session-format = Formato

# Las páginas de una serie.
series-kicker = Serie
series-synthesis = Informe de síntesis
series-synthesis-hint = lo que tienen en común los informes finales publicados de la serie
series-timeline = Cronología
series-none-published = Todavía no se ha publicado ningún evento de esta serie.
series-by-region = Por región
series-none = Todavía no hay series.
event-organized-by = Organizado por { $names }

# El formulario de inscripción, y lo que se dice a quien se inscribe.
registration-heading = Inscribirse
registration-button = Inscribirme
registration-not-recorded = Su inscripción no se registró
registration-correct-below = Corrija lo que se indica abajo; lo que escribió se conserva.
registration-closed-ended = La inscripción está cerrada: el evento ha terminado.
registration-closed = La inscripción está cerrada.
registration-invitation-only = La inscripción es solo por invitación: use el enlace de su invitación.
registration-opens-on-publishing = La inscripción se abre cuando se publique el evento.
registration-closed-full = La inscripción está cerrada: el evento está completo.
registration-full-waitlist = El evento está completo: si se inscribe ahora, entra en la lista de espera y obtiene una plaza, por orden de inscripción, si alguna queda libre.
registration-full = El evento está completo.
registration-places-left =
    { $count ->
        [one] Queda una plaza.
       *[other] Quedan { $count } plazas.
    }
registration-approval-note = Los organizadores aprueban cada inscripción; recibirá noticias suyas.
field-given-name = Nombre
field-family-name = Apellido
field-email-address = Correo electrónico
field-organization = Organización
field-country-name = País
registration-email-hint = Su confirmación y su enlace personal llegan a esta dirección.
registration-needs = Necesidades de accesibilidad o alimentarias
registration-needs-hint = Solo los ven los organizadores, para preparar su participación.
registration-consent = Acepto que los organizadores conserven estos datos para realizar este evento y me contacten sobre él. Puedo borrarlos en cualquier momento desde mi página de inscripción.
registration-retention = Sus necesidades de accesibilidad o alimentarias y su código de acreditación se borran { $days } días después del evento; su nombre y su asistencia quedan como registro.
registration-done-confirmed = Está inscrito/a. Le llega una confirmación por correo electrónico. Guarde el enlace de esta página: es su inscripción.
registration-done-waitlisted = El evento está completo: está en la lista de espera y obtendrá una plaza por orden de inscripción. Guarde el enlace de esta página.
registration-done-pending = Su inscripción se recibió y espera la aprobación de los organizadores. Guarde el enlace de esta página.

# Lo que falla en un campo (src/i18n/fields.rs).
field-required = es obligatorio
field-too-long = debe tener como máximo { $n } caracteres
field-control-characters = no debe contener caracteres de control
field-email = no es una dirección de correo electrónico válida
field-consent = es necesario para inscribirse
field-country = debe ser un código de país ISO 3166-1 alfa-2, como BE o ZA
field-language = debe ser en, fr o es
field-url = debe ser una dirección http:// o https://
field-one-of = debe ser uno de: { $text }
field-after-start = debe ser posterior al inicio
field-invalid = no es válido
registration-already = este correo ya está inscrito en el evento

# La página de quien se inscribió.
manage-title = Su inscripción
manage-for = { $name }, para
manage-status = Estado:
registration-status-pending = Pendiente
registration-status-confirmed = Confirmada
registration-status-waitlisted = Lista de espera
registration-status-cancelled = Cancelada
registration-status-rejected = Rechazada
manage-confirmed = Su plaza está confirmada.
manage-waitlisted = El evento está completo; obtendrá una plaza por orden de inscripción si alguna queda libre, y le escribiremos.
manage-pending = Los organizadores revisarán su inscripción; recibirá noticias suyas.
manage-cancelled = Esta inscripción está cancelada.
manage-rejected = Los organizadores no pudieron aceptar esta inscripción.
manage-keep-private = Guarde para usted la dirección de esta página: con ella gestiona su inscripción.
manage-reconfirm-heading = Confirme que sigue viniendo
manage-reconfirm-text = El evento tiene nuevas fechas: { $dates }. Confirme antes del { $deadline }, o su plaza pasará a las personas en lista de espera.
manage-reconfirm-button = Sí, sigo viniendo
manage-certificate-heading = Certificado de asistencia
manage-certificate-thanks = Gracias por su participación.
manage-certificate-download = Descargar su certificado de asistencia (PDF)
manage-door-heading = En la entrada
manage-qr-label = Código QR de su código de acreditación
manage-check-in-code = Su código de acreditación:
manage-check-in-hint = Muestre este código QR o diga el código en la entrada.
manage-calendar-heading = En su calendario
manage-subscribe = Suscribirse al programa
manage-download = Descargar el programa (.ics)
manage-cancel-heading = Cancelar
manage-cancel-text = Si no puede venir, cancele para que su plaza pase a alguien de la lista de espera.
manage-cancel-confirm = ¿Cancelar su inscripción? Su plaza pasará a la siguiente persona en espera.
manage-cancel-button = Cancelar mi inscripción
manage-details-heading = Sus datos
manage-details-not-saved = Sus datos no se guardaron
manage-details-summary = Cambiar su nombre, organización, país o necesidades
manage-details-save = Guardar mis datos
manage-data-heading = Sus datos personales
manage-data-text = Puede borrar su nombre, correo, organización, país y necesidades. Su inscripción queda entonces cancelada, y solo una línea anónima permanece en los recuentos de los organizadores.
manage-erase-confirm = ¿Borrar sus datos definitivamente? Esto también cancela su inscripción.
manage-erase-button = Borrar mis datos
manage-erased = Sus datos han sido borrados.
manage-cancelled-flash = Su inscripción está cancelada y su plaza se dio a la siguiente persona en espera.

# La página de quien se inscribió: sus datos.
manage-keep-hint = Déjelo vacío para conservar lo que indicó.
manage-needs-hint = Solo los ven los organizadores. Por su privacidad no se muestran aquí: lo que escriba los reemplaza, y un campo vacío los conserva.

# Calendarios.
calendar-event-cancelled = Este evento ha sido cancelado.

# Correos a quienes se inscriben (templates/mail/registration_*).
mail-dear = Estimado/a { $name }:
mail-event = Evento:
mail-event-page = Página del evento:
mail-manage-line = Su página de inscripción (estado, calendario, cancelación):
mail-keep-link = Guarde este enlace para usted: quien lo tenga puede gestionar su inscripción.
mail-calendar-attached = El archivo de calendario adjunto añade las sesiones del evento a su calendario; este canal sigue cada cambio:
mail-calendar-attached-short = El archivo de calendario adjunto añade las sesiones del evento a su calendario.
mail-calendar-feed = Este canal de calendario sigue cada cambio.
mail-check-in-label = En la entrada, indique su código de acreditación:
mail-check-in-where = también está en su página de inscripción, con un código QR
mail-your-registration = Su inscripción
mail-footer = Enviado por Roundtable para los organizadores de { $event }. Responda a este mensaje para contactarlos.
mail-reconfirm-subject = Confirme que sigue viniendo: { $event }, { $dates }
mail-reconfirm-moved = { $event } tiene lugar ahora el { $dates }
mail-reconfirm-ask-by = Confirme que sigue viniendo antes del { $deadline }, en su página de inscripción:
mail-reconfirm-ask = Confirme que sigue viniendo, en su página de inscripción:
mail-reconfirm-release = Sin su confirmación para entonces, su plaza se libera para las personas en lista de espera.
mail-reconfirm-button = Confirmar en mi página de inscripción
mail-released-subject = Su plaza fue liberada: { $event }
mail-released-lead = No recibimos a tiempo su confirmación para { $event } ({ $dates }), así que su inscripción está cancelada y su plaza se dio a alguien de la lista de espera.
mail-released-again = Si aún desea venir, puede volver a inscribirse mientras la inscripción esté abierta:
mail-confirmed-subject = Inscripción confirmada: { $event }
mail-confirmed-lead = Su inscripción en { $event } está confirmada. Será un placer recibirle.
mail-waitlisted-subject = Lista de espera: { $event }
mail-waitlisted-lead = { $event } está completo, así que está en la lista de espera. Si queda libre una plaza, la obtendrá por orden de inscripción y le escribiremos enseguida.
mail-pending-subject = Inscripción recibida: { $event }
mail-pending-lead = Hemos recibido su inscripción en { $event }. Los organizadores revisan cada inscripción; le escribiremos cuando se apruebe.
mail-approved-subject = Inscripción aprobada: { $event }
mail-approved-lead = Su inscripción en { $event } ha sido aprobada. Su plaza está confirmada.
mail-rejected-subject = Inscripción no aceptada: { $event }
mail-rejected-lead = Lo sentimos: los organizadores no pudieron aceptar su inscripción en { $event }.
mail-promoted-subject = Una plaza para usted: { $event }
mail-promoted-lead = Buenas noticias: ha quedado libre una plaza en { $event }, y es suya. Su inscripción está ahora confirmada.
mail-cancelled-subject = Inscripción cancelada: { $event }
mail-cancelled-lead = Su inscripción en { $event } está cancelada. Si no fue usted, o si cambia de opinión, puede volver a inscribirse mientras la inscripción esté abierta.

# Traducir un evento o una serie junto al original (espacio de trabajo).
translations-title = Traducciones
translations-intro = Cada texto tal como está escrito, en { $original }, con su traducción al lado. Quien lee recibe la traducción en su idioma cuando existe, y el original si no.
translations-into = Traducir al:
translations-not-saved = La traducción no se guardó
translations-hint = Un campo vacío no tiene traducción: quien lee recibe el original.
translations-save = Guardar la traducción al { $language }
translations-back = Volver
translations-saved = La traducción al { $language } se guardó.
translations-the-event = El evento
translations-the-series = La serie
translations-the-report = El informe final
translations-session = Sesión: { $title }
translations-field-title = Título
translations-field-subtitle = Subtítulo
translations-field-description = Descripción
translations-field-introduction = Introducción
translations-field-conclusions = Conclusiones

# Informes finales: página, Markdown y PDF (src/reports/language.rs).
report-outcome = Informe final
report-contents = Índice
report-introduction = Introducción
report-about = Sobre el evento
report-the-event = El evento
report-event = Evento
report-dates = Fechas
report-place = Lugar
report-venue = Sede
report-region = Región
report-series = Serie
report-sessions-reported = Sesiones relatadas
report-online = En línea
report-organizers = Organizadores
report-organized-by = Organizado por
report-sessions = Sesiones
report-when = Cuándo
report-chair = Presidencia
report-speakers = Ponentes
report-rapporteur = Relator/a
report-chatham = Celebrada bajo la regla de Chatham House: lo dicho no se atribuye a nadie.
report-key-points = Puntos clave
report-challenges = Desafíos
report-recommendations = Recomendaciones
report-next-steps = Próximos pasos
report-by-addressee = Recomendaciones por destinatario
report-by-theme = Recomendaciones por tema
report-theme = Tema
report-organizations = Organizaciones participantes
report-conclusions = Conclusiones
report-awaiting = Sesiones pendientes de resumen
report-awaiting-note = Estas sesiones tienen relator/a pero aún no un resumen aprobado, así que no están en este informe.
report-draft = BORRADOR
report-draft-note = Este informe no se ha publicado. Su contenido aún puede cambiar.
report-not-published = No publicado
report-to = A:
report-themes = Temas:
report-from = De:
report-present = presentes
report-published = Publicado el { $date }
report-edition-published = Edición { $edition }, publicada el { $date }
report-summary-language = Resumen tal como lo escribió el relator/a, en { $language }.
report-other-formats = Otros formatos
report-event-page = La página del evento
report-print = Imprimir
report-part-of = parte de
report-draft-preview = Vista previa del borrador
report-draft-preview-note = solo los organizadores ven este informe hasta que se publique.
report-edit-and-publish = Editar y publicar
involvement-organizer = Organizador
involvement-co-organizer = Coorganizador
involvement-partner = Socio
involvement-host = Anfitrión
involvement-sponsor = Patrocinador
involvement-participant = Participante
priority-high = Prioridad alta
priority-medium = Prioridad media
priority-low = Prioridad baja
timeframe-immediate = Inmediato
timeframe-short_term = En un año
timeframe-medium_term = De uno a tres años
timeframe-long_term = A más largo plazo

# Informes finales: la página.
report-to-word = A
report-not-yet = Aún no en el informe (solo lo ven los organizadores):
report-preview-edition = Vista previa de la edición { $edition }
report-preview-edition-note =
    { $count ->
        [one] un cambio desde la publicación, que el público leerá cuando vuelva a publicar; hasta entonces lee la edición { $edition }.
       *[other] { $count } cambios desde la publicación, que el público leerá cuando vuelva a publicar; hasta entonces lee la edición { $edition }.
    }
report-see-changes = Ver los cambios y publicar

# Informes finales: Markdown.
report-draft-word = Borrador
report-not-published-yet = aún no publicado.

# Vocabularios: tipos de eventos y sesiones, regiones, funciones.
event-kind-conference = Conferencia
event-kind-roundtable = Mesa redonda
event-kind-workshop = Taller
event-kind-seminar = Seminario
event-kind-briefing = Sesión informativa
session-kind-panel = Panel
session-kind-plenary = Plenaria
session-kind-roundtable = Mesa redonda
session-kind-workshop = Taller
session-kind-break = Pausa
region-africa = África
region-americas = Américas
region-asia-pacific = Asia-Pacífico
region-europe = Europa
region-middle-east = Oriente Medio
region-global = Mundial
participant-role-chair =
    { $count ->
        [one] Presidencia
       *[other] Presidencias
    }
participant-role-moderator =
    { $count ->
        [one] Moderador/a
       *[other] Moderadores
    }
participant-role-speaker =
    { $count ->
        [one] Ponente
       *[other] Ponentes
    }
participant-role-discussant =
    { $count ->
        [one] Comentarista
       *[other] Comentaristas
    }
participant-role-rapporteur =
    { $count ->
        [one] Relator/a
       *[other] Relatores
    }

# Las páginas de una serie: eventos sin región.
series-other-region = Otros

# El espacio de los organizadores: lo que queda por hacer (src/dashboard/agenda.rs).
task-conflicts =
    { $count ->
        [one] 1 conflicto en el programa
       *[other] { $count } conflictos en el programa
    }
task-no-chair-no-rapporteur = «{ $title }» no tiene presidencia ni relator/a
task-no-chair = «{ $title }» no tiene presidencia
task-no-rapporteur = «{ $title }» no tiene relator/a
task-declined = { $name } declinó ({ $role } de «{ $title }»): busque a otra persona o retírela
task-unanswered =
    { $count ->
        [one] 1 invitación sin respuesta desde hace más de { $days } días: envíe un recordatorio
       *[other] { $count } invitaciones sin respuesta desde hace más de { $days } días: envíe un recordatorio
    }
task-registrations-pending =
    { $count ->
        [one] 1 inscripción espera su aprobación
       *[other] { $count } inscripciones esperan su aprobación
    }
task-visa-requests =
    { $count ->
        [one] 1 solicitud de carta de visado por responder
       *[other] { $count } solicitudes de carta de visado por responder
    }
task-summaries-review =
    { $count ->
        [one] 1 resumen espera su revisión
       *[other] { $count } resúmenes esperan su revisión
    }
task-summaries-late =
    { $count ->
        [one] 1 resumen está atrasado
       *[other] { $count } resúmenes están atrasados
    }
task-report-changes =
    { $count ->
        [one] El informe publicado tiene 1 cambio desde su publicación: publique la edición { $edition }
       *[other] El informe publicado tiene { $count } cambios desde su publicación: publique la edición { $edition }
    }
task-mail-failed =
    { $count ->
        [one] 1 correo no pudo entregarse
       *[other] { $count } correos no pudieron entregarse
    }

# El espacio de los organizadores (templates/dashboard, templates/events/workspace.html).
event-status-draft = Borrador
event-status-published = Publicado
event-status-cancelled = Cancelado
ws-title = Organizar
ws-heading = Espacio de los organizadores
ws-new-event = Nuevo evento
ws-new-series = Nueva serie
ws-people = Personas
ws-organizations = Organizaciones
ws-accounts = Cuentas
ws-accounts-pending = Cuentas ({ $count } por decidir)
ws-documents = Documentos de la biblioteca
ws-outbox = Bandeja de salida
ws-themes = Temas de las recomendaciones
ws-needs-doing = Lo que queda por hacer
ws-nothing-current = Ningún evento próximo o recién terminado.
ws-create-event = Crear un evento
ws-or-reuse = , o reutilice uno pasado desde su página.
ws-nothing-to-do = ✓ Nada que hacer por ahora.
ws-all-events = Todos los eventos
ws-no-events = Todavía no hay eventos.
ws-create-first = Crear el primero
ws-col-event = Evento
ws-col-dates = Fechas
ws-col-place = Lugar
ws-col-status = Estado
ws-edit = Editar
ws-public-page = Página pública

# El espacio de los organizadores: un evento.
invitation-status-not_invited = No invitado
invitation-status-invited = Invitado
invitation-status-accepted = Aceptado
invitation-status-declined = Rechazado
ews-back = ← Espacio de trabajo
ews-times-in = horas de { $zone }
ews-edit = Editar los datos
ews-translations = Traducciones
ews-add-session = Añadir una sesión
ews-registrations = Inscripciones
ews-check-in = Acreditación
ews-attendance = Asistencia
ews-visa-letters = Cartas de visado
ews-summaries = Resúmenes
ews-report = Informe final
ews-public-page = Página pública
ews-preview = Vista previa
ews-publish = Publicar
ews-publish-anyway =
    { $count ->
        [one] Este evento aún tiene 1 conflicto. ¿Publicar de todos modos?
       *[other] Este evento aún tiene { $count } conflictos. ¿Publicar de todos modos?
    }
ews-cancel-confirm = ¿Cancelar este evento? Se avisará a todas las personas invitadas o inscritas.
ews-cancel = Cancelar el evento
ews-reuse = Reutilizar en otras fechas
ews-delete-confirm = ¿Eliminar este evento y todo su programa? No se puede deshacer.
ews-delete = Eliminar
ews-no-conflicts = ✓ Sin conflictos: nadie tiene dos compromisos a la vez, ninguna sala se usa dos veces, cada sesión está dentro de las fechas del evento.
ews-conflicts =
    { $count ->
        [one] 1 conflicto por resolver
       *[other] { $count } conflictos por resolver
    }
ews-before-publishing = antes de publicar
ews-programme = Programa
ews-no-sessions = Todavía no hay sesiones.
ews-add-first = Añadir la primera sesión
ews-conflict-badge = conflicto
ews-send-invitations = Enviar invitaciones
ews-to-the-people-of = a las personas de { $title }
ews-invitations = Invitaciones
ews-no-invitations = Todavía no se enviaron invitaciones. Use «Enviar invitaciones…» en una sesión para escribir a su presidencia, ponentes y relator/a, y revise el correo antes de que salga.
ews-invite-event = Invitar personas al evento…
ews-col-person = Persona
ews-col-role = Función
ews-col-answer = Respuesta
ews-col-sent = Enviada
ews-col-answered = Respondida
ews-resend =
    { $count ->
        [one] Reenviar a la persona que no respondió
       *[other] Reenviar a las { $count } personas que no respondieron
    }

# Los idiomas por su nombre, en una frase.
language-name-en = inglés
language-name-fr = francés
language-name-es = español

# Invitaciones (templates/mail/invitation).
inv-subject-role = Invitación: { $role } en «{ $session }» ({ $event })
inv-subject-session = Invitación: «{ $session }» ({ $event })
inv-subject-event = Invitación: { $event }, { $dates }
inv-take-part-as = Le invitamos a participar como { $role } en «{ $session }», una sesión de { $event }.
inv-take-part = Le invitamos a participar en «{ $session }», una sesión de { $event }.
inv-invited-to = Le invitamos a { $event }, { $dates }
inv-when = Cuándo:
inv-room = Sala:
inv-session-page = Página de la sesión:
inv-message = Un mensaje de los organizadores:
inv-answer = Por favor, responda:
inv-accept = Aceptar:
inv-decline = Rechazar:
inv-accept-button = Aceptar
inv-decline-button = Rechazar
inv-calendar = El archivo de calendario adjunto añade la sesión a su calendario. En la página de la invitación también puede obtener un canal de calendario personal con todas las sesiones en que participa.
inv-calendar-before = El archivo de calendario adjunto añade la sesión a su calendario. En la
inv-calendar-link = página de la invitación
inv-calendar-after = también puede obtener un canal de calendario personal con todas las sesiones en que participa.
inv-thanks = Con nuestro agradecimiento,
inv-title = Invitación
inv-session = Sesión
inv-your-role = Su función
inv-event = Evento
inv-when-label = Cuándo
inv-room-label = Sala
inv-accept-or-decline = Aceptar o rechazar:

# Correos de las cuentas: la nueva contraseña (templates/mail/password_reset).
reset-subject = Elija una nueva contraseña para { $email }
reset-someone = Alguien (esperamos que usted) pidió elegir una nueva contraseña para la cuenta de Roundtable de { $email }.
reset-choose-here = Elíjala aquí (este enlace sirve una sola vez, hasta el { $expires }):
reset-signs-out = Usarlo cierra la sesión de todos los demás navegadores conectados a su cuenta.
reset-works-once = Este enlace sirve una sola vez, hasta el { $expires }.
reset-ignore = Si no lo pidió, ignore este mensaje: su contraseña sigue igual.
reset-button = Elegir una nueva contraseña
reset-footer = Enviado por Roundtable para { $name }.

# El informe de síntesis de una serie (templates/reports/synthesis.*).
syn-title = Síntesis
syn-kicker = Informe de síntesis
syn-drawn =
    { $count ->
        [one] Elaborado a partir del informe final publicado de 1 evento de
       *[other] Elaborado a partir de los informes finales publicados de { $count } eventos de
    }
syn-the-series = la serie
syn-left-out = Fuera hasta que se publique su informe (solo lo ven los organizadores):
syn-none = Ningún evento de esta serie tiene todavía un informe final publicado. La síntesis se completa a medida que se publican los informes.
syn-events = Los eventos
syn-themes = Temas comunes
syn-challenges = Desafíos comunes
syn-regions = Estrategias por región
syn-follow-up = Qué fue de las recomendaciones
syn-organizers-partners = Organizadores y socios
syn-ranked = Ordenados según cuántos eventos los plantearon.
syn-event-count =
    { $count ->
        [one] 1 evento
       *[other] { $count } eventos
    }
syn-latest = Lo último:

# El informe de síntesis de una serie: el PDF.
syn-event-one = evento
syn-event-many = eventos
syn-raised-at = planteado en
syn-drawing = Reúne los informes finales de
syn-in-this = en esta síntesis
syn-partners = Socios
syn-not-yet = Aún no en esta síntesis
syn-not-yet-note = Estos eventos de la serie aún no tienen informe publicado.
syn-events-label = Eventos:
syn-series-events = La serie y sus eventos

# An event's conflicts, one sentence each (src/events/conflicts.rs).
conflict-person = { $name } está en «{ $first }» y «{ $second }» al mismo tiempo ({ $when })
conflict-room = { $room } acoge «{ $first }» y «{ $second }» al mismo tiempo ({ $when })
conflict-outside = «{ $session }» ({ $when }) queda fuera de las fechas del evento, del { $start } al { $end }

# Problems the API answers: what is always said the same way (src/error.rs).
problem-unauthorized = Se requiere iniciar sesión
problem-bad-credentials = El correo electrónico o la contraseña no son correctos
problem-too-many-attempts = Demasiados intentos fallidos de inicio de sesión; espere { $minutes } minutos e inténtelo de nuevo
# A 404's detail, by what was not found.
problem-not-found-session = Sesión no encontrada
problem-not-found-registration = Inscripción no encontrada
problem-not-found-event = Evento no encontrado
problem-not-found-person = Persona no encontrada
problem-not-found-series = Serie no encontrada
problem-not-found-organization = Organización no encontrada
problem-not-found-invitation = Invitación no encontrada
problem-not-found-link = Enlace no encontrado
problem-not-found-resource = Recurso no encontrado
problem-not-found-feed = Canal no encontrado
problem-not-found-addressee = Destinatario no encontrado
problem-not-found-account = Cuenta no encontrada
problem-not-found-visa-letter = Carta de visado no encontrada
problem-not-found-recommendation = Recomendación no encontrada
problem-not-found-participant = Participante no encontrado
problem-not-found-page = Página no encontrada
problem-not-found-message = Mensaje no encontrado
problem-not-found-file = Archivo no encontrado
problem-not-found-visa-letters = Cartas de visado no encontradas
problem-not-found-visa-letter-request = Solicitud de carta de visado no encontrada
problem-not-found-thumbnail = Miniatura no encontrada
problem-not-found-theme = Tema no encontrado
problem-not-found-report = Informe no encontrado
problem-not-found-rapporteur = Relator/a no encontrado/a
problem-not-found-follow-up-report = Informe de seguimiento no encontrado
problem-not-found-document = Documento no encontrado
problem-not-found-certificate = Certificado no encontrado
problem-not-found-application = Solicitud no encontrada

# What a registrant is told on their page after acting on it (src/registrations/pages.rs).
manage-reconfirmed-flash = Gracias: ha confirmado que sigue asistiendo.
manage-erased-flash = Sus datos se han borrado. Solo queda una línea anónima en los recuentos de los organizadores.
manage-details-saved-flash = Sus datos se han guardado.

# What the pages' script says (templates/static/app.js), given to it by the layout.
js-region-proposed = Propuesto según el país: { $region }. Cámbielo si es necesario.
js-preview-unavailable = La vista previa no está disponible en este momento; lo que escribe se conserva.
js-link-text = texto del enlace
js-send-invitations =
    { $count ->
        [one] Enviar 1 invitación
       *[other] Enviar { $count } invitaciones
    }
js-recipients-changed = Ha cambiado los destinatarios o el mensaje desde esta vista previa: pulse de nuevo «Vista previa» para ver los correos tal como saldrán.
js-chosen-file = Elegido: { $file } ({ $size })
js-uploading = Subiendo { $file }…
js-saving = Guardando…
js-session-ended = Su sesión ha terminado. Vuelva a iniciar sesión en otra pestaña y envíe de nuevo el formulario: lo que escribió y eligió se conserva aquí.
js-unexpected = El servidor respondió de forma inesperada ({ $status }). No se guardó nada; vuelva a iniciar sesión si su sesión terminó y envíe de nuevo el formulario.
js-upload-broke = La subida se interrumpió (¿se cortó la conexión?). No se guardó nada; envíe de nuevo el formulario.
js-correct-fields =
    { $count ->
        [one] Corrija 1 campo
       *[other] Corrija { $count } campos
    }
js-document-not-saved = El documento no se guardó
js-nothing-saved-file = Aún no se guardó nada; lo que escribió y el archivo elegido se conservan a continuación.
js-nothing-saved = Aún no se guardó nada; lo que escribió se conserva a continuación.

# The list of events (templates/events/list.html).
events-filter-label = Filtrar los eventos
events-all-regions = Todas las regiones
events-kind = Tipo
events-all-kinds = Todos los tipos
events-year = Año
events-all-years = Todos los años
events-show = Mostrar los eventos
events-clear = Quitar los filtros
events-found =
    { $count ->
        [one] 1 evento.
       *[other] { $count } eventos.
    }
events-found-filtered =
    { $count ->
        [one] 1 evento coincide con estos filtros.
       *[other] { $count } eventos coinciden con estos filtros.
    }
events-none = Ningún evento coincide.
events-see-all = Ver todos los eventos

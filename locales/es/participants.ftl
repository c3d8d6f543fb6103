# La página de la persona invitada (templates/invitations/invitation.html, src/invitations/pages.rs).
inv-page-take-part = Le invitamos a participar
inv-page-as = como
inv-page-in = en
inv-page-session-of = , una sesión de
inv-page-invited-to = Le invitamos a
inv-page-where = Dónde
inv-page-accept-heading = ¿Aceptar esta invitación?
inv-page-decline-heading = ¿Rechazar esta invitación?
inv-page-nothing-recorded = No se registra nada hasta que usted confirme. Podrá cambiar su respuesta más tarde en esta página.
inv-page-confirm-accept = Confirmar: acepto
inv-page-confirm-decline = Confirmar: rechazo
inv-page-word-label = Unas palabras para los organizadores (opcional)
inv-page-word-hint = Se envía a los organizadores con su respuesta, por ejemplo para proponer a otra persona en su lugar.
inv-page-your-answer = Su respuesta
inv-page-you-accepted = Usted aceptó.
inv-page-you-declined = Usted rechazó la invitación.
inv-page-not-given = Todavía no ha respondido.
inv-page-change-any-time = Puede cambiarla en cualquier momento.
inv-page-accepted-button = Aceptada ✓
inv-page-declined-button = Rechazada
inv-page-add-calendar = Añadir esta sesión a mi calendario (.ics)
inv-page-declining-summary = ¿Rechaza la invitación? Añada unas palabras para los organizadores
inv-page-message-label = Su mensaje a los organizadores (opcional)
inv-page-decline-with-message = Rechazar con este mensaje
inv-page-registration = Inscripción en el evento:
inv-page-register-link = inscríbase con esta invitación
inv-page-register-note = (en los eventos solo por invitación, este enlace es la única forma de inscribirse).
inv-page-feed-heading = Todas sus sesiones en su calendario
inv-page-feed-text = Su canal de calendario personal incluye todas las sesiones en que participa y sigue cada cambio. Suscríbase a él en su aplicación de calendario y guarde la dirección para usted.
inv-page-feed-shown-once = Solo se muestra ahora
inv-page-feed-rotates = : si la pide de nuevo, se crea una dirección nueva y la anterior deja de funcionar.
inv-page-subscribe = Suscribirme en mi calendario
inv-page-feed-address = Dirección del canal
inv-page-feed-offer = Obtenga un canal de calendario con todas las sesiones en que participa, que su aplicación de calendario mantiene al día.
inv-page-feed-button = Obtener mi canal de calendario
inv-page-flash-accepted = Gracias: su aceptación ha quedado registrada. Puede cambiar su respuesta a continuación en cualquier momento.
inv-page-flash-declined = Su respuesta ha quedado registrada: rechazó la invitación. Puede cambiarla a continuación en cualquier momento.

# Cartas de visado: los correos a la persona inscrita (templates/mail/visa_letter_approved, visa_letter_refused).
visa-approved-subject = Su carta de invitación para el visado: { $event }
visa-approved-lead = Los organizadores han aprobado su solicitud: su carta de invitación para el visado para { $event } está lista. Descárguela desde su página de inscripción y preséntela con su solicitud en su embajada o consulado.
visa-mail-your-letter = Su carta
visa-mail-manage-line = Su página de inscripción (la carta, su calendario, sus datos):
visa-refused-subject = Su solicitud de carta de invitación para el visado: { $event }
visa-refused-lead = Lo sentimos: los organizadores no han podido emitir la carta de invitación para el visado solicitada para { $event }.
visa-mail-their-reason = Su motivo:
visa-mail-send-again = Puede corregir su solicitud y enviarla de nuevo desde su página de inscripción.
visa-mail-send-again-at = Puede corregir su solicitud y enviarla de nuevo desde su página de inscripción:

# Cartas de visado: la sección de la página de la persona inscrita (templates/visas/section.html, src/visas/pages.rs).
visa-status-pending = A la espera de los organizadores
visa-status-approved = Aprobada
visa-status-refused = Denegada
visa-section-heading = Carta de invitación para el visado
visa-section-ready = Su carta está lista.
visa-section-download = Descargar su carta de invitación para el visado (PDF)
visa-section-take-it = Preséntela con su solicitud en su embajada o consulado.
visa-section-your-request = Su solicitud:
visa-section-pending = Los organizadores le responderán por correo. Hasta entonces, puede corregir sus datos a continuación.
visa-section-reason = El motivo de los organizadores:
visa-section-correct = Puede corregir su solicitud y enviarla de nuevo.
visa-section-intro = Si necesita un visado para asistir, los organizadores pueden redactar una carta de invitación para su embajada o consulado. Indique los datos de su pasaporte tal como figuran en él.
visa-section-not-sent = Su solicitud no se ha enviado
visa-section-privacy = Los datos de su pasaporte se guardan cifrados, solo los ven los organizadores, se usan únicamente para esta carta y se borran { $days } días después del evento.
visa-section-send-again = Enviar de nuevo la solicitud
visa-section-ask = Solicitar una carta
visa-field-passport-name = Nombre tal como figura en su pasaporte
visa-field-passport-name-hint = Exactamente como está impreso, apellidos incluidos.
visa-field-passport-number = Número de pasaporte
visa-field-nationality = Nacionalidad
visa-field-date-of-birth = Fecha de nacimiento
visa-field-passport-expiry = Pasaporte válido hasta
visa-field-passport-expiry-hint = Debe ser válido después de que termine el evento.
visa-error-date = debe ser una fecha escrita AAAA-MM-DD, por ejemplo 1980-05-17
visa-error-passport-number = solo puede contener letras, cifras, espacios y guiones, como en el pasaporte
visa-error-past = debe ser una fecha pasada
visa-error-expiry = debe ser posterior al final del evento ({ $date }): las embajadas piden un pasaporte válido más allá de la estancia
visa-error-confirmed-only = la carta de invitación para el visado es para personas inscritas con plaza confirmada
visa-error-ended = el evento ha terminado
visa-error-approved-already = su carta ya está aprobada: descárguela desde su página de inscripción
visa-flash-sent = Su solicitud de carta de invitación para el visado se ha enviado; los organizadores le responderán por correo.

# Cartas de visado: la página de solicitudes de los organizadores (templates/visas/requests.html, src/visas/pages.rs).
visa-requests-heading = Cartas de invitación para el visado
visa-requests-privacy = Los datos de los pasaportes solo se muestran a los organizadores; se guardan cifrados y se borran { $days } días después del evento. No los copie en otro lugar.
visa-requests-none = Ninguna persona inscrita ha solicitado una carta.
visa-requests-asked = solicitada el { $date }
visa-requests-passport-name = Nombre tal como figura en el pasaporte
visa-requests-erased = Los datos del pasaporte se borraron al cumplirse el plazo de conservación.
visa-requests-unreadable = Los datos del pasaporte no se pueden leer con la clave configurada ahora (se cifraron con otra). Pida a la persona inscrita que envíe de nuevo su solicitud.
visa-requests-refused = Denegada:
visa-requests-approve = Aprobar
visa-requests-approve-of = la carta de { $name }
visa-requests-reason-label = Motivo de la denegación (se envía por correo a { $name })
visa-requests-refuse = Denegar
visa-requests-refuse-of = la solicitud de { $name }
visa-flash-refused = La solicitud de { $name } ha sido denegada; se le comunica el motivo por correo.
visa-flash-approved = La carta de { $name } ha sido aprobada; se le informa por correo.
visa-flash-say-why = Indique por qué se deniega la solicitud: se informa a la persona inscrita.
visa-flash-nothing-changed = No se ha cambiado nada: { $why }.

# La tabla de inscripciones y la página de edición de una inscripción (templates/registrations/table.html, edit.html, src/registrations/pages.rs).
regs-mode-open = Inscripción abierta
regs-mode-approval = Inscripción con aprobación
regs-mode-invite-only = Inscripción solo por invitación
regs-mode-closed = Inscripción cerrada
regs-capacity = aforo { $count }
regs-capacity-unlimited = aforo ilimitado
regs-in-all = { $count } en total
regs-filter-by-status = Filtrar por estado
regs-all = Todas ({ $count })
regs-download-csv = Descargar CSV
regs-find = Buscar a una persona inscrita
regs-find-placeholder = Nombre, correo u organización
regs-clear = Borrar
regs-none = No hay inscripciones.
regs-none-match = Ninguna inscripción coincide.
regs-shown =
    { $count ->
        [one] { $count } mostrada
       *[other] { $count } mostradas
    }
regs-select-all = Seleccionar todas las inscripciones mostradas
regs-select-one = Seleccionar a { $name }
regs-col-registrant = Persona inscrita
regs-col-registered = Inscripción
regs-mail-in = correos en
regs-details = Detalles
regs-needs = Necesidades
regs-approve = Aprobar las seleccionadas
regs-reject = Rechazar las seleccionadas
regs-reconfirm-heading = Tras un cambio de fechas
regs-reconfirm-text = Pida a cada persona inscrita que confirme que sigue viniendo. Las plazas de quienes no lo hagan antes del plazo se liberan y la lista de espera avanza.
regs-deadline = Plazo (hora local del evento)
regs-reconfirm-button = Pedir una nueva confirmación
regs-flash-asked =
    { $count ->
        [one] Se ha pedido a { $count } persona inscrita que vuelva a confirmar.
       *[other] Se ha pedido a { $count } personas inscritas que vuelvan a confirmar.
    }
regs-flash-nobody-asked = No se ha pedido a nadie: el plazo { $why }.
regs-flash-choose = Elija aprobar o rechazar.
regs-flash-tick = Marque primero las inscripciones que desea aprobar o rechazar.
regs-not-of-event = no es una inscripción de este evento
regs-not-found = no encontrada
regs-flash-approved =
    { $count ->
        [one] { $count } inscripción aprobada.
       *[other] { $count } inscripciones aprobadas.
    }
regs-flash-rejected =
    { $count ->
        [one] { $count } inscripción rechazada.
       *[other] { $count } inscripciones rechazadas.
    }
regs-flash-not-changed = Sin cambios: { $list }.
regs-edit-back = Inscripciones en { $event }
regs-registered-on = inscripción el { $date }
regs-edit-not-saved = Los datos no se han guardado
regs-edit-save = Guardar los datos
regs-cancel = Cancelar
regs-edit-note = La dirección de correo no cambia: es como se identifica a la persona inscrita. También puede cambiar sus datos desde su página de inscripción.
regs-needs-hint = Solo lo ven los organizadores, para preparar la participación.
regs-flash-saved = Los datos de { $name } se han guardado.

# La acreditación en la entrada (templates/attendance/check_in.html, src/attendance/pages.rs).
att-of = de
att-checked-in = acreditados
att-search-label = Nombre, organización o código
att-find = Buscar
att-no-match = Ninguna persona esperada coincide con «{ $q }». Añádala a continuación si no se había inscrito.
att-type-hint = Escriba un nombre, una organización o el código de su página de inscripción.
att-none-confirmed = Todavía no hay inscripciones confirmadas.
att-walk-in = Sin inscripción previa
att-code = Código
att-in-at = Acreditación a las { $time }
att-undo = Deshacer
att-undo-of = la acreditación de { $name }
att-check-in = Acreditar
att-walk-in-not-added = La persona no se ha añadido
att-walk-in-summary = Añadir a una persona que no se había inscrito
att-walk-in-note = Su inscripción se confirma y se acredita de inmediato, aunque el evento esté completo.
att-walk-in-button = Añadir y acreditar
att-walk-in-email-hint = Su confirmación y su enlace personal se envían a esta dirección.
att-walk-in-consent = La persona acepta que los organizadores conserven estos datos para organizar este evento y como registro de asistencia.
att-flash-checked-in = Acreditación registrada: { $name }.
att-flash-undone = Se ha anulado la acreditación de { $name }.
att-flash-not-checked-in = No se ha podido acreditar a { $name }: { $why }.
att-flash-walk-in = { $name } se ha añadido sin inscripción previa y su acreditación está registrada.

# Asistencia: el registro del evento y la lista de una sesión (templates/attendance/record.html, roll.html, src/attendance/record_pages.rs).
att-record-of-confirmed =
    { $count ->
        [one] de { $count } persona inscrita confirmada se ha acreditado
       *[other] de { $count } personas inscritas confirmadas se han acreditado
    }
att-record-walk-ins =
    { $count ->
        [one] , { $count } de ellas sin inscripción previa
       *[other] , { $count } de ellas sin inscripción previa
    }
att-check-in-page = Página de acreditación
att-download-csv = Descargar como hoja de cálculo (CSV)
att-to-print = Para imprimir
att-badges = Credenciales con nombre
att-badges-note = (PDF, A4, ocho por página): los panelistas con su función, cada persona inscrita confirmada como «Participante».
att-participants-list = Lista de participantes
att-by-organization = por organización (PDF), o
att-as-spreadsheet = como hoja de cálculo (CSV)
att-sessions = Sesiones
att-no-sessions = El programa todavía no tiene sesiones.
att-col-session = Sesión
att-col-action = Acción
att-presence-present = Presente
att-presence-absent = Ausente
att-presence-excused = Excusado
att-not-marked = Sin marcar
att-mark = Registrar la asistencia
att-mark-of = de { $title }
att-nothing-recorded = Todavía no hay nada registrado. En cuanto se acredite a personas inscritas o se registre la asistencia de una sesión, el informe final enumera aquí las organizaciones presentes, con cuántas de sus personas asistieron, en lugar de las de los panelistas.
att-no-organization = Ninguna persona presente indicó una organización.
att-organizations-note = Las personas inscritas acreditadas o marcadas como presentes, y los panelistas salvo que estén marcados como ausentes o excusados: el informe final las enumera.
att-col-people = Personas
att-csv-name = Nombre
att-csv-taking-part-as = Participa como
att-csv-checked-in = Acreditación (UTC)
att-csv-registrant = Persona inscrita
att-roll-empty = Esta sesión no tiene panelistas y el evento todavía no tiene personas inscritas confirmadas.
att-col-who = Quién
att-roll-checked-in = acreditado/a
att-roll-walk-in = sin inscripción previa
att-roll-note = Marcar como presente a una persona inscrita también la acredita en el evento.
att-roll-save = Guardar la asistencia
att-flash-roll-saved = La asistencia de «{ $title }» se ha guardado.

# La redacción de invitaciones (templates/invitations/composer.html, src/invitations/composer.rs).
inv-compose-heading-session = Invitar a las personas de «{ $title }»
inv-compose-heading-event = Invitar a personas a { $event }
inv-compose-intro = Elija quién recibe la invitación, escriba su mensaje y vea la vista previa del correo que recibirá cada persona. No se envía nada hasta que pulse «Enviar».
inv-compose-nothing-sent = No se ha enviado nada
inv-compose-kept = Lo que eligió y escribió se conserva a continuación.
inv-compose-sessions-heading = Las personas de una sesión, cada una en su función
inv-compose-people =
    { $count ->
        [one] { $count } persona
       *[other] { $count } personas
    }
inv-compose-people-heading = Personas invitadas al evento
inv-compose-find-label = Buscar personas por nombre, organización o correo
inv-compose-recipients = Destinatarios
inv-compose-nobody-assigned = Todavía no hay nadie asignado a esta sesión.
inv-compose-nobody-matches = Nadie en el directorio coincide con esta búsqueda.
inv-compose-no-email = Sin dirección de correo
inv-compose-invited-no-answer = Invitado/a, sin respuesta
inv-compose-history-invited = Invitado/a el { $when }; un nuevo envío le da un enlace nuevo (el anterior deja de funcionar).
inv-compose-history-accepted = Aceptó el { $when }.
inv-compose-history-declined = Rechazó el { $when }.
inv-compose-why-no-email = Sin dirección de correo: añada una a su ficha para invitarle.
inv-compose-why-answered = Ya respondió: no se le vuelve a invitar.
inv-compose-unlisted =
    { $count ->
        [one] { $count } resultado más: afine la búsqueda para verlo.
       *[other] { $count } resultados más: afine la búsqueda para verlos.
    }
inv-compose-subject = Asunto
inv-compose-subject-note-event = Se redacta para cada destinatario a partir del evento; pulse «Vista previa» para verlo.
inv-compose-subject-note-session = Se redacta para cada destinatario a partir del evento, la sesión y su función; pulse «Vista previa» para verlo.
inv-compose-subject-hint-event = Se redacta para cada destinatario a partir del evento.
inv-compose-subject-hint-session = Se redacta para cada destinatario a partir del evento, la sesión y su función.
inv-compose-message-label = Su mensaje (opcional)
inv-compose-message-hint = Se cita en el correo, encima de los botones Aceptar y Rechazar; se conservan los saltos de línea. Como máximo 5000 caracteres.
inv-compose-send =
    { $count ->
        [one] Enviar { $count } invitación
       *[other] Enviar { $count } invitaciones
    }
inv-compose-preview-heading =
    { $count ->
        [one] Vista previa: el correo tal como lo recibe su destinatario
       *[other] Vista previa: los { $count } correos tal como los reciben sus destinatarios
    }
inv-compose-preview-notice = Todavía no se ha enviado nada. Los enlaces de esta vista previa no llevan a ninguna parte; el correo de cada destinatario tiene los suyos.
inv-compose-to = Para { $to }
inv-compose-to-label = Para
inv-compose-attachments = Adjuntos
inv-compose-none = Ninguno
inv-compose-iframe-title = El correo para { $to }, tal como lo muestra un programa de correo
inv-compose-plain-text = Texto sin formato
inv-compose-left-out = No se invita con esta solicitud a:
inv-compose-or-change = o cambie los destinatarios o el mensaje de arriba y vuelva a ver la vista previa.
inv-compose-tick-one = Marque al menos una persona a la que invitar.
inv-compose-message-too-long = Su mensaje { $why } (tiene { $length }).
inv-compose-message-error = Su mensaje { $why }.
inv-reason-no-email = no tiene dirección de correo
inv-reason-answered = ya respondió: { $status }
inv-flash-none = No se ha enviado ninguna invitación.
inv-flash-sent =
    { $count ->
        [one] { $count } invitación está en camino: { $names }.
       *[other] { $count } invitaciones están en camino: { $names }.
    }
inv-flash-not-sent = No enviada a { $name }: { $reason }.

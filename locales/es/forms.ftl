# La página de formulario y sus campos (templates/partials/form_page.html, src/web/forms.rs).
form-correct-fields = { $count ->
    [one] Corrija { $count } campo
   *[other] Corrija { $count } campos
}
form-nothing-saved = Todavía no se ha guardado nada; lo que escribió se conserva a continuación.
form-cancel = Cancelar
form-back-workspace = Espacio de trabajo
form-choose = Elija…
form-none = Ninguna

# El formulario de una serie (src/events/workspace.rs).
form-series-legend = Serie
form-title = Título
form-web-address = Dirección web
form-web-address-hint = La última parte de la dirección de la página (…/events/making-a-difference): palabras en minúsculas unidas por guiones, tomadas del título si se deja vacía.
form-description = Descripción
form-written-in = Redactado en
form-series-language-hint = El idioma de su título y su descripción. Las traducciones a los demás idiomas se editan junto al original («Traducciones» en la página de la serie en el espacio de trabajo).
form-new-series = Nueva serie
form-create-series = Crear la serie
form-series-created = Se ha creado la serie «{ $title }».
form-edit-title = Editar { $title }
form-save-changes = Guardar los cambios
form-translations = Traducciones
form-series-saved = Se ha guardado la serie «{ $title }».
form-edit-series = Editar la serie

# El formulario de un evento (src/events/workspace.rs).
form-organization-n = Organización { $n }
form-organization-role-n = Función de la organización { $n }
form-about-event = Sobre el evento
form-subtitle = Subtítulo
form-event-language-hint = El idioma de su título, subtítulo, descripción y programa. Las traducciones a los demás idiomas se editan junto al original, desde la página del evento en el espacio de trabajo.
form-kind = Tipo
form-part-of-series = Forma parte de una serie
form-event-description-hint = El objetivo y el contexto del evento. Deje una línea en blanco entre párrafos.
form-when-where = Cuándo y dónde
form-first-day = Primer día
form-last-day = Último día
form-timezone = Zona horaria
form-timezone-hint = Escriba la ciudad cuya hora sigue el evento (Nairobi, Buenos Aires, Bruselas) y elíjala en la lista. Los horarios de las sesiones se introducen en esa hora.
form-venue = Sede
form-city = Ciudad
form-country = País
form-region = Región
form-subregion = Subregión
form-organizers = Organizadores
form-registration = Inscripción
form-registration-mode-open = Abierta
form-registration-mode-approval = Con aprobación
form-registration-mode-invite-only = Solo por invitación
form-registration-mode-closed = Cerrada
form-capacity = Aforo
form-capacity-hint = Déjelo vacío para un aforo ilimitado.
form-registration-opens = Apertura de las inscripciones
form-local-time-hint = Hora local del evento.
form-registration-closes = Cierre de las inscripciones
form-waitlist = Mantener una lista de espera cuando esté completo
form-event-intro = Los campos marcados con * son obligatorios. El evento sigue siendo un borrador, visible solo para los organizadores, hasta que usted lo publique.
form-new-event = Nuevo evento
form-create-event = Crear el evento
form-event-created = Se ha creado el evento «{ $title }» como borrador. Añada sus sesiones y luego publíquelo.
form-changes-saved = Se han guardado los cambios de «{ $title }».
form-event-published = «{ $title }» está publicado: ya todo el mundo puede verlo.
form-event-cancelled = «{ $title }» está cancelado.
form-event-deleted = Se ha eliminado el evento.

# Reutilizar un evento en otras fechas (src/events/workspace.rs).
form-reuse-title = Reutilizar { $title } en otras fechas
form-make-copy = Hacer la copia
form-copy-legend = Una copia en borrador: las sesiones se desplazan el mismo número de días y conservan sus horarios, salas y participantes (a quienes habrá que invitar de nuevo). Las inscripciones, invitaciones y resúmenes permanecen en este evento.
form-copy-first-day = Primer día de la copia
form-copy-title = Título de la copia
form-copy-made = Esta es la copia, en borrador: revise sus sesiones y luego invite a sus participantes. El original no ha cambiado.

# El formulario de una sesión (src/events/session_workspace.rs).
ses-local-time-hint = Hora local ({ $zone }).
ses-legend = Sesión
ses-format = Formato
ses-starts = Inicio
ses-ends = Fin
ses-room = Sala
ses-capacity-hint = Déjelo vacío para atenerse al aforo de la sala.
ses-description-hint = La pregunta o el tema de la sesión.
ses-confidentiality = Confidencialidad
ses-confidentiality-public = Pública
ses-confidentiality-chatham-house = Regla de Chatham House
ses-confidentiality-closed = A puerta cerrada
ses-confidentiality-hint = Regla de Chatham House: el resumen y el informe nunca dicen quién dijo qué. A puerta cerrada: solo los organizadores y el panel ven la sesión; no figura en ninguna página pública, calendario ni informe.
ses-save = Guardar la sesión
ses-intro = Los horarios están en la hora local del evento ({ $zone }).
ses-new-title = Nueva sesión de { $title }
ses-added = Se ha añadido la sesión «{ $title }». Ahora asigne su presidencia, ponentes y relator/a.
ses-deleted = Se ha eliminado la sesión «{ $title }».
ses-participant-added = Se ha añadido a { $name } a la sesión ({ $role }).
ses-not-added = No se ha añadido: { $reason }.
ses-person-removed = Se ha retirado a la persona de esta sesión.
ses-order-changed = Se ha cambiado el orden.
ses-role-in-session = Función en esta sesión
ses-honorific = Tratamiento
ses-honorific-hint = Sr., Sra., Dr., Dra., Prof., S. E. …
ses-position = Cargo
ses-position-hint = p. ej. Directora
ses-email-hint = Se usa para las invitaciones; nunca se muestra públicamente.
ses-must-be-chosen = debe elegirse
ses-search-above = { $reason }; búsquela más arriba

# El espacio de trabajo de una sesión (templates/events/session_workspace.html).
ses-edit-details = Editar el horario, la sala y los datos
ses-rapporteur-summary = Resumen del relator/a
ses-delete-confirm = ¿Eliminar esta sesión y sus asignaciones?
ses-delete = Eliminar la sesión
ses-conflicts = Conflictos de esta sesión
ses-people = Participantes
ses-nobody = Todavía no hay nadie asignado: añada a continuación una presidencia, ponentes y un relator/a.
ses-col-role = Función
ses-col-person = Persona
ses-col-order = Orden
ses-col-remove = Retirar
ses-move-up = Subir a { $name }
ses-move-down = Bajar a { $name }
ses-remove-person = Retirar a { $name }
ses-rapporteur-sign-in = El acceso del relator/a
ses-no-account = { $name } todavía no tiene cuenta, por lo que no puede redactar el resumen.
ses-invite-rapporteur = Invitar a { $name } a iniciar sesión como relator/a
ses-setup-mail = Se envía un correo de creación de cuenta a { $email }, con el nombre de esta sesión y la fecha límite del resumen; la persona elige su propia contraseña.
ses-invited = { $name } está invitado/a ({ $email }) y todavía no ha elegido contraseña.
ses-send-setup-again = Reenvíe el correo de creación de cuenta
ses-from-accounts = desde la página de cuentas.
ses-disabled = La cuenta de { $name } ({ $email }) está desactivada.
ses-enable = Actívela
ses-enable-after = para que pueda redactar el resumen.
ses-signs-in = { $name } inicia sesión como { $email } y encuentra esta sesión en «Mis resúmenes».
ses-no-email = { $name } no tiene dirección de correo electrónico, por lo que no se le puede dar acceso.
ses-add-email = Añada su correo
ses-add-from-directory = Añadir a alguien del directorio
ses-find-person = Buscar a una persona
ses-search-placeholder = Nombre, correo electrónico u organización
ses-nobody-matches = Nadie coincide con «{ $query }». Créelo a continuación.
ses-role-of = Función de { $name }
ses-add = Añadir
ses-add-new-person = Añadir a una persona nueva
ses-not-in-directory = ¿Todavía no está en el directorio? Créela y añádala a esta sesión en un solo paso.
ses-create-and-add = Crear y añadir

# Una sesión modificada (templates/mail/session_update/).
ses-mail-changed-title = Sesión modificada
ses-mail-changed-subject = Cambio: { $session } tendrá lugar el { $when }
ses-mail-changed-subject-event = Cambio: { $event }
ses-mail-changed-lead = La sesión «{ $session }» ({ $event }) ha cambiado. Ahora tiene lugar:
ses-mail-changed-lead-text = La sesión «{ $session }» ({ $event }) ha cambiado. Ahora tiene lugar:
ses-mail-calendar-update = La actualización de calendario adjunta la traslada en su calendario.

# Una sesión cancelada (templates/mail/session_cancelled/).
ses-mail-session-cancelled-title = Sesión cancelada
ses-mail-session-cancelled-subject = Cancelada: { $session } ({ $event })
ses-mail-cancelled-subject-event = Cancelado: { $event }
ses-mail-session-cancelled-before = La sesión «{ $session }», prevista para el { $when } en
ses-mail-session-cancelled-after = , ha sido cancelada.
ses-mail-session-cancelled-text = La sesión «{ $session }», prevista para el { $when } en { $event }, ha sido cancelada.
ses-mail-calendar-cancel = La cancelación de calendario adjunta la elimina de su calendario.

# Un evento cancelado (templates/mail/event_cancelled/).
ses-mail-event-cancelled-title = Evento cancelado
ses-mail-event-cancelled-subject = Cancelado: { $event }, { $dates }
ses-mail-event-cancelled-after = ha sido cancelado.
ses-mail-calendar-cancel-all = La cancelación de calendario adjunta elimina sus sesiones de su calendario.

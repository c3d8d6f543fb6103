# Resúmenes de los relatores: las palabras comunes a sus páginas (templates/summaries/*).
sum-summary = Resumen
sum-summaries-of = Resúmenes de { $event }
sum-col-session = Sesión
sum-col-event = Evento
sum-col-when = Fecha
sum-col-summary = Resumen
sum-col-due = Plazo
sum-late = atrasado
sum-due = plazo: { $date }
sum-version-n = versión { $version }
sum-version-saved = versión { $version }, guardada el { $date }
sum-versions-link = versiones y cambios
sum-diff-added = añadido
sum-diff-removed = suprimido
sum-status-to-write = Por redactar
sum-status-draft = Borrador
sum-status-submitted = Enviado
sum-status-approved = Aprobado
sum-status-returned = Devuelto

# El espacio del relator/a (templates/summaries/home.html).
sum-home-title = Mis resúmenes
sum-home-not-linked = Su cuenta aún no está vinculada a una persona del directorio: los organizadores la vinculan al asignar a una persona de un panel la dirección de correo electrónico con la que usted inicia sesión
sum-home-not-linked-after = Una vez hecho, las sesiones de las que usted es relator/a aparecerán aquí.
sum-home-none = Aún no es relator/a de ninguna sesión. Cuando los organizadores le asignen una, la sesión aparecerá aquí con la fecha límite de su resumen.
sum-home-lead = Las sesiones de las que usted es relator/a. Guarde tantas veces como quiera: cada versión guardada se conserva, y nada llega al informe hasta que los organizadores lo aprueban.

# Los resúmenes de un evento, para los organizadores (templates/summaries/event.html).
sum-event-heading = Resúmenes de los relatores
sum-event-sessions =
    { $count ->
        [one] { $count } sesión con relator/a
       *[other] { $count } sesiones con relator/a
    }
sum-event-approved =
    { $count ->
        [one] { $count } aprobado
       *[other] { $count } aprobados
    }
sum-event-to-review = { $count } por revisar
sum-event-late =
    { $count ->
        [one] { $count } atrasado
       *[other] { $count } atrasados
    }
sum-event-nav = Informe
sum-event-themes = Temas
sum-event-none = Ninguna sesión de este evento tiene relator/a. Añada uno a una sesión (rol «relator/a») y su resumen aparecerá aquí.
sum-event-review = revisar

# El editor (templates/summaries/editor.html, src/summaries/pages.rs).
sum-editor-back-review = ← Revisión de este resumen
sum-editor-heading = Resumen: { $title }
sum-editor-returned-heading = Devuelto por los organizadores
sum-editor-returned-do = Modifique lo que le piden, guarde y vuelva a enviarlo.
sum-editor-not-saved = No guardado
sum-editor-check-fields = Revise los campos señalados
sum-editor-nothing-lost = No se ha perdido nada de lo que escribió; simplemente aún no se ha guardado.
sum-editor-draft-before = El texto que escribió en este navegador el
sum-editor-draft-after = sin guardarlo se ha vuelto a poner en el formulario.
sum-editor-draft-save = Guarde para conservarlo.
sum-editor-draft-discard = Descartarlo
sum-editor-written-in = Redactado en
sum-editor-language-hint = El informe muestra su resumen tal como lo redacta, en este idioma, junto a las traducciones del evento hechas por los organizadores.
sum-editor-overview = Visión general
sum-editor-overview-hint = De qué trató la sesión y qué resultó de ella. Use los botones para poner texto en negrita, empezar una lista o añadir un enlace; o escriba en Markdown: *cursiva*, **negrita**, listas con «- », una línea en blanco entre párrafos.
sum-editor-key-points = Puntos clave
sum-editor-chatham = Esta sesión se celebra bajo la regla de Chatham House:
sum-editor-chatham-do = escriba lo que se dijo sin decir quién lo dijo, aquí y en la visión general. El informe no atribuye ningún punto a nadie.
sum-editor-key-points-hint = Un punto por fila; vincúlelo al ponente que lo planteó, si lo hubo.
sum-editor-point = Punto { $count }
sum-editor-made-by = Planteado por
sum-editor-no-one = — nadie en particular —
sum-editor-add-point = Añadir un punto
sum-editor-challenges = Desafíos
sum-editor-challenges-hint = Los obstáculos que identificó la sesión, uno por fila. Use la misma formulación que otras sesiones para un mismo desafío: la síntesis de la serie los cuenta.
sum-editor-challenge = Desafío { $count }
sum-editor-add-challenge = Añadir un desafío
sum-editor-recommendations = Recomendaciones
sum-editor-recommendations-hint = Quién debe hacer qué. Los temas provienen de la lista de los organizadores (empiece a escribir); separe varios con comas. Se admite un tema nuevo, que se señala a los organizadores.
sum-editor-recommendation = Recomendación { $count }
sum-editor-addressed-to = Dirigida a
sum-editor-themes = Temas
sum-editor-priority = Prioridad
sum-editor-timeframe = Plazo
sum-editor-add-recommendation = Añadir una recomendación
sum-editor-next-steps = Próximos pasos
sum-editor-step = Paso { $count }
sum-editor-add-step = Añadir un paso
sum-editor-save = Guardar borrador
sum-editor-save-more = Guardar y añadir filas
sum-editor-save-submit = Guardar y enviar para revisión
sum-editor-submitted-note = Enviado para revisión: los organizadores lo aprobarán o se lo devolverán con un comentario. Hasta entonces no puede modificarse.
sum-editor-approved-note = Aprobado: figura en el informe final del evento. Para modificarlo, pida a los organizadores que se lo devuelvan.
sum-editor-as-report = Su resumen tal como lo mostrará el informe
sum-editor-nothing-written = No hay nada escrito.
sum-editor-saved = Guardado.
sum-editor-submitted = Enviado a los organizadores para revisión. Recibirá su respuesta por correo electrónico.
sum-editor-conflict-version = Otra persona guardó el resumen después de que usted lo abriera (ahora va por la versión { $now }; la suya partía de la versión { $from }); su texto no se ha guardado.
sum-editor-conflict-status =
    { $status ->
        [approved] El resumen está aprobado: pida a los organizadores que se lo devuelvan antes de modificarlo.
       *[other] El resumen está enviado: pida a los organizadores que se lo devuelvan antes de modificarlo.
    }
sum-editor-conflict-already =
    { $status ->
        [approved] El resumen ya está aprobado.
       *[other] El resumen ya está enviado.
    }
sum-editor-conflict-after = Lo que escribió figura abajo: guarde de nuevo para reemplazar con ello el texto guardado, o abra las versiones para compararlas.

# Lo que falla en un campo de un resumen, tal como lo dicen sus páginas (src/summaries/pages.rs).
sum-error-comment-required = es obligatorio: indique al relator/a qué debe cambiar
sum-error-overview-unsaved = es obligatorio: redacte y guarde el resumen antes de enviarlo
sum-error-overview-required = es obligatorio para enviar el resumen
sum-error-chatham = debe dejarse vacío: la sesión se celebra bajo la regla de Chatham House, así que un punto clave no nombra a nadie
sum-error-not-participant = no participa en esta sesión

# Los botones de formato y la vista previa (templates/summaries/markdown_toolbar.html, markdown_preview.html).
sum-md-formatting = Formato
sum-md-bold = Negrita
sum-md-italic = Cursiva
sum-md-bullets = Lista con viñetas
sum-md-numbers = Lista numerada
sum-md-link = Enlace
sum-md-preview-label = Vista previa: así lo mostrará el informe
sum-md-nothing = Aún no hay nada que previsualizar.

# La revisión de los organizadores (templates/summaries/review.html, src/summaries/pages.rs).
sum-review = Revisión
sum-review-heading = Revisión: { $title }
sum-review-edit = Editar el resumen
sum-review-not-done = No realizado
sum-review-comment-field = Comentario
sum-review-due-field = Fecha límite
sum-review-draft = Aún no enviado: el relator/a todavía lo está redactando.
sum-review-draft-saved = Lo guardado hasta ahora figura abajo.
sum-review-returned = Devuelto al relator/a. Volverá aquí cuando lo envíe de nuevo.
sum-review-returned-comment = Devuelto al relator/a con su comentario: «{ $comment }». Volverá aquí cuando lo envíe de nuevo.
sum-review-first = Primer envío
sum-review-first-note = No hay nada anterior con qué compararlo: léalo completo abajo.
sum-review-changes = Cambios desde el último envío
sum-review-from-to = De la versión { $from }, enviada el { $date }, a la versión { $to }.
sum-review-you-asked = Usted pidió:
sum-review-unchanged = No cambió nada: se envió de nuevo tal como estaba.
sum-review-reading = El resumen tal como lo mostrará el informe
sum-review-nothing-written = Aún no hay nada escrito.
sum-review-yours = Su revisión
sum-review-comment = Comentario para el relator/a
sum-review-comment-hint = Obligatorio para devolver el resumen: indique qué debe cambiarse. Opcional al aprobarlo.
sum-review-approve = Aprobar
sum-review-return = Devolver al relator/a
sum-review-nothing-to-decide-returned = Nada que decidir por ahora: está de nuevo en manos del relator/a.
sum-review-nothing-to-decide-draft = Nada que decidir por ahora: el relator/a no lo ha enviado.
sum-review-due = Fecha límite (hora local del evento)
sum-review-change-due = Cambiar la fecha límite
sum-review-only-organizers = solo los organizadores revisan los resúmenes
sum-review-approved = Aprobado. Se ha informado al relator/a. El resumen figura en el informe tal como está; los lectores lo verán cuando se publique el informe.
sum-review-returned-flash = Devuelto al relator/a con su comentario.
sum-review-due-changed = Fecha límite cambiada.

# Las versiones de un resumen (templates/summaries/versions.html).
sum-versions = Versiones
sum-versions-back = ← Resumen de { $title }
sum-versions-heading = Versiones del resumen
sum-versions-none = Aún no se ha guardado nada.
sum-versions-col-version = Versión
sum-versions-col-what = Acción
sum-versions-col-who = Autor/a
sum-versions-col-when = Fecha
sum-versions-col-comment = Comentario
sum-versions-first = Versión { $version } tal como se guardó por primera vez
sum-versions-changes = Cambios de la versión { $from } a la { $to }
sum-action-saved = Guardado
sum-action-submitted = Enviado
sum-action-approved = Aprobado
sum-action-returned = Devuelto

# El vocabulario de temas (templates/summaries/themes.html).
sum-themes = Temas
sum-themes-lead = Los relatores etiquetan cada recomendación con temas. Se les ofrece el vocabulario siguiente y pueden escribir temas nuevos, que aparecen aquí como propuestas: añádalos al vocabulario o déjelos.
sum-themes-new = Tema nuevo
sum-themes-add = Añadir al vocabulario
sum-themes-none = Aún no hay temas.
sum-themes-col-theme = Tema
sum-themes-col-status = Estado
sum-themes-col-actions = Acciones
sum-themes-curated = vocabulario
sum-themes-proposed = propuesto
sum-themes-remove-confirm = ¿Quitar «{ $theme }» del vocabulario? Los resúmenes que lo usan lo conservan.
sum-themes-remove = Quitar
sum-themes-removed = Tema quitado del vocabulario.
sum-themes-added = «{ $theme }» forma parte del vocabulario.

# Correos a los relatores y a los organizadores (templates/mail/summary_*).
sum-mail-open = Abrir el resumen
sum-mail-thanks = Gracias,
sum-mail-approved-subject = Resumen aprobado: { $session }
sum-mail-approved-title = Resumen aprobado
sum-mail-approved-lead = Los organizadores aprobaron su resumen. Figurará en el informe final del evento.
sum-mail-approved-text = Los organizadores aprobaron su resumen de «{ $session }» ({ $event }, { $dates }). Figurará en el informe final del evento.
sum-mail-their-comment = Su comentario:
sum-mail-your-summary = Su resumen:
sum-mail-returned-subject = Resumen devuelto para cambios: { $session }
sum-mail-returned-title = Resumen devuelto
sum-mail-returned-lead = Los organizadores le devolvieron su resumen para que lo modifique.
sum-mail-returned-text = Los organizadores le devolvieron su resumen de «{ $session }» ({ $event }, { $dates }) con este comentario:
sum-mail-returned-again = Le rogamos que lo revise y lo envíe de nuevo antes del { $due }.
sum-mail-returned-again-link = Le rogamos que lo revise y lo envíe de nuevo antes del { $due }:
sum-mail-reminder-subject = Recordatorio: su resumen de { $session } debe entregarse el { $due }
sum-mail-reminder-title = Resumen pendiente
sum-mail-reminder-lead = Como relator/a de esta sesión, debe entregar su resumen a más tardar el
sum-mail-reminder-text = Como relator/a de «{ $session }» ({ $event }, { $dates }), debe entregar su resumen a más tardar el { $due }.
sum-mail-reminder-write = Redáctelo o termínelo aquí (sus borradores se conservan cada vez que guarda):
sum-mail-overdue-subject = Plazo vencido: su resumen de { $session }
sum-mail-overdue-title = Resumen atrasado
sum-mail-overdue-lead = Su resumen debía entregarse a más tardar el
sum-mail-overdue-waits = El informe final del evento lo está esperando.
sum-mail-overdue-text = Su resumen de «{ $session }» ({ $event }, { $dates }) debía entregarse a más tardar el { $due }. El informe final del evento lo está esperando.
sum-mail-overdue-submit = Le rogamos que lo envíe lo antes posible:
sum-mail-overdue-stopped = Si algo se lo impide, responda a este mensaje para informar a los organizadores.
sum-mail-submitted-subject = Resumen por revisar: { $session }
sum-mail-submitted-title = Resumen por revisar
sum-mail-submitted-by = { $by } envió un resumen para su revisión.
sum-mail-submitted-someone = El relator/a envió un resumen para su revisión.
sum-mail-submitted-decide = Apruébelo o devuélvalo al relator/a con un comentario.
sum-mail-submitted-button = Revisar el resumen
sum-mail-submitted-by-text = { $by } envió el resumen de «{ $session }» ({ $event }, { $dates }) para su revisión.
sum-mail-submitted-someone-text = El relator/a envió el resumen de «{ $session }» ({ $event }, { $dates }) para su revisión.
sum-mail-submitted-decide-text = Apruébelo o devuélvalo con un comentario:

# El seguimiento de las recomendaciones: en qué punto está una recomendación (src/recommendations/mod.rs).
rec-status-open = Abierta
rec-status-in-progress = En curso
rec-status-partially-implemented = Parcialmente aplicada
rec-status-implemented = Aplicada
rec-status-not-taken-up = No adoptada
rec-status-superseded = Sustituida
rec-asked-times = Formulada { $count } veces: { $places }
rec-asked-times-since = Formulada { $count } veces desde { $year }: { $places }

# El seguimiento público (templates/recommendations/tracker.html, chart.html, src/recommendations/pages.rs).
rec-title = Recomendaciones
rec-lead = Qué pidieron las mesas redondas y las conferencias, a quién, y qué fue de ello: cada recomendación de un informe final publicado y cada próximo paso de un documento público, con su seguimiento.
rec-organize-link = Actualizar varias a la vez y gestionar los destinatarios
rec-filter-label = Filtrar las recomendaciones
rec-addressee = Destinatario
rec-all-addressees = Todos los destinatarios
rec-status = Estado
rec-any-status = Cualquier estado
rec-theme = Tema
rec-all-themes = Todos los temas
rec-region = Región
rec-all-regions = Todas las regiones
rec-series = Serie
rec-all-series = Todas las series
rec-event = Evento
rec-all-events = Todos los eventos
rec-words = Palabras
rec-filter = Filtrar
rec-clear-filters = Quitar los filtros
rec-download-csv = Descargar como hoja de cálculo (CSV)
rec-follow-up-report = Informe de seguimiento
rec-follow-up-report-for = Informe de seguimiento para { $addressee }
rec-none-match = Ninguna recomendación coincide. Las recomendaciones aparecen aquí en cuanto se publica el informe final que las formula.
rec-by-addressee-heading = Por destinatario y estado
rec-by-addressee-chart = Recomendaciones por destinatario, por estado
rec-by-addressee-table = Recomendaciones por destinatario, por estado, en forma de tabla
rec-by-theme-heading = Por tema y estado
rec-by-theme-chart = Recomendaciones por tema, por estado
rec-by-theme-table = Recomendaciones por tema, por estado, en forma de tabla
rec-chart-all = Total
rec-chart-segment = { $label }: { $counted }
rec-counted-open =
    { $count ->
        [one] { $count } abierta
       *[other] { $count } abiertas
    }
rec-counted-in-progress = { $count } en curso
rec-counted-partially-implemented =
    { $count ->
        [one] { $count } parcialmente aplicada
       *[other] { $count } parcialmente aplicadas
    }
rec-counted-implemented =
    { $count ->
        [one] { $count } aplicada
       *[other] { $count } aplicadas
    }
rec-counted-not-taken-up =
    { $count ->
        [one] { $count } no adoptada
       *[other] { $count } no adoptadas
    }
rec-counted-superseded =
    { $count ->
        [one] { $count } sustituida
       *[other] { $count } sustituidas
    }
rec-no-addressee = Ningún destinatario indicado
rec-no-theme = Sin tema
rec-count =
    { $count ->
        [one] { $count } recomendación
       *[other] { $count } recomendaciones
    }
rec-to = A: { $addressee }
rec-from = De: { $source }
rec-updates =
    { $count ->
        [one] { $count } actualización
       *[other] { $count } actualizaciones
    }
rec-latest = Lo último:

# El seguimiento como hoja de cálculo (src/recommendations/pages.rs).
rec-csv-id = Id
rec-csv-recommendation = Recomendación
rec-csv-addressee = Destinatario
rec-csv-themes = Temas
rec-csv-priority = Prioridad
rec-csv-timeframe = Plazo
rec-csv-status = Estado
rec-csv-source = Fuente
rec-csv-event = Evento
rec-csv-date = Fecha
rec-csv-regions = Regiones
rec-csv-times-asked = Veces formulada
rec-csv-asked-at = Formulada en
rec-csv-last-update = Última actualización
rec-csv-last-update-note = Nota de la última actualización
rec-csv-link = Enlace
rec-csv-followed-up-by = Seguimiento a cargo de
rec-csv-next-review = Próxima revisión

# La página de una recomendación (templates/recommendations/item.html, src/recommendations/pages.rs).
rec-item-title = Recomendación
rec-item-title-to = Recomendación dirigida a { $addressee }
rec-to-lower = dirigida a { $addressee }
rec-themes = Temas
rec-source = Fuente
rec-followed-up-by = Seguimiento a cargo de
rec-next-review = Próxima revisión
rec-this = Esta recomendación
rec-same-earlier = La misma, formulada antes
rec-same-again = La misma, formulada de nuevo
rec-remove-link = No es la misma: quitar el vínculo
rec-supersedes = Sustituye a
rec-recommendation = la recomendación
rec-what-came = Qué fue de ella
rec-no-follow-up = Todavía no se ha registrado ningún seguimiento.
rec-evidence-colon = Prueba:
rec-recorded-by = Registrado por { $name }
rec-similar-heading = Posibles repeticiones de otros eventos
rec-similar-none = Ninguna otra recomendación se le parece.
rec-similar-lead = Estas recomendaciones se parecen. Confirme las que son la misma recomendación formulada de nuevo: el seguimiento las cuenta entonces como una sola, formulada varias veces.
rec-alike = similar en un { $percent } %
rec-record-heading = Registrar una actualización
rec-correct-fields =
    { $count ->
        [one] Corrija { $count } campo a continuación.
       *[other] Corrija { $count } campos a continuación.
    }
rec-record-button = Registrar la actualización
rec-field-what-happened = Qué ocurrió
rec-field-on = Fecha
rec-field-on-hint = Si se deja vacía: hoy.
rec-field-evidence-link = Prueba (un enlace)
rec-field-evidence-document = Prueba (un documento de la biblioteca)
rec-field-no-document = Ninguno
rec-update-recorded = La actualización se ha registrado.
rec-linked = Las dos quedan vinculadas: la misma recomendación, formulada de nuevo.
rec-linked-already = Las dos ya están vinculadas.
rec-link-removed = Se ha quitado el vínculo.
rec-error-date = debe ser una fecha
rec-error-document = debe ser un documento de la biblioteca
rec-error-no-document = ese documento no existe en la biblioteca
rec-error-future = no puede ser una fecha futura
rec-error-another = debe ser otra recomendación
rec-field-error = { $label }: { $message }
rec-error-no-account = esa cuenta no existe
rec-error-another-addressee = debe ser otro destinatario

# El informe de seguimiento (templates/recommendations/report.html, followup.typ, src/recommendations/followup.rs).
rec-report-title-of = Lo que pedimos ({ $whom }{ $span }) y qué fue de ello
rec-report-title-all = Lo que pedimos a todos los destinatarios{ $span }, y qué fue de ello
rec-report = Informe de seguimiento
rec-choose-addressee = Elegir el destinatario
rec-every-addressee = Todos los destinatarios
rec-show = Mostrar
rec-report-nothing = Todavía no se ha pedido nada en un informe publicado o un documento público.
rec-report-nothing-of = Todavía no se ha pedido nada a { $addressee } en un informe publicado o un documento público.
rec-followed-up-count =
    { $count ->
        [one] { $count } recomendación en seguimiento
       *[other] { $count } recomendaciones en seguimiento
    }
rec-label-status = Estado:
rec-label-to = A:
rec-label-asked = Formulada:
rec-label-themes = Temas:
rec-label-follow-up = Seguimiento:
rec-label-what-came = Qué fue de ella:
rec-status-said = { $status }:
rec-update-line = { $date } — *{ $status }*: { $note }
rec-evidence = prueba
rec-evidence-inline = prueba:
rec-pdf-to = A
rec-asked = Formulada
rec-follow-up = Seguimiento

# El espacio de los organizadores (templates/recommendations/workspace.html, src/recommendations/workspace.rs).
rec-ws-title = Recomendaciones en seguimiento
rec-ws-workspace = Espacio de trabajo
rec-ws-public = El seguimiento público
rec-ws-lead = Todas las recomendaciones, incluidas las de informes no publicados. Marque varias para registrar una misma actualización en todas ellas, o asignarles un responsable o una fecha de revisión.
rec-ws-filter-label = Filtrar por destinatario
rec-ws-nothing-changed = No se ha cambiado nada:
rec-ws-tick = Marcar
rec-ws-recommendation = Recomendación
rec-ws-owner = Responsable
rec-ws-overdue = con retraso
rec-ws-legend = Para cada recomendación marcada
rec-ws-new-status = Nuevo estado
rec-ws-keep-status = Mantener el estado
rec-ws-note = Qué ocurrió (se registra en cada una)
rec-ws-keep-owner = Mantener el responsable
rec-ws-nobody = Nadie
rec-ws-update = Actualizar las recomendaciones marcadas
rec-ws-addressees = Destinatarios
rec-ws-addressees-lead = Un destinatario reúne los nombres que una recomendación puede darle («EU», «European Union», «Unión Europea»). Un nombre que ningún destinatario conoce se convierte en un destinatario propio: añádalo como alias del destinatario correcto, o fusiónelo.
rec-ws-name-count =
    { $count ->
        [one] Nombre ({ $count } recomendación)
       *[other] Nombre ({ $count } recomendaciones)
    }
rec-ws-aliases = Alias, uno por línea
rec-ws-save = Guardar
rec-ws-merge-into = O fusionar con
rec-ws-choose-addressee = Elija un destinatario
rec-ws-merge = Fusionar
rec-ws-role-admin = Administrador/a
rec-ws-role-organizer = Organizador/a
rec-ws-role-rapporteur = Relator/a
rec-ws-role-member = Miembro
rec-ws-tick-one = Marque al menos una recomendación.
rec-ws-choose-status = Elija un estado de la lista.
rec-ws-say-what = Indique qué ocurrió: un cambio de estado va acompañado de una nota.
rec-ws-choose-account = Elija una cuenta de la lista.
rec-ws-give-date = Indique una fecha.
rec-ws-choose-change = Elija qué cambiar: un estado, un responsable o una fecha de revisión.
rec-ws-updated =
    { $count ->
        [one] { $count } recomendación actualizada.
       *[other] { $count } recomendaciones actualizadas.
    }
rec-ws-merged = Los destinatarios se han fusionado.
rec-ws-saved = { $name }: guardado.

# El correo al responsable cuando vence una revisión (templates/mail/recommendation_review/).
rec-mail-review-subject = Revisión pendiente:
rec-mail-review-title = Vence una revisión
rec-mail-review-lead = La revisión de una recomendación de cuyo seguimiento se ocupa vence el { $date }:
rec-mail-to = dirigida a { $addressee }
rec-mail-quoted = «{ $text }»
rec-mail-review-ask = Registre qué fue de ella, con pruebas si las hay, y fije la fecha de la próxima revisión:
rec-mail-review-footer = Enviado por Roundtable para { $organizer }, porque usted se ocupa del seguimiento de esta recomendación.

# El resumen semanal para los organizadores (templates/mail/recommendation_digest/).
rec-mail-digest-subject =
    { $count ->
        [one] { $count } recomendación con la revisión atrasada
       *[other] { $count } recomendaciones con la revisión atrasada
    }
rec-mail-digest-title = Recomendaciones con la revisión atrasada
rec-mail-digest-lead =
    { $count ->
        [one] La revisión de una recomendación está atrasada:
       *[other] La revisión de { $count } recomendaciones está atrasada:
    }
rec-mail-digest-due-owner = La revisión vencía el { $date }; seguimiento a cargo de { $owner }.
rec-mail-digest-due-nobody = La revisión vencía el { $date }; nadie se ocupa de su seguimiento.
rec-mail-digest-all = Todas ellas, para actualizar varias a la vez:
rec-mail-digest-footer = Enviado cada semana por Roundtable a los organizadores de { $organizer }.

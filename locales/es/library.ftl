# La página de error (templates/errors/error.html, src/web/pages.rs).
err-not-found = Página no encontrada
err-not-found-text = No hay ninguna página en esta dirección. Puede que se haya trasladado o que el evento aún no esté publicado.
err-forbidden = Acceso no permitido
err-too-many = Demasiados intentos
err-conflict = No es posible en este momento
err-gone = Este enlace ya no funciona
err-bad-request = No se ha podido leer la solicitud
err-invalid = Algunos campos no son válidos
err-internal = Se ha producido un error
err-internal-text = Se ha producido un error por nuestra parte. Ha quedado registrado; vuelva a intentarlo dentro de un momento.
err-sign-in = Inicie sesión
err-sign-in-text = Esta página está reservada a los miembros que han iniciado sesión.
err-status = Error { $status }
err-back = Volver a los eventos
err-csrf = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
err-organizers-only = El espacio de los organizadores está reservado a los organizadores y administradores.

# La página de inicio (templates/site/home.html).
site-title = Conferencias y mesas redondas
site-lead = Programas, ponentes y resultados de las conferencias y mesas redondas consultivas organizadas por la coalición y sus socios.
site-upcoming = Próximos eventos
site-no-upcoming = Por el momento no hay ningún evento próximo publicado.
site-browse-all = Ver todos los eventos
site-recent = Eventos recientes
site-no-recent = Todavía no hay eventos pasados.
site-all-events = Todos los eventos

# La biblioteca (templates/site/documents.html, src/site.rs).
doc-library = Documentos
doc-library-lead = Notas de política, estudios, declaraciones e informes finales de eventos pasados, que pueden consultarse por región y por tipo; y las síntesis de las series de mesas redondas.
doc-add = Añadir un documento
doc-all-to-edit = Todos los documentos, para editarlos o retirarlos
doc-browse-label = Consultar los documentos por región, tipo, año e idioma
doc-region = Región
doc-all-regions = Todas las regiones
doc-kind = Tipo
doc-all-kinds = Todos los tipos
doc-year = Año
doc-all-years = Todos los años
doc-language = Idioma
doc-all-languages = Todos los idiomas
doc-browse = Consultar
doc-none = Todavía no hay documentos.
doc-none-for = Todavía no hay documentos de la región { $region }.
doc-none-hint = Los informes finales aparecen aquí, con su evento, en cuanto los organizadores los publican, junto a los documentos que añaden a la biblioteca.
doc-syntheses = Síntesis de las series
doc-synthesis-of = { $title }: informe de síntesis
doc-draws-on =
    { $count ->
        [one] Se basa en { $count } informe final publicado
       *[other] Se basa en { $count } informes finales publicados
    }
doc-in-this-region = (en esta región)
doc-by = Por { $names }
doc-download = Descargar ({ $what })
doc-on-publisher = En el sitio del editor
doc-outcome-report = Informe final: { $title }
doc-published = publicado el { $date }
doc-the-event = El evento

# La página de un documento (templates/documents/show.html, src/documents/pages.rs).
doc-first-page = La primera página de { $title }
doc-readers = Quién puede leerlo: { $who }
doc-fact-published = Fecha de publicación
doc-fact-by = Autores
doc-fact-regions = Regiones
doc-fact-countries = Países
doc-fact-event = Evento
doc-fact-series = Serie
doc-edit-or-withdraw = Editar o retirar
doc-read-on-publisher = Leerlo en el sitio del editor
doc-summary = Resumen
doc-next-steps = Próximos pasos
doc-file = Archivo
doc-size-bytes = { $size } bytes
doc-size-kb = { $size } KB
doc-size-mb = { $size } MB

# Tipos de documentos, quién puede leerlos, tipos de archivo, subregiones, idiomas.
doc-kind-report = Informe
doc-kind-policy-memo = Nota de política
doc-kind-brief = Nota informativa
doc-kind-statement = Declaración
doc-kind-paper = Estudio
doc-kind-letter = Carta
doc-kind-other = Otro
doc-access-public = Todo el público
doc-access-members = Miembros (con sesión iniciada)
doc-access-organizers = Solo los organizadores
doc-file-type-pdf = PDF
doc-file-type-docx = Documento de Word
doc-file-type-odt = Texto OpenDocument
doc-file-type-xlsx = Hoja de cálculo de Excel
doc-file-type-png = Imagen PNG
doc-file-type-jpeg = Imagen JPEG
doc-subregion-north-africa = Norte de África
doc-subregion-west-africa = África Occidental
doc-subregion-east-africa = África Oriental
doc-subregion-central-africa = África Central
doc-subregion-southern-africa = África Austral
doc-subregion-great-lakes = Grandes Lagos
doc-subregion-north-america = América del Norte
doc-subregion-latin-america-caribbean = América Latina y el Caribe
doc-subregion-south-asia = Asia Meridional
doc-subregion-southeast-asia = Sudeste Asiático
doc-subregion-east-asia = Asia Oriental
doc-subregion-central-asia = Asia Central
doc-subregion-pacific = Pacífico
doc-subregion-western-europe = Europa Occidental
doc-subregion-northern-europe = Europa del Norte
doc-subregion-southern-europe = Europa Meridional
doc-subregion-eastern-europe = Europa Oriental
doc-subregion-gulf = Golfo
doc-subregion-levant = Levante
doc-language-en = Inglés
doc-language-fr = Francés
doc-language-es = Español
doc-language-pt = Portugués
doc-language-ar = Árabe
doc-language-ru = Ruso
doc-language-zh = Chino
doc-language-de = Alemán

# La lista de documentos de los organizadores (templates/documents/workspace_list.html).
doc-ws-lead = Todos los documentos de la biblioteca, sea cual sea su público, empezando por los publicados más recientemente. Abra uno para cambiar lo que la biblioteca dice de él o para retirarlo.
doc-as-readers-see = La biblioteca tal como la ven los lectores
doc-find-label = Buscar documentos
doc-words = Palabras del título o del resumen
doc-find = Buscar
doc-count =
    { $count ->
        [one] { $count } documento.
       *[other] { $count } documentos.
    }
doc-add-first = Añada el primero
doc-no-match = Ningún documento coincide.
doc-col-document = Documento
doc-col-date = Fecha
doc-who-may-read = Quién puede leerlo
doc-col-file = Archivo o enlace
doc-undated = Sin fecha
doc-link = Enlace
doc-page = Página
doc-more = Más documentos
doc-newer = ← Más recientes
doc-older = Más antiguos →

# Añadir o editar un documento (templates/documents/form.html, src/documents/workspace.rs).
doc-edit-heading = Editar «{ $title }»
doc-its-page = Su página en la biblioteca
doc-required-note = Los campos marcados con * son obligatorios.
doc-file-or-link = Añada un archivo o indique un enlace al lugar donde se publica el documento.
doc-correct-fields =
    { $count ->
        [one] Corrija { $count } campo
       *[other] Corrija { $count } campos
    }
doc-nothing-saved = Todavía no se ha guardado nada; lo que ha escrito se conserva a continuación.
doc-legend-document = El documento
doc-file-stays = El archivo se mantiene tal cual. Para sustituirlo, retire este documento y añada el nuevo archivo como un documento nuevo.
doc-file-hint = Arrastre el archivo aquí o selecciónelo: PDF, Word (DOCX), texto OpenDocument (ODT), Excel (XLSX), PNG o JPEG, { $mb } MB como máximo.
doc-legend-about = Sobre el documento
doc-legend-authors = Quién lo redactó
doc-authors-hint = Marque las organizaciones que lo redactaron o publicaron.
doc-authors-hint-none = Marque las organizaciones que lo redactaron o publicaron; el directorio aún no tiene ninguna.
doc-find-organization = Buscar una organización
doc-legend-where = Zonas a las que se refiere
doc-regions-hint = La biblioteca lo clasifica en cada región marcada; una subregión aparece también en su región.
doc-legend-belongs = Vinculación
doc-sending = Enviando…
doc-cancel = Cancelar
doc-submit-add = Añadir el documento
doc-submit-save = Guardar los cambios
doc-withdraw-heading = Retirarlo
doc-withdraw-text = Un documento retirado desaparece de la biblioteca y de la búsqueda, y su archivo se elimina. No se puede deshacer.
doc-withdraw-confirm = ¿Retirar este documento de la biblioteca? Su archivo se eliminará; no se puede deshacer.
doc-withdraw = Retirar el documento
doc-field-title = Título
doc-choose = Elegir…
doc-field-published-on = Fecha de publicación
doc-hint-language = Un código de idioma: en, fr, es, pt-BR. Déjelo vacío si el documento está en varios idiomas.
doc-hint-summary = Lo que dice, para los lectores de la biblioteca. Deje una línea en blanco entre los párrafos.
doc-hint-link-instead = En lugar de un archivo: la dirección donde se publica el documento (https://…).
doc-hint-link = La dirección donde se publica el documento (https://…).
doc-hint-countries = Códigos ISO separados por comas: AR, CA, KE. Déjelo vacío si el documento trata de toda una región.
doc-no-event = Ninguno
doc-no-series = Ninguna
doc-hint-next-steps = Uno por línea. Cada uno se convierte en un elemento del seguimiento de las recomendaciones.
doc-saved = Se han guardado sus cambios en «{ $title }».
doc-added = «{ $title }» se ha añadido a la biblioteca.
doc-withdrawn = «{ $title }» se ha retirado de la biblioteca.
doc-file-not-kept = Había elegido «{ $name }»: no se ha conservado, así que vuelva a elegirlo antes de enviar.
doc-quoted = «{ $text }»
doc-err-next-step = próximo paso { $n }: { $text }
doc-err-and-more = Y { $count } más.
doc-err-kind = elija uno de los tipos de la lista
doc-err-access = elija quién puede leerlo
doc-err-date = debe ser una fecha como 2012-09-25
doc-err-no-file = Elija un archivo o, en su lugar, indique un enlace al documento.
doc-err-region = debe ser una región (africa, americas, asia-pacific, europe, middle-east, global) o una de sus subregiones
doc-err-language-tag = debe ser un código de idioma como en, es, fr o pt-BR
doc-err-date-range = debe ser una fecha entre 1900 y 2200
doc-err-no-organization = esta organización no existe
doc-err-no-event = este evento no existe
doc-err-no-series = esta serie no existe
doc-err-file-and-link = un documento tiene un archivo o un enlace, no ambos
doc-err-has-file = este documento tiene un archivo; retírelo y añada el enlace como un documento nuevo
doc-err-one-file = envíe un solo archivo por documento
doc-err-far-too-long = es demasiado largo
doc-err-too-large = supera los { $mb } MB, el máximo que admite la biblioteca
doc-err-file-empty = el archivo está vacío
doc-err-file-unknown = este archivo no es un archivo PDF, Word, OpenDocument, Excel, PNG o JPEG, diga lo que diga su nombre
doc-err-file-other = este archivo es { $what }, no un archivo PDF, Word, OpenDocument, Excel, PNG o JPEG, diga lo que diga su nombre

# La búsqueda (templates/search/results.html, src/search/pages.rs).
srch-title = Búsqueda
srch-title-for = { $q }: búsqueda
srch-words = Palabras que buscar
srch-error = Palabras que buscar: { $message }.
srch-kind-error = (el tipo de resultados) { $message }
srch-hint = Eventos, sesiones, personas, organizaciones, informes y documentos, incluidas las palabras que contienen los PDF. No importan los acentos ni las mayúsculas.
srch-nothing = No se ha encontrado nada para «{ $q }». Pruebe con menos palabras o con el comienzo de un nombre.
srch-kinds = Tipos de resultados
srch-results =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
srch-results-among =
    { $count ->
        [one] { $count } resultado en { $kind }
       *[other] { $count } resultados en { $kind }
    }
srch-for = { $results } para «{ $q }»
srch-shown = se muestran del { $first } al { $last }
srch-more-label = Más resultados
srch-previous = Resultados anteriores
srch-next = Más resultados
srch-everything = Todo
srch-kind-event = Eventos
srch-kind-session = Sesiones
srch-kind-person = Personas
srch-kind-organization = Organizaciones
srch-kind-report = Informes y resúmenes
srch-kind-document = Documentos
srch-kind-recommendation = Recomendaciones
srch-one-event = Evento
srch-one-session = Sesión
srch-one-person = Persona
srch-one-organization = Organización
srch-one-report = Informe
srch-one-document = Documento
srch-one-recommendation = Recomendación

# La bandeja de salida (templates/mail/outbox.html, templates/mail/message.html, src/mail/pages.rs).
out-lead = Todos los mensajes que envía Roundtable, empezando por los más recientes. Los mensajes esperan en la cola hasta que el servicio de correo los entrega; los que fallan se reintentan con pausas cada vez más largas. Abra un mensaje para leerlo como lo ve su destinatario o para volver a enviarlo.
out-filter-status = Filtrar por estado
out-all = Todos
out-filter-kind = Filtrar por tipo
out-kind-of-message = Tipo de mensaje
out-every-kind = Todos los tipos
out-show = Mostrar
out-count =
    { $count ->
        [one] { $count } mensaje.
       *[other] { $count } mensajes.
    }
out-to = Destinatario
out-subject = Asunto
out-kind = Tipo
out-status = Estado
out-tries = Intentos
out-created = Creado
out-not-sent-again = Este mensaje no se ha vuelto a enviar
out-about = Relativo a
out-last-error = Último error
out-sent = Enviado
out-not-yet = Todavía no: sale el { $at } o poco después
out-not-sent = No enviado
out-attachments = Archivos adjuntos
out-no-attachments = Ninguno
out-resend-confirm = ¿Enviar de nuevo una copia de este mensaje a { $to }?
out-resend = Reenviar
out-resend-note = Se envía una copia de inmediato, como un mensaje nuevo de la bandeja de salida; este se mantiene tal cual.
out-withheld = El enlace de este mensaje inicia sesión como su destinatario y permite a quien lo abra elegir su contraseña, por lo que aquí se oculta. El destinatario lo tiene en su propio correo.
out-as-read = Tal como lo lee el destinatario
out-frame-title = El mensaje, tal como lo muestra el programa de correo del destinatario
out-plain = Texto sin formato
out-plain-note = Lo que muestran los programas de correo que no muestran HTML.
out-copy-queued = Se ha puesto en cola una copia para { $email }: es esta, y sale dentro de un momento. El original no cambia.
out-refusal-account-setup = Un correo de configuración de cuenta nunca se envía dos veces: su enlace funciona una sola vez e inicia sesión como el destinatario. Envíe en su lugar un nuevo enlace con «Volver a enviar el correo de configuración» en la página Cuentas (/organize/accounts).
out-refusal-password-reset = Un correo de restablecimiento de contraseña nunca se envía dos veces: su enlace funciona una sola vez e inicia sesión como el destinatario. La persona puede pedir un nuevo enlace con «¿Olvidó su contraseña?» en la página de inicio de sesión, o un organizador puede enviar un nuevo enlace de configuración desde la página Cuentas (/organize/accounts).
out-refusal-erased = El destinatario de este mensaje borró sus datos: no hay nadie a quien enviarlo.
out-status-queued = En cola
out-status-sending = Enviándose
out-status-sent = Enviado
out-status-failed = Fallido
out-calendar-publish = Calendario
out-calendar-request = Invitación para el calendario
out-calendar-cancel = Cancelación para el calendario
out-kind-invitation = Invitación
out-kind-invitation_declined = Invitación rechazada
out-kind-session_update = Sesión modificada
out-kind-session_cancelled = Sesión cancelada
out-kind-event_cancelled = Evento cancelado
out-kind-registration_confirmed = Inscripción confirmada
out-kind-registration_waitlisted = En la lista de espera
out-kind-registration_pending = Inscripción recibida
out-kind-registration_approved = Inscripción aprobada
out-kind-registration_rejected = Inscripción rechazada
out-kind-registration_cancelled = Inscripción cancelada
out-kind-registration_promoted = Plaza desde la lista de espera
out-kind-registration_reconfirm = Confirmación solicitada
out-kind-registration_released = Plaza liberada
out-kind-visa_letter_approved = Carta para el visado aprobada
out-kind-visa_letter_refused = Carta para el visado denegada
out-kind-summary_submitted = Resumen por revisar
out-kind-summary_approved = Resumen aprobado
out-kind-summary_returned = Resumen devuelto
out-kind-summary_reminder = Resumen pendiente
out-kind-summary_overdue = Resumen atrasado
out-kind-account_setup = Configuración de cuenta
out-kind-password_reset = Restablecimiento de contraseña
out-kind-membership_application = Solicitud de adhesión
out-kind-membership_rejected = Adhesión rechazada
out-kind-recommendation_review = Revisión de recomendación pendiente
out-kind-recommendation_digest = Recomendaciones atrasadas

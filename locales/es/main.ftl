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

# The organizers' page of an outcome report (templates/reports/edit.html, src/reports/pages.rs).
rep-title = Informe final
rep-badge-published = publicado
rep-badge-draft = borrador
rep-edition = edición { $edition }
rep-published-on = publicada el { $date }
rep-public-listed = público, y listado en
rep-only-organizers = solo los organizadores pueden verlo
rep-withdrawn-on = (la edición { $edition }, publicada el { $date }, ha sido retirada)
rep-withdrawn = (la edición { $edition } ha sido retirada)
rep-approved-count =
    { $count ->
        [one] 1 resumen aprobado
       *[other] { $count } resúmenes aprobados
    }
rep-nav = Informe
rep-read = Leer el informe
rep-preview = Vista previa del informe
rep-pdf = PDF
rep-summaries = Resúmenes
rep-not-done = No realizado
rep-text-kept = Su texto se conserva a continuación.
rep-changes =
    { $count ->
        [one] 1 cambio desde la publicación
       *[other] { $count } cambios desde la publicación
    }
rep-changes-published-on = El público lee la edición { $edition }, publicada el { $date }. Estos cambios le llegarán cuando publique la edición { $next }.
rep-changes-published = El público lee la edición { $edition }. Estos cambios le llegarán cuando publique la edición { $next }.
rep-changes-withdrawn = Desde la edición { $edition }, el informe ha cambiado como sigue; publicarlo lo convertirá en la edición { $next }.
rep-change-added = Añadido
rep-change-removed = Eliminado
rep-change-changed = Modificado
rep-session = Sesión:
rep-what-changed = Qué cambió
rep-what-changed-in = en { $title }
rep-publish-edition = Publicar la edición { $edition }
rep-unchanged-first = El público lee el informe tal como está: nada ha cambiado desde su publicación.
rep-unchanged = El público lee el informe tal como está: nada ha cambiado desde la publicación de la edición { $edition }.
rep-missing = Los resúmenes de estas sesiones no están aprobados, por lo que no figuran en el informe:
rep-progress-none = Sin empezar
rep-progress-draft = Borrador
rep-progress-submitted = Enviado
rep-progress-approved = Aprobado
rep-progress-returned = Devuelto
rep-introduction-hint = Abre el informe. Use los botones, o escriba Markdown: *cursiva*, **negrita**, «- » para listas, una línea en blanco entre párrafos.
rep-save = Guardar
rep-save-publish-edition = Guardar y publicar la edición { $edition }
rep-save-withdraw = Guardar y retirar de la publicación
rep-save-publish = Guardar y publicar
rep-part-introduction = Introducción
rep-part-event = Sobre el evento
rep-part-session = Sesión
rep-part-conclusions = Conclusiones
rep-part-translations = Traducciones de la introducción y las conclusiones

# What the organizers are told after saving (src/reports/pages.rs).
rep-flash-published-first = Publicado: el informe es público y figura en Documentos.
rep-flash-published-edition = Edición { $edition } publicada: el público lee ahora el informe tal como está.
rep-flash-published-unchanged = Publicado: nada había cambiado desde la edición { $edition }, así que el público lee la edición { $edition }.
rep-flash-withdrawn = Retirado: el informe ya no es público.
rep-flash-saved = Guardado.

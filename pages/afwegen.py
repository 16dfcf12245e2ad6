from werkblad.content import OPTIONS_TABLE_HEADING, STEP_BY_SLUG
from werkblad.ui import editors, layout, nav

nav.through_app()
step = STEP_BY_SLUG["afwegen"]
layout.step_header(step)
layout.leader_guidance(step)
layout.table_heading(OPTIONS_TABLE_HEADING)
editors.table_section(editors.OPTIONS)
layout.text_fields(step.fields_after_table)
nav.prev_next(step.slug)

from werkblad.content import PLAYERS_DISCLAIMER, PLAYERS_TABLE_HEADING, STEP_BY_SLUG
from werkblad.ui import editors, layout, nav

nav.through_app()
step = STEP_BY_SLUG["verkennen"]
layout.step_header(step)
layout.leader_guidance(step)
layout.table_heading(PLAYERS_TABLE_HEADING, PLAYERS_DISCLAIMER)
editors.table_section(editors.PLAYERS)
layout.text_fields(step.fields_after_table)
layout.shared_question_hints_box()
nav.prev_next(step.slug)

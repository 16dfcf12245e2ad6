from werkblad.content import STEP_BY_SLUG
from werkblad.ui import layout, nav

nav.through_app()
step = STEP_BY_SLUG["kiezen"]
layout.step_header(step)
layout.leader_guidance(step)
layout.text_fields(step.fields)
nav.prev_next(step.slug)

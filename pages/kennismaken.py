from werkblad.content import STEP_BY_SLUG
from werkblad.ui import layout, nav

nav.through_app()
step = STEP_BY_SLUG["kennismaken"]
layout.step_header(step)
layout.opening_agreements()
layout.leader_guidance(step)
layout.woo_notice()
layout.text_fields(step.fields)
nav.prev_next(step.slug)

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from notifications.panels import WaitingForMePanel


@hooks.register("construct_homepage_panels")
def replace_review_panel(request, panels):
    """Wagtail's "Awaiting your review" becomes "Waiting for me" with ages and units."""
    panels[:] = [p for p in panels if not isinstance(p, WorkflowObjectsToModeratePanel)]
    panels.append(WaitingForMePanel())

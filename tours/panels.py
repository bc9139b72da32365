"""Admin panels of the tours app."""

from wagtail.admin.panels import Panel


class BrokenSceneLinksPanel(Panel):
    """Lists a scene's links to rooms visitors cannot reach (deleted, unpublished, moved).

    The public page leaves such links out silently; this panel makes them
    visible to the editor, above the hotspots. Shown only when there are some.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "tours/panels/broken_scene_links_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.problems = self.instance.scene_link_problems() if self.instance is not None else []

        def is_shown(self):
            return bool(self.problems)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["problems"] = self.problems
            return context

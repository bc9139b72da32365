from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The anonymous page cache and the invalidation of it and of the HTTP cache in front."""

    name = "caching"

    def ready(self):
        from caching import invalidation

        invalidation.connect_signals()

"""The archive's static files are the apps' current ones, not an older collectstatic's."""

from django.contrib.staticfiles import finders

from static_archive.builder import Crawl, static_file


def test_a_stale_static_root_does_not_reach_the_archive(settings, tmp_path):
    (tmp_path / "tours").mkdir()
    (tmp_path / "tours" / "tours.js").write_text("/* an older collectstatic */")
    settings.STATIC_ROOT = tmp_path
    output = static_file("tours/tours.js", "/static/tours/tours.js", Crawl())
    with open(finders.find("tours/tours.js"), "rb") as current:
        assert output.content == current.read()

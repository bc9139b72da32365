"""Highlighting: escaped text, <mark> around the query's words only, a passage around the first match."""

from search.extracts import START, STOP, fold, highlight_text, marks_to_html


def test_words_are_marked_ignoring_case_and_accents():
    html = highlight_text("Événement: the EVENEMENT of événements.", ["evenement"])
    assert html == "<mark>Événement</mark>: the <mark>EVENEMENT</mark> of événements."


def test_text_is_escaped_before_marking():
    html = highlight_text("<script>alert('quokka')</script> & quokka", ["quokka", "script"])
    assert html == (
        "&lt;<mark>script</mark>&gt;alert(&#x27;<mark>quokka</mark>&#x27;)&lt;/<mark>script</mark>&gt; &amp; "
        "<mark>quokka</mark>"
    )


def test_a_long_text_is_cut_to_a_passage_around_the_first_match():
    text = " ".join(f"word{number}" for number in range(200)) + " quokka " + " ".join(["tail"] * 100)
    html = highlight_text(text, ["quokka"], max_chars=120)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>quokka</mark>" in html
    assert len(html) < 180


def test_a_long_text_without_a_match_keeps_its_start():
    html = highlight_text("start " + "filler " * 100, ["absent"], max_chars=50)
    assert html.startswith("start filler") and html.endswith(" …")


def test_postgresql_markers_become_mark_elements_and_markup_is_escaped():
    assert marks_to_html(f"a <b> {START}partenariat{STOP}  durable") == "a &lt;b&gt; <mark>partenariat</mark> durable"
    # Unbalanced markers (a cut headline) are dropped rather than leaving an open element.
    assert marks_to_html(f"{START}partenariat") == "partenariat"


def test_fold():
    assert fold("Cjeloživotno ÉTÉ") == "cjelozivotno ete"

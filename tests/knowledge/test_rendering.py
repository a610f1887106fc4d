"""Markdown is rendered sanitised; references are read from BibTeX and RIS; DOIs checked."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from coachbridge.knowledge.references import ReferenceError, parse_reference
from coachbridge.knowledge.rendering import GlossaryEntry, GlossaryLinker, render_markdown
from coachbridge.knowledge.validators import normalise_doi, validate_doi
from tests.knowledge.test_writing import BIBTEX, RIS

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**vet** en *schuin*", "<p><strong>vet</strong> en <em>schuin</em></p>"),
        ("<script>alert(1)</script>Hallo", "\n<p>Hallo</p>"),
        ('<img src="x" onerror="alert(1)">', "<p><img></p>"),
        ("[klik](javascript:alert(1))", '<p><a rel="noopener noreferrer nofollow">klik</a></p>'),
        ('<p style="color:red" onclick="x()">Tekst</p>', "<p>Tekst</p>"),
        ("![grafiek](https://tracker.example/pixel.png)", '<p><img alt="grafiek"></p>'),
        (
            "![grafiek](/knowledge/images/7/)",
            '<p><img alt="grafiek" src="/knowledge/images/7/"></p>',
        ),
        ("# Kop", "<h3>Kop</h3>"),
        ("<iframe src='https://evil.example'></iframe>", ""),
    ],
)
def test_markdown_is_sanitised(source, expected):
    assert render_markdown(source) == expected


def test_glossary_linker_skips_links_and_headings_and_links_once():
    entry = GlossaryEntry("effect-size", "effectgrootte", "Hoe groot", "/g/#effect-size")
    linker = GlossaryLinker([entry], "nl")

    first = linker.link(
        '<h3>Effectgrootte</h3><p><a href="/x">effectgrootte</a> en de Effectgrootte</p>'
    )
    second = linker.link("<p>Nog een effectgrootte.</p>")

    assert first == (
        '<h3>Effectgrootte</h3><p><a href="/x">effectgrootte</a> en de '
        '<a class="glossary-term" href="/g/#effect-size" title="Hoe groot">Effectgrootte</a></p>'
    )
    assert second == "<p>Nog een effectgrootte.</p>"


def test_multi_word_terms_win_over_their_parts():
    entries = [
        GlossaryEntry("review", "review", "r", "/g/#review"),
        GlossaryEntry("systematic-review", "systematic review", "s", "/g/#systematic-review"),
    ]

    html = GlossaryLinker(entries, "en").link("<p>A systematic review and a review.</p>")

    assert html == (
        '<p>A <a class="glossary-term" href="/g/#systematic-review" title="s">systematic review</a>'
        ' and a <a class="glossary-term" href="/g/#review" title="r">review</a>.</p>'
    )


def test_bibtex_and_ris_give_the_same_kind_of_reference():
    bib, ris = parse_reference(BIBTEX), parse_reference(RIS)

    assert (bib.year, bib.doi, bib.volume, bib.issue, bib.pages) == (
        "2014",
        "10.1080/17439760.2013.837499",
        "9",
        "1",
        "1\u201318",
    )
    assert (ris.year, ris.doi, ris.journal, ris.pages) == (
        "2020",
        "10.1177/0018726718819725",
        "Human Relations",
        "35\u201358",
    )


@pytest.mark.parametrize("text", ["@book{x,\n  author = {A}\n}", "TY  - JOUR\nAU  - A\nER  - \n"])
def test_reference_without_title_is_refused(text):
    with translation.override("en"), pytest.raises(ReferenceError, match="no title"):
        parse_reference(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://doi.org/10.1037/cpb0000058", "10.1037/cpb0000058"),
        ("doi: 10.1037/cpb0000058", "10.1037/cpb0000058"),
        (" 10.1037/cpb0000058 ", "10.1037/cpb0000058"),
    ],
)
def test_doi_forms_are_normalised_and_valid(value, expected):
    validate_doi(value)

    assert normalise_doi(value) == expected


@pytest.mark.parametrize("value", ["10.12/x", "11.1234/x", "10.1234", "10.1234/with space"])
def test_bad_dois_are_refused(value):
    with pytest.raises(ValidationError):
        validate_doi(value)

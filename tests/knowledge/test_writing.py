"""Writing a summary or debunk: the structured form, DOI checks, reference import, images."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coachbridge.common.models import Theme
from coachbridge.knowledge.enums import ItemKind, ItemStatus
from coachbridge.knowledge.models import Image, Item
from tests.factories.knowledge import ItemFactory
from tests.knowledge.access import png_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BIBTEX = """@article{theeboom2014,
  author = {Theeboom, Tim and Beersma, Bianca and van Vianen, Annelies E. M.},
  title = {Does coaching work? {A} meta-analysis},
  journal = {The Journal of Positive Psychology},
  year = {2014}, volume = {9}, number = {1}, pages = {1--18},
  doi = {10.1080/17439760.2013.837499}
}"""
RIS = """TY  - JOUR
AU  - Graßmann, Carolin
AU  - Schermuly, Carsten C.
TI  - The relationship between working alliance and client outcomes in coaching
JO  - Human Relations
PY  - 2020
VL  - 73
IS  - 1
SP  - 35
EP  - 58
DO  - 10.1177/0018726718819725
ER  -
"""


def summary_data(**extra):
    data = {
        "title": "Werkt coaching?",
        "lead": "Ja, gemiddeld wel.",
        "language": "nl",
        "question": "Helpt coaching op het werk?",
        "method": "Achttien studies samen.",
        "findings": "Een middelgroot effect.",
        "practice": "Vertel het je opdrachtgever.",
        "limitations": "Weinig studies.",
        "evidence": "review",
        "doi": "",
        "citation": "",
        "agenda_question": "",
        "study_url": "",
    }
    data.update(extra)
    return data


def test_member_writes_a_summary_and_a_version_is_kept(client_for, member):
    theme = Theme.objects.get(slug="process-outcome")

    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(themes=[theme.pk], doi="https://doi.org/10.1080/17439760.2013.837499"),
    )

    item = Item.objects.get()
    assert response.status_code == 302
    assert (item.kind, item.status, item.author) == (ItemKind.SUMMARY, ItemStatus.DRAFT, member)
    assert item.doi == "10.1080/17439760.2013.837499"
    assert list(item.themes.all()) == [theme]
    assert [(v.number, v.reason) for v in item.versions.all()] == [(1, "saved")]
    assert " coach " in item.search_text


def test_debunk_form_asks_for_the_debunking_structure_only(client_for, member):
    response = client_for(member).get(reverse("knowledge:item-create", args=["debunk"]))

    fields = list(response.context["form"].fields)
    assert [f for f in fields if f in ("fact", "myth", "fallacy", "fact_again", "instead")] == [
        "fact",
        "myth",
        "fallacy",
        "fact_again",
        "instead",
    ]
    assert "question" not in fields
    assert "Debunking Handbook" in response.content.decode()


def test_unknown_kind_is_not_found(client_for, member):
    response = client_for(member).get(reverse("knowledge:item-create", args=["poem"]))

    assert response.status_code == 404


@pytest.mark.parametrize("doi", ["12.345/abc", "doi:10.12/x", "10.1080 17439760", "see website"])
def test_malformed_doi_is_refused_and_the_text_is_kept(client_for, english_member, doi):
    member = english_member
    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]), summary_data(doi=doi)
    )

    assert response.status_code == 200
    assert "This is not a DOI" in str(response.context["form"].errors["doi"])
    assert "Achttien studies samen." in response.content.decode()
    assert Item.objects.count() == 0


def test_bibtex_import_fills_the_source_and_keeps_what_was_typed(client_for, member):
    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(import_reference="1", reference_text=BIBTEX, findings="Mijn eigen tekst."),
    )

    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial["doi"] == "10.1080/17439760.2013.837499"
    assert form.initial["citation"] == (
        "Theeboom, Tim; Beersma, Bianca; van Vianen, Annelies E. M. (2014). Does coaching work? "
        "A meta-analysis. The Journal of Positive Psychology, 9(1), 1\u201318. "
        "https://doi.org/10.1080/17439760.2013.837499"
    )
    assert form.initial["findings"] == "Mijn eigen tekst."
    assert Item.objects.count() == 0


def test_ris_file_upload_fills_the_source(client_for, member):
    upload = SimpleUploadedFile(
        "ref.ris", RIS.encode(), content_type="application/x-research-info-systems"
    )

    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        {**summary_data(), "import_reference": "1", "reference_file": upload},
    )

    initial = response.context["form"].initial
    assert initial["doi"] == "10.1177/0018726718819725"
    assert initial["citation"].startswith("Graßmann, Carolin; Schermuly, Carsten C. (2020).")
    assert "Human Relations, 73(1), 35\u201358." in initial["citation"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@article{x, title = {unclosed", "We could not read this BibTeX"),
        ("TY  - JOUR\nTI  - no end", "We could not read this RIS"),
        ("Theeboom et al. 2014", "We do not recognise this format"),
        ("", "Paste a BibTeX or RIS reference"),
    ],
)
def test_malformed_reference_gives_a_clear_message_and_loses_nothing(
    client_for, english_member, text, message
):
    member = english_member
    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(import_reference="1", reference_text=text, title="Mijn titel"),
    )

    assert response.status_code == 422
    assert response.context["import_error"].startswith(message)
    assert response.context["form"].initial["title"] == "Mijn titel"
    assert message in response.content.decode()


def test_translation_must_be_in_the_other_language(client_for, member):
    dutch = ItemFactory(status=ItemStatus.PUBLISHED, language="nl")

    same = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(translation_of=dutch.pk, language="nl"),
    )
    other = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(translation_of=dutch.pk, language="en", title="Does coaching work?"),
    )

    assert "translation_of" in same.context["form"].errors
    assert other.status_code == 302
    assert Item.objects.get(title="Does coaching work?").translation_of == dutch


def test_other_member_cannot_change_an_item(client_for, member):
    item = ItemFactory(status=ItemStatus.IN_REVIEW)

    response = client_for(member).post(
        reverse("knowledge:item-edit", args=[item.pk]), summary_data(title="Overgenomen")
    )

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.title != "Overgenomen"


def test_image_upload_is_checked_and_served_with_safe_headers(client_for, member):
    item = ItemFactory(author=member)
    good = SimpleUploadedFile("chart.png", png_bytes(), content_type="image/png")

    response = client_for(member).post(
        reverse("knowledge:item-images", args=[item.pk]), {"image": good, "alt": "Een grafiek"}
    )
    image = Image.objects.get()
    served = client_for(member).get(image.get_absolute_url())

    assert response.status_code == 302
    assert (image.content_type, image.alt) == ("image/png", "Een grafiek")
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served.content == png_bytes()
    assert client_for(None).get(image.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.png", b"<script>alert(1)</script>", "not an image we can show"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "not an image"),
        ("huge.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10), "too big"),
    ],
)
def test_bad_uploads_are_refused(client_for, english_member, name, content, message):
    member = english_member
    item = ItemFactory(author=member)

    response = client_for(member).post(
        reverse("knowledge:item-images", args=[item.pk]),
        {"image": SimpleUploadedFile(name, content), "alt": "Iets"},
    )

    assert response.status_code == 422
    assert message in str(response.context["form"].errors["image"])
    assert Image.objects.count() == 0


def blank_png(width, height):
    """A valid black-and-white PNG of any size, made without holding its pixels in memory."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\0" * (1 + (width + 7) // 8)  # a filter byte, then one bit per pixel
    packer = zlib.compressobj()
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "size",
    [(6000, 5000), (20000, 20000)],
    ids=["over-our-limit", "over-pillows-limit"],
)
def test_an_image_with_too_many_pixels_is_refused(client_for, english_member, size):
    item = ItemFactory(author=english_member)
    content = blank_png(*size)

    response = client_for(english_member).post(
        reverse("knowledge:item-images", args=[item.pk]),
        {"image": SimpleUploadedFile("bomb.png", content), "alt": "Iets"},
    )

    assert len(content) < 2 * 1024 * 1024
    assert response.status_code == 422
    assert "This image has too many pixels." in str(response.context["form"].errors["image"])
    assert Image.objects.count() == 0


@pytest.mark.parametrize("study", ["²", "abc", "9" * 5000])
def test_a_summary_from_a_study_that_is_not_a_number_starts_empty(client_for, member, study):
    response = client_for(member).get(
        reverse("knowledge:item-create", args=["summary"]), {"study": study}
    )

    assert response.status_code == 200
    assert response.context["form"]["title"].value() in (None, "")

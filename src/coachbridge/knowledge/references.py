"""Read one reference from BibTeX or RIS text: DOI, a formatted citation and the source URL."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from coachbridge.knowledge.validators import normalise_doi


class ReferenceError(Exception):
    """The text is not a reference we can read; the message says why, for the author."""


@dataclass(frozen=True)
class Reference:
    authors: list[str]
    year: str
    title: str
    journal: str
    volume: str
    issue: str
    pages: str
    doi: str
    url: str

    def citation(self) -> str:
        """An APA-like line: Authors (year). Title. Journal, volume(issue), pages. DOI."""
        authors = "; ".join(self.authors)
        title = self.title.rstrip(".")
        end = "" if title.endswith(("?", "!")) else "."
        line = f"{authors} ({self.year or 'n.d.'}). {title}{end}"
        if self.journal:
            line += f" {self.journal}"
            if self.volume:
                line += f", {self.volume}"
                if self.issue:
                    line += f"({self.issue})"
            if self.pages:
                line += f", {self.pages}"
            line += "."
        if self.doi:
            line += f" https://doi.org/{self.doi}"
        return line.strip()


def _clean(value: object) -> str:
    text = str(value or "")
    text = re.sub(r"[{}]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_bibtex(text: str) -> Reference:
    import bibtexparser  # noqa: PLC0415 -- only needed when someone imports a reference

    if "@" not in text:
        raise ReferenceError(
            _("This is not BibTeX. A BibTeX entry starts with @article{ or similar.")
        )
    library = bibtexparser.parse_string(text)
    if library.failed_blocks or not library.entries:
        raise ReferenceError(
            _("We could not read this BibTeX. Check the braces and the commas between the fields.")
        )
    entry = library.entries[0]
    fields = {field.key.lower(): _clean(field.value) for field in entry.fields}
    if not fields.get("title"):
        raise ReferenceError(_("This reference has no title."))
    authors = [name.strip() for name in fields.get("author", "").split(" and ") if name.strip()]
    return Reference(
        authors=authors,
        year=fields.get("year", ""),
        title=fields["title"],
        journal=fields.get("journal", "") or fields.get("booktitle", ""),
        volume=fields.get("volume", ""),
        issue=fields.get("number", ""),
        pages=fields.get("pages", "").replace("--", "\u2013"),
        doi=normalise_doi(fields.get("doi", "")),
        url=fields.get("url", ""),
    )


def parse_ris(text: str) -> Reference:
    import rispy  # noqa: PLC0415 -- only needed when someone imports a reference

    if not re.search(r"^TY  - ", text, re.MULTILINE):
        raise ReferenceError(_("This is not RIS. A RIS record starts with a line 'TY  - '."))
    try:
        records = rispy.loads(text)
    except (OSError, ValueError, KeyError, IndexError) as error:
        raise ReferenceError(
            _("We could not read this RIS. Each record must start with TY and end with ER.")
        ) from error
    if not records:
        raise ReferenceError(
            _("We could not read this RIS. Each record must start with TY and end with ER.")
        )
    record = records[0]
    title = _clean(record.get("title") or record.get("primary_title"))
    if not title:
        raise ReferenceError(_("This reference has no title."))
    pages = "\u2013".join(p for p in (record.get("start_page"), record.get("end_page")) if p)
    year = _clean(record.get("year") or record.get("publication_year", ""))[:4]
    return Reference(
        authors=[_clean(a) for a in record.get("authors") or record.get("first_authors") or []],
        year=year,
        title=title,
        journal=_clean(
            record.get("journal_name")
            or record.get("secondary_title")
            or record.get("alternate_title1")
        ),
        volume=_clean(record.get("volume")),
        issue=_clean(record.get("number")),
        pages=pages,
        doi=normalise_doi(_clean(record.get("doi"))),
        url=_clean((record.get("urls") or [""])[0]),
    )


def parse_reference(text: str) -> Reference:
    """BibTeX or RIS, recognised by its first non-blank character."""
    stripped = text.strip()
    if not stripped:
        raise ReferenceError(_("Paste a BibTeX or RIS reference, or choose a file."))
    if stripped.startswith("@"):
        return parse_bibtex(stripped)
    if stripped.startswith("TY"):
        return parse_ris(stripped)
    raise ReferenceError(
        _("We do not recognise this format. Use BibTeX (starts with @) or RIS (starts with TY).")
    )

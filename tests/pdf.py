"""Read the text of a generated PDF, as a person copying it from a viewer would get it."""

from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def save_pages_as_png(pdf_path: Path, prefix: Path, *, scale: float = 0.8) -> list[Path]:
    """Render every page to `<prefix>-<n>.png`, to look at a generated PDF like a screenshot."""
    document = pdfium.PdfDocument(str(pdf_path))
    paths = []
    for number, page in enumerate(document, start=1):
        path = prefix.with_name(f"{prefix.name}-{number}.png")
        page.render(scale=scale).to_pil().save(path)
        paths.append(path)
    document.close()
    return paths

"""Read the text of a generated PDF, as a person copying it from a viewer would get it."""

from io import BytesIO

from pypdf import PdfReader


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)

"""Documents made from the events app: PDF and DOCX files."""

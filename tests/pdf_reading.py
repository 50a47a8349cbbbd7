"""A PDF's text for the tests: every page's, its runs of white space made one space."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_words(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())

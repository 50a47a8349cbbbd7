"""The take-home handout: a real PDF with the trigger point's name, pattern and self-care."""
import io

import pytest
from pypdf import PdfReader

from trigger_map import export
from trigger_map.export import handout_pdf


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_handout_has_the_trigger_point_and_what_to_do(engine):
    data = handout_pdf(engine, "upper-trapezius-1@left", note="Twice a day, gently.")
    assert data.startswith(b"%PDF")
    text = " ".join(pdf_text(data).split())
    row = engine.dataset.trigger_points.loc["upper-trapezius-1"]
    assert "Upper trapezius" in text and "left side" in text
    assert "Twice a day, gently." in text
    assert " ".join(row["self_care"].split())[:40] in text
    assert "not a diagnosis" in text
    assert "temple (left)" in text


def test_handout_without_a_unicode_font_falls_back_to_latin_1(engine, monkeypatch):
    monkeypatch.setattr(export, "FONT_DIRS", ())
    data = handout_pdf(engine, "masseter-1@right", note="Caf\u00e9 \u2013 \u201cslowly\u201d \u2713")
    text = pdf_text(data)
    assert "Masseter" in text and 'Caf\u00e9 - "slowly" ?' in text


@pytest.mark.parametrize("key", ["soleus-1@right", "gluteus-minimus-1@left", "sternalis-1@right"])
def test_handout_for_any_view_and_side(engine, key):
    assert len(PdfReader(io.BytesIO(handout_pdf(engine, key))).pages) >= 1

"""The PDF handout carries the red flags of its pattern's areas: a matched flag as a framed warning
at the top, the rest as watch-for lines at the end."""

from pdf_reading import pdf_words as pdf_text

from trigger_map.export import handout_pdf


def test_area_only_handout_has_watch_for_lines_and_no_warning(engine):
    text = pdf_text(handout_pdf(engine, "sternalis-1@right"))
    assert "Watch for: see a doctor if you also have" in text
    assert "Chest pain that spreads to the arm" in text
    assert "needs a doctor, not a massage" not in text


def test_matched_emergency_comes_first(engine):
    text = pdf_text(handout_pdf(engine, "sternalis-1@right", symptoms=("cold-sweat",)))
    warning = text.index("needs a doctor, not a massage")
    assert warning < text.index("What you can do")
    assert text.index("Call emergency services now: Chest pain that spreads", warning) > warning


def test_facts_match_in_the_handout(engine):
    key = "rectus-abdominis-2@left"
    assert "needs a doctor, not a massage" not in pdf_text(handout_pdf(engine, key))
    text = pdf_text(handout_pdf(engine, key, facts=frozenset({"pregnant"})))
    assert "needs a doctor, not a massage" in text and "pregnancy" in text

"""The take-home handout: a real PDF with the trigger point's name, pattern and self-care."""

import csv
import io
from itertools import pairwise

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
    assert "(TrP1), left side" in text  # once "(TrP1) (left side)": two brackets in a row
    assert "Twice a day, gently." in text
    assert " ".join(row["self_care"].split())[:40] in text
    assert "not a diagnosis" in text
    assert "temple (left)" in text


def test_csv_cells_a_spreadsheet_would_run_are_neutralised():
    rows = [
        {
            "name": '=HYPERLINK("https://evil.example","x")',
            "b": "+1",
            "c": "-2+3",
            "d": "@SUM(A1)",
            "e": "\tx",
            "f": "plain",
            "g": -1.5,
            "h": 7,
        }
    ]
    text = export.csv_bytes(rows).decode("utf-8-sig")
    assert text.splitlines()[0] == "name,b,c,d,e,f,g,h"
    assert next(csv.reader(io.StringIO(text.splitlines()[1]))) == [
        '\'=HYPERLINK("https://evil.example","x")',
        "'+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "plain",
        "-1.5",
        "7",
    ]
    assert export.csv_bytes([]) == "".encode("utf-8-sig")


def embedded_fonts(data: bytes) -> set[str]:
    """The fonts a PDF embeds, without fpdf2's subset prefix ('ABCDEF+DejaVuSans' -> 'DejaVuSans')."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_handout_prints_with_the_fonts_in_the_repository(engine):
    """No font of the machine is used: the same handout everywhere."""
    data = handout_pdf(engine, "masseter-1@right", note="Caf\u00e9 \u2013 \u201cslowly\u201d \u2713")
    assert "Caf\u00e9 \u2013 \u201cslowly\u201d \u2713" in pdf_text(data)
    assert embedded_fonts(data) == {"DejaVuSansBook", "DejaVuSansBold"}
    for file in (*export.TEXT_FONTS.values(), *export.FALLBACK_FONTS.values()):
        assert (export.FONT_DIR / file).is_file()
    assert sum(p.stat().st_size for p in export.FONT_DIR.iterdir()) < 12_000_000  # kept modest


@pytest.mark.parametrize(
    "note, font",
    [
        ("\u4e2d\u6587 \u65e5\u672c\u8a9e", "DroidSansFallback"),  # Chinese, Japanese
        ("\ud55c\uad6d\uc5b4", "NanumSquare"),  # Korean
        ("\U0001f600 \U0001f44d", "Symbola"),  # emoji
    ],
)
def test_a_note_in_another_script_is_printed_with_the_font_that_has_it(engine, note, font):
    data = handout_pdf(engine, "masseter-1@right", note=note)
    assert font in embedded_fonts(data)
    assert "cannot be printed" not in pdf_text(data)


@pytest.mark.parametrize(
    ("note", "fonts"),
    [
        ("Twice a day", []),
        ("\u6bcf\u5929\u4e24\u6b21\uff0c\u8f7b\u8f7b\u5730", ["cjk"]),  # Chinese: Nanum has most of it too
        ("\u4e2d\u6587 \u65e5\u672c\u8a9e", ["cjk"]),  # Chinese and Japanese: Symbola has one of them
        ("\ud55c\uad6d\uc5b4", ["korean"]),
        ("\U0001f44d", ["symbols"]),
        ("\u4e2d \ud55c \U0001f44d", ["cjk", "korean", "symbols"]),
    ],
)
def test_a_note_reads_only_the_fallback_fonts_it_uses(note, fonts):
    assert export.fallback_fonts_for(note) == fonts
    assert [f for f in export.Handout(note).fonts if f in export.FALLBACK_FONTS] == fonts


def test_every_character_of_a_mixed_note_is_printed(mini_engine):
    note = "\u4e2d\u6587 \ud55c\uad6d\uc5b4 \U0001f44d"
    data = handout_pdf(mini_engine, "temporalis-1@right", note=note)
    assert {"DroidSansFallback", "NanumSquare", "Symbola"} <= embedded_fonts(data)
    assert "cannot be printed" not in pdf_text(data)


@pytest.mark.parametrize(
    "note", ["\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd \u05dc\u05da"], ids=["Arabic", "Hebrew"]
)
def test_a_right_to_left_note_is_shaped_and_reads_as_typed(mini_engine, monkeypatch, note):
    assert export.unprintable(note) == []
    assert note in pdf_text(handout_pdf(mini_engine, "temporalis-1@right", note=note))
    monkeypatch.setattr(export, "needs_shaping", lambda text: False)  # what the handout would be without
    assert note not in pdf_text(handout_pdf(mini_engine, "temporalis-1@right", note=note))


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Twice a day, gently.", False),
        ("Caf\u00e9 \u2013 \u201cslowly\u201d \u2713 \u00bd", False),  # accents composed, punctuation
        ("\u4e2d\u6587 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4", False),  # Chinese, Japanese, Korean syllables
        ("\U0001f600 \U0001f44d", False),  # emoji on their own
        ("\u0645\u0631\u062d\u0628\u0627", True),  # Arabic
        ("\u05e9\u05dc\u05d5\u05dd", True),  # Hebrew
        ("\u0939\u093f\u0902\u0926\u0940", True),  # Hindi: vowel signs
        ("\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35", True),  # Thai: vowel marks above the line
        ("Cafe\u0301", True),  # an accent typed apart
        ("\U0001f469\u200d\U0001f4bb", True),  # emoji joined by a zero-width joiner
        ("\u1112\u1161\u11ab", True),  # Korean letters (jamo) that compose a syllable
        ("abc \u202eevil", True),  # a direction override
    ],
)
def test_shaping_is_on_only_for_text_that_needs_it(text, shaped):
    assert export.needs_shaping(text) is shaped
    assert bool(export.Handout(text).text_shaping) is shaped


def test_no_text_of_the_dataset_needs_shaping(dataset):
    """The handout's own text is printed unshaped (fast); so it must not need shaping."""
    tables = (dataset.muscles, dataset.trigger_points, dataset.conditions)
    needing = [v for table in tables for column in table for v in table[column].astype(str) if export.needs_shaping(v)]
    assert needing == []


def test_a_character_no_font_has_is_named_on_the_handout(mini_engine):
    note = "Melting \U0001fae0 face, private \ue000"
    assert export.unprintable(note) == ["\U0001fae0", "\ue000"]
    text = " ".join(pdf_text(handout_pdf(mini_engine, "temporalis-1@right", note=note)).split())
    assert (
        "Melting \ufffd face, private \ufffd [2 character(s) of the note cannot be printed and show as "
        "\ufffd: U+1FAE0, U+E000]"
    ) in text


@pytest.mark.parametrize("key", ["soleus-1@right", "gluteus-minimus-1@left", "sternalis-1@right"])
def test_handout_for_any_view_and_side(engine, key):
    assert len(PdfReader(io.BytesIO(handout_pdf(engine, key))).pages) >= 1


def page_of(reader: PdfReader, text: str) -> int:
    """The number of the first page whose text holds `text`."""
    return next(n for n, page in enumerate(reader.pages) if text in " ".join(page.extract_text().split()))


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page():
    """The trapezius handout once ended its first page with "Take care", the text on the next."""
    pdf = export.Handout()
    starts = [pdf.h - pdf.b_margin - gap for gap in (2, 5, 8, 11, 14, 17, 20, 30)]
    for n, start in enumerate(starts):
        pdf.add_page()
        pdf.set_y(start)
        pdf.heading(f"Heading number {n}")
        pdf.paragraph(f"Text number {n} " + "goes on and on " * 40)
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    for n in range(len(starts)):
        assert page_of(reader, f"Heading number {n}") == page_of(reader, f"Text number {n}")
    assert page_of(reader, "Heading number 7") == page_of(reader, "Heading number 6") + 2  # room: not moved


def test_the_framed_warning_is_never_split_over_two_pages():
    """Three signs take about 42 mm: with 30 mm left the whole frame moves on; with 60 mm it stays."""
    flags = [
        {"matched": True, "action": "emergency", "title": f"Sign {n}", "message": "Call now. " * 12 + f"End {n}."}
        for n in range(3)
    ]
    pdf = export.Handout()
    for room in (30, 60):
        pdf.add_page()
        pdf.set_y(pdf.h - pdf.b_margin - room)
        export._red_flags(pdf, flags)
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    texts = ["needs a doctor", "Sign 0", "End 0.", "Sign 2", "End 2."]
    assert len(reader.pages) == 3
    assert {page_of(reader, text) for text in texts} == {1}  # 30 mm: all on the next page
    last = " ".join(reader.pages[2].extract_text().split())  # 60 mm: all where it began
    assert "needs a doctor" in last and "End 2." in last


@pytest.mark.parametrize(("count", "step", "width"), [(1, 120, 16), (2, 120, 16), (8, 17.1, 16), (18, 7.06, 16)])
def test_the_chart_dates_never_overlap_and_show_the_first_and_latest(count, step, width):
    chosen = export.dated_visits(count, step, width)
    assert chosen[0] == 0 and chosen[-1] == count - 1
    assert chosen == sorted(set(chosen))
    assert all((b - a) * step >= width for a, b in pairwise(chosen))


def progress_of(engine, count: int) -> bytes:
    from datetime import date, timedelta

    from trigger_map.progress import progress
    from trigger_map.standards import load_standards, region_areas
    from trigger_map.visit_store import VisitRecord

    visits = [
        VisitRecord(n + 1, date(2026, 1, 5) + timedelta(days=14 * n), {"temple-l": 8 - n % 8, "calf-r": n % 5})
        for n in range(count)
    ]
    rows = progress(visits, load_standards(engine.body), region_areas(engine.body))
    return export.progress_pdf(engine, visits, rows)


def test_the_progress_charts_dates_are_spaced_and_its_table_is_light(engine):
    """18 visits: their dates once ran into one another under the chart, and the table's cells were
    filled with the chart's last colour, dark grey behind black text."""
    import re

    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(progress_of(engine, 18)))
    page = reader.pages[0]
    dates: list[tuple[float, float, str]] = []

    def seen(text, cm, tm, font, size):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text.strip()):
            dates.append((round(tm[5], 1), tm[4], text.strip()))

    page.extract_text(visitor_text=seen)
    axis_y = max({y for y, _, _ in dates}, key=lambda y: sum(1 for d in dates if d[0] == y))
    axis = sorted((x, text) for y, x, text in dates if y == axis_y)
    assert axis[0][1] == "2026-01-05" and axis[-1][1] == "2026-08-31" and len(axis) < 18
    pdf = export.Handout()
    pdf.set_font(pdf.family, "", 7)
    label = pdf.get_string_width("2026-01-05") * pdf.k  # in points, as the positions are
    assert all(b[0] - a[0] >= label for a, b in pairwise(axis))

    fills, colour = [], None
    operations = ContentStream(page.get_contents(), reader).operations
    for (operands, operator), (_, following) in pairwise(operations):
        if operator == b"rg":
            colour = [float(v) for v in operands]
        elif operator == b"re" and following in (b"f", b"B") and float(operands[2]) > 30:  # wider than ~10 mm
            fills.append(colour)
    assert len(fills) >= 19  # the heading row and a row per visit, every cell
    assert all(min(c) > 0.8 for c in fills)


def test_the_symptoms_read_as_a_sentence_under_their_heading(engine):
    """'What you may notice' then 'Back pain; hip or buttock pain; ...', not 'back pain; ...': the
    labels are written for the middle of a sentence, the handout shows them as one of their own."""
    row = engine.dataset.trigger_points.loc["gluteus-medius-1"]
    first = engine.dataset.symptoms.at[row["symptoms"][0], "label"]
    assert first[0].islower()  # as written in the data
    text = " ".join(pdf_text(handout_pdf(engine, "gluteus-medius-1@left")).split())
    assert f"What you may notice {first[0].upper()}{first[1:]}; " in text


def test_a_small_pattern_is_drawn_again_in_a_close_up_beside_the_views(engine):
    """A hand's pattern was a few millimetres on the handout's whole body, the X covering the
    fingers it names; now the X's view is drawn again around it, 48 mm wide."""
    assert "Close-up (front)" in pdf_text(handout_pdf(engine, "hand-lumbricals-1@left"))
    assert "Close-up (back)" in pdf_text(handout_pdf(engine, "abductor-hallucis-1@right"))  # the sole's inset
    assert "Close-up" not in pdf_text(handout_pdf(engine, "upper-trapezius-1@left"))  # head and neck: large


def test_a_close_up_holds_the_x_and_its_views_part_of_the_pattern(engine):
    import shapely

    from trigger_map.present import CLOSEUP_ASPECT, x_view_window

    small = 0
    for key, placed in engine.by_key.items():
        found = x_view_window(engine, key, export.HANDOUT_SMALL_PATTERN)
        window = found and found[1]
        regions = [engine.body.regions[r] for r in (*placed.essential, *placed.spillover)]
        part = [r.polygon for r in regions if r.view == placed.view] + [shapely.Point(placed.x, placed.y)]
        minx, miny, maxx, maxy = shapely.unary_union(part).bounds
        main_pain_here = any(r.view == placed.view for r in regions[: len(placed.essential)])
        assert (window is None) == (maxy - miny > export.HANDOUT_SMALL_PATTERN * 848 or not main_pain_here), key
        if window is not None:
            small += 1
            x, y, w, h = window
            assert x <= minx and y <= miny and maxx <= x + w and maxy <= y + h, key
            assert w / h == pytest.approx(CLOSEUP_ASPECT, abs=0.01), key
    assert 0.3 < small / len(engine.by_key) < 0.8  # hands, feet, faces, necks: not every pattern


def test_the_handouts_sources_start_as_the_texts_cite_them(engine):
    text = " ".join(pdf_text(handout_pdf(engine, "temporalis-1@left")).split())
    sources = text[text.index("Sources") :]
    assert "Davies & Davies 2013. Davies C, Davies A." in sources
    assert sources.index("Davies & Davies 2013") < sources.index("Simons et al. 1999")

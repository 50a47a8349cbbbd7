"""A take-home handout (PDF) for one trigger point: its pattern drawn on both views, and what to do.

fpdf2 draws the body as vector polygons straight from the regions, so the handout needs no browser.
It prints with the fonts shipped in assets/fonts (DejaVu Sans; Droid Sans Fallback for Chinese and
Japanese, Nanum Square for Korean, Symbola for emoji). A note that needs it is printed with text
shaping (HarfBuzz), so Arabic and Hebrew are joined and run right to left; other handouts are not
shaped (shaping every word took half of a handout's time: 0.60 s against 0.33 s). A character no
font has is printed as U+FFFD and named in the handout (`unprintable` lets a page say so before
printing).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import cast

from fontTools.ttLib import TTFont
from fpdf import FPDF, FontFace

from trigger_map.citations import references
from trigger_map.frame import HALF_WIDTH, MIDLINE
from trigger_map.lookup import Engine
from trigger_map.present import x_view_window
from trigger_map.safety import red_flags_for

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
TEXT_FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}  # style -> file
FALLBACK_FONTS = {  # only for what DejaVu lacks
    "cjk": "DroidSansFallbackFull.ttf",
    "korean": "NanumSquareR.ttf",
    "symbols": "Symbola.ttf",
}
MISSING = "\ufffd"
KEEP_LINES = 2  # lines of text a heading keeps with it on its page
# (font style, line height in mm per point of size, mm of space after) of a heading and a paragraph
HEADING, PARAGRAPH = ("B", 0.5, 1.0), ("", 0.48, 2.0)
# Never printed, so never missing: joiners, direction marks, variation selectors, tags.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\U000e0000-\U000e007f]")
SKIN, OUTLINE = (244, 235, 228), (138, 127, 120)
ESSENTIAL, SPILLOVER, MARK = (192, 57, 43), (236, 154, 143), (29, 29, 31)
SEE_A_DOCTOR = (
    "If pain is severe, new, getting worse, or comes with fever, weakness, numbness, chest pain or "
    "shortness of breath, see a doctor."
)
NOT_A_DIAGNOSIS = (
    "This handout shows a common pain pattern to explore with your therapist. It is not a diagnosis. " + SEE_A_DOCTOR
)
# the progress handout shows the person's own drawings, not a pattern from the books
PROGRESS_NOT_A_DIAGNOSIS = (
    "This handout shows the pain marked at your visits, to follow with your therapist. It is not a diagnosis. "
    + SEE_A_DOCTOR
)


# Text that only prints right with shaping: right-to-left letters and numbers, direction controls,
# combining marks (Indic and Thai vowel signs, accents typed apart), joiners, Hangul jamo to compose.
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_JAMO = re.compile("[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")


def needs_shaping(text: str) -> bool:
    """Whether `text` prints wrong without text shaping (see _RIGHT_TO_LEFT)."""
    return any(
        unicodedata.bidirectional(c) in _RIGHT_TO_LEFT
        or unicodedata.category(c) in ("Mn", "Mc", "Me")
        or c in "\u200c\u200d"
        or _JAMO.match(c)
        for c in text
    )


@cache
def _covered(file: str) -> frozenset[int]:
    """The code points a shipped font has a glyph for."""
    with TTFont(FONT_DIR / file, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _shown(char: str) -> bool:
    """A character that is printed (not a control, format or joining character, not a line break)."""
    return not (unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or _INVISIBLE.match(char))


def fallback_fonts_for(text: str) -> list[str]:
    """The fallback fonts (FALLBACK_FONTS' names, in its order) that print a character of `text`
    DejaVu lacks. fpdf2 takes each character from the first font in that order that has it, so a
    font whose characters an earlier one already has is never used and is not read (Nanum Square
    has many Chinese characters: a Chinese note read both, 1.0 s against 0.6 s)."""
    needed = {ord(c) for c in text} - _covered(TEXT_FONTS[""])
    fonts = []
    for name, file in FALLBACK_FONTS.items():
        if needed & _covered(file):
            fonts.append(name)
            needed -= _covered(file)
    return fonts


def unprintable(text: str) -> list[str]:
    """The characters of `text` that none of the handout's fonts can print, each once, in order."""
    fonts = [_covered(f) for f in (*TEXT_FONTS.values(), *FALLBACK_FONTS.values())]
    missing: list[str] = []
    for char in text:
        if char not in missing and _shown(char) and not any(ord(char) in font for font in fonts):
            missing.append(char)
    return missing


def printable(text: str) -> str:
    """`text` as the handout prints it: control characters dropped (line breaks kept), a character
    no font has replaced by U+FFFD."""
    missing = set(unprintable(text))
    return "".join(MISSING if c in missing else c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


# A cell a spreadsheet would run as a formula (=, +, -, @; tab and carriage return too, OWASP's list):
# an apostrophe in front keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A table cell for a CSV file: text that a spreadsheet would run as a formula gets a leading
    apostrophe (shown as the same text); numbers and other text stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(rows: list[dict]) -> bytes:
    """Rows (one dict each, same keys) as a UTF-8 CSV file a spreadsheet opens safely."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue().encode("utf-8-sig")  # the byte order mark tells a spreadsheet it is UTF-8


def code_points(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in chars)


class Handout(FPDF):
    def __init__(self, extra_text: str = ""):
        """`extra_text`: text from a person (the note); the fallback fonts it needs are added."""
        super().__init__(format="A4")
        for style, file in TEXT_FONTS.items():
            self.add_font("Body", style, str(FONT_DIR / file))
        self.family = "Body"
        fallbacks = fallback_fonts_for(extra_text)
        for name in fallbacks:  # a big font is read only when the note needs it
            self.add_font(name, "", str(FONT_DIR / FALLBACK_FONTS[name]))
        if fallbacks:
            self.set_fallback_fonts(fallbacks, exact_match=False)
        if needs_shaping(extra_text):
            self.set_text_shaping(True)  # Arabic and Hebrew joined, right to left (HarfBuzz)
        self.set_auto_page_break(True, margin=15)
        self.set_title("Trigger Map handout")
        self.set_creator("Trigger Map")

    def text_for_font(self, text: str) -> str:
        return printable(text)

    def heading(self, text: str, size: int = 12) -> None:
        """A heading, kept on one page with the first two lines of text that follow it: a heading
        left alone at the foot of a page is moved to the next one."""
        if self.will_page_break(self.heading_height(text, size) + KEEP_LINES * 10 * PARAGRAPH[1]):
            self.add_page()
        self._block(text, size, HEADING)

    def paragraph(self, text: str, size: int = 10) -> None:
        self._block(text, size, PARAGRAPH)

    def heading_height(self, text: str, size: int = 12) -> float:
        """The height in mm `heading(text, size)` takes, nothing drawn."""
        return self._block(text, size, HEADING, measure=True)

    def paragraph_height(self, text: str, size: int = 10) -> float:
        """The height in mm `paragraph(text, size)` takes, nothing drawn."""
        return self._block(text, size, PARAGRAPH, measure=True)

    def _block(self, text: str, size: int, kind: tuple[str, float, float], measure: bool = False) -> float:
        """Draw a heading or a paragraph (`kind`), or with `measure` only say its height in mm."""
        style, line, after = kind
        self.set_font(self.family, style, size)
        text = self.text_for_font(text)
        if measure:
            return cast(float, self.multi_cell(0, size * line, text, dry_run=True, output="HEIGHT")) + after
        self.multi_cell(0, size * line, text, new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(after)
        return 0.0


def _draw_view(
    pdf: Handout,
    engine: Engine,
    view: str,
    left: float,
    top: float,
    scale: float,
    essential,
    spillover,
    marker,
    labels: bool = True,
) -> None:
    """One view of the body with the zones filled, at (left, top) in mm, `scale` mm per unit;
    with `labels`, its name and the person's right and left."""
    origin = MIDLINE[view] - HALF_WIDTH

    def to_page(x: float, y: float) -> tuple[float, float]:
        return left + (x - origin) * scale, top + y * scale

    pdf.set_line_width(0.15)
    for region in engine.body.in_view(view):
        fill = ESSENTIAL if region.id in essential else SPILLOVER if region.id in spillover else SKIN
        pdf.set_fill_color(*fill)
        pdf.set_draw_color(*OUTLINE)
        pdf.polygon([to_page(x, y) for x, y in region.polygon.exterior.coords], style="DF")
    if marker is not None and marker.view == view:
        x, y = to_page(marker.x, marker.y)
        pdf.set_draw_color(*MARK)
        pdf.set_line_width(0.9)
        pdf.line(x - 2.2, y - 2.2, x + 2.2, y + 2.2)
        pdf.line(x - 2.2, y + 2.2, x + 2.2, y - 2.2)
    if not labels:
        return
    pdf.set_font(pdf.family, "B", 9)
    right_x, left_x = (
        (left + 30 * scale, left + 394 * scale) if view == "front" else (left + 394 * scale, left + 30 * scale)
    )
    pdf.text(right_x, top + 95 * scale, "R")
    pdf.text(left_x, top + 95 * scale, "L")
    pdf.text(left, top + 12 * scale, view.title())


ACTIONS = {
    "emergency": "Call emergency services now",
    "urgent": "See a doctor today",
    "soon": "Book a visit with your doctor",
}


def _red_flags(pdf: Handout, flags: list[dict]) -> None:
    """Matched flags first, as a framed warning; then the watch-for lines."""
    matched = [f for f in flags if f["matched"]]
    watch = [f for f in flags if not f["matched"]]
    if matched:
        title = "What you describe needs a doctor, not a massage"
        lines = [f"{ACTIONS[flag['action']]}: {flag['title']}. {flag['message']}" for flag in matched]
        if pdf.will_page_break(pdf.heading_height(title) + sum(pdf.paragraph_height(line) for line in lines)):
            pdf.add_page()  # the framed warning is never split over two pages
        pdf.set_draw_color(*ESSENTIAL)
        pdf.set_line_width(0.6)
        top = pdf.get_y()
        pdf.heading(title)
        for line in lines:
            pdf.paragraph(line)
        pdf.rect(pdf.l_margin - 2, top - 2, pdf.w - pdf.l_margin - pdf.r_margin + 4, pdf.get_y() - top + 2)
    if watch:
        pdf.heading("Watch for: see a doctor if you also have")
        for flag in watch:
            pdf.paragraph(f"- {flag['title']}: {ACTIONS[flag['action']].lower()}.", size=9)


def _pattern_pictures(pdf: Handout, engine: Engine, key: str) -> None:
    """The front and back of the body side by side, the pattern and the X drawn on them, and their key."""
    from trigger_map.figures import Marker  # the same marker the map draws

    placed = engine.by_key[key]
    scale = 0.16
    top = pdf.get_y()
    marker = Marker(key, placed.view, placed.x, placed.y, "")
    essential, spillover = set(placed.essential), set(placed.spillover)
    # a small pattern (a hand, a foot, the face: a few millimetres on the whole body) drawn again
    closeup = x_view_window(engine, key, largest=HANDOUT_SMALL_PATTERN)
    window = closeup[1] if closeup else None
    _draw_view(pdf, engine, "front", pdf.l_margin, top, scale, essential, spillover, marker)
    # with a close-up, the views close up (their frames have room either side of the arms)
    _draw_view(pdf, engine, "back", pdf.l_margin + (70 if window else 100), top, scale, essential, spillover, marker)
    if window is not None:
        _draw_closeup(pdf, engine, placed.view, window, top, essential, spillover, marker)
    pdf.set_y(top + 850 * scale + 2)
    pdf.paragraph(
        "Dark red: where the pain is usually felt. Light red: where it may spread. X: the trigger point.", size=8
    )


CLOSEUP_WIDTH = 48.0  # mm: the close-up beside the handout's two views, at the right margin
# A part of a pattern no taller than this share of the body (about 20 mm on the handout's 136 mm
# body: a hand, a foot, a face) is drawn again in a close-up
HANDOUT_SMALL_PATTERN = 0.15


def _draw_closeup(pdf: Handout, engine: Engine, view: str, window, top: float, essential, spillover, marker) -> None:
    """The window of a view drawn CLOSEUP_WIDTH mm wide at the right margin, framed and named."""
    x, y, w, h = window
    scale = CLOSEUP_WIDTH / w
    left, box_top, height = pdf.w - pdf.r_margin - CLOSEUP_WIDTH, top + 4, h * scale
    origin = MIDLINE[view] - HALF_WIDTH
    with pdf.rect_clip(left, box_top, CLOSEUP_WIDTH, height):
        _draw_view(
            pdf,
            engine,
            view,
            left - (x - origin) * scale,
            box_top - y * scale,
            scale,
            essential,
            spillover,
            marker,
            labels=False,
        )
    pdf.set_draw_color(*OUTLINE)
    pdf.set_line_width(0.3)
    pdf.rect(left, box_top, CLOSEUP_WIDTH, height)
    pdf.set_font(pdf.family, "B", 9)
    pdf.text(left, top + 1.9, f"Close-up ({view})")


def _handout_sections(engine: Engine, key: str, note: str) -> list[tuple[str, str]]:
    """The handout's titled paragraphs about the trigger point, the therapist's note (if any) first."""
    placed = engine.by_key[key]
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]

    def labels(ids):
        return ", ".join(engine.body.regions[r].display_label for r in ids)

    sections = [
        ("Where it lies", row["location"]),
        (
            "Where it sends pain",
            f"{row['referral']} Main area: {labels(placed.essential)}."
            + (f" May spread to: {labels(placed.spillover)}." if placed.spillover else ""),
        ),
        ("What you may notice", data.symptoms_sentence(row["symptoms"])),
        ("What you can do", row["self_care"]),
        ("Take care", row["precautions"]),
        ("What sets it off and keeps it going", row["activators"]),
    ]
    if note.strip():
        missing = unprintable(note)
        said = (
            f" [{len(missing)} character(s) of the note cannot be printed and show as {MISSING}: "
            f"{code_points(missing)}]"
            if missing
            else ""
        )
        sections.insert(0, ("Note from your therapist", note.strip() + said))
    return sections


def handout_pdf(engine: Engine, key: str, note: str = "", symptoms=(), facts=()) -> bytes:
    """The handout for the trigger point `key` ("<id>@<side>"), with an optional therapist's note;
    the red flags its pattern's areas raise, matched ones (from `symptoms` and `facts`) first."""
    placed = engine.by_key[key]
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]
    muscle = data.muscles.loc[row["muscle_id"]]
    pdf = Handout(note)
    pdf.add_page()
    pdf.heading(f"{muscle['name']}: {row['name']}, {placed.side} side", size=16)
    pdf.paragraph(f"{muscle['anatomical_name']}. Prepared {date.today():%d %B %Y} with Trigger Map.", size=9)
    _pattern_pictures(pdf, engine, key)
    sections = _handout_sections(engine, key, note)
    flags = red_flags_for(engine, placed.essential, symptoms, facts=facts)
    if any(f["matched"] for f in flags):
        _red_flags(pdf, [f for f in flags if f["matched"]])
    for title, text in sections:
        pdf.heading(title)
        pdf.paragraph(text)
    _red_flags(pdf, [f for f in flags if not f["matched"]])
    pdf.heading("Please note", size=10)
    pdf.paragraph(NOT_A_DIAGNOSIS, size=9)
    pdf.heading("Sources", size=10)
    for source in references(data.sources, row["sources"]).itertuples():
        pdf.paragraph(f"{source.short}. {source.citation}", size=8)  # as the texts cite it, then in full
    return bytes(pdf.output())


def _severity_fill(severity: int) -> tuple[int, int, int]:
    """Skin at 0 to the essential zone's red at 10."""
    t = max(0, min(10, severity)) / 10
    return tuple(round(a + (b - a) * (0.25 + 0.75 * t)) for a, b in zip(SKIN, ESSENTIAL, strict=True))  # type: ignore[return-value]


def _draw_drawing(pdf: Handout, engine: Engine, view: str, left: float, top: float, scale: float, areas) -> None:
    """One view of a visit's drawing: each painful area shaded by its severity."""
    origin = MIDLINE[view] - HALF_WIDTH
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*OUTLINE)
    for region in engine.body.in_view(view):
        severity = areas.get(region.id, 0)
        pdf.set_fill_color(*(_severity_fill(severity) if severity > 0 else SKIN))
        points = [(left + (x - origin) * scale, top + y * scale) for x, y in region.polygon.exterior.coords]
        pdf.polygon(points, style="DF")
    pdf.set_font(pdf.family, "B", 7)
    pdf.text(left, top + 12 * scale, view.title())


CHART_LINES = (
    ("total_severity", "Total severity"),
    ("areas", "Painful areas"),
    ("choir", "CHOIR"),
    ("michigan", "Michigan"),
    ("wpi", "WPI"),
)
CHART_DASHES = ((0, 0), (2.5, 1.2), (0.6, 1.0), (4, 1.5), (1.5, 0.6))  # each line its own dash, not colour alone
CHART_COLOURS = ((192, 57, 43), (63, 110, 156), (46, 139, 87), (120, 81, 169), (90, 90, 90))


def dated_visits(count: int, step: float, label_width: float) -> list[int]:
    """Which of `count` visits, `step` mm apart on the chart, get their date under the axis: evenly
    spaced, the first and the latest always, and never two dates closer than `label_width` mm."""
    if count < 2:
        return list(range(count))
    every = max(1, math.ceil(label_width / step))
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        if (count - 1 - chosen[-1]) * step < label_width:
            chosen.pop()  # the latest visit's date takes the place of the one too close to it
        chosen.append(count - 1)
    return chosen


def _chart(pdf: Handout, rows, left: float, top: float, width: float, height: float) -> None:
    """The progress chart drawn as vectors: one line per measure, each with its own dash and label."""
    top_value = max([1] + [r[m] for r in rows for m, _ in CHART_LINES])
    pdf.set_draw_color(*OUTLINE)
    pdf.set_line_width(0.2)
    pdf.line(left, top + height, left + width, top + height)
    pdf.line(left, top, left, top + height)
    pdf.set_font(pdf.family, "", 7)
    pdf.text(left - 6, top + 2, f"{top_value:g}")
    pdf.text(left - 4, top + height, "0")
    step = width / max(1, len(rows) - 1)
    label_width = max(pdf.get_string_width(r["date"]) for r in rows)
    for i in dated_visits(len(rows), step, label_width + 2):
        pdf.text(left + i * step - label_width / 2, top + height + 4, rows[i]["date"])
    pdf.text(left + width + 2, top + 4, "At the latest visit:")  # what the values beside the lines are
    for n, ((metric, name), colour) in enumerate(zip(CHART_LINES, CHART_COLOURS, strict=True)):
        points = [(left + i * step, top + height - height * r[metric] / top_value) for i, r in enumerate(rows)]
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.6)
        dash, gap = CHART_DASHES[n]
        pdf.set_dash_pattern(dash=dash, gap=gap)
        for a, b in pairwise(points):
            pdf.line(*a, *b)
        pdf.set_dash_pattern()
        for x, y in points:
            pdf.set_fill_color(*colour)
            pdf.rect(x - 0.8, y - 0.8, 1.6, 1.6, style="F")
        pdf.set_text_color(*colour)
        pdf.text(left + width + 2, top + 8 + n * 4, f"{name}: {rows[-1][metric]:g}")
    pdf.set_text_color(0, 0, 0)


def _measures_table(pdf: Handout, rows) -> None:
    """The measures of every visit, a row each, below a heading row."""
    pdf.set_font(pdf.family, "", 8)
    # the table takes the colours and line width last set (the chart's) for its cells and borders
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*OUTLINE)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=(26, 22, 18, 20, 16, 18, 14),
        text_align="CENTER",
        headings_style=FontFace(emphasis="BOLD", fill_color=SKIN),
    ) as table:
        table.row(["date", "total severity", "areas", "body (%)", "CHOIR", "Michigan", "WPI"])
        for r in rows:
            table.row(
                [
                    r["date"],
                    str(r["total_severity"]),
                    str(r["areas"]),
                    f"{r['share_of_body']:g}",
                    str(r["choir"]),
                    str(r["michigan"]),
                    str(r["wpi"]),
                ]
            )


def visits_between(visits) -> str:
    """ "3 visits, 01 November 2026 to 15 December 2026", or "1 visit, 01 November 2026"."""
    first, last = visits[0].date, visits[-1].date
    count = f"{len(visits)} visit{'s' if len(visits) != 1 else ''}"
    return f"{count}, {first:%d %B %Y}" + (f" to {last:%d %B %Y}" if last != first else "")


def _drawings(pdf: Handout, engine: Engine, visits) -> None:
    """The first and the latest visit's drawings side by side (one visit: its drawing alone), and their key."""
    scale, top = 0.1, pdf.get_y()
    shown = ((visits[0], "First visit"), (visits[-1], "Latest visit")) if len(visits) > 1 else ((visits[0], "Visit"),)
    for i, (visit, title) in enumerate(shown):
        left = pdf.l_margin + i * 92
        pdf.set_font(pdf.family, "B", 10)
        pdf.text(left, top + 3, f"{title}: {visit.date:%d %b %Y}")
        for j, view in enumerate(("front", "back")):
            _draw_drawing(pdf, engine, view, left + j * 44, top + 5, scale, visit.areas)
    pdf.set_y(top + 5 + 850 * scale + 2)
    pdf.paragraph("Darker red: more pain (severity 0-10, as marked at the visit).", size=8)


def progress_pdf(engine: Engine, visits, rows, figure=None, notes_of=()) -> bytes:
    """A progress handout: the first and latest visit's drawings, the chart of the measures over the
    visits, a table of them, and the notes of the visits in `notes_of` (visit ids). No client code."""
    notes = [v for v in visits if v.id in set(notes_of) and v.note.strip()]
    pdf = Handout(" ".join(v.note for v in notes))
    pdf.set_title("Trigger Map progress")
    pdf.add_page()
    pdf.heading("Your progress over your visits", size=16)
    pdf.paragraph(f"{visits_between(visits)}. Prepared {date.today():%d %B %Y} with Trigger Map.", size=9)
    _drawings(pdf, engine, visits)
    pdf.heading("How the measures changed" if len(rows) > 1 else "The measures")
    if len(rows) > 1:
        chart_top = pdf.get_y()
        _chart(pdf, rows, pdf.l_margin + 8, chart_top + 2, 120, 50)
        pdf.set_y(chart_top + 62)
    else:
        pdf.paragraph("The chart of how they change starts with the second visit.", size=9)
    _measures_table(pdf, rows)
    pdf.ln(3)
    if notes:
        pdf.heading("Notes from your therapist")
        for v in notes:
            missing = unprintable(v.note)
            said = f" [{len(missing)} character(s) cannot be printed: {code_points(missing)}]" if missing else ""
            pdf.paragraph(f"{v.date:%d %B %Y}: {v.note.strip()}{said}")
    pdf.heading("Please note", size=10)
    pdf.paragraph(
        "Total severity adds up how much each marked area hurt. CHOIR, Michigan and WPI count the areas of "
        "three published pain maps that hold a painful area. " + PROGRESS_NOT_A_DIAGNOSIS,
        size=9,
    )
    return bytes(pdf.output())

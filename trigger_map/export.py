"""A take-home handout (PDF) for one trigger point: its pattern drawn on both views, and what to do.

fpdf2 draws the body as vector polygons straight from the regions, so the handout needs no browser.
A Unicode font (DejaVu Sans) is used when the machine has one; otherwise the built-in Helvetica
with text reduced to Latin-1.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF

from trigger_map.body import MIDLINE
from trigger_map.lookup import Engine
from trigger_map.safety import red_flags_for

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
PLAIN = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
         "\u2026": "...", "\u2264": "<=", "\u2265": ">=", "\u00b7": "-"}
SKIN, OUTLINE = (244, 235, 228), (138, 127, 120)
ESSENTIAL, SPILLOVER, MARK = (192, 57, 43), (236, 154, 143), (29, 29, 31)
NOT_A_DIAGNOSIS = ("This handout shows a common pain pattern to explore with your therapist. It is not "
                   "a diagnosis. If pain is severe, new, getting worse, or comes with fever, weakness, "
                   "numbness, chest pain or shortness of breath, see a doctor.")


def _font_file(name: str) -> Path | None:
    return next((d / name for d in FONT_DIRS if (d / name).exists()), None)


class Handout(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        regular, bold = _font_file("DejaVuSans.ttf"), _font_file("DejaVuSans-Bold.ttf")
        self.unicode = bool(regular and bold)
        if self.unicode:
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold))
            self.family = "Body"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(True, margin=15)
        self.set_title("Trigger Map handout")
        self.set_creator("Trigger Map")

    def text_for_font(self, text: str) -> str:
        if self.unicode:
            return text
        for char, plain in PLAIN.items():
            text = text.replace(char, plain)
        return text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 12) -> None:
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.5, self.text_for_font(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(1)

    def paragraph(self, text: str, size: int = 10) -> None:
        self.set_font(self.family, "", size)
        self.multi_cell(0, size * 0.48, self.text_for_font(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(2)


def _draw_view(pdf: Handout, engine: Engine, view: str, left: float, top: float, scale: float,
               essential, spillover, marker) -> None:
    """One view of the body with the zones filled, at (left, top) in mm, `scale` mm per unit."""
    origin = MIDLINE[view] - 212

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
    pdf.set_font(pdf.family, "B", 9)
    right_x, left_x = (left + 30 * scale, left + 394 * scale) if view == "front" else (left + 394 * scale, left + 30 * scale)
    pdf.text(right_x, top + 95 * scale, "R")
    pdf.text(left_x, top + 95 * scale, "L")
    pdf.text(left, top + 12 * scale, view.title())


ACTIONS = {"emergency": "Call emergency services now", "urgent": "See a doctor today",
           "soon": "Book a visit with your doctor"}


def _red_flags(pdf: Handout, flags: list[dict]) -> None:
    """Matched flags first, as a framed warning; then the watch-for lines."""
    matched = [f for f in flags if f["matched"]]
    watch = [f for f in flags if not f["matched"]]
    if matched:
        pdf.set_draw_color(*ESSENTIAL)
        pdf.set_line_width(0.6)
        top = pdf.get_y()
        pdf.heading("What you describe needs a doctor, not a massage")
        for flag in matched:
            pdf.paragraph(f"{ACTIONS[flag['action']]}: {flag['title']}. {flag['message']}")
        pdf.rect(pdf.l_margin - 2, top - 2, pdf.w - pdf.l_margin - pdf.r_margin + 4, pdf.get_y() - top + 2)
    if watch:
        pdf.heading("Watch for: see a doctor if you also have")
        for flag in watch:
            pdf.paragraph(f"- {flag['title']}: {ACTIONS[flag['action']].lower()}.", size=9)


def handout_pdf(engine: Engine, key: str, note: str = "", symptoms=(), facts=()) -> bytes:
    """The handout for the trigger point `key` ("<id>@<side>"), with an optional therapist's note;
    the red flags its pattern's areas raise, matched ones (from `symptoms` and `facts`) first."""
    from trigger_map.figures import Marker  # the same marker the map draws

    placed = engine.by_key[key]
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]
    muscle = data.muscles.loc[row["muscle_id"]]
    pdf = Handout()
    pdf.add_page()
    pdf.heading(f"{muscle['name']}: {row['name']} ({placed.side} side)", size=16)
    pdf.paragraph(f"{muscle['anatomical_name']}. Prepared {date.today():%d %B %Y} with Trigger Map.", size=9)
    scale = 0.16
    top = pdf.get_y()
    marker = Marker(key, placed.view, placed.x, placed.y, "")
    _draw_view(pdf, engine, "front", pdf.l_margin, top, scale, set(placed.essential), set(placed.spillover), marker)
    _draw_view(pdf, engine, "back", pdf.l_margin + 100, top, scale, set(placed.essential), set(placed.spillover), marker)
    pdf.set_y(top + 850 * scale + 2)
    pdf.paragraph("Dark red: where the pain is usually felt. Light red: where it may spread. X: the trigger point.", size=8)
    labels = lambda ids: ", ".join(engine.body.regions[r].display_label for r in ids)
    sections = [
        ("Where it lies", row["location"]),
        ("Where it sends pain", f"{row['referral']} Main area: {labels(placed.essential)}."
         + (f" May spread to: {labels(placed.spillover)}." if placed.spillover else "")),
        ("What you may notice", "; ".join(data.symptoms.at[s, "label"] for s in row["symptoms"]) + "."),
        ("What you can do", row["self_care"]),
        ("Take care", row["precautions"]),
        ("What sets it off and keeps it going", row["activators"]),
    ]
    if note.strip():
        sections.insert(0, ("Note from your therapist", note.strip()))
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
    for source in row["sources"]:
        pdf.paragraph(data.sources.at[source, "citation"], size=8)
    return bytes(pdf.output())

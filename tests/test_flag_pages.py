"""Red flags on the pages (AppTest): an area alone gives calm watch-for lines; what the person
reported (symptoms, age band, pregnancy) makes a matched flag a banner on every page that shows flags."""

from __future__ import annotations

import html

from app_run import app
from paths import ROOT
from streamlit.testing.v1 import AppTest


def watch_lines(at: AppTest) -> str:
    """The "when to see a doctor instead" box (one HTML block), with the HTML escapes undone."""
    return html.unescape(next((h.proto.body for h in at.html if "When to see a doctor instead" in h.proto.body), ""))


def test_body_map_area_alone_watch_for_then_reported_sign_banner():
    at = app(region="breastbone")
    assert not at.exception
    assert not at.error and "<strong>Call emergency services</strong> if you also have" in watch_lines(at)
    at.session_state["pain_symptoms"] = ["cold-sweat"]
    at.run()
    assert not at.exception
    (banner,) = at.error
    assert "Chest pain that spreads" in banner.value.replace("\\", "")


def test_conditions_page_lists_its_flags_calmly():
    at = app("conditions", condition="thoracic-outlet-syndrome")
    assert not at.exception and not at.error
    lines = watch_lines(at)
    assert "a suddenly swollen, heavy or bluish arm" in lines  # the arm clot, not the calf
    assert "swollen, red or warm calf" not in lines


def test_flag_texts_are_shown_as_text_not_markup(tmp_path, monkeypatch):
    import csv
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "red_flags.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for row in rows:
        if row[0] == "heart-chest-pain":
            row[1] = "Chest **pain** [here](http://example.com) <b>x</b>"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    monkeypatch.setenv("TRIGGER_MAP_DATA", str(data))
    at = app(region="breastbone")
    assert not at.exception
    box = next(h.proto.body for h in at.html if "When to see a doctor instead" in h.proto.body)
    assert "chest **pain** [here](http://example.com) &lt;b&gt;x&lt;/b&gt;" in box, box
    assert "<b>" not in box and "href=" not in box


def test_many_areas_give_one_line_per_action_with_its_flags_listed():
    """Ten areas marked gave 28 watch-for lines, 14 of them "Call emergency services if you also
    have": now one line per action, most urgent first, each listing its flags once."""
    import re

    areas = "temple-l:5,back_of_neck-r:5,upper_chest-l:5,low_back-r:6,calf-l:4,heel-r:3,upper_abdomen-r:4,palm-l:3"
    at = app("where_it_hurts", areas=areas + ",front_of_knee-r:5,buttock-l:4")
    assert not at.exception
    box = watch_lines(at).split("<details>")[0]
    heads = re.findall(r"<strong>([^<]+)</strong> if you also have", box)
    assert heads == ["Call emergency services", "See a doctor today", "Book a doctor's visit"]
    titles = re.findall(r"<li>([^<]+)</li>", box)
    assert len(titles) == len(set(titles)) >= 20
    assert "sudden, severe headache (the worst ever)" in titles and "a swollen, red or warm calf" in titles

"""The dataset loader: valid data loads; every kind of broken row is named by file, row, column."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from app_run import rewrite
from paths import MINI_BODY, MINI_DATA

from trigger_map.data import (
    BENEFIT_IDS,
    DATA_DIR,
    DatasetError,
    Problem,
    load_dataset,
    muscle_label,
    read_tables,
    split_list,
)
from trigger_map.problems import numbered_rows
from trigger_map.validate import validate


def problems_for(data_dir: Path) -> list[str]:
    return [str(p) for p in validate(data_dir, MINI_BODY)]


def test_split_list_trims_and_drops_empty_entries():
    assert split_list(" temple ; jaw;; ") == ("temple", "jaw")
    assert split_list("") == ()


def test_numbered_rows_are_the_records_numbered_as_a_spreadsheet_numbers_them():
    frames, problems = read_tables()
    assert problems == [] and len(frames) >= 8
    for file, frame in frames.items():
        expected = list(enumerate(frame.to_dict("records"), start=2))
        assert list(numbered_rows(frame)) == expected, file
    empty = frames["trigger_points.csv"].iloc[0:0]
    assert list(numbered_rows(empty)) == []


def test_mini_dataset_is_valid():
    assert validate(MINI_DATA, MINI_BODY) == []
    data = load_dataset(MINI_DATA)
    assert data.trigger_points.at["temporalis-1", "essential_zones"] == ("temple",)
    assert data.trigger_points.at["temporalis-1", "x"] == 240.0


@pytest.mark.parametrize(
    "file, row, column, value, expected",
    [
        (
            "trigger_points.csv",
            3,
            "id",
            "upper-trapezius-1",
            "trigger_points.csv:3:id: duplicate value 'upper-trapezius-1'",
        ),
        ("trigger_points.csv", 2, "id", "Upper Trap", "trigger_points.csv:2:id: is not a slug"),
        ("trigger_points.csv", 4, "x", "left-ish", "trigger_points.csv:4:x: 'left-ish' is not a number"),
        ("trigger_points.csv", 4, "y", "5000", "trigger_points.csv:4:y: must be a number from 0 to 900"),
        ("trigger_points.csv", 2, "referral", "", "trigger_points.csv:2:referral: is empty"),
        ("trigger_points.csv", 2, "view", "side", "trigger_points.csv:2:view: must be one of: front, back"),
        (
            "trigger_points.csv",
            3,
            "symptoms",
            "headache;hiccups",
            "trigger_points.csv:3:symptoms: unknown id 'hiccups'",
        ),
        ("trigger_points.csv", 3, "conditions", "gout", "trigger_points.csv:3:conditions: unknown id 'gout'"),
        ("trigger_points.csv", 2, "sources", "nobody-1999", "trigger_points.csv:2:sources: unknown id 'nobody-1999'"),
        ("trigger_points.csv", 2, "muscle_id", "deltoid", "trigger_points.csv:2:muscle_id: unknown muscle 'deltoid'"),
        (
            "trigger_points.csv",
            2,
            "essential_zones",
            "temple;elbow",
            "trigger_points.csv:2:essential_zones: unknown region 'elbow'",
        ),
        (
            "trigger_points.csv",
            2,
            "spillover_zones",
            "jaw:sideways",
            "trigger_points.csv:2:spillover_zones: 'jaw:sideways'",
        ),
        ("trigger_points.csv", 2, "spillover_zones", "breastbone:both", "breastbone is unpaired"),
        (
            "trigger_points.csv",
            3,
            "x",
            "390",
            "trigger_points.csv:3:x: point (390.0, 75.0) lies in temple-l, not in temple-r",
        ),
        (
            "trigger_points.csv",
            3,
            "location_region",
            "jaw",
            "trigger_points.csv:3:x: point (240.0, 75.0) lies in temple-r, not in jaw-r",
        ),
        (
            "trigger_points.csv",
            2,
            "view",
            "front",
            "trigger_points.csv:2:view: top_of_shoulder is drawn in the back view",
        ),
        ("muscles.csv", 3, "body_area", "face", "muscles.csv:3:body_area: must be one of"),
        ("trigger_points.csv", 3, "body_area", "torso", "trigger_points.csv:3:body_area: must be one of"),
        ("muscles.csv", 2, "innervation", " ", "muscles.csv:2:innervation: is empty"),
        ("conditions.csv", 2, "muscles", "upper-trapezius;psoas", "conditions.csv:2:muscles: unknown id 'psoas'"),
        ("conditions.csv", 2, "evidence_level", "great", "conditions.csv:2:evidence_level: must be one of"),
        ("red_flags.csv", 2, "action", "panic", "red_flags.csv:2:action: must be one of: emergency, urgent, soon"),
        ("red_flags.csv", 2, "regions", "temple;belly", "red_flags.csv:2:regions: unknown region 'belly'"),
        ("benefits.csv", 3, "where", "neck;aura", "benefits.csv:3:where: unknown body area 'aura'"),
        ("sources.csv", 2, "kind", "rumour", "sources.csv:2:kind: must be one of"),
    ],
)
def test_broken_cell_is_reported_by_file_row_and_column(mini_copy, file, row, column, value, expected):
    rewrite(mini_copy / file, row, column, value)
    found = problems_for(mini_copy)
    assert any(expected in p for p in found), found


def test_missing_file_and_missing_column_are_reported(mini_copy):
    (mini_copy / "symptoms.csv").unlink()
    with open(mini_copy / "muscles.csv", encoding="utf-8") as f:
        text = f.read().replace(",innervation", "", 1)
    (mini_copy / "muscles.csv").write_text(text, encoding="utf-8")
    found = problems_for(mini_copy)
    assert any(p.startswith("symptoms.csv: file is missing") for p in found), found
    assert any(p.startswith("muscles.csv") for p in found), found


def test_a_missing_benefit_of_nmt_is_reported(mini_copy):
    lines = (mini_copy / "benefits.csv").read_text(encoding="utf-8").splitlines()
    (mini_copy / "benefits.csv").write_text("\n".join(line for line in lines if not line.startswith("posture")) + "\n")
    assert "benefits.csv:id: the NMT benefit 'posture' is missing" in problems_for(mini_copy)


def test_muscle_without_trigger_point_is_reported(mini_copy):
    with open(mini_copy / "muscles.csv", "a", encoding="utf-8") as f:
        f.write(
            "deltoid,Deltoid,Deltoid,shoulder,Clavicle,Humerus,Lifts the arm,Axillary nerve,Caps the shoulder.,book-a\n"
        )
    assert "muscles.csv:6:id: muscle has no trigger point" in problems_for(mini_copy)


def test_load_dataset_raises_with_every_problem(mini_copy):
    rewrite(mini_copy / "trigger_points.csv", 2, "x", "oops")
    rewrite(mini_copy / "muscles.csv", 2, "name", "")
    with pytest.raises(DatasetError) as error:
        load_dataset(mini_copy)
    where = {(p.file, p.row, p.column) for p in error.value.problems}
    assert ("trigger_points.csv", 2, "x") in where and ("muscles.csv", 2, "name") in where
    assert "trigger_points.csv:2:x" in str(error.value)


def test_problem_text_without_row():
    assert str(Problem("a.csv", None, None, "file is missing")) == "a.csv: file is missing"


def test_real_dataset_is_valid_and_complete(dataset):
    assert validate() == []
    assert set(BENEFIT_IDS) <= set(dataset.benefits.index)
    assert len(dataset.muscles) >= 110
    assert len(dataset.trigger_points) >= 200
    assert len(dataset.conditions) >= 25
    for seed in (
        "chronic-low-back-pain",
        "neck-shoulder-pain",
        "tension-type-headache",
        "tmj-dysfunction",
        "fibromyalgia",
    ):
        assert seed in dataset.conditions.index


def test_every_real_row_cites_a_source(dataset):
    for table in (dataset.trigger_points, dataset.muscles, dataset.conditions, dataset.benefits, dataset.red_flags):
        assert all(len(s) >= 1 for s in table["sources"])


def test_unknown_citation_marker_in_a_text_is_reported(mini_copy):
    rewrite(mini_copy / "conditions.csv", 2, "evidence", "Shown in a trial [nobody-2001].")
    assert "conditions.csv:2:evidence: cites unknown source [nobody-2001]" in problems_for(mini_copy)


def test_a_source_entered_twice_is_reported(mini_copy):
    with open(mini_copy / "sources.csv", "a", encoding="utf-8") as f:
        f.write(
            'book-b,article,"Author A. Again. J; 2001.",10.1/abc,,,\n'
            'book-c,article,"Author A. Again. J; 2001.",10.1/ABC,,,\n'
        )
    assert "sources.csv:4:doi: same DOI as row 3: cite that source instead" in problems_for(mini_copy)


# a comma or stop typed twice, a space before a mark or inside brackets, two spaces in a row
TYPO = re.compile(r",,|;;|\s[,.;:!?]|\(\s|\s\)| {2}|(?<!\.)\.\.(?!\.)")


def test_no_text_of_the_real_data_has_a_punctuation_slip():
    """Every cell of every table, as a reader sees it (the TMD evidence once read 'group,, with')."""
    slips = []
    for path in sorted(DATA_DIR.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as file:
            for number, row in enumerate(csv.DictReader(file), start=2):
                for column, value in row.items():
                    found = TYPO.search(value or "")
                    if found:
                        around = value[max(0, found.start() - 20) : found.end() + 20]
                        slips.append(f"{path.name}:{number}:{column}: {around!r}")
    assert slips == []


def test_a_muscle_label_gives_the_anatomical_name_only_when_it_differs():
    assert muscle_label("Piriformis", "Piriformis") == "Piriformis"
    assert muscle_label("Gluteus  medius", "gluteus medius") == "Gluteus  medius"
    assert muscle_label("Upper trapezius", "Trapezius, upper") == "Upper trapezius (Trapezius, upper)"


# words people type or say, not sentences: an acronym or a person's name keeps its capital (TMJ,
# de Quervain's), a plain word its small letter
NAMES_AS_TYPED = {("conditions.csv", "also_called"), ("synonyms.csv", "term")}


def test_a_column_of_the_real_data_starts_its_cells_alike():
    """In each column of each table, every text starts with a capital letter or every one with a
    small one: a fact is shown after its heading as a sentence ("Innervation. Superior gluteal
    nerve") and among a quiz's answers (113 of 143 nerve supplies once started with a small letter,
    30 with a capital)."""
    mixed = []
    for path in sorted(DATA_DIR.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        for column in rows[0]:
            if (path.name, column) in NAMES_AS_TYPED:
                continue
            starts = {(row[column] or " ")[0] for row in rows if (row[column] or " ")[0].isalpha()}
            if any(s.isupper() for s in starts) and any(s.islower() for s in starts):
                small = sum((row[column] or " ")[0].islower() for row in rows)
                mixed.append(f"{path.name}: {column}: {small} of {len(rows)} start with a small letter")
    assert mixed == []


def test_symptoms_make_a_sentence_with_its_capital_and_stop(dataset):
    ids = list(dataset.symptoms.index[:2])
    labels = [dataset.symptoms.at[i, "label"] for i in ids]
    said = dataset.symptoms_sentence(ids)
    assert said == f"{labels[0][:1].upper()}{labels[0][1:]}; {labels[1]}."
    assert dataset.symptoms_sentence(()) == ""


# the self-care a risky spot offers instead of pressing: "If in doubt, leave out the pressure and do
# only the stretch and slow belly breathing at the end."
SAFER = re.compile(
    r"If in doubt, leave out the pressure(?: \([^)]*\))? and do only the (?P<option>[^.]+?) at the end\."
)


def test_self_care_names_a_safer_option_before_the_steps_and_describes_it_after_them(dataset):
    """Where self-care warns of a risky spot, the safer option it offers is the last step of the same
    text: "Safer: the stretch alone." used to come straight before the pressing steps (read as the
    stretch itself), once named belly breathing that the text never described, and once pointed to
    "the same arm-back stretch" of another trigger point, which a handout does not show."""
    unclear = []
    for key, text in dataset.trigger_points["self_care"].items():
        if "Safer: the" in text or "the same arm-back" in text:
            unclear.append(f"{key}: {text[:80]}")
        found = SAFER.search(text)
        if found is None:
            continue
        after = text[found.end() :].lower()
        missing = [w for w in re.findall(r"[a-z]{4,}", found["option"]) if w[:5] not in after]
        if missing:
            unclear.append(f"{key}: 'do only the {found['option']}' but no {missing} after it")
    assert unclear == []
    assert sum(bool(SAFER.search(t)) for t in dataset.trigger_points["self_care"]) >= 20


# a place given by another trigger point that the panel or handout does not show
POINTED_ELSEWHERE = re.compile(
    r"\bthe same (notch|hollow|groove|band|spot|point)\b"
    r"|\bthan the (first|second|third|inner|outer|upper|lower) point\b"
)


def test_a_trigger_points_place_reads_on_its_own(dataset):
    """A panel and a handout show one trigger point: "Deep in the same notch below the cheekbone"
    (the lateral pterygoid's lower head) and "than the first point" pointed to texts not shown."""
    found = [
        f"{key}: {text[:70]}"
        for key, text in dataset.trigger_points["location"].items()
        if POINTED_ELSEWHERE.search(text)
    ]
    assert found == []


def test_evidence_does_not_say_its_level_again(dataset):
    """The pages show "Evidence (insufficient)." or "Evidence: mixed evidence." before the text:
    32 of 33 conditions' and 7 of 7 benefits' texts began with their level again ("Evidence
    (insufficient). Insufficient: clinical texts ...")."""
    said_twice = [
        key
        for table in (dataset.conditions, dataset.benefits)
        for key, row in table.iterrows()
        if row["evidence"].lower().startswith(row["evidence_level"])
    ]
    assert said_twice == []


def test_a_referral_says_where_the_pain_goes_first(dataset):
    """A client reads where it hurts, then how sure the books are: "Described as much like the
    interossei: pain along ..." began with a comparison to muscles most readers do not know."""
    leaning = [
        key
        for key, text in dataset.trigger_points["referral"].items()
        if re.match(r"(Described as|Thought to be|Much like|Like the|The same pattern)", text)
    ]
    assert leaning == []


def test_a_red_flag_title_has_no_colon_of_its_own(engine):
    """Titles are followed by a colon and the action ("...: call emergency services now"), in the
    handout and the watch box: a colon inside one read as two in a row."""
    assert not [t for t in engine.dataset.red_flags["title"] if ":" in t]

"""The search: the words people use find areas, muscles, trigger points, conditions and symptoms.

Measured on the real data with tests/fixtures/search_queries.txt (lay names, abbreviations, gym
names, groups, misspellings, half-typed words, region words): the expected result must be in the
top 3 for at least 95% of them. Nonsense finds nothing. Then the matcher's rules, the synonyms
table's checks, the command line and the search box on the pages (AppTest, real navigation)."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pytest
from app_run import app as run_page
from app_run import page_script, shared_query
from cli_run import run_cli
from paths import MINI_BODY, ROOT
from streamlit.testing.v1 import AppTest

from trigger_map.body import load_body
from trigger_map.data import DatasetError, load_dataset, read_tables
from trigger_map.lookup import Engine
from trigger_map.search import Matcher, normalize, words
from trigger_map.validate import validate

QUERIES = ROOT / "tests" / "fixtures" / "search_queries.txt"
TOP = 3
SHARE = 0.95
NONSENSE = [
    "xqzvw",
    "asdfgh",
    "qwerty",
    "zzzz",
    "lorem ipsum",
    "kjhgfd",
    "blorp",
    "12345",
    "!!!",
    "",
    "   ",
    "the",
    "aaaaaaa",
    "pizza",
    "car engine",
    "weather today",
    "foo bar baz",
    "<script>alert(1)</script>",
    "**bold**",
    "qqq www eee",
    # sentences with no name of ours in them
    "what is the weather like today",
    "i would like to order a pizza",
    "the quick brown fox jumps over the lazy dog",
    "how do i reset my password",
]


def read_queries() -> list[tuple[str, set[str]]]:
    cases = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, _, expected = line.partition(" = ")
            cases.append((query.strip(), {e.strip() for e in expected.split("|")}))
    return cases


def found(hit) -> str:
    """A hit as the query file names it: kind:id, an area by its region name."""
    if hit.kind == "area":
        return f"area:{hit.id.removesuffix('-l').removesuffix('-r')}"
    return f"{hit.kind}:{hit.id}"


@pytest.fixture(scope="module")
def matcher(engine) -> Matcher:
    return engine.matcher


def test_the_query_set_is_large_and_names_what_exists(engine):
    cases = read_queries()
    assert len(cases) >= 150
    known = {
        "muscle": engine.dataset.muscles.index,
        "condition": engine.dataset.conditions.index,
        "symptom": engine.dataset.symptoms.index,
        "area": engine.body.names,
    }
    for query, expected in cases:
        for item in expected:
            kind, _, id_ = item.partition(":")
            assert id_ in known[kind], f"{query!r} expects {item!r}, which is not in the data"


def test_the_expected_result_is_in_the_top_3_for_95_percent_of_queries(matcher):
    cases = read_queries()
    failures = []
    for query, expected in cases:
        hits = matcher.search(query, limit=TOP)
        if not expected & {found(h) for h in hits}:
            failures.append(
                f"{query!r}: expected {' or '.join(sorted(expected))}, "
                f"got {[(found(h), round(h.score, 2)) for h in hits]}"
            )
    share = 1 - len(failures) / len(cases)
    print(f"\n{len(cases)} queries, top-{TOP} share {share:.1%}; not in the top {TOP}:")
    print("\n".join(failures) or "(none)")
    assert share >= SHARE, "\n".join(failures)


@pytest.mark.parametrize("query", NONSENSE)
def test_nonsense_finds_nothing(matcher, query):
    assert matcher.search(query) == []


def test_a_name_said_in_full_inside_a_sentence_is_found_first(matcher):
    """The words around it ("when I get up in the morning") no longer drown it: they once left the
    heel at 0.2, under the bar, and "Nothing found" on the Body map."""
    hits = [found(h) for h in matcher.search("my heel hurts when I get up in the morning", limit=3)]
    assert hits[:2] == ["condition:plantar-heel-pain", "area:heel"]  # "heel pain": "hurts" says "pain"
    hits = matcher.search("my lower back hurts after sitting all day", limit=1)
    assert found(hits[0]) == "area:low_back"


def test_a_name_said_only_in_part_inside_a_sentence_is_not_found(matcher):
    """Each word of a name must be said: "shoulder" alone in a sentence is not "frozen shoulder"
    (a feeling word says any other: "hurts" says the "pain" of "shoulder pain"); it is the
    shoulder's areas (synonyms.csv: "shoulder" names them)."""
    hits = [found(h) for h in matcher.search("my shoulder hurts when I reach for the shelf", limit=None)]
    shoulder = ["area:top_of_shoulder", "area:outer_shoulder", "area:front_of_shoulder", "area:back_of_shoulder"]
    assert sorted(set(hits)) == sorted(["symptom:shoulder-pain", *shoulder])


PARTS_IN_A_SENTENCE = [
    ("pain in my neck after work", "area:back_of_neck"),
    ("sore neck after computer work", "area:back_of_neck"),
    ("pins and needles in my hand", "area:palm"),
    ("my knee hurts going down stairs", "area:front_of_knee"),
    ("pain in my foot after a long walk", "area:sole"),
    ("aching arm after painting the ceiling", "area:outer_upper_arm"),
    ("sore elbow from gripping", "area:outer_elbow"),
    ("my thigh hurts after running", "area:front_of_thigh"),
    ("pain in my ankle when I walk", "area:outer_ankle"),
    ("my back hurts when I bend", "area:low_back"),
]


@pytest.mark.parametrize("query, area", PARTS_IN_A_SENTENCE)
def test_a_part_of_the_body_said_in_a_sentence_finds_its_areas(matcher, query, area):
    """ "pain in my neck after work" found the symptom "neck pain" and no area to choose on the map,
    though "neck" alone found the neck's areas (and "sore" was read as "sole" of the foot)."""
    hits = [found(h) for h in matcher.search(query, limit=10)]
    assert area in hits
    assert "area:sole" not in hits or "foot" in query


def test_a_group_of_areas_leaves_room_for_the_symptom_a_sentence_says(matcher):
    """The Body map shows 8 results, areas first among equals: the knee's four areas (eight with
    their sides) once filled them all, and "knee pain" was not offered."""
    hits = [found(h) for h in matcher.search("my knee hurts going down stairs", limit=8, prefer=("area",))]
    assert hits[0] == "symptom:knee-pain" and "area:front_of_knee" in hits


def test_a_feeling_word_or_a_short_word_one_letter_off_says_no_name_in_a_sentence(matcher):
    """A misspelling counts in a sentence from six letters: "sore" is a word of its own, not
    "sole"; "foo bar baz" does not say "foot" (only the last word may be typed in part)."""
    assert "area:sole" not in {found(h) for h in matcher.search("sore back after work", limit=None)}
    assert matcher.search("foo bar baz") == []
    assert found(matcher.search("heal", limit=1)[0]) == "area:heel"  # alone, still found
    assert "area:shoulder_blade" in {found(h) for h in matcher.search("pain under my sholder blade", limit=5)}


def test_a_long_name_is_said_in_full_only_when_every_word_of_it_is():
    from trigger_map.search import Entry

    matcher = Matcher([Entry("condition", "long", "Long")], [("alpha bravo charlie delta echo foxtrot golf", 0, 1.0)])
    around = " ".join(f"word{n}" for n in range(10))  # ten words that name nothing
    assert matcher.search(f"alpha bravo charlie delta echo foxtrot golf {around}")
    assert not matcher.search(f"alpha bravo charlie delta echo foxtrot {around}")  # six of its seven words


def test_every_synonym_finds_what_it_names(engine, matcher):
    """Each row of data/synonyms.csv: its term finds every id it lists, near the top."""
    synonyms = engine.dataset.synonyms
    assert len(synonyms) >= 200
    for row in synonyms.itertuples(index=False):
        near_the_top = len(row.ids) + 2
        if row.kind == "area":  # an area named without a side is found on both: two results
            near_the_top *= 2
        hits = matcher.search(row.term, kinds=(row.kind,), limit=near_the_top)
        ids = {found(h).partition(":")[2] for h in hits}
        assert set(row.ids) <= ids, f"{row.term!r} -> {row.ids}: found {ids}"


def test_everything_is_found_first_by_its_own_name(engine, matcher):
    """Every muscle, condition, symptom and area, searched by the name the app shows, comes first
    among its kind (so a row added to the data is findable without a synonym)."""
    data = engine.dataset
    named = (
        [("muscle", i, n) for i, n in data.muscles["name"].items()]
        + [("muscle", i, n) for i, n in data.muscles["anatomical_name"].items()]
        + [("condition", i, n) for i, n in data.conditions["name"].items()]
        + [("symptom", i, n) for i, n in data.symptoms["label"].items()]
        + [("area", r.name, r.label) for r in engine.body.regions.values()]
    )
    missed = []
    for kind, id_, name in named:
        hits = matcher.search(name, kinds=(kind,), limit=1)
        if not hits or found(hits[0]) != f"{kind}:{id_}":
            missed.append((kind, id_, name, [found(h) for h in hits]))
    assert not missed, missed


@pytest.mark.parametrize(
    "group, members",
    [
        ("rotator cuff", {"supraspinatus", "infraspinatus", "teres-minor", "subscapularis"}),
        ("hamstrings", {"biceps-femoris", "semitendinosus", "semimembranosus"}),
        ("quadriceps", {"rectus-femoris", "vastus-medialis", "vastus-intermedius", "vastus-lateralis"}),
        ("adductors", {"adductor-longus", "adductor-brevis", "adductor-magnus", "pectineus", "gracilis"}),
        (
            "erector spinae",
            {"iliocostalis-thoracis", "iliocostalis-lumborum", "longissimus-thoracis", "longissimus-capitis"},
        ),
        ("suboccipitals", {"suboccipitals"}),
        ("scalenes", {"anterior-scalene", "middle-scalene", "posterior-scalene", "scalenus-minimus"}),
    ],
)
def test_a_group_finds_all_its_members_first(matcher, group, members):
    hits = matcher.search(group, kinds=("muscle",), limit=len(members))
    assert {h.id for h in hits} == members


def test_the_issue_examples(matcher, engine):
    """The cases the issue was opened with: TMJ found nothing, "calf" listed Lumbricals, "rotator"
    missed the rotator cuff."""
    assert engine.find_condition("TMJ") == "tmj-dysfunction"
    calf = [h.id for h in matcher.search("calf", kinds=("muscle",))]
    assert {"gastrocnemius", "soleus"} <= set(calf[:3]) and "hand-lumbricals" not in calf
    rotator = {h.id for h in matcher.search("rotator", kinds=("muscle",), limit=4)}
    assert rotator == {"supraspinatus", "infraspinatus", "teres-minor", "subscapularis"}
    common = [
        "tennis elbow",
        "golfer's elbow",
        "frozen shoulder",
        "runner's knee",
        "shin splints",
        "plantar fasciitis",
        "sciatica",
        "stiff neck",
        "tension headache",
        "lumbago",
        "TMJ",
    ]
    assert all(engine.find_condition(name) for name in common)


def test_results_are_ranked_and_say_what_they_are(matcher):
    hits = matcher.search("neck")
    assert len(hits) == 10  # the default limit
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.kind for h in hits} >= {"area", "symptom", "condition"}
    assert all(0 < h.score <= 1 and h.kind_label for h in hits)
    assert matcher.search("upper trapezius")[0].as_dict() == {
        "kind": "muscle",
        "id": "upper-trapezius",
        "name": "Upper trapezius",
        "score": 1.0,
    }


def test_an_exact_name_ranks_above_a_misspelling_and_a_part(matcher):
    exact = matcher.search("piriformis", kinds=("muscle",))[0]
    typo = matcher.search("piriformus", kinds=("muscle",))[0]
    part = matcher.search("pirifo", kinds=("muscle",))[0]
    assert exact.id == typo.id == part.id == "piriformis"
    assert exact.score > typo.score and exact.score > part.score


def test_an_area_opens_on_the_side_the_query_names(matcher):
    assert matcher.search("left temple")[0].id == "temple-l"
    assert matcher.search("temple right")[0].id == "temple-r"
    # no side named: both sides, the person's right first (one with a sore left heel chooses it
    # at once; it used to offer the right alone)
    first, second = matcher.search("temple")[:2]
    assert (first.id, first.name, second.id, second.name) == ("temple-r", "temple (right)", "temple-l", "temple (left)")
    assert first.score == second.score
    assert [h.id for h in matcher.search("my heel hurts in the morning", kinds=("area",))][:2] == ["heel-r", "heel-l"]
    assert len(matcher.search("neck", limit=5)) == 5  # the limit counts results, a side each
    assert matcher.search("breastbone")[0].id == "breastbone"  # an unpaired area has no side
    assert matcher.search("left") == []


def test_preferred_kinds_come_first_among_equals(matcher):
    plain = matcher.search("lower", limit=4)
    areas_first = matcher.search("lower", limit=4, prefer=("area",))
    assert {h.score for h in plain} == {h.score for h in areas_first}  # the same scores
    assert plain[0].kind == "muscle" and all(h.kind == "area" for h in areas_first)


def test_kinds_keep_only_those_kinds(matcher):
    hits = matcher.search("jaw pain", kinds=("symptom", "condition"))
    assert hits and {h.kind for h in hits} <= {"symptom", "condition"}
    assert {"symptom:jaw-pain", "condition:tmj-dysfunction"} <= {found(h) for h in hits[:2]}


def test_a_trigger_point_is_found_by_its_muscle_and_name(matcher):
    hits = matcher.search("upper trapezius front fibres", kinds=("trigger_point",), limit=1)
    assert hits[0].id == "upper-trapezius-1" and hits[0].name.startswith("Upper trapezius: ")


def test_words_are_folded_and_small_words_dropped():
    assert normalize("Golfer\u2019s  ELBOW") == "golfers elbow"
    assert normalize("Fernández-de-las-Peñas") == "fernandez de las penas"
    assert normalize("pins & needles") == "pins and needles"
    assert words("pain in my lower back, lower back") == ("pain", "lower", "back")


def test_closest_names_are_offered_when_nothing_matches(matcher):
    assert matcher.search("trapeziusss muscle of doom") == []  # too far from any name
    close = matcher.closest("trapeziusss muscle of doom", kinds=("muscle",))
    assert close and all(h.kind == "muscle" for h in close)
    assert any("trapezius" in h.id for h in close)


# -- the synonyms table: validated like every other table ----------------------------------------

SYNONYMS_HEADER = "term,kind,ids,type,sources\n"


def test_the_synonyms_table_is_optional_and_searched(mini_copy):
    assert load_dataset(mini_copy).synonyms.empty  # the mini dataset has none: read as empty
    (mini_copy / "synonyms.csv").write_text(
        SYNONYMS_HEADER + "traps,muscle,upper-trapezius,gym,\nsides of the head,area,temple,everyday,\n"
        "chewing muscles,muscle,temporalis;masseter,group,\n",
        encoding="utf-8",
    )
    assert validate(mini_copy, MINI_BODY) == []
    matcher = Matcher.from_data(load_dataset(mini_copy), load_body(MINI_BODY))
    assert matcher.best("traps", "muscle") == "upper-trapezius"
    assert {h.id for h in matcher.search("chewing muscles")} == {"temporalis", "masseter"}
    assert matcher.search("side of the head")[0].id == "temple-r"


def test_a_broken_synonyms_row_is_reported_by_file_row_and_column(mini_copy):
    (mini_copy / "synonyms.csv").write_text(
        SYNONYMS_HEADER
        + "traps,muscle,upper-trapezius;trapezius-x,gym,\n"  # row 2: unknown muscle
        + "dizzy,feeling,dizziness,everyday,\n"  # row 3: unknown kind
        + "chewing muscles,muscle,masseter,group,\n"  # row 4: a group of one
        + "Traps!,muscle,temporalis,gym,\n"  # row 5: the same term as row 2
        + "side of head,area,temple;templ,everyday,\n"  # row 6: unknown region name
        + "the,symptom,headache,everyday,nobody-2020\n",  # row 7: no word to search by, unknown source
        encoding="utf-8",
    )
    problems = {str(p) for p in validate(mini_copy, MINI_BODY)}
    assert problems >= {
        "synonyms.csv:3:kind: must be one of: area, muscle, condition, symptom",
    }
    (mini_copy / "synonyms.csv").write_text(
        SYNONYMS_HEADER
        + "traps,muscle,upper-trapezius;trapezius-x,gym,\n"
        + "chewing muscles,muscle,masseter,group,\n"
        + "Traps!,muscle,temporalis,gym,\n"
        + "side of head,area,temple;templ,everyday,\n"
        + "the,symptom,headache,everyday,nobody-2020\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in validate(mini_copy, MINI_BODY)]
    assert set(problems) == {
        "synonyms.csv:2:ids: unknown muscle 'trapezius-x' (not in muscles.csv)",
        "synonyms.csv:3:ids: a group lists two or more ids",
        "synonyms.csv:4:term: same term and kind as row 2: add the ids there",
        "synonyms.csv:5:ids: unknown region name 'templ' (see `python -m trigger_map regions`)",
        "synonyms.csv:6:term: has no word to search by",
        "synonyms.csv:6:sources: unknown id 'nobody-2020' (not in sources.csv)",
    }, problems
    with pytest.raises(DatasetError):
        load_dataset(mini_copy)


def test_the_real_synonyms_table_is_valid():
    frames, problems = read_tables()
    assert not [p for p in problems if p.file == "synonyms.csv"]
    assert not [p for p in validate() if p.file == "synonyms.csv"]
    assert set(frames["synonyms.csv"]["kind"]) == {"area", "muscle", "condition", "symptom"}


# -- the command line --------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    result = run_cli(*argv)
    return result.returncode, result.stdout, result.stderr


def test_cli_search_returns_ranked_hits(capsys):
    status, out, _ = run(capsys, "search", "--json", "TMJ")
    hits = json.loads(out)
    assert status == 0 and hits[0] == {
        "kind": "condition",
        "id": "tmj-dysfunction",
        "name": "Jaw joint pain (TMD)",
        "score": 1.0,
    }
    assert all(set(h) == {"kind", "id", "name", "score"} for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    status, out, _ = run(capsys, "search", "--json", "--kind", "area", "lower", "back")
    assert status == 0 and json.loads(out)[0]["id"] == "low_back-r"


def test_cli_search_without_a_match_exits_2(capsys):
    status, out, err = run(capsys, "search", "--json", "xqzvw")
    assert status == 2 and json.loads(out) == [] and "nothing matches 'xqzvw'" in err


def test_cli_muscle_condition_and_symptom_take_the_words_people_use(capsys):
    status, out, _ = run(capsys, "muscle", "--json", "QL")
    assert status == 0 and json.loads(out)["id"] == "quadratus-lumborum"
    status, out, _ = run(capsys, "condition", "--json", "golfers elbow")
    assert status == 0 and json.loads(out)["id"] == "golfers-elbow"
    status, out, _ = run(capsys, "suggest", "--json", "--symptom", "pins and needles", "--limit", "3", "palm-r")
    rows = json.loads(out)
    assert status == 0 and rows and all(r["symptoms"] == ["numbness-tingling"] for r in rows if r["symptoms"])


def test_cli_no_match_exits_2_with_the_closest_names(capsys):
    status, _, err = run(capsys, "muscle", "trapeziusss muscle of doom")
    assert status == 2 and "no muscle matches" in err and "closest:" in err and "trapezius" in err
    status, _, err = run(capsys, "suggest", "--symptom", "qqq www", "temple-l")
    assert status == 2 and "no symptom matches 'qqq www'" in err


# -- the search box on the pages ---------------------------------------------------------------


def app(page: str | None = None, **params) -> AppTest:
    at = run_page(page, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def results(at: AppTest, prefix: str) -> list[str]:
    return [b.label for b in at.button if b.key and b.key.startswith(f"{prefix}_hit_")]


def search(at: AppTest, prefix: str, text: str) -> list[str]:
    at.text_input(key=f"{prefix}_query").input(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return results(at, prefix)


def test_muscles_page_search_lists_results_with_their_kind_and_filters_the_table():
    at = app("muscles")
    table = at.dataframe[0].value
    assert list(table.columns) == ["Muscle", "Anatomical name", "Body area", "Innervation"]
    shown = search(at, "muscles_search", "calf")
    assert shown[0] == "Calf \\(right\\) \u00b7 :gray[area]"
    assert any(label.endswith(":gray[muscle]") and "Soleus" in label for label in shown)
    table = at.dataframe[0].value
    assert {"Soleus", "Gastrocnemius (calf muscle)"} <= set(table["Muscle"])
    assert "Lumbricals" not in set(table["Muscle"])


def test_muscles_page_result_opens_the_muscle():
    at = app("muscles")
    labels = search(at, "muscles_search", "lats")
    assert labels[0].startswith("Latissimus dorsi")
    at.button(key="muscles_search_hit_0").click().run()
    assert not at.exception
    assert at.session_state["muscle"] == "latissimus-dorsi"
    assert at.query_params["muscle"] == "latissimus-dorsi"
    assert "Latissimus dorsi" in [s.value for s in at.subheader]
    assert at.text_input(key="muscles_search_query").value == ""  # the box is cleared once used


def test_conditions_page_result_opens_the_condition_and_a_muscle_its_page():
    at = app("conditions")
    assert search(at, "conditions_search", "TMJ")[0].startswith("Jaw joint pain \\(TMD\\)")
    at.button(key="conditions_search_hit_0").click().run()
    assert not at.exception and at.session_state["condition"] == "tmj-dysfunction"
    assert any(s.value.startswith("Jaw joint pain") for s in at.subheader)
    assert search(at, "conditions_search", "SCM")
    at.button(key="conditions_search_hit_0").click().run()  # a muscle: to the Muscles page
    assert not at.exception
    assert at.title[0].value == "Muscle library"
    assert at.session_state["muscle"].startswith("sternocleidomastoid")


def test_a_symptom_is_added_on_where_it_hurts_and_an_area_opens_on_the_map():
    at = app("conditions")
    assert search(at, "conditions_search", "pins and needles")[0].startswith("Numbness or tingling")
    at.button(key="conditions_search_hit_0").click().run()
    assert not at.exception and at.title[0].value == "Where it hurts"
    assert at.session_state["pain_symptoms"] == ["numbness-tingling"]
    assert dict(parse_qsl(shared_query(at)))["symptoms"] == "numbness-tingling"
    at.switch_page(page_script("conditions"))
    at.run()
    search(at, "conditions_search", "left side of the head")
    at.button(key="conditions_search_hit_0").click().run()
    assert not at.exception and at.title[0].value == "Where does it hurt?"
    assert at.session_state["region"] == "temple-l"


def test_body_map_search_opens_an_area_in_place():
    at = app()
    assert search(at, "explorer_search", "lower back")[0].startswith("Low back \\(right\\)")
    at.button(key="explorer_search_hit_0").click().run()
    assert not at.exception and at.session_state["region"] == "low_back-r"
    assert at.title[0].value == "Where does it hurt?"


def test_nothing_found_is_said_in_plain_escaped_text():
    at = app("conditions")
    assert search(at, "conditions_search", "**zz** <b>qq</b> [x](y)") == []
    (said,) = [c.value for c in at.caption if c.value.startswith("Nothing found")]
    assert "\\*\\*zz\\*\\* \\<b\\>qq\\</b\\> \\[x\\]\\(y\\)" in said


def test_a_group_lists_its_members_in_the_order_of_its_row():
    """'traps' means the upper trapezius first, as the synonyms row lists the group."""
    engine = Engine(load_dataset(), load_body())
    assert [h.id for h in engine.matcher.search("traps", kinds=("muscle",), limit=3)] == [
        "upper-trapezius",
        "middle-trapezius",
        "lower-trapezius",
    ]
    assert engine.find_muscle("traps") == "upper-trapezius"

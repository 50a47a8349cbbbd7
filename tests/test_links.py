"""Views as links: read back exactly, with notices (never errors) for unknown values."""

from urllib.parse import parse_qsl, urlsplit

from trigger_map.links import ExplorerView, PainView, QuizView, read_explorer, read_pain, read_quiz, view_link


def test_explorer_link_round_trip(mini_engine):
    view = ExplorerView(region="temple-l", trigger_point="temporalis-1@left")
    back = read_explorer(view.params(), mini_engine)
    assert (back.region, back.trigger_point, back.notices) == ("temple-l", "temporalis-1@left", [])


def test_explorer_unknown_values_give_notices(mini_engine):
    back = read_explorer({"region": "elbow-x", "tp": "nothing@left"}, mini_engine)
    assert back.region is None and back.trigger_point is None
    assert len(back.notices) == 2 and "elbow-x" in back.notices[0]


def test_empty_link_is_the_plain_map(mini_engine):
    back = read_explorer({}, mini_engine)
    assert back.params() == {} and back.notices == []


def test_pain_link_round_trip(mini_engine):
    view = PainView(
        areas={"temple-r": 7, "jaw-r": None},
        symptoms=("dizziness",),
        condition="tension-headache",
        trigger_point="upper-trapezius-1@right",
    )
    params = view.params()
    assert params["areas"] == "temple-r:7,jaw-r"
    back = read_pain(params, mini_engine)
    assert back.areas == {"temple-r": 7, "jaw-r": None}
    assert back.symptoms == ("dizziness",) and back.condition == "tension-headache"
    assert back.trigger_point == "upper-trapezius-1@right" and back.notices == []


def test_pain_link_drops_bad_parts_and_clamps_severity(mini_engine):
    back = read_pain(
        {
            "areas": "temple-r:99,nowhere:3,jaw-r:lots",
            "symptoms": "dizziness,hiccups",
            "condition": "gout",
            "tp": "x@y",
        },
        mini_engine,
    )
    assert back.areas == {"temple-r": 10, "jaw-r": None}
    assert back.symptoms == ("dizziness",) and back.condition is None and back.trigger_point is None
    assert len(back.notices) == 5


def test_list_valued_params_use_the_first(mini_engine):
    assert read_explorer({"region": ["jaw-r", "temple-r"]}, mini_engine).region == "jaw-r"


def test_view_link_reopens_the_view(mini_engine):
    view = ExplorerView(region="temple-l", trigger_point="temporalis-1@left")
    link = view_link("http://localhost:8501/?region=jaw-r#top", view.params())
    assert link == "http://localhost:8501/?region=temple-l&tp=temporalis-1@left"
    back = read_explorer(dict(parse_qsl(urlsplit(link).query)), mini_engine)
    assert (back.region, back.trigger_point) == ("temple-l", "temporalis-1@left")


def test_view_link_without_a_page_address_or_a_view():
    assert view_link(None, {"region": "heel-r"}) == "?region=heel-r"
    assert view_link("https://example.org/explorer", {}) == "https://example.org/explorer"
    assert view_link("http://127.0.0.1:8501", {"region": "heel-r"}) == "http://127.0.0.1:8501/?region=heel-r"
    # values are encoded: a space or an ampersand cannot break the link apart
    assert view_link("", {"areas": "a b&c"}) == "?areas=a+b%26c"


def test_a_quiz_link_reads_back_as_the_same_set():
    kinds = ("origin", "pattern", "tap_pattern")
    view = QuizView(seed=4821, count=20, areas=("upper back", "neck"), kinds=("pattern", "origin"))
    query = view_link("http://host/quiz", view.params())
    assert query == "http://host/quiz?seed=4821&n=20&areas=upper-back,neck&kinds=pattern,origin"
    back = read_quiz(dict(parse_qsl(query.split("?")[1])), kinds)
    assert (back.seed, back.count, back.areas, back.kinds, back.notices) == (4821, 20, view.areas, view.kinds, [])
    bad = read_quiz({"seed": "-1", "n": "15", "areas": "tail", "kinds": "identify"}, kinds)
    assert (bad.seed, bad.count, bad.areas, bad.kinds) == (None, 10, (), ())
    assert len(bad.notices) == 4

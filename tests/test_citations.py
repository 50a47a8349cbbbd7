"""Citation markers in texts become short author-year citations."""

import pandas as pd

from trigger_map.citations import cited_ids, reference_order, render, short_citation, short_citations, unbreakable

SOURCES = pd.DataFrame(
    {
        "citation": [
            "Lucas N, Macaskill P, Irwig L. Reliability of physical examination. Clin J Pain. 2009;25:80-89.",
            "Rask MR. The omohyoideus myofascial pain syndrome. J Craniomandibular Pract. 1984;2:256-262.",
            "National Institute for Health and Care Excellence. Low back pain and sciatica (NG59). 2016.",
            "Sánchez Romero EA, Fernández Carnero J. Prevalence of trigger points. J Clin Med. 2020;9:2323.",
        ]
    },
    index=["lucas-2009", "rask-1984", "nice-ng59", "sanchez-2020"],
)
SOURCES["short"] = short_citations(SOURCES["citation"])


def test_short_citations():
    assert [short_citation(c) for c in SOURCES["citation"]] == [
        "Lucas et al. 2009",
        "Rask 1984",
        "NICE 2016",
        "Sánchez Romero & Fernández Carnero 2020",
    ]


def test_two_authors_are_both_named_and_editors_and_affiliations_left_out():
    assert short_citation("Travell JG, Simons DG. Myofascial Pain and Dysfunction. Baltimore; 1992.") == (
        "Travell & Simons 1992"
    )
    assert short_citation("Dasgupta B, et al. BSR and BHPR guidelines. Rheumatology. 2010;49:186-190.") == (
        "Dasgupta et al. 2010"
    )
    assert short_citation("Standring S (ed). Gray's Anatomy. 42nd ed. Elsevier; 2020.") == "Standring 2020"
    assert short_citation("Donnelly JM, Finnegan M, Freeman JL (eds). Trigger Point Manual. 2019.") == (
        "Donnelly et al. 2019"
    )
    assert short_citation("Martin A (Stanford University); University of Florida CTS-IT. ImageMap. 2025.") == (
        "Martin & University of Florida CTS-IT 2025"
    )


def test_sources_that_would_be_cited_alike_get_a_letter_in_the_order_of_their_titles():
    citations = pd.Series(
        {
            "nice-ng59": "National Institute for Health and Care Excellence. Low back pain (NG59). 2016.",
            "nice-ng38": "National Institute for Health and Care Excellence. Fractures (NG38). 2016.",
            "nhs-red-eye": "NHS. Red eye. NHS website.",
            "nhs-cellulitis": "NHS. Cellulitis. NHS website.",
            "rask-1984": "Rask MR. The omohyoideus myofascial pain syndrome. 1984.",
        }
    )
    short = short_citations(citations)
    assert short.to_dict() == {
        "nice-ng59": "NICE 2016b",
        "nice-ng38": "NICE 2016a",
        "nhs-red-eye": "NHS n.d.-b",
        "nhs-cellulitis": "NHS n.d.-a",
        "rask-1984": "Rask 1984",
    }
    ordered = reference_order(pd.DataFrame({"citation": citations, "short": short}))
    assert list(ordered.index) == ["nhs-cellulitis", "nhs-red-eye", "nice-ng38", "nice-ng59", "rask-1984"]


def test_every_source_of_the_dataset_is_cited_its_own_way(engine):
    short = engine.dataset.sources["short"]
    assert short.is_unique
    assert short["travell-1992"] == "Travell & Simons 1992" and short["standring-2020"] == "Standring 2020"


def test_render_replaces_known_markers_and_leaves_others():
    text = "Poor agreement [lucas-2009; rask-1984]. Guideline [nice-ng59]. Unknown [nobody-2000]. Link [x](y)."
    assert render(text, SOURCES) == (
        "Poor agreement (Lucas et al. 2009; Rask 1984). Guideline (NICE 2016). Unknown [nobody-2000]. Link [x](y)."
    )
    assert cited_ids(text) == ["lucas-2009", "rask-1984", "nice-ng59", "nobody-2000"]


def test_on_screen_a_citations_year_stays_with_its_name_and_n_d_letters_stay_whole(engine):
    """A phone broke '(NHS n.d.-f)' into '(NHS n.d.-' and 'f)', '(NICE 2010; NHS' from 'n.d.-b)' and
    '(Mazzolai et' from 'al. 2024'."""
    assert unbreakable("NHS n.d.-f") == "NHS\u00a0n.d.\u2011f"
    assert unbreakable("Bron et al. 2011a") == "Bron\u00a0et\u00a0al.\u00a02011a"
    assert unbreakable("Fernández-de-las-Peñas & Dommerholt 2018") == "Fernández-de-las-Peñas & Dommerholt\u00a02018"
    text = "Poor agreement [lucas-2009; rask-1984]."
    together = render(text, SOURCES, keep_together=True)
    assert together == "Poor agreement (Lucas\u00a0et\u00a0al.\u00a02009; Rask\u00a01984)."
    for short in engine.dataset.sources["short"]:  # every one ends in its year or n.d., a letter after
        assert "\u00a0" in unbreakable(short) and " " not in unbreakable(short).split("\u00a0")[-1], short

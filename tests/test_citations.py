"""Citation markers in texts become short author-year citations."""

import pandas as pd

from trigger_map.citations import cited_ids, render, short_citation

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


def test_short_citations():
    assert [short_citation(c) for c in SOURCES["citation"]] == [
        "Lucas et al. 2009",
        "Rask 1984",
        "NICE 2016",
        "Sánchez Romero et al. 2020",
    ]


def test_render_replaces_known_markers_and_leaves_others():
    text = "Poor agreement [lucas-2009; rask-1984]. Guideline [nice-ng59]. Unknown [nobody-2000]. Link [x](y)."
    assert render(text, SOURCES) == (
        "Poor agreement (Lucas et al. 2009; Rask 1984). Guideline (NICE 2016). Unknown [nobody-2000]. Link [x](y)."
    )
    assert cited_ids(text) == ["lucas-2009", "rask-1984", "nice-ng59", "nobody-2000"]

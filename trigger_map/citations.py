"""Citations in texts: `[source-id]` or `[id-a; id-b]` markers become short author-year citations."""

from __future__ import annotations

import re

import pandas as pd

MARKER = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*(?:\s*;\s*[a-z0-9]+(?:-[a-z0-9]+)*)*)\](?!\()")  # not a [link](url)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


ORGANISATIONS = {"National Institute for Health and Care Excellence": "NICE"}
INITIALS = re.compile(r"^[A-Z]{1,3}$")


def short_citation(citation: str) -> str:
    """'Lucas N, Macaskill P, Irwig L. ... 2009 ...' -> 'Lucas et al. 2009'; organisations by name."""
    year = YEAR.search(citation)
    year_text = year.group(1) if year else "n.d."
    authors = citation.split(". ")[0]
    first = authors.split(",")[0].strip()
    words = first.split()
    if len(words) >= 2 and INITIALS.match(words[-1]):  # "Sánchez Romero EA" -> "Sánchez Romero"
        several = "," in authors
        return f"{' '.join(words[:-1])}{' et al.' if several else ''} {year_text}"
    return f"{ORGANISATIONS.get(first, first)} {year_text}"


def cited_ids(text: str) -> list[str]:
    return [part.strip() for match in MARKER.finditer(text) for part in match.group(1).split(";")]


def render(text: str, sources: pd.DataFrame) -> str:
    """Replace every marker whose ids are all known sources by '(Author et al. Year; ...)'."""

    def replace(match: re.Match) -> str:
        ids = [part.strip() for part in match.group(1).split(";")]
        if not all(i in sources.index for i in ids):
            return match.group(0)
        return "(" + "; ".join(short_citation(sources.at[i, "citation"]) for i in ids) + ")"

    return MARKER.sub(replace, text)

"""Citations in texts: `[source-id]` or `[id-a; id-b]` markers become short author-year citations."""

from __future__ import annotations

import re
import string
import unicodedata

import pandas as pd

MARKER = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*(?:\s*;\s*[a-z0-9]+(?:-[a-z0-9]+)*)*)\](?!\()")  # not a [link](url)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


ORGANISATIONS = {"National Institute for Health and Care Excellence": "NICE"}
INITIALS = re.compile(r"^[A-Z]{1,3}$")
EDITORS = re.compile(r"\s*\((?:ed|eds)\.?\)", re.IGNORECASE)  # "Standring S (ed)"
AFFILIATION = re.compile(r"\s*\([^)]*\)")  # "Martin A (Stanford University)"


def _name(author: str) -> str:
    """'Sánchez Romero EA' -> 'Sánchez Romero'; an organisation by its name (or short name)."""
    words = AFFILIATION.sub("", author).split()
    if len(words) >= 2 and INITIALS.match(words[-1]):
        return " ".join(words[:-1])
    return ORGANISATIONS.get(author, author)


def short_citation(citation: str) -> str:
    """'Lucas N, Macaskill P, Irwig L. ... 2009 ...' -> 'Lucas et al. 2009': the first author, and
    the second for two ('Travell & Simons 1992'); organisations by name."""
    year = YEAR.search(citation)
    year_text = year.group(1) if year else "n.d."
    authors = [a.strip() for a in re.split(r"[,;]", EDITORS.sub("", citation.split(". ")[0])) if a.strip()]
    if len(authors) == 2 and authors[1].rstrip(".") != "et al":
        return f"{_name(authors[0])} & {_name(authors[1])} {year_text}"
    return f"{_name(authors[0])}{' et al.' if len(authors) > 1 else ''} {year_text}"


def references(sources: pd.DataFrame, ids) -> pd.DataFrame:
    """The sources of `ids`, each once, in the order the dataset keeps them: a reference list's
    (`reference_order`, applied when the data is loaded)."""
    return sources[sources.index.isin(list(ids))]


def reference_order(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources in a reference list's order: by their short citation, accents and case aside."""
    return sources.sort_values("short", key=lambda short: short.map(_sort_key))


def _sort_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def short_citations(citations: pd.Series) -> pd.Series:
    """Each source's short citation, told apart from another source's same one by a letter after
    the year ('Bron et al. 2011a', '2011b'), given in the order of the full citations."""
    short = citations.map(short_citation)
    for _, same in short[short.duplicated(keep=False)].groupby(short):
        in_order = citations[same.index].sort_values().index
        for letter, source in zip(string.ascii_lowercase, in_order, strict=False):
            short[source] = f"{short[source]}{'-' if short[source].endswith('n.d.') else ''}{letter}"  # "n.d.-a"
    return short


def cited_ids(text: str) -> list[str]:
    return [part.strip() for match in MARKER.finditer(text) for part in match.group(1).split(";")]


# The space before the year (or "n.d.") that ends a short citation, a letter after it or not
_BEFORE_YEAR = re.compile(r" (?=(?:\d{4}|n\.d\.)[a-z-]*$)")


def unbreakable(short: str) -> str:
    """A short citation whose year stays on the line of the name before it, "et al." with its name
    and "n.d.-f" whole: a phone's narrow column broke "(NHS n.d.-f)" into "(NHS n.d.-" and "f)",
    and "(Mazzolai et al. 2024)" after "et" (no-break spaces and a non-breaking hyphen, which read
    the same)."""
    together = _BEFORE_YEAR.sub("\u00a0", short).replace(" et al.", "\u00a0et\u00a0al.")
    return together.replace("n.d.-", "n.d.\u2011")


def render(text: str, sources: pd.DataFrame, keep_together: bool = False) -> str:
    """Replace every marker whose ids are all known sources by '(Author et al. Year; ...)' (the
    sources' `short` column, `short_citations`); with `keep_together`, each `unbreakable` (on screen)."""

    def replace(match: re.Match) -> str:
        ids = [part.strip() for part in match.group(1).split(";")]
        if not all(i in sources.index for i in ids):
            return match.group(0)
        shorts = (sources.at[i, "short"] for i in ids)
        return "(" + "; ".join(unbreakable(s) if keep_together else s for s in shorts) + ")"

    return MARKER.sub(replace, text)

"""Find anything by the words people use: areas, muscles, trigger points, conditions, symptoms.

One matcher serves the app's search box, the Muscles table and the command line. It knows each
thing by its names in the dataset (plain name, anatomical name, `also_called`, region labels and
anatomical terms) and by the words in data/synonyms.csv (abbreviations, gym names, everyday names,
groups whose members it finds).

How a query is scored, word by word (so it stays fast on a dataset a hundred times larger):
- text is folded to lower-case words without accents or punctuation ("Golfer's" -> "golfers");
  small words ("the", "my", "of", ...) are dropped; "left"/"right" choose the side of an area;
- each query word is looked up in the vocabulary of all names: the same word counts 1, a word it
  begins (3+ letters, as typed) 0.7-0.95, a misspelling 1 - 0.15 per edit, 0.2 for a word under 6
  letters (rapidfuzz's optimal-string-alignment distance, so a swapped pair is one edit; none for
  words under 4 letters or a feeling word, one edit up to 6 letters, two up to 9, three beyond; the
  first letter is taken as typed);
- words run together ("shoulderblade") find the name they spell;
- a name scores (mean over query words of the best match in it) x (0.7 + 0.3 x the share of the
  name's words that were matched), so the name that says just what was typed ranks first; a word
  that says how it feels ("pain", "sore", "hurts") counts only for names that have it, so "thumb
  pain" finds the thumb as well as hand pain;
- a name said in full inside a longer query (every word of it matched at `SAID_SIMILARITY` or
  closer) scores at least `SAID_SCORE`, so a sentence ("my heel hurts when I get up in the
  morning") finds what it names, though most of its words name nothing; only the sentence's last
  word may say a name by its beginning ("foo bar" does not say "foot"), and a group of
  data/synonyms.csv ("knee": its four areas) weighs `GROUP_WEIGHT` of a thing's own name;
- a thing scores its best name; below `MIN_SCORE` it is not a result. Nonsense finds nothing.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from trigger_map.problems import numbered_rows

KINDS = ("area", "muscle", "trigger_point", "condition", "symptom")
KIND_LABELS = {
    "area": "area",
    "muscle": "muscle",
    "trigger_point": "trigger point",
    "condition": "condition",
    "symptom": "symptom",
}
# the kinds a synonyms.csv row can name (a trigger point is found through its muscle's names)
SYNONYM_KINDS = ("area", "muscle", "condition", "symptom")
SYNONYM_TYPES = ("abbreviation", "gym", "everyday", "group", "term")
# when two results score the same, this order decides
KIND_ORDER = {"muscle": 0, "condition": 1, "symptom": 2, "area": 3, "trigger_point": 4}
MIN_SCORE = 0.5
# a name said in full inside a longer query: each of its words matched at least this closely (the
# same word, a word of 6+ letters one letter off, most of a longer word) scores SAID_SCORE
SAID_SIMILARITY, SAID_SCORE = 0.85, 0.8
SAID_MIN_LETTERS = 6  # a misspelt word says a name in full only from this length
STOPWORDS = frozenset(
    ["a", "an", "the", "my", "of", "in", "on", "at", "and", "or", "to", "i", "me", "is", "it", "its", "im"]
    + ["with", "from", "for", "by", "this", "that"]
)
SIDE_WORDS = {"left": "left", "right": "right"}
# words that say how it feels, not what: "thumb pain" means the thumb when no name says "thumb pain"
FEELING_WORDS = frozenset(["pain", "painful", "ache", "aches", "aching", "sore", "hurt", "hurts", "hurting"])
# weight of a name by where it comes from: an id or an anatomical term is a little less what a
# person means than the thing's own name
ID_WEIGHT, TERM_WEIGHT, TRIGGER_POINT_WEIGHT = 0.95, 0.95, 0.95

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Lower-case words without accents or punctuation: "Golfer's elbow" -> "golfers elbow"."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("&", " and ")
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", text)).split())


def words(text: str) -> tuple[str, ...]:
    """The words that count (normalized, small words dropped, each once, in order)."""
    seen: dict[str, None] = {}
    for word in normalize(text).split():
        if word not in STOPWORDS:
            seen.setdefault(word, None)
    return tuple(seen)


def allowed_edits(word: str) -> int:
    n = len(word)
    return 0 if n < 4 else 1 if n <= 6 else 2 if n <= 9 else 3


# A group's members score this much less for each place down its row: the row's order breaks ties.
GROUP_ORDER_STEP = 0.001
# A group's term names several things and none exactly ("knee": four areas): a little less what a
# person means than a thing's own name, so "my knee hurts" lists "knee pain" before the knee's areas
GROUP_WEIGHT = 0.97


class FuzzyWords:
    """Strings within a few edits of a word (rapidfuzz's OSA distance: a swap of two letters is
    one edit). Like most spelling correctors it takes the first letter as typed, and a string more
    than k letters longer or shorter is more than k edits away; so a word is compared only with the
    strings of its first letter and a length near its own: a few thousand even when the data is a
    hundred times larger."""

    def __init__(self, strings: list[str]):
        self.strings = strings
        buckets: dict[tuple[str, int], list[int]] = defaultdict(list)
        for index, string in enumerate(strings):
            buckets[(string[:1], len(string))].append(index)
        self.buckets = {key: (found, [strings[i] for i in found]) for key, found in buckets.items()}

    def near(self, word: str, edits: int) -> list[tuple[int, int]]:
        """(index, distance) of every string within `edits` edits of `word` (none when edits < 1)."""
        found: list = []
        if edits < 1:
            return found
        for length in range(len(word) - edits, len(word) + edits + 1):
            bucket = self.buckets.get((word[:1], length))
            if bucket:
                indices, strings = bucket
                found += [
                    (indices[i], int(distance))
                    for _, distance, i in process.extract(
                        word, strings, scorer=OSA.distance, score_cutoff=edits, limit=None
                    )
                ]
        return found


@dataclass(frozen=True)
class Entry:
    """One thing that can be found. For an area `id` is the region name (`temple`)."""

    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class Hit:
    """One ranked result. For an area `id` is a region id (`temple-r`), on the side the query
    named (with no side named, a paired area gives a result for each side); `name` is what to show
    (`temple (right)`)."""

    kind: str
    id: str
    name: str
    score: float

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "name": self.name, "score": round(self.score, 3)}


class Matcher:
    """An index of names (each a tuple of words pointing at one entry) answering ranked queries."""

    def __init__(
        self,
        entries: list[Entry],
        names: list[tuple[str, int, float]],
        areas: dict[str, dict[str | None, tuple[str, str]]] | None = None,
    ):
        """`names`: (text, entry index, weight). `areas`: region name -> side -> (id, label)."""
        self.entries = entries
        self.areas = areas or {}
        best: dict[tuple[tuple[str, ...], int], float] = {}
        for text, entry, weight in names:
            key = (words(text), entry)
            if key[0] and weight > best.get(key, 0.0):
                best[key] = weight
        keys = list(best)
        self.name_words = [k[0] for k in keys]
        self.name_entry = np.array([k[1] for k in keys], dtype=np.int64)
        self.name_weight = np.array([best[k] for k in keys], dtype=np.float32)
        self.name_size = np.array([len(k[0]) for k in keys], dtype=np.float32)
        self.name_feeling = np.array([len(FEELING_WORDS.intersection(k[0])) for k in keys], dtype=np.float32)
        self.entry_kind = np.array([KIND_ORDER[e.kind] for e in entries], dtype=np.int64)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, ws in enumerate(self.name_words):
            for w in ws:
                postings[w].append(i)
        self.vocabulary = sorted(postings)  # sorted: the words a prefix begins are a range (bisect)
        self.word_index = {w: i for i, w in enumerate(self.vocabulary)}
        self.postings = [np.array(postings[w], dtype=np.int64) for w in self.vocabulary]
        self.fuzzy = FuzzyWords(self.vocabulary)
        # names of several words also under their words run together ("shoulderblade")
        joined: dict[str, list[int]] = defaultdict(list)
        for i, ws in enumerate(self.name_words):
            if len(ws) > 1:
                joined["".join(ws)].append(i)
        self.joined = list(joined)
        self.joined_postings = [np.array(joined[j], dtype=np.int64) for j in self.joined]
        self.fuzzy_joined = FuzzyWords(self.joined)
        self.joined_index = {j: i for i, j in enumerate(self.joined)}
        # ties: kind, then the shorter name, then the id
        order = sorted(range(len(entries)), key=lambda i: (len(entries[i].name), entries[i].id))
        self.entry_rank = np.empty(len(entries), dtype=np.int64)
        self.entry_rank[order] = np.arange(len(entries))

    # -- building from the dataset -------------------------------------------------------------

    @classmethod
    def from_data(cls, dataset, body) -> Matcher:
        """The matcher over a dataset (trigger_map.data.Dataset) and a body (trigger_map.body.Body)."""
        entries: list[Entry] = []
        names: list[tuple[str, int, float]] = []
        where: dict[tuple[str, str], int] = {}

        def add(kind: str, id_: str, name: str, texts: list[tuple[str, float]]) -> None:
            where[(kind, id_)] = len(entries)
            entries.append(Entry(kind, id_, name))
            names.extend((t, len(entries) - 1, w) for t, w in texts if str(t).strip())

        areas: dict[str, dict[str | None, tuple[str, str]]] = {}
        for region in sorted(body.regions.values(), key=lambda r: r.id):
            areas.setdefault(region.name, {})[region.side] = (region.id, region.display_label)
        for name, sides in sorted(areas.items()):
            any_side = next(iter(sides.values()))[0]
            region = body.regions[any_side]
            add(
                "area",
                name,
                region.label,
                [(region.label, 1.0), (name.replace("_", " "), ID_WEIGHT), (region.term, TERM_WEIGHT)],
            )
        muscles = dataset.muscles
        for muscle_id, row in muscles.iterrows():
            add(
                "muscle",
                muscle_id,
                row["name"],
                [(row["name"], 1.0), (row["anatomical_name"], 1.0), (muscle_id.replace("-", " "), ID_WEIGHT)],
            )
        for tp_id, row in dataset.trigger_points.iterrows():
            muscle = muscles.at[row["muscle_id"], "name"]
            add(
                "trigger_point",
                tp_id,
                f"{muscle}: {row['name']}",
                [(f"{muscle} {row['name']}", TRIGGER_POINT_WEIGHT), (tp_id.replace("-", " "), 0.9)],
            )
        for condition_id, row in dataset.conditions.iterrows():
            add(
                "condition",
                condition_id,
                row["name"],
                [(row["name"], 1.0), (condition_id.replace("-", " "), ID_WEIGHT)]
                + [(other, 1.0) for other in row["also_called"]],
            )
        for symptom_id, row in dataset.symptoms.iterrows():
            add("symptom", symptom_id, row["label"], [(row["label"], 1.0), (symptom_id.replace("-", " "), ID_WEIGHT)])
        synonyms = getattr(dataset, "synonyms", None)
        if synonyms is not None:
            for row in synonyms.itertuples(index=False):
                # a group's members rank in the order the row lists them ("traps": upper first)
                weight = GROUP_WEIGHT if row.type == "group" else 1.0
                for position, target in enumerate(row.ids):
                    if (row.kind, target) in where:
                        names.append((row.term, where[(row.kind, target)], weight - GROUP_ORDER_STEP * position))
        return cls(entries, names, areas)

    # -- answering -----------------------------------------------------------------------------

    def _word_matches(self, word: str, prefixes: bool = True) -> dict[int, float]:
        """Vocabulary words close to one query word: index -> similarity (0-1); with `prefixes`,
        the longer words it begins too (as it may be, typed in part)."""
        found: dict[int, float] = {}
        exact = self.word_index.get(word)
        if exact is not None:
            found[exact] = 1.0
        # a feeling word is a word of its own, not a misspelling: "sore" is not "sole"
        edits = 0 if word in FEELING_WORDS else allowed_edits(word)
        # one letter off a short word is another word as often as a slip ("neck"/"deck", "hand"/
        # "hard"): it still finds the word, but does not say a name in full (SAID_SIMILARITY)
        step = 0.15 if len(word) >= SAID_MIN_LETTERS else 0.2
        for index, distance in self.fuzzy.near(word, edits):
            if distance:
                found[index] = max(found.get(index, 0.0), 1.0 - step * distance)
        if prefixes and len(word) >= 3:
            start = bisect.bisect_left(self.vocabulary, word)
            end = bisect.bisect_left(self.vocabulary, word + "\uffff")
            for index in range(start, end):
                longer = self.vocabulary[index]
                if longer != word:
                    found[index] = max(found.get(index, 0.0), 0.7 + 0.25 * len(word) / len(longer))
        return found

    def scores(self, query: str) -> tuple[np.ndarray, str | None]:
        """Every entry's score for the query (0 = no match), and the side it names, if any."""
        side = None
        typed = []
        for word in words(query):
            if word in SIDE_WORDS:
                side = SIDE_WORDS[word]
            else:
                typed.append(word)
        entry_scores = np.zeros(len(self.entries), dtype=np.float32)
        if not typed:
            return entry_scores, side
        n = len(self.name_words)
        explained = np.zeros(n, dtype=np.float32)
        covered = np.zeros(n, dtype=np.float32)
        cover_by_word: dict[int, float] = {}
        said_by_word: dict[int, float] = {}  # the same, but only the last word may be typed in part
        what = [word for word in typed if word not in FEELING_WORDS]
        counted = np.full(n, len(what) or len(typed), dtype=np.float32)  # the words a name must explain
        for position, word in enumerate(typed):
            best = np.zeros(n, dtype=np.float32)
            matches = self._word_matches(word)
            for index, similarity in matches.items():
                rows = self.postings[index]
                best[rows] = np.maximum(best[rows], similarity)
                cover_by_word[index] = max(cover_by_word.get(index, 0.0), similarity)
            last = position == len(typed) - 1
            for index, similarity in (matches if last else self._word_matches(word, prefixes=False)).items():
                said_by_word[index] = max(said_by_word.get(index, 0.0), similarity)
            explained += best
            if what and word in FEELING_WORDS:
                counted += best > 0  # a feeling word counts where a name has it
        for index, similarity in cover_by_word.items():
            covered[self.postings[index]] += similarity
        explained /= counted
        joined = "".join(typed)
        if len(typed) <= 2 and len(joined) >= 6:  # words run together, or one word typed as two
            near = [(self.joined_index[joined], 0)] if joined in self.joined_index else []
            if not near and len(typed) == 1 and typed[0] not in self.word_index:
                near = self.fuzzy_joined.near(joined, 1)
            for index, distance in near:
                rows = self.joined_postings[index]
                similarity = 1.0 - 0.15 * distance
                explained[rows] = np.maximum(explained[rows], similarity)
                covered[rows] = np.maximum(covered[rows], similarity * self.name_size[rows])
        score = explained * (0.7 + 0.3 * np.minimum(covered / self.name_size, 1.0))
        score = self._said_in_full(score, said_by_word, typed)
        score = score * self.name_weight
        rows = np.flatnonzero(score > 0)
        np.maximum.at(entry_scores, self.name_entry[rows], score[rows])
        return entry_scores, side

    def _said_in_full(self, score: np.ndarray, cover_by_word: dict[int, float], typed: list[str]) -> np.ndarray:
        """`score`, raised for each name said in full inside a longer query ("my heel hurts when I
        get up in the morning"): every word of it matched closely (its feeling words by any feeling
        word: "my shoulder hurts" says "shoulder pain"), so it counts whatever else was said. A
        word says another it only begins when it is the last typed ("foo bar" does not say "foot")."""
        strong = np.zeros(len(score), dtype=np.float32)  # how many of a name's words matched closely
        closeness = np.zeros(len(score), dtype=np.float32)  # and how closely, summed
        for index, similarity in cover_by_word.items():
            if similarity >= SAID_SIMILARITY and self.vocabulary[index] not in FEELING_WORDS:
                strong[self.postings[index]] += 1
                closeness[self.postings[index]] += similarity
        needed = self.name_size - self.name_feeling
        feels = any(word in FEELING_WORDS for word in typed)
        said = (needed > 0) & (self.name_size < len(typed)) & (strong >= needed) & ((self.name_feeling == 0) | feels)
        if said.any():
            in_full = SAID_SCORE * closeness / np.maximum(needed, 1) + 0.1 * score
            score = np.where(said, np.maximum(score, in_full), score)
        return score

    def search(
        self,
        query: str,
        kinds: tuple[str, ...] | None = None,
        limit: int | None = 10,
        min_score: float = MIN_SCORE,
        prefer: tuple[str, ...] = (),
    ) -> list[Hit]:
        """Ranked results for what a person typed; `kinds` keeps only those kinds; `prefer` puts
        those kinds first among results that score the same (areas on the body map)."""
        scores, side = self.scores(query)
        chosen = np.flatnonzero(scores >= min_score)
        if kinds is not None:
            chosen = chosen[np.isin(self.entry_kind[chosen], [KIND_ORDER[k] for k in kinds])]
        # best score first; ties: the preferred kinds, the kind order, the shorter name, the id
        tie = np.array(
            [
                prefer.index(k) if k in prefer else len(KINDS) + KIND_ORDER[k]
                for k in sorted(KIND_ORDER, key=KIND_ORDER.__getitem__)
            ]
        )
        rounded = np.round(scores[chosen], 4)
        ordered = chosen[np.lexsort((self.entry_rank[chosen], tie[self.entry_kind[chosen]], -rounded))]
        if limit is not None:
            ordered = ordered[:limit]
        hits = []
        for i in ordered.tolist():
            hits += self._hits(self.entries[i], float(scores[i]), side)
        return hits if limit is None else hits[:limit]  # `limit` counts the results, each side one

    def _hits(self, entry: Entry, score: float, side: str | None) -> list[Hit]:
        """An entry's results: one, except a paired area when the query names no side, which gives
        both sides, the right first (a person with pain in the left heel chooses it at once)."""
        sides = self.areas.get(entry.id) if entry.kind == "area" else None
        if side is None and sides and "right" in sides and "left" in sides:
            return [self._hit(entry, score, "right"), self._hit(entry, score, "left")]
        return [self._hit(entry, score, side)]

    def _hit(self, entry: Entry, score: float, side: str | None) -> Hit:
        if entry.kind != "area":
            return Hit(entry.kind, entry.id, entry.name, min(score, 1.0))
        sides = self.areas.get(entry.id)
        if not sides:
            return Hit("area", entry.id, entry.name, min(score, 1.0))
        region_id, label = sides.get(side) or sides.get("right") or next(iter(sides.values()))
        return Hit("area", region_id, label, min(score, 1.0))

    def best(self, query: str, kind: str) -> str | None:
        """The id of the best result of one kind, or None."""
        hits = self.search(query, kinds=(kind,), limit=1)
        return hits[0].id if hits else None

    def closest(self, query: str, kinds: tuple[str, ...] | None = None, limit: int = 3) -> list[Hit]:
        """Near misses to suggest when nothing matched: the names closest as whole strings."""
        wanted = normalize(query)
        if not wanted:
            return []
        keep = [i for i, e in enumerate(self.entries) if kinds is None or e.kind in kinds]
        choices = {i: normalize(self.entries[i].name) for i in keep}
        found = process.extract(wanted, choices, scorer=_closeness, limit=limit, score_cutoff=55)
        return [self._hit(self.entries[i], score / 100, None) for _, score, i in found]


def _closeness(a: str, b: str, **_) -> float:
    """How alike two names are as wholes (0-100): the same words in any order, or the same letters."""
    return max(fuzz.token_set_ratio(a, b), fuzz.ratio(a, b))


def synonym_problems(synonyms: pd.DataFrame, ids: dict[str, set[str]]):
    """Problems of synonyms.csv beyond its schema: each id exists for its kind (`ids`: kind -> known
    ids), a group names two or more, a term is listed once per kind. Yields (row, column, message)."""
    first: dict[tuple[str, str], int] = {}
    for row, record in numbered_rows(synonyms):
        kind = record["kind"]
        targets = [t.strip() for t in str(record["ids"]).split(";") if t.strip()]
        if kind in ids:
            for target in targets:
                if target not in ids[kind]:
                    yield row, "ids", f"unknown {kind} {target!r} (not in {kind}s.csv)"
        if record.get("type") == "group" and len(targets) < 2:
            yield row, "ids", "a group lists two or more ids"
        if not words(record["term"]):
            yield row, "term", "has no word to search by"
            continue
        key = (" ".join(words(record["term"])), kind)
        if key in first:
            yield row, "term", f"same term and kind as row {first[key]}: add the ids there"
        first.setdefault(key, row)


def synonym_area_problems(synonyms: pd.DataFrame, region_names) -> list[tuple[int, str, str]]:
    """Area rows of synonyms.csv name region names of the body drawing (`temple`, not `temple-l`)."""
    found = []
    for row, record in numbered_rows(synonyms):
        if record["kind"] == "area":
            for target in (t.strip() for t in str(record["ids"]).split(";") if t.strip()):
                if target not in region_names:
                    found.append((row, "ids", f"unknown region name {target!r} (see `python -m trigger_map regions`)"))
    return found

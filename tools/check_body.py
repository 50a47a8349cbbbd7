"""Check assets/body.svg against the SVG contract the app depends on.

Reads the committed SVG back: the structure with xml.etree, the path geometry with svgelements
(no hand-written path parser), then shapely for the geometry checks:
  * the viewBox of trigger_map/frame.py; groups #front and #back, each with one .silhouette, regions, .details,
    .labels (R, L and a title);
  * every catalogue region present exactly once with the right id, data-* attributes and view
    (147 ids: paired names as <name>-l / <name>-r);
  * region paths use only absolute M/L/C/Z commands, numbers with at most one decimal;
  * every region a single valid polygon without holes, area >= 40 px2 (a fingertip), on the
    person's correct side of the midline;
  * no two regions of a view overlap; together they tile the silhouette (leftover < 0.5 % and
    no leftover piece > 2 px2);
  * file size under 250 KB;
  * close-ups: around a hand, a foot, a sole inset and the face, the bounding box of the group's
    regions (plus a 6-unit margin) scaled to fit 358 x 520 CSS px (a 390 px phone); at that scale
    every region of the group holds a 24 x 24 px finger target (its largest inscribed circle is at
    least 34 px across);
  * the back view names its sole insets ('Sole of right foot' ...) in a frame clear of the legs.
Run:  .venv/bin/python tools/check_body.py [path.svg]   (default assets/body.svg; exit 1 on failure)
"""

from __future__ import annotations

import csv
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union
from svgelements import Close, Line, Move
from svgelements import Path as SvgPath

from trigger_map.frame import MIDLINE, VIEWBOX_TEXT

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "body.svg"
CATALOGUE = ROOT / "tools" / "region_catalogue.csv"
NS = "{http://www.w3.org/2000/svg}"
MIN_AREA = 40.0
MAX_KB = 250.0

# Close-ups: the app shows a zoomed crop of the drawing round a hand, a foot, a sole inset or the
# face: the bounding box of the group's regions (one side), CLOSE_UP_MARGIN units added round it,
# scaled to fit CLOSE_UP_PX (what a 390 px phone gives it, as in trigger_map/closeups.py). At that
# scale every region of the group must hold a TARGET_PX square (WCAG 2.2 target size), so its
# largest inscribed circle must be at least MIN_TARGET_PX across (the square's diagonal).
CLOSE_UP_PX = (358.0, 520.0)
CLOSE_UP_MARGIN = 6.0
TARGET_PX = 24.0
MIN_TARGET_PX = TARGET_PX * 2**0.5
CLOSE_UPS = {  # name -> (view, region names); paired names are taken on one side at a time
    "front of hand": (
        "front",
        ["palm", "thumb", "index_finger", "middle_finger", "ring_finger", "little_finger", "palm_side_wrist"],
    ),
    "back of hand": ("back", ["back_of_hand", "back_of_thumb", "back_of_fingers", "back_of_wrist"]),
    "front of foot": ("front", ["top_of_foot", "big_toe", "toes", "front_of_ankle", "inner_ankle", "outer_ankle"]),
    "back of foot": ("back", ["back_of_heel", "achilles"]),
    "sole": ("back", ["heel", "sole", "ball_of_foot"]),
    "face": ("front", ["top_of_head", "forehead", "temple", "eye", "cheek", "jaw_joint", "jaw", "chin"]),
}


def close_up_targets(polygons, paired):
    """For every close-up and side: (close-up, side, region id, scale px/unit, inscribed circle
    (centre, diameter in units)). `polygons` maps region id -> shapely polygon in drawing units,
    `paired(name)` tells whether a region name has -r/-l ids. The face is one close-up (both
    sides); hands and feet one per side."""
    out = []
    for name, (_view, names) in CLOSE_UPS.items():
        sides = ("both",) if name == "face" else ("right", "left")
        for side in sides:
            ids = []
            for n in names:
                if not paired(n):
                    ids.append(n)
                else:
                    ids += [n + "-r", n + "-l"] if side == "both" else [n + ("-r" if side == "right" else "-l")]
            x0, y0, x1, y1 = shapely.GeometryCollection([polygons[i] for i in ids]).bounds
            w, h = x1 - x0 + 2 * CLOSE_UP_MARGIN, y1 - y0 + 2 * CLOSE_UP_MARGIN
            scale = min(CLOSE_UP_PX[0] / w, CLOSE_UP_PX[1] / h)
            for rid in ids:
                radius = shapely.maximum_inscribed_circle(polygons[rid], 0.02)
                centre = radius.coords[0]
                out.append((name, side, rid, scale, (centre, 2 * radius.length)))
    return out


def path_polygons(d):
    """Polygons of a path's subpaths, read with svgelements (curves sampled)."""
    polys = []
    for sub in SvgPath(d).as_subpaths():
        pts = []
        for seg in sub:
            if isinstance(seg, (Move, Line, Close)):
                if seg.end is not None:
                    pts.append((seg.end.x, seg.end.y))
            else:  # a curve: sample it
                pts.extend((p.x, p.y) for p in (seg.point(t / 16) for t in range(1, 17)))
        if len(pts) >= 3:
            polys.append(Polygon(pts))
    return polys


def check_sole_insets(root, regions, silhouette, fail):
    """Each sole inset of the back view sits in a frame named for its foot, clear of the legs."""
    groups = {g.get("id"): g for g in root.iter(f"{NS}g") if g.get("class") == "inset"}
    for side, suffix in (("right", "r"), ("left", "l")):
        g = groups.get(f"sole-inset-{suffix}")
        if g is None:
            fail(f"back: no sole inset frame for the {side} foot")
            continue
        text = " ".join(t.text or "" for t in g.iter(f"{NS}text"))
        if text != f"Sole of {side} foot":
            fail(f"back: sole inset {side} is named {text!r}")
        frames = [p for p in g.iter(f"{NS}path") if p.get("class") == "frame"]
        if len(frames) != 1:
            fail(f"back: sole inset {side} has {len(frames)} frames")
            continue
        frame = path_polygons(frames[0].get("d"))[0]
        sole = unary_union([regions[f"{n}-{suffix}"] for n in ("heel", "sole", "ball_of_foot")])
        if not frame.contains(sole):
            fail(f"back: the {side} sole is not inside its frame")
        legs = silhouette.difference(
            unary_union([regions[k] for k in regions if k.rsplit("-", 1)[0] in ("heel", "sole", "ball_of_foot")])
        )
        if frame.distance(legs) < 5:
            fail(f"back: the {side} sole's frame comes within 5 units of the body")


def expected_ids():
    rows = list(csv.DictReader(CATALOGUE.read_text(encoding="utf-8").splitlines()))
    out = {}
    for r in rows:
        if r["paired"] == "yes":
            out[r["name"] + "-l"] = (r, "left")
            out[r["name"] + "-r"] = (r, "right")
        else:
            out[r["name"]] = (r, "none")
    return out


def check_view(g, view: str, expected: dict, seen: dict, fail) -> tuple[dict, object, dict] | None:
    """One view's regions against the catalogue and the contract: ids, attributes, path syntax,
    one valid polygon each, on the right side, tiling the silhouette (no overlaps, no gaps).
    Returns (regions, silhouette, summary), or None when the view cannot be read."""
    sils = g.findall(f"{NS}path[@class='silhouette']")
    if len(sils) != 1:
        fail(f"{view}: {len(sils)} silhouette paths")
        return None
    silhouette = unary_union([p.buffer(0) for p in path_polygons(sils[0].get("d"))])
    if g.find(f"{NS}g[@class='details']") is None:
        fail(f"{view}: no details group")
    labels = g.find(f"{NS}g[@class='labels']")
    texts = [] if labels is None else [t.text for t in labels.iter(f"{NS}text")]
    for t in ("R", "L", view.title()):
        if t not in texts:
            fail(f"{view}: label {t!r} missing")
    regions = {}
    for p in g.findall(f"{NS}path[@class='region']"):
        rid = p.get("id")
        if rid in seen:
            fail(f"{rid}: duplicate id")
        seen[rid] = view
        if rid not in expected:
            fail(f"{rid}: not in the catalogue")
            continue
        poly = check_region(p, rid, view, expected[rid], fail)
        if poly is not None:
            regions[rid] = poly
    return regions, silhouette, check_tiling(view, regions, silhouette, fail)


def check_region(p, rid: str, view: str, entry, fail):
    """One region path: its catalogue attributes, absolute M/L/C/Z with one decimal, one valid
    polygon of a sensible size on the person's side. Returns its polygon (None if unusable)."""
    row, side = entry
    if row["view"] != view:
        fail(f"{rid}: in view {view}, catalogue says {row['view']}")
    for attr, want in (
        ("data-name", row["name"]),
        ("data-side", side),
        ("data-label", row["label"]),
        ("data-term", row["term"]),
    ):
        if p.get(attr) != want:
            fail(f"{rid}: {attr}={p.get(attr)!r}, want {want!r}")
    d = p.get("d") or ""
    if re.search(r"[^MLCZ0-9.\s,-]", d):
        fail(f"{rid}: path uses commands other than absolute M/L/C/Z")
    if re.search(r"\d\.\d\d", d):
        fail(f"{rid}: numbers with more than one decimal")
    polys = path_polygons(d)
    if len(polys) != 1:
        fail(f"{rid}: {len(polys)} subpaths (want one polygon)")
        return None
    poly = polys[0]
    if not poly.is_valid:
        fail(f"{rid}: invalid polygon ({shapely.is_valid_reason(poly)})")
        poly = poly.buffer(0)
    if poly.area < MIN_AREA:
        fail(f"{rid}: area {poly.area:.1f} px2 < {MIN_AREA}")
    # the person's side: front view right side is x < midline, back view right side x > midline
    cx = poly.centroid.x - MIDLINE[view]
    if side != "none":
        on_right = cx < 0 if view == "front" else cx > 0
        if on_right != (side == "right"):
            fail(f"{rid}: drawn on the wrong side of the midline")
    return poly


def check_tiling(view: str, regions: dict, silhouette, fail) -> dict:
    """The regions tile the silhouette: no overlaps, no gaps, nothing outside. Returns the figures."""
    items = list(regions.items())
    tree = shapely.STRtree([p for _, p in items])
    worst_overlap = 0.0
    for i, (rid, p) in enumerate(items):
        for j in tree.query(p):
            if j <= i:
                continue
            a = p.intersection(items[j][1]).area
            worst_overlap = max(worst_overlap, a)
            if a > 0.5:
                fail(f"{rid} overlaps {items[j][0]} by {a:.2f} px2")
    union = unary_union([p for _, p in items])
    leftover = silhouette.difference(union)
    extra = union.difference(silhouette)
    pieces = [q for q in getattr(leftover, "geoms", [leftover]) if q.area > 0]
    biggest = max((q.area for q in pieces), default=0.0)
    frac = leftover.area / silhouette.area
    if frac > 0.005:
        fail(f"{view}: leftover {leftover.area:.1f} px2 = {100 * frac:.3f} % of the silhouette")
    if biggest > 2.0:
        fail(f"{view}: a leftover piece of {biggest:.1f} px2 (> 2)")
    if extra.area > 0.005 * silhouette.area:
        fail(f"{view}: regions reach {extra.area:.1f} px2 outside the silhouette")
    smallest = min(items, key=lambda kv: kv[1].area)
    return dict(
        regions=len(items),
        silhouette=silhouette.area,
        leftover=leftover.area,
        biggest_leftover=biggest,
        outside=extra.area,
        overlap=worst_overlap,
        smallest=(smallest[0], smallest[1].area),
    )


def check_close_ups(all_regions: dict, expected: dict, fail) -> dict[str, tuple[str, float]]:
    """Every region of a close-up holds a finger-sized circle; returns each close-up's smallest."""
    polygons = {}
    for view_regions in all_regions.values():
        polygons.update(view_regions)

    def paired(n):
        return n + "-r" in expected

    worst: dict[str, tuple[str, float]] = {}
    for name, _side, rid, scale, (_centre, diameter) in close_up_targets(polygons, paired):
        px = diameter * scale
        if name not in worst or px < worst[name][1]:
            worst[name] = (rid, px)
        if px < MIN_TARGET_PX:
            fail(f"close-up {name}: {rid} holds a circle of only {px:.1f} px (< {MIN_TARGET_PX})")
    return worst


def report(svg_path, size_kb: float, expected: dict, summary: dict, worst: dict, errors: list[str]) -> int:
    total = sum(s["regions"] for s in summary.values())
    print(f"{svg_path}: {size_kb:.1f} KB, {total} regions (catalogue: {len(expected)})")
    for view, s in summary.items():
        print(
            f"  {view}: {s['regions']} regions, silhouette {s['silhouette']:.0f} px2, leftover "
            f"{s['leftover']:.2f} px2 ({100 * s['leftover'] / s['silhouette']:.4f} %), biggest leftover "
            f"piece {s['biggest_leftover']:.2f} px2, outside silhouette {s['outside']:.2f} px2, "
            f"worst pair overlap {s['overlap']:.3f} px2, smallest {s['smallest'][0]} "
            f"{s['smallest'][1]:.1f} px2"
        )
    if worst:
        print(
            "  close-ups (smallest region: inscribed circle in CSS px on a phone): "
            + ", ".join(f"{name} {rid} {px:.0f}" for name, (rid, px) in worst.items())
        )
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: all checks passed")
    return 0


def main(argv) -> int:
    errors: list[str] = []
    fail = errors.append
    svg_path = Path(argv[0]) if argv else SVG
    text = svg_path.read_text()
    size_kb = len(text.encode()) / 1024
    root = ET.fromstring(text)
    if root.get("viewBox") != VIEWBOX_TEXT:
        fail(f"viewBox is {root.get('viewBox')!r}")
    expected = expected_ids()
    seen: dict[str, str] = {}
    summary, all_regions, silhouettes = {}, {}, {}
    for view in ("front", "back"):
        g = root.find(f"{NS}g[@id='{view}']")
        if g is None:
            fail(f"missing <g id={view}>")
            continue
        checked = check_view(g, view, expected, seen, fail)
        if checked is not None:
            all_regions[view], silhouettes[view], summary[view] = checked
    worst: dict[str, tuple[str, float]] = {}
    if not errors:
        worst = check_close_ups(all_regions, expected, fail)
        check_sole_insets(root, all_regions.get("back", {}), silhouettes.get("back"), fail)
    missing = sorted(set(expected) - set(seen))
    if missing:
        fail(f"missing ids: {missing}")
    if size_kb > MAX_KB:
        fail(f"file is {size_kb:.1f} KB (> {MAX_KB})")
    return report(svg_path, size_kb, expected, summary, worst, errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

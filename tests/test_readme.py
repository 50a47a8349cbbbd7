"""The README stays true: its region table and counts match the drawing and the data."""

import re

from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_region_name(body):
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", README, re.M))
    assert listed == set(body.names)


def test_readme_counts_match_the_data(body, dataset):
    assert f"| Body regions | {len(body.regions)} (" in README
    assert f"| Muscles | {len(dataset.muscles)}," in README
    assert f"| Trigger points | {len(dataset.trigger_points)}," in README
    assert f"| Conditions | {len(dataset.conditions)}," in README
    assert f"| Red flags | {len(dataset.red_flags)} (" in README
    assert f"| Sources | {len(dataset.sources)} " in README


def test_readme_commands_exist():
    for script in re.findall(r"^bash (scripts/\S+)", README, re.M):
        assert (ROOT / script).exists(), script

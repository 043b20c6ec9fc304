"""Entry points read from the installed distributions' files give importlib.metadata's answer.

:func:`gialint.lint.installed.entry_points_of` reads ``METADATA`` and ``entry_points.txt``
itself, so that a first run need not import importlib.metadata. Where it answers, it must give
exactly what ``importlib.metadata.entry_points(group=...)`` gives over the same import path; where
it cannot be sure, it answers None and the registry asks importlib.metadata.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gialint.lint import installed

GROUP = "gialint.rules"

Points = list[tuple[str, str, str, str]]


def by_importlib(path: list[str], monkeypatch: pytest.MonkeyPatch) -> Points:
    monkeypatch.setattr(sys, "path", path)
    points = [
        (ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
        for ep in importlib.metadata.entry_points(group=GROUP)
    ]
    return sorted(points)


def read_directly(path: list[str], monkeypatch: pytest.MonkeyPatch) -> Points | None:
    monkeypatch.setattr(sys, "path", path)
    found = installed.entry_points_of(GROUP, installed.distributions({})[0])
    return None if found is None else sorted(found)


def write_dist(site: Path, folder: str, metadata: str, entry_points: str | None, *, suffix: str = ".dist-info") -> Path:
    """A distribution's metadata: a .dist-info folder (METADATA), an .egg-info folder (PKG-INFO),
    or with ``suffix=".egg-info file"`` a single .egg-info file, as distutils wrote it."""
    if suffix == ".egg-info file":
        site.mkdir(parents=True, exist_ok=True)
        (site / (folder + ".egg-info")).write_text(metadata, encoding="utf-8")
        return site / (folder + ".egg-info")
    dist = site / (folder + suffix)
    dist.mkdir(parents=True)
    (dist / ("METADATA" if suffix == ".dist-info" else "PKG-INFO")).write_text(metadata, encoding="utf-8")
    if entry_points is not None:
        (dist / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return dist


def metadata(name: str, version: str, *, name_header: str = "Name", extra: str = "") -> str:
    return f"Metadata-Version: 2.1\n{name_header}: {name}\nVersion: {version}\n{extra}\nA description.\n"


# -------------------------------------------------------------- the same answer as importlib.metadata

# names that collide once normalised ("My_Plugin", "my.plugin", "my-plugin") and names that do not
_NAMES = st.sampled_from(["my_plugin", "My_Plugin", "my.plugin", "other", "Third", "gialint_extra"])
_WORDS = st.text(alphabet="abcxyz_.:019", min_size=1, max_size=8).filter(lambda w: w[0] not in "#[")
_ENTRY = st.tuples(_WORDS, _WORDS, st.sampled_from(["=", " = ", "= ", " ="]))
_SECTION = st.tuples(st.sampled_from([GROUP, "console_scripts", "gialint.other"]), st.lists(_ENTRY, max_size=3))


@st.composite
def entry_points_texts(draw: st.DrawFn) -> str | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None  # no entry_points.txt at all
    lines = []
    for section, entries in draw(st.lists(_SECTION, max_size=3)):
        lines.append(f"[{section}]")
        if draw(st.booleans()):
            lines.append("# a comment")
        lines.extend(f"{name}{equals}{value}" for name, value, equals in entries)
        lines.append("")
    return "\n".join(lines)


@st.composite
def distributions(draw: st.DrawFn) -> tuple[str, str, str | None, str]:
    """(folder name without suffix, METADATA, entry_points.txt, the suffix of write_dist)"""
    name = draw(_NAMES)
    version = draw(st.sampled_from(["1.0", "2.0.1", "0.1.dev3"]))
    text = metadata(
        draw(st.sampled_from([name, name.replace("_", "-"), name.upper()])),
        version + draw(st.sampled_from(["", " "])),  # a trailing space is kept, as email keeps it
        name_header=draw(st.sampled_from(["Name", "name", "NAME"])),
        extra=draw(st.sampled_from(["", "License: MIT\n  folded onto a second line\n", "Summary: s"])),
    )
    suffix = draw(st.sampled_from([".dist-info", ".dist-info", ".egg-info", ".egg-info file"]))
    return f"{name}-{version}", text, draw(entry_points_texts()), suffix


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(distributions(), max_size=4), min_size=1, max_size=2))
def test_the_direct_reading_gives_importlib_metadatas_answer(
    monkeypatch: pytest.MonkeyPatch, sites: list[list[tuple[str, str, str | None, str]]]
) -> None:
    with tempfile.TemporaryDirectory() as top, monkeypatch.context() as patch:
        path, folders = [], []
        for i, dists in enumerate(sites):
            site = Path(top) / f"site{i}"
            site.mkdir()
            path.append(str(site))
            for folder, text, entry_points, suffix in dists:
                if not any(site.glob(f"{folder}.*")):
                    write_dist(site, folder, text, entry_points, suffix=suffix)
                    folders.append((i, installed._normalized(folder.partition("-")[0])))
        expected = by_importlib(path, patch)
        found = read_directly(path, patch)
        if found is not None:
            assert found == expected
        # it answers whenever no directory holds one distribution twice (then importlib.metadata
        # would take the one it lists first): the test cannot pass by always deferring
        assert (found is None) == (len(set(folders)) != len(folders))


def test_egg_info_folders_and_files_are_read_as_importlib_metadata_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    write_dist(site, "legacy-1.0", metadata("legacy", "1.0"), f"[{GROUP}]\nold = legacy:RULES\n", suffix=".egg-info")
    write_dist(site, "older-0.9", metadata("older", "0.9"), None, suffix=".egg-info file")
    write_dist(site, "modern-2.0", metadata("modern", "2.0"), f"[{GROUP}]\nnew = modern:RULES\n")
    found = read_directly([str(site)], monkeypatch)
    assert found == [("new", "modern:RULES", "modern", "2.0"), ("old", "legacy:RULES", "legacy", "1.0")]
    assert found == by_importlib([str(site)], monkeypatch)


def test_a_distribution_earlier_on_the_path_shadows_the_same_one_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_dist(first, "my_plugin-2.0", metadata("my-plugin", "2.0"), f"[{GROUP}]\nnew = new:RULES\n")
    write_dist(second, "My.Plugin-1.0", metadata("My.Plugin", "1.0"), f"[{GROUP}]\nold = old:RULES\n")
    write_dist(second, "other-1.0", metadata("other", "1.0"), f"[{GROUP}]\n  other =  other.rules:RULES  \n")
    found = read_directly([str(first), str(second)], monkeypatch)
    assert found == [("new", "new:RULES", "my-plugin", "2.0"), ("other", "other.rules:RULES", "other", "1.0")]
    assert found == by_importlib([str(first), str(second)], monkeypatch)


# -------------------------------------------------------------- where it defers to importlib.metadata


def unsure_sites(tmp_path: Path) -> dict[str, list[str]]:
    """Import paths on which the direct reading must defer, each with a rule package on it."""
    plain = f"[{GROUP}]\nx = x:RULES\n"
    sites: dict[str, list[str]] = {}

    twice = tmp_path / "twice"
    write_dist(twice, "dup-1.0", metadata("dup", "1.0"), plain)
    write_dist(twice, "Dup-2.0", metadata("Dup", "2.0"), plain)
    sites["one name twice in a directory"] = [str(twice)]

    folded = tmp_path / "folded"
    write_dist(folded, "folded-1.0", "Name: folded\n  more\nVersion: 1.0\n\n", plain)
    sites["a folded Name"] = [str(folded)]

    no_version = tmp_path / "no-version"
    write_dist(no_version, "nover-1.0", "Name: nover\n\n", plain)
    sites["no Version"] = [str(no_version)]

    no_metadata = tmp_path / "no-metadata"
    (no_metadata / "bare-1.0.dist-info").mkdir(parents=True)
    sites["no METADATA"] = [str(no_metadata)]

    zipped = tmp_path / "site.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("zipped-1.0.dist-info/METADATA", metadata("zipped", "1.0"))
        archive.writestr("zipped-1.0.dist-info/entry_points.txt", plain)
    sites["a zip file"] = [str(zipped)]

    egg = tmp_path / "eggy-1.0.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text(metadata("eggy", "1.0"), encoding="utf-8")
    (egg / "EGG-INFO" / "entry_points.txt").write_text(plain, encoding="utf-8")
    sites["an egg"] = [str(egg)]

    upper = tmp_path / "upper"
    write_dist(upper, "shout-1.0", metadata("shout", "1.0"), plain, suffix=".DIST-INFO")
    sites["a suffix in capitals"] = [str(upper)]

    not_utf8 = tmp_path / "latin"
    dist = write_dist(not_utf8, "latin-1.0", metadata("latin", "1.0"), None)
    (dist / "entry_points.txt").write_bytes(f"[{GROUP}]\n# caf\xe9\nx = x:RULES\n".encode("latin-1"))
    sites["entry_points.txt not in UTF-8"] = [str(not_utf8)]
    return sites


def test_the_direct_reading_defers_where_it_cannot_be_sure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for why, path in unsure_sites(tmp_path).items():
        assert read_directly(path, monkeypatch) is None, why


def test_a_line_importlib_metadata_would_not_take_is_left_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    write_dist(site, "broken-1.0", metadata("broken", "1.0"), f"[{GROUP}]\njust a line\n")
    assert read_directly([str(site)], monkeypatch) is None
    # the same line in another group's section is not read, by either
    other = tmp_path / "other"
    write_dist(other, "fine-1.0", metadata("fine", "1.0"), f"[console_scripts]\njust a line\n[{GROUP}]\na=b:C\n")
    assert read_directly([str(other)], monkeypatch) == [("a", "b:C", "fine", "1.0")]


def test_an_egg_is_listed_so_that_installing_one_is_seen(tmp_path: Path) -> None:
    egg = tmp_path / "eggy-1.0.egg"
    egg.mkdir()
    assert installed.listing(str(egg)) == [["eggy-1.0.egg", os.stat(egg).st_mtime_ns]]
    assert installed.listing(str(tmp_path / "gone.egg")) == []


# -------------------------------------------------------------- a first run without importlib.metadata


def test_a_first_run_finds_plugins_without_importing_importlib_metadata(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_dist(site, "gialint_extra-1.0", metadata("gialint-extra", "1.0"), f"[{GROUP}]\nextra = extra:RULES\n")
    code = (
        "import sys\n"
        "from gialint.lint import registry\n"
        "before = 'importlib.metadata' in sys.modules\n"
        # the rule package's directory and the standard library's, no other distribution (nor the
        # working directory, which under `python -c` comes first: a source tree's .egg-info)
        "import os, sysconfig\n"
        "stdlib = sysconfig.get_path('stdlib')\n"
        f"sys.path[:] = [{str(site)!r}, stdlib, os.path.join(stdlib, 'lib-dynload')]\n"
        "points = registry.entry_points()\n"
        "print(before, 'importlib.metadata' in sys.modules, [(e.name, e.dist, e.version) for e in points])\n"
    )
    env = {**os.environ, "GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False False [('extra', 'gialint-extra', '1.0')]"
    assert (tmp_path / "cache" / "plugins.json").is_file()  # kept for the next run, as before

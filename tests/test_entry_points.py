"""mognad_core.entry_points reads the installed entry points as importlib.metadata does (the
plugins load ~10 ms sooner), and leaves to importlib.metadata what it cannot read the same way."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import metadata

import pytest

from mognad_core import entry_points


def _as_importlib(group: str) -> list[tuple[str, str, str, str]]:
    return [
        (e.name, e.value, e.group, str(e.dist._path)) for e in metadata.entry_points(group=group)
    ]


def _as_ours(group: str) -> list[tuple[str, str, str, str]]:
    found = entry_points.select(group)
    assert found is not None
    return [(e.name, e.value, e.group, str(e.dist._path)) for e in found]


def _dist(folder, stem: str, text: str, name: str = "x", version: str = "1.0") -> None:
    info = folder / stem
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("group", ["mognad", "console_scripts", "pytest11", "no_such_group"])
def test_the_installed_entry_points_as_importlib_metadata_lists_them(group):
    assert _as_ours(group) == _as_importlib(group)


def test_the_same_entries_order_and_first_distribution_of_a_name(tmp_path, monkeypatch):
    text = (
        "# a comment\nbefore = ignored:x\n\n[mognad]\n  alpha = pkg_a.mod : obj.attr [extra]\n"
        "; not a comment = but an entry\n[other]\nbeta = pkg_b\n[mognad]\ngamma=pkg_c\n"
    )
    _dist(tmp_path / "one", "Acme_Plugin-1.0.dist-info", text, "Acme-Plugin")
    _dist(tmp_path / "one", "acme.plugin-2.0.dist-info", "[mognad]\nshadowed = x\n")
    _dist(tmp_path / "one", "zeta.egg-info", "[mognad]\nzeta = pkg_z\n", "zeta")
    _dist(tmp_path / "two", "zeta-3.0.dist-info", "[mognad]\nzeta_again = x\n", "zeta")
    _dist(tmp_path / "two", "delta-1.0.dist-info", "[mognad]\ndelta = pkg_d:run\n", "delta")
    monkeypatch.syspath_prepend(str(tmp_path / "two"))
    monkeypatch.syspath_prepend(str(tmp_path / "one"))
    ours = _as_ours("mognad")
    assert ours == _as_importlib("mognad")
    names = [row[0] for row in ours]
    assert names[:5] == ["alpha", "; not a comment", "gamma", "zeta", "delta"]
    assert "shadowed" not in names and "zeta_again" not in names
    assert _as_ours("other") == _as_importlib("other")


def test_load_and_the_distribution_as_importlib_metadata(tmp_path, monkeypatch):
    (tmp_path / "pkg_ep.py").write_text("class Thing:\n    value = 42\n")
    _dist(
        tmp_path,
        "ep_dist-2.5.dist-info",
        "[mognad]\nthing = pkg_ep:Thing.value\n",
        "Ep-Dist",
        "2.5",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    (ours,) = [e for e in entry_points.select("mognad") if e.name == "thing"]
    (theirs,) = [e for e in metadata.entry_points(group="mognad") if e.name == "thing"]
    assert ours.load() == theirs.load() == 42
    assert (ours.dist.metadata["Name"], ours.dist.metadata["Version"]) == ("Ep-Dist", "2.5")


def test_what_only_importlib_metadata_reads_is_left_to_it(tmp_path, monkeypatch):
    broken = tmp_path / "broken"
    _dist(broken, "bad-1.0.dist-info", "[mognad]\nno equals sign here\n")
    monkeypatch.syspath_prepend(str(broken))
    assert entry_points.select("mognad") is None  # importlib.metadata raises, as before
    monkeypatch.undo()
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: zipped\n")
        z.writestr("zipped-1.0.dist-info/entry_points.txt", "[mognad]\nzipped = x\n")
    monkeypatch.syspath_prepend(str(archive))
    assert entry_points.select("mognad") is None
    assert "zipped" in [e.name for e in metadata.entry_points(group="mognad")]


def test_mognad_score_imports_no_importlib_metadata():
    """The plugins load without importlib.metadata (and email); mognad plugins still names each
    plugin's distribution, read from its METADATA when asked."""
    code = (
        "import sys\n"
        "from mognad_core import plugins\n"
        "plugins.get_plugin_manager()\n"
        "print('importlib.metadata' in sys.modules, 'email' in sys.modules)\n"
        "rows = {r['name']: r['distribution'] for r in plugins.list_plugins()}\n"
        "print(rows['dimios'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first == "False False"
    assert second == f"mognad {metadata.version('mognad')}"

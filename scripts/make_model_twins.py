"""Write the twins of the built-in YAML model files (``model.yaml`` -> ``model.yaml.json``).

A twin is the data PyYAML reads from the model file, as JSON, with the SHA-256 of the text it
was read from; ``load_model_file`` uses it instead of importing PyYAML and parsing the file
(about 15 ms of every scoring command) when the text is still the same. Run it after editing a
built-in model file (tests/test_model_twins.py says so):

    .venv/bin/python scripts/make_model_twins.py

A file whose data JSON cannot hold so that the model comes out the same is left without a twin
(and an old twin of it is removed): it is read from the YAML as always.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from mognad_core.model_files import (  # noqa: E402
    TWIN_SUFFIX,
    _validated,
    _yaml_data,
    text_sha256,
)


def builtin_model_files() -> list[Path]:
    """The YAML model files of the built-in plugins (beside each plugin's ``__init__.py``)."""
    return sorted(ROOT.glob("plugins/*/mognad_*/*.yaml"))


def same_model(a, b) -> bool:
    """The same fields with the same values of the same types (1 is not 1.0 nor True)."""
    return repr(a.model_dump()) == repr(b.model_dump())


def twin_of(path: Path) -> dict | None:
    """The twin of a YAML model file, or None when JSON would give another model."""
    text = path.read_text(encoding="utf-8-sig")
    data = _yaml_data(path.name, text)
    again = json.loads(json.dumps(data, ensure_ascii=False))
    if not same_model(_validated(data, path.name), _validated(again, path.name)):
        return None
    return {"sha256": text_sha256(text), "source": path.name, "data": again}


def main() -> None:
    for path in builtin_model_files():
        target = path.with_name(path.name + TWIN_SUFFIX)
        twin = twin_of(path)
        if twin is None:
            target.unlink(missing_ok=True)
            print(f"{path.relative_to(ROOT)}: no twin (JSON would change the model)")
            continue
        target.write_text(json.dumps(twin, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

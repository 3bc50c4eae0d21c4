"""A plugin whose import fails: it needs a package that is not installed."""

import mognad_corpus_missing_dependency  # noqa: F401  (not installed anywhere)

from mognad_core import hookimpl


@hookimpl
def register_models(register):  # never reached
    raise AssertionError("the plugin should have failed at import")

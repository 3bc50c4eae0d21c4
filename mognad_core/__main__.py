"""``python -m mognad_core`` runs the ``mognad`` command line."""

from .cli import console

console()

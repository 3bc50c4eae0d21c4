"""Write mognad_core/t_table.py: scipy's t quantile stdtrit(df, 0.975) for df = 1..2000.

Run it after scipy changes its t quantile (tests/test_t_table.py says so):

    .venv/bin/python scripts/make_t_table.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.special import stdtrit

ROOT = Path(__file__).resolve().parent.parent
SIZE = 2000

HEAD = '''"""The t distribution's 97.5 % quantile for 1 to {size} degrees of freedom (the 95 %
intervals of scores), as scipy's ``stdtrit(df, 0.975)`` computes it: the same numbers, without
importing scipy.special (about 0.15 s of a command's start). Written by
scripts/make_t_table.py; tests/test_t_table.py checks every value against scipy.
"""

from __future__ import annotations

from typing import Any

#: scipy.special.stdtrit(df, 0.975) for df = 1, 2, ..., {size} (repr: the exact doubles)
VALUES = (
'''

TAIL = '''


def t_quantile_975(df: Any) -> Any:
    """``scipy.special.stdtrit(df, 0.975)`` for an array of whole degrees of freedom (>= 1):
    looked up in :data:`VALUES`, or computed by scipy when one is larger or not whole."""
    import numpy as np

    df = np.asarray(df)
    if df.dtype.kind in "iu" and df.size and df.min() >= 1 and df.max() <= len(VALUES):
        return np.array(VALUES)[df - 1]
    from scipy.special import stdtrit

    return stdtrit(df, 0.975)
'''


def main() -> None:
    values = stdtrit(np.arange(1, SIZE + 1), 0.975)
    lines = "".join(f"    {float(v)!r},\n" for v in values)
    text = HEAD.format(size=SIZE) + lines + ")" + TAIL
    (ROOT / "mognad_core" / "t_table.py").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

"""The one colour palette: Okabe-Ito (colour-blind safe) for cache levels and markers.

Okabe, M. and Ito, K., "Color Universal Design (CUD): how to make figures and presentations
that are friendly to colorblind people" (2008).
"""

from __future__ import annotations

#: L1, L2, L3, L4: bluish green, sky blue, orange, yellow
LEVELS = ("#009E73", "#56B4E9", "#E69F00", "#F0E442")
#: served by (or living only in) main memory: vermillion
MEMORY = "#D55E00"
#: prefetched and not yet used: reddish purple
PREFETCHED = "#CC79A7"
#: curves of the first and second run of a race: blue, vermillion
RUNS = ("#0072B2", "#D55E00")
#: how strongly a line that lives only in memory is tinted
MEMORY_TINT = 0.35


def level_colors(n_levels: int) -> list[str]:
    """Colours of ``n_levels`` cache levels followed by main memory's."""
    return list(LEVELS[:n_levels]) + [MEMORY]


def fill_colors(n_levels: int, surface: str) -> list[str]:
    """Cell fills: each level's colour, then memory's, tinted on ``surface`` (it is the common
    case, so quiet)."""
    colors = level_colors(n_levels)
    colors[-1] = mix(MEMORY, surface, MEMORY_TINT)
    return colors


def mix(color: str, background: str, amount: float) -> str:
    """``amount`` of ``color`` over ``background`` (both ``#rrggbb``)."""
    a = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * amount + y * (1 - amount)):02x}" for x, y in zip(a, b))


def luminance(color: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    def channel(c: int) -> float:
        x = c / 255
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(color[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return "#000000" if contrast("#000000", fill) >= contrast("#ffffff", fill) else "#ffffff"


def code_band(surface: str) -> str:
    """The band behind the loop line that made the current access: sky blue, light on
    ``surface`` so the text on it keeps its contrast."""
    return mix(LEVELS[1], surface, 0.45 if luminance(surface) > 0.5 else 0.3)

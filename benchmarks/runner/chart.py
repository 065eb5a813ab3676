"""A hand-written SVG bar chart of each configuration's speed-up over CPython
(CPython's median time / the configuration's median time) per program, on a
logarithmic axis: bars grow right from the 1x line when faster than CPython and
left when slower."""

import math
from xml.sax.saxutils import escape

WIDTH = 900
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
COLOURS = {"ember": "#d9731a", "ember-jit": "#6a5acd", "ember-jitlist": "#c2307a", "pypy": "#2a9d6f"}
SPARE_COLOURS = ["#8c6d31", "#3182bd", "#636363"]
CHAR_W = 7.2          # generous average glyph width at 12px, for layout estimates
VALUE_ROOM = 48       # room either side of the plot for the value labels
MAX_TICKS = 11


def _ticks(values):
    """Tick values, powers of 2 (or of 4, or 10, for wide ranges) covering the
    values and 1x, with at least 0.5x..2x."""
    lo, hi = min(values + [1.0]), max(values + [1.0])
    for base in (2, 4, 10):
        first = min(math.floor(math.log(lo, base) + 1e-9), -1 if base == 2 else 0)
        last = max(math.ceil(math.log(hi, base) - 1e-9), 1)
        if first == 0 and last == 1 and base != 2:
            first = -1
        if last - first + 1 <= MAX_TICKS:
            break
    return [float(base) ** k for k in range(first, last + 1)]


def _tick_label(v):
    if v >= 1:
        return f"{v:g}x"
    if v >= 0.1:
        return f"{v:g}x"        # 0.5x, 0.25x, 0.125x
    return f"1/{round(1 / v)}x"  # 1/16x rather than 0.0625x


def _value_label(v):
    return f"{v:.2f}x" if v < 10 else f"{v:.1f}x"


def _text(x, y, s, size=12, anchor="start", weight=None, fill="#222", style=None):
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if style:
        attrs += f' font-style="{style}"'
    return f"<text {attrs}>{escape(s)}</text>"


def svg(summary, configs, meta):
    """The chart as SVG text. `configs` are all configurations, CPython first
    (which is the 1x line, so has no bars of its own)."""
    series = [c.name for c in configs[1:]]
    legend = {c.name: c.label for c in configs}
    colours = {}
    spare = iter(SPARE_COLOURS * 4)
    for name in series:
        colours[name] = COLOURS.get(name) or next(spare)
    groups = []  # (label, bold, {series: speed-up, "FAILED" or None})
    for job, row in summary["program"].items():
        groups.append((job, False, {s: ("FAILED" if row[s]["failure"] else row[s].get("speedup")) for s in series}))
    groups.append(("geometric mean", True, {s: summary["geomean"][s].get("speedup") for s in series}))
    values = [v for _, _, vals in groups for v in vals.values() if isinstance(v, float)]
    ticks = _ticks(values)

    name_w = max(120, int(max(len(label) for label, _, _ in groups) * CHAR_W) + 28)
    plot_left = name_w + VALUE_ROOM
    plot_right = WIDTH - 16 - VALUE_ROOM
    log_lo, log_hi = math.log(ticks[0]), math.log(ticks[-1])

    def x_of(v):
        return plot_left + (math.log(v) - log_lo) / (log_hi - log_lo) * (plot_right - plot_left)

    parts = []
    # Title: what is shown, then machine and date.
    title = "Ember benchmarks: speed-up over CPython (higher is better)"
    runs = f"median of {meta['runs']} run{'s' if meta['runs'] != 1 else ''}"
    sub = f"{meta['machine']['summary']}  |  {meta['day']}  |  {meta['mode']} sizes, {runs}"
    parts.append(_text(WIDTH / 2, 26, title, 16, "middle", "bold"))
    parts.append(_text(WIDTH / 2, 45, sub, 11, "middle", fill="#555"))

    # Legend, wrapped onto more rows if needed.
    y = 68
    x = plot_left
    for name in series:
        label = legend[name]
        w = 18 + len(label) * CHAR_W * 0.85 + 24
        if x + w > WIDTH - 16 and x > plot_left:
            x, y = plot_left, y + 18
        parts.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" fill="{colours[name]}"/>')
        parts.append(_text(x + 18, y, label, 12))
        x += w
    plot_top = y + 16

    bar_h = 11 if len(series) <= 2 else 9
    bar_gap = 2
    pad = 7
    group_h = len(series) * (bar_h + bar_gap) - bar_gap + 2 * pad
    plot_bottom = plot_top + group_h * len(groups) + 6  # 6: the gap before the mean

    # Group backgrounds and names.
    y = plot_top
    geometry = []
    for i, (label, bold, vals) in enumerate(groups):
        if bold:
            y += 6
            parts.append(f'<line x1="8" x2="{WIDTH - 8}" y1="{y - 3:.1f}" y2="{y - 3:.1f}" stroke="#999" stroke-width="1"/>')
        if i % 2 == 0 or bold:
            fill = "#eef1f5" if bold else "#f5f5f5"
            parts.append(f'<rect x="8" y="{y:.1f}" width="{WIDTH - 16}" height="{group_h}" fill="{fill}"/>')
        parts.append(_text(name_w, y + group_h / 2 + 4, label, 12, "end", "bold" if bold else None))
        geometry.append((y, vals))
        y += group_h

    # Grid lines and tick labels.
    for t in ticks:
        x = x_of(t)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{plot_top}" y2="{plot_bottom}" stroke="#d0d0d0" stroke-width="1"/>')
        parts.append(_text(x, plot_bottom + 15, _tick_label(t), 11, "middle", "bold" if t == 1 else None))
    parts.append(f'<line x1="{plot_left}" x2="{plot_right}" y1="{plot_bottom}" y2="{plot_bottom}" stroke="#888"/>')

    # Bars, each with its value at the outer end.
    one = x_of(1.0)
    for top, vals in geometry:
        for k, name in enumerate(series):
            by = top + pad + k * (bar_h + bar_gap)
            v = vals.get(name)
            if v == "FAILED":
                parts.append(_text(one + 4, by + bar_h - 1, "FAILED", 10, weight="bold", fill="#c00000"))
                continue
            if not isinstance(v, float):
                parts.append(_text(one + 4, by + bar_h - 1, "no result", 10, fill="#888", style="italic"))
                continue
            xv = x_of(v)
            left, width = min(one, xv), max(abs(xv - one), 1.0)
            tip = f"{name}: {_value_label(v)}"
            parts.append(f'<rect x="{left:.1f}" y="{by:.1f}" width="{width:.1f}" height="{bar_h}" '
                         f'fill="{colours[name]}"><title>{escape(tip)}</title></rect>')
            if v >= 1:
                parts.append(_text(max(xv, one) + 3, by + bar_h - 1.5, _value_label(v), 9.5))
            else:
                parts.append(_text(xv - 3, by + bar_h - 1.5, _value_label(v), 9.5, "end"))

    # The 1x reference line (CPython), over the bars.
    parts.append(f'<line x1="{one:.1f}" x2="{one:.1f}" y1="{plot_top - 4}" y2="{plot_bottom}" stroke="#222" stroke-width="1.5"/>')
    axis_y = plot_bottom + 36
    parts.append(_text(one - 8, axis_y, "\u2190 slower than CPython", 11, "end", fill="#555"))
    parts.append(_text(one + 8, axis_y, "faster than CPython \u2192", 11, fill="#555"))
    parts.append(_text((plot_left + plot_right) / 2, axis_y + 18,
                       "speed-up = CPython's median time / configuration's median time (log scale; 1x = CPython 3.11)",
                       11, "middle", fill="#555"))
    height = int(axis_y + 32)

    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}">')
    return "\n".join([head, f'<rect width="{WIDTH}" height="{height}" fill="white"/>'] + parts + ["</svg>"]) + "\n"

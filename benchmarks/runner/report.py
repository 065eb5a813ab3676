"""Summaries of the samples (median, min, max, peak RSS, ratio to CPython, geometric
means, JIT statistics) and the Markdown and JSON reports built from them."""

import json
import statistics
from pathlib import Path

JIT_KEYS = ("compiled_functions", "compile_time_ms", "code_bytes")


def _summarise_cell(samples, failure):
    timed = [s for s in samples if s["timed"]]
    cell = {"runs": len(timed), "failure": failure}
    if failure or not timed:
        return cell
    walls = [s["wall_s"] for s in timed]
    cell.update(median_s=statistics.median(walls), min_s=min(walls), max_s=max(walls))
    rss = [s["rss_kib"] for s in samples if s.get("rss_kib")]
    if rss:
        cell["peak_rss_mib"] = max(rss) / 1024
    stats = [s["jit_stats"] for s in timed if "jit_stats" in s]
    if stats:
        jit = {}
        for key in JIT_KEYS:
            values = [st[key] for st in stats if isinstance(st.get(key), (int, float))]
            if values:
                jit[key] = statistics.median(values)
        cell["jit"] = jit
    return cell


def summarise(results, configs):
    """{"program": {job: {config: cell}}, "startup": {...}, "geomean": {config: {...}}}.
    A cell has runs, failure, and (when it has timed samples and no failure)
    median_s, min_s, max_s, peak_rss_mib (when measured), ratio (median / CPython's median),
    speedup (its inverse) and, when the JIT wrote stats, jit."""
    base = configs[0].name
    summary = {}
    for kind in ("program", "startup"):
        table = {}
        for job, per_config in results.samples.get(kind, {}).items():
            row = {c.name: _summarise_cell(per_config[c.name], results.failure(kind, job, c.name)) for c in configs}
            ref = row[base].get("median_s")
            for cell in row.values():
                if ref and cell.get("median_s"):
                    cell["ratio"] = cell["median_s"] / ref
                    cell["speedup"] = ref / cell["median_s"]
            table[job] = row
        summary[kind] = table
    geo = {}
    programs = summary["program"]
    for c in configs:
        ratios = [row[c.name]["ratio"] for row in programs.values() if "ratio" in row[c.name]]
        geo[c.name] = {"ratio": statistics.geometric_mean(ratios) if ratios else None,
                       "programs": len(ratios), "of": len(programs)}
        if ratios:
            geo[c.name]["speedup"] = 1 / geo[c.name]["ratio"]
    summary["geomean"] = geo
    return summary


def _time(cell, scale=1.0, digits=3):
    return f"{cell['median_s'] * scale:.{digits}f}"


def _cell_text(cell, is_base):
    if cell["failure"]:
        return "FAILED"
    if "median_s" not in cell:
        return "-"
    if is_base or "ratio" not in cell:
        return f"{_time(cell)} s"
    return f"{_time(cell)} s ({cell['ratio']:.2f}x)"


def _detail_rows(table, configs, scale, digits):
    rows = []
    for job, row in table.items():
        for c in configs:
            cell = row[c.name]
            if cell["failure"]:
                rows.append(f"| {job} | {c.name} | FAILED | | | | |")
            elif "median_s" in cell:
                ratio = f"{cell['ratio']:.2f}x" if "ratio" in cell else "-"
                rss = f"{cell['peak_rss_mib']:.1f}" if "peak_rss_mib" in cell else "-"
                rows.append(f"| {job} | {c.name} | {cell['median_s'] * scale:.{digits}f} | "
                            f"{cell['min_s'] * scale:.{digits}f} | {cell['max_s'] * scale:.{digits}f} | "
                            f"{rss} | {ratio} |")
    return rows


def _jit_rows(programs, names):
    """The JIT statistics table's rows (none when no run wrote a stats file)."""
    fmt = {"compiled_functions": lambda v: f"{v:.0f}", "compile_time_ms": lambda v: f"{v:.1f}",
           "code_bytes": lambda v: f"{v / 1024:.1f}"}
    rows = []
    for job, row in programs.items():
        for n in names:
            jit = row[n].get("jit")
            if not jit:
                continue
            share = (f"{jit['compile_time_ms'] / 1000 / row[n]['median_s'] * 100:.1f}%"
                     if "compile_time_ms" in jit and row[n].get("median_s") else "-")
            vals = [fmt[k](jit[k]) if k in jit else "-" for k in JIT_KEYS]
            rows.append(f"| {job} | {n} | {vals[0]} | {vals[1]} | {share} | {vals[2]} |")
    return rows


def _duration(seconds):
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.1f} minutes"


def markdown(meta, configs, summary, results):
    """The Markdown report."""
    names = [c.name for c in configs]
    base = names[0]
    out = [f"# Ember benchmarks, {meta['day']}", ""]
    rounds = f"{meta['runs']} timed run{'s' if meta['runs'] != 1 else ''} per configuration"
    warm = "after a warm-up round" if meta["warmup_rounds"] else "without a warm-up round"
    out.append(f"{meta['mode'].capitalize()} sizes; {rounds}, interleaved round by round {warm}. "
               f"Machine: {meta['machine']['summary']}. The run took {_duration(meta['elapsed_s'])}. "
               f"Peak RSS: {meta['rss_method']}.")
    if meta["mode"] == "quick":
        out += ["", "Quick sizes run for a few tens of milliseconds, so these ratios mostly compare start-up "
                    "times; compare speeds with a default-size run."]
    out += ["", "| configuration | command | version |", "|---|---|---|"]
    for c in configs:
        out.append(f"| {c.name} | `{c.shown()}` | {c.version} |")
    out += ["", f"JIT configurations: {'included' if meta['jit']['available'] else 'left out'}, "
                f"{meta['jit']['verdict']}.", ""]
    out += ["## Programs", "",
            f"Median wall time; in parentheses the ratio to CPython's median (time / CPython's time: "
            f"below 1.00x is faster than CPython, above is slower). The chart shows the inverse, the speed-up.", ""]
    out.append("| program | size | " + " | ".join(names) + " |")
    out.append("|---|---:|" + "---:|" * len(names))
    for job, row in summary["program"].items():
        size = meta["sizes"].get(job, "")
        out.append(f"| {job} | {size} | " + " | ".join(_cell_text(row[n], n == base) for n in names) + " |")
    geo_cells = []
    for n in names:
        g = summary["geomean"][n]
        if g["ratio"] is None:
            geo_cells.append("-")
        else:
            partial = f" ({g['programs']} of {g['of']})" if g["programs"] != g["of"] else ""
            geo_cells.append(f"{g['ratio']:.2f}x{partial}")
    out.append("| **geometric mean of ratios** | | " + " | ".join(geo_cells) + " |")
    out += ["", "### Spread and memory", "",
            "| program | configuration | median (s) | min (s) | max (s) | peak RSS (MiB) | time / CPython |",
            "|---|---|---:|---:|---:|---:|---:|"]
    out += _detail_rows(summary["program"], configs, 1.0, 3)
    jit_rows = _jit_rows(summary["program"], names)
    if jit_rows:
        out += ["", "### JIT compilation", "",
                "From `-X jit-stats-file` (median over the timed runs).", "",
                "| program | configuration | compiled functions | compile time (ms) | share of wall time | code size (KiB) |",
                "|---|---|---:|---:|---:|---:|"] + jit_rows
    if summary["startup"]:
        out += ["", "## Start-up", "",
                "Wall time of the interpreter running the command, in milliseconds.", "",
                "| command | configuration | median (ms) | min (ms) | max (ms) | peak RSS (MiB) | time / CPython |",
                "|---|---|---:|---:|---:|---:|---:|"]
        out += _detail_rows({f"`{k}`": v for k, v in summary["startup"].items()}, configs, 1000.0, 1)
    if results.failures:
        out += ["", "## Failures", ""]
        for f in results.failures:
            when = f"timed round {f['round']}" if f["timed"] else "untimed round"
            out.append(f"- FAILURE {f['job']} [{f['config']}] ({when}): {f['reason']}")
    return "\n".join(out) + "\n"


def json_document(meta, configs, summary, results):
    """Every sample and everything needed to read it."""
    return {
        "date": meta["date"],
        "machine": meta["machine"],
        "mode": meta["mode"],
        "runs": meta["runs"],
        "warmup_rounds": meta["warmup_rounds"],
        "rss_method": meta["rss_method"],
        "elapsed_s": meta["elapsed_s"],
        "sizes": meta["sizes"],
        "jit": meta["jit"],
        "configs": [{"name": c.name, "label": c.label, "command": c.shown(), "argv": c.argv, "version": c.version,
                     "jit_list": c.jit_list, "jit_stats": c.jit_stats} for c in configs],
        "ratio_definition": "median wall time / CPython's median wall time (speedup is the inverse)",
        "samples": results.samples,
        "reference_output": {f"{kind}:{job}": out for (kind, job), out in results.expected.items()},
        "failures": results.failures,
        "summary": summary,
    }


def write(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def write_json(path, document):
    write(path, json.dumps(document, indent=1) + "\n")

"""The benchmark programs, their sizes, their JIT lists, and the start-up commands."""

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent
JITLIST_DIR = BENCH_DIR / "jitlists"

# Default and quick sizes per program (the program's first command-line argument).
# The default column makes a full run (ember, cpython and pypy, a warm-up round
# and 5 timed rounds) take about 10 minutes on 2 cores; the quick column makes
# every program run in well under a second.
SIZES = {
    "bm_calls": (100, 4),
    "bm_intloop": (30, 2),
    "bm_float": (70, 3),
    "bm_methods": (150, 10),
    "bm_containers": (40, 2),
    "bm_richards": (90, 4),
    "bm_deltablue": (110, 3),
    "bm_raytrace": (16, 1),
    "bm_go": (140, 5),
    "bm_float_objects": (25, 1),
    "bm_nbody": (350, 5),
    "bm_fannkuch": (70, 1),
    "bm_spectral_norm": (60, 1),
    "bm_nqueens": (80, 2),
    "bm_chaos": (100, 2),
    "bm_generators": (300, 6),
    "bm_coroutines": (120, 6),
    "bm_unpacking": (40, 2),
    "bm_strings": (32, 2),
    "bm_dicts_sets": (26, 2),
    "bm_json": (80, 4),
}
FALLBACK_SIZE = (10, 2)  # a new program not yet in SIZES

# Start-up measurements: name -> arguments after the interpreter (and its options).
STARTUP = {
    "-c pass": ["-c", "pass"],
    "-c 'import json'": ["-c", "import json"],
}


def all_programs():
    return sorted(p.stem for p in BENCH_DIR.glob("bm_*.py"))


def select(only):
    """The programs named in `only` (comma-separated; the bm_ prefix and .py
    suffix are optional), or all of them. Raises ValueError for unknown names."""
    programs = all_programs()
    if not only:
        return programs
    chosen = []
    for raw in only.split(","):
        name = raw.strip().removesuffix(".py")
        if not name:
            continue
        if not name.startswith("bm_"):
            name = "bm_" + name
        if name not in programs:
            raise ValueError(f"unknown program {raw.strip()!r}; known: {', '.join(programs)}")
        if name not in chosen:
            chosen.append(name)
    return sorted(chosen)


def size_of(program, quick):
    return SIZES.get(program, FALLBACK_SIZE)[1 if quick else 0]


def jitlist_path(program):
    return JITLIST_DIR / f"{program}.txt"


def read_jitlist(path):
    """The module:qualname entries of a JIT list file (comments and blanks skipped)."""
    entries = []
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def qualnames(path):
    """Every function qualname defined in a program, as CPython compiles it."""
    names = set()
    todo = [compile(Path(path).read_text(), str(path), "exec")]
    while todo:
        code = todo.pop()
        names.add(code.co_qualname)
        todo.extend(c for c in code.co_consts if hasattr(c, "co_qualname"))
    return names


def jitlist_problems(program):
    """Complaints about a program's JIT list: missing file, or entries naming no
    function of the program (a list gone stale after the program changed)."""
    path = jitlist_path(program)
    if not path.exists():
        return [f"{path.relative_to(BENCH_DIR.parent)} is missing"]
    known = qualnames(BENCH_DIR / f"{program}.py")
    problems = []
    for entry in read_jitlist(path):
        module, _, qualname = entry.partition(":")
        if module != "__main__" or qualname not in known:
            problems.append(f"{path.name}: {entry!r} names no function of {program}.py")
    return problems

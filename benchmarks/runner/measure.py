"""Running the jobs: every configuration of every job once per round, round after
round, each run timed, its peak RSS taken, and its output checked against CPython's."""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

from .programs import BENCH_DIR

RUN_TIMEOUT = 600  # seconds; a run taking longer is a failure (a hung VM must not stall CI)


@dataclass
class Job:
    kind: str              # "program" or "startup"
    name: str              # bm_calls, or "-c pass"
    args: list             # after the interpreter and its options
    jitlist: str = None    # for the jit-list configuration


@dataclass
class Outcome:
    wall_s: float
    rss_kib: int           # None unless measured
    stdout: str
    stderr: str
    exit_code: int
    timed_out: bool = False


@dataclass
class Results:
    # samples[kind][job][config] = [{"round", "timed", "wall_s", ["rss_kib"], ["jit_stats"]}, ...]
    samples: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)   # dicts: kind, job, config, round, timed, reason, ...
    expected: dict = field(default_factory=dict)   # (kind, job) -> CPython's output
    elapsed_s: float = 0.0

    def failed(self, kind, job, config):
        return self.failure(kind, job, config) is not None

    def failure(self, kind, job, config):
        for f in self.failures:
            if f["kind"] == kind and f["job"] == job and f["config"] == config:
                return f["reason"]
        return None


def _probe_gnu_time():
    """The path of GNU time if it works here, else None."""
    exe = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "rss")
        try:
            subprocess.run([exe, "-f", "%M", "-o", path, "true"], capture_output=True, timeout=30, check=True)
            return exe if _read_rss(path) else None
        except (OSError, subprocess.SubprocessError):
            return None


def _read_rss(path):
    """GNU time's %M (KiB): the last line of its output file (it puts a note about
    an abnormal exit before it)."""
    try:
        with open(path) as fh:
            lines = fh.read().split()
        return int(lines[-1]) if lines and lines[-1].isdigit() else None
    except OSError:
        return None


GNU_TIME = _probe_gnu_time()
# How peak RSS is measured; the reports quote it.
RSS_METHOD = (f"ru_maxrss from wait4, taken by GNU time ({GNU_TIME} -f %M) around the untimed round's runs"
              if GNU_TIME else
              "ru_maxrss from the runner's own os.wait4 in the untimed round, given only when above the "
              "runner's own peak RSS (install GNU time for exact values)")


def run_once(cmd, timeout=RUN_TIMEOUT, measure_rss=False):
    """Runs a command in the benchmarks directory with its output going to files
    (so reading it takes no part in the time); returns an Outcome.

    Peak RSS (measure_rss) is the child's ru_maxrss from wait4. Linux counts in a
    child's ru_maxrss the RSS of the process it was forked from as it was at exec
    time, here the runner itself (~25 MiB, about what a small interpreter uses),
    so the child is started by GNU time, a 1 MiB process that waits for it and
    reports its ru_maxrss. That adds a millisecond or two of wall time, so those
    runs are never the timed ones."""
    rss_file = None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, open(os.devnull, "rb") as devnull:
        if measure_rss and GNU_TIME:
            fd, rss_file = tempfile.mkstemp(prefix="ember-bench-rss-")
            os.close(fd)
            cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + list(cmd)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=devnull, stdout=out, stderr=err, cwd=BENCH_DIR, start_new_session=True)
        fired = []

        def kill():
            fired.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        # Tell the Popen object the child is reaped, so it never waits for it again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = None
        if rss_file:
            rss = _read_rss(rss_file)
            os.unlink(rss_file)
        elif measure_rss and usage.ru_maxrss > resource.getrusage(resource.RUSAGE_SELF).ru_maxrss:
            rss = usage.ru_maxrss
        out.seek(0)
        err.seek(0)
        return Outcome(elapsed, rss, out.read().decode(errors="replace"),
                       err.read().decode(errors="replace"), proc.returncode, bool(fired))


def _first_difference(got, want, reference):
    g, w = got.splitlines(), want.splitlines()
    for i in range(max(len(g), len(w))):
        a = g[i] if i < len(g) else "<no line>"
        b = w[i] if i < len(w) else "<no line>"
        if a != b:
            return f"output line {i + 1} is {a[:120]!r}, {reference} is {b[:120]!r}"
    return f"output differs from {reference} (line endings)"


def _error_summary(stderr):
    """The last line of stderr (for a traceback, the exception) and, if there is
    one, the innermost traceback location."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip(" ~^\t")]
    where = [line for line in lines if line.startswith('File "')]
    text = lines[-1] if lines else ""
    if where:
        text += f" ({where[-1]})"
    return text[-400:]


def _problem(outcome, expected, reference="CPython's"):
    """Why a run does not count (or None when it does)."""
    if outcome.timed_out:
        return f"timed out after {RUN_TIMEOUT} s"
    if outcome.exit_code != 0:
        how = f"killed by signal {-outcome.exit_code}" if outcome.exit_code < 0 else f"exit {outcome.exit_code}"
        return f"{how}: {_error_summary(outcome.stderr)}" if outcome.stderr.strip() else how
    if expected is not None and outcome.stdout != expected:
        return _first_difference(outcome.stdout, expected, reference)
    return None


def _read_stats(path):
    """The JIT's stats file, if the run wrote one: (stats or None, error or None)."""
    if not os.path.exists(path):
        return None, None
    try:
        with open(path) as fh:
            stats = json.load(fh)
        if not isinstance(stats, dict):
            return None, "stats file holds no JSON object"
        return stats, None
    except (OSError, ValueError) as exc:
        return None, f"unreadable stats file: {exc}"
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def round_plan(timed_rounds, warmup, memory):
    """The rounds, in order, as (description, round number, timed, measures RSS).
    Round 0 is untimed: the warm-up round, which also measures peak RSS; without
    a warm-up (--quick) an untimed memory round follows the timed ones instead."""
    plan = [("warm-up round, measuring peak RSS" if memory else "warm-up round", 0, False, memory)] if warmup else []
    plan += [(f"round {r}/{timed_rounds}", r, True, False) for r in range(1, timed_rounds + 1)]
    if memory and not warmup:
        plan.append(("untimed round measuring peak RSS", 0, False, True))
    return plan


def run_rounds(jobs, configs, plan, log=None):
    """Runs every job with every configuration, interleaved: each round of `plan`
    runs each job once with each configuration in turn (A B C A B C ...). Every
    run's output is checked, timed or not. configs[0] is CPython: its first output
    for a job is the reference for every other run of that job, its own later runs
    included. A configuration that fails once for a job (non-zero exit, different
    output, time-out) is not run again for that job; when CPython itself fails,
    the job is dropped."""
    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    results = Results()
    for job in jobs:
        results.samples.setdefault(job.kind, {})[job.name] = {c.name: [] for c in configs}
    expected = results.expected
    started = time.perf_counter()
    serial = 0
    with tempfile.TemporaryDirectory(prefix="ember-bench-") as tmp:
        for what, round_no, timed, memory in plan:
            log(f"[{time.perf_counter() - started:6.0f} s] {what}: {len(jobs)} jobs x {len(configs)} configurations")
            for job in jobs:
                key = (job.kind, job.name)
                if results.failed(job.kind, job.name, configs[0].name):
                    continue
                for config in configs:
                    if results.failed(job.kind, job.name, config.name):
                        continue
                    serial += 1
                    stats_file = os.path.join(tmp, f"stats-{serial}.json") if config.jit_stats else None
                    cmd = config.command(job.args, job.jitlist, stats_file)
                    try:
                        outcome = run_once(cmd, measure_rss=memory)
                    except OSError as exc:
                        outcome = Outcome(0.0, None, "", f"could not start {cmd[0]}: {exc}", 127)
                    problem = _problem(outcome, expected.get(key),
                                       "its first run's" if config is configs[0] else "CPython's")
                    stats, stats_error = _read_stats(stats_file) if stats_file else (None, None)
                    if problem:
                        results.failures.append({"kind": job.kind, "job": job.name, "config": config.name,
                                                 "round": round_no, "timed": timed, "reason": problem,
                                                 "exit_code": outcome.exit_code, "wall_s": outcome.wall_s,
                                                 "command": cmd})
                        log(f"  FAILURE {job.name} [{config.name}]: {problem}")
                        if config is configs[0]:
                            break
                        continue
                    expected.setdefault(key, outcome.stdout)
                    sample = {"round": round_no, "timed": timed, "wall_s": outcome.wall_s}
                    if memory:
                        sample["rss_kib"] = outcome.rss_kib
                    if stats is not None:
                        sample["jit_stats"] = stats
                    if stats_error:
                        sample["jit_stats_error"] = stats_error
                    results.samples[job.kind][job.name][config.name].append(sample)
    results.elapsed_s = time.perf_counter() - started
    return results

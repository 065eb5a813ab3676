"""The interpreter configurations a program is run with, and the machine they run on."""

import os
import platform
import shutil
import subprocess
import time
from dataclasses import dataclass, field

# The JIT's contract with this runner (the JIT work implements it):
#  * `ember -X jit -c "import cinderjit; print(cinderjit.is_enabled())"` (the JIT
#    module keeps Cinder's name and API) exits 0 and
#    prints True when the binary has a JIT; only then are the two JIT
#    configurations run.
#  * `-X jit` compiles every function it finds worth compiling;
#    `-X jit-list-file=PATH` compiles only the functions listed in PATH, one
#    `module:qualname` a line (benchmarks/jitlists/<program>.txt).
#  * `-X jit-stats-file=PATH` makes Ember write a JSON object to PATH at exit with
#    at least compiled_functions, compile_time_ms and code_bytes.
JIT_PROBE = ["-X", "jit", "-c", "import cinderjit; print(cinderjit.is_enabled())"]
PROBE_TIMEOUT = 60

# The version line each interpreter reports (sys only: Ember may lack platform).
VERSION_CODE = "import sys; print(sys.implementation.name, sys.version.splitlines()[0])"


@dataclass
class Config:
    name: str                      # short name: a table column and a JSON key
    argv: list                     # interpreter and its fixed options
    label: str                     # a reader's name for it (the chart's legend)
    jit_list: bool = False         # add -X jit-list-file=<the program's list>
    jit_stats: bool = False        # add -X jit-stats-file=<a fresh file> and read it
    version: str = field(default="")

    def command(self, args, jitlist=None, stats_file=None):
        """The command line that runs `args` (a script and its size, or -c code)."""
        cmd = list(self.argv)
        if self.jit_list:
            # Start-up commands have no program: an empty list (nothing compiled).
            cmd += ["-X", f"jit-list-file={jitlist or os.devnull}"]
        if self.jit_stats and stats_file:
            cmd += ["-X", f"jit-stats-file={stats_file}"]
        return cmd + list(args)

    def shown(self):
        """The command line as the reports show it."""
        cmd = " ".join(self.argv)
        if self.jit_list:
            cmd += " -X jit-list-file=benchmarks/jitlists/<program>.txt"
        if self.jit_stats:
            cmd += " -X jit-stats-file=<temporary file>"
        return cmd


def real_executable(cmd):
    """The interpreter binary behind `cmd`, so that launcher scripts (pyenv shims)
    do not add their own start-up time to the measurement."""
    try:
        out = subprocess.run([cmd, "-c", "import sys; print(sys.executable)"], capture_output=True,
                             text=True, check=True, timeout=PROBE_TIMEOUT)
        exe = out.stdout.strip()
        return exe if exe and os.path.exists(exe) else cmd
    except (OSError, subprocess.SubprocessError):
        return cmd


def interpreter_version(exe):
    try:
        out = subprocess.run([exe, "-c", VERSION_CODE], capture_output=True, text=True, timeout=PROBE_TIMEOUT)
        return out.stdout.strip() if out.returncode == 0 else f"(version query exited {out.returncode})"
    except (OSError, subprocess.SubprocessError) as exc:
        return f"(version query failed: {exc})"


def probe_jit(ember):
    """(available, explanation): does this Ember binary report a JIT?"""
    try:
        out = subprocess.run([ember] + JIT_PROBE, capture_output=True, text=True, timeout=PROBE_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"JIT probe failed to run: {exc}"
    answer = out.stdout.strip()
    if out.returncode == 0 and answer == "True":
        return True, "the Ember binary reports a JIT (cinderjit.is_enabled() is True)"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        return False, f"the Ember binary has no JIT (probe exited {out.returncode}: {last})"
    return False, f"the Ember binary reports no JIT (cinderjit.is_enabled() printed {answer!r})"


def configurations(ember, with_pypy=True):
    """The configurations to run, CPython (the baseline, whose output is every
    program's reference checksum) first; plus the JIT probe's verdict."""
    ember = os.path.abspath(ember)
    configs = [Config("cpython", [real_executable("python3")], "CPython (python3), the baseline"),
               Config("ember", [ember], "ember (interpreter)")]
    jit, why = probe_jit(ember)
    if jit:
        configs.append(Config("ember-jit", [ember, "-X", "jit"], "ember -X jit", jit_stats=True))
        configs.append(Config("ember-jitlist", [ember], "ember -X jit-list-file (hot functions)",
                              jit_list=True, jit_stats=True))
    if with_pypy and shutil.which("pypy3"):
        configs.append(Config("pypy", [real_executable("pypy3")], "PyPy (pypy3)"))
    for c in configs:
        c.version = interpreter_version(c.argv[0])
    return configs, {"available": jit, "probe": " ".join([ember] + JIT_PROBE), "verdict": why}


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib():
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def machine():
    """A description of the machine, for the reports."""
    info = {
        "arch": platform.machine(),
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "platform": platform.platform(),
        "hostname": platform.node(),
        "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    info["summary"] = f"{info['arch']}, {info['cores']} cores, {info['cpu']}, {info['system']}"
    return info


def now():
    """The run's date: local ISO time with offset, and the day for titles."""
    return time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.strftime("%Y-%m-%d")

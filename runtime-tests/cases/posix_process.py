# posix: processes, descriptors between processes, the environment, errno.
import errno
import os
import sys

SIGTERM = 15


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


# ids and system information
print(os.getpid() == os.getpid(), os.getppid() > 0, os.getpid() != os.getppid())
print(type(os.getuid()).__name__, os.geteuid() == os.getuid(), os.getegid() == os.getgid())
# the session leader may sit outside the PID namespace (getsid then gives 0)
print(os.getpgrp() == os.getpgid(0), os.getsid(0) == os.getsid(os.getpid()) >= 0)
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname, [type(x).__name__ for x in u])
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user == t[0])
print(isinstance(os.cpu_count(), int), os.cpu_count() >= 1, len(os.sched_getaffinity(0)) >= 1)
print(len(os.urandom(0)), len(os.urandom(16)), type(os.urandom(3)).__name__, os.urandom(8) != os.urandom(8))
attempt("urandom negative", os.urandom, -1)
print(len(os.getloadavg()))
old = os.umask(0o027)
print(oct(os.umask(old)))
print(os.strerror(errno.ENOENT), "|", os.strerror(errno.EACCES), "|", os.strerror(0))
print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.devnull, os.extsep)
print(os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.EX_OK, os.WNOHANG, "posix" in sys.builtin_module_names, "errno" in sys.builtin_module_names)

# errno
print(errno.ENOENT, errno.EEXIST, errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.ENOENT], errno.errorcode[11])
print(len(errno.errorcode) > 100, all(getattr(errno, n) == c for c, n in errno.errorcode.items()))
for code in (errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM,
             errno.ESRCH, errno.ECHILD, errno.EAGAIN, errno.EPIPE, errno.EINTR, errno.EINVAL):
    e = OSError(code, os.strerror(code))
    print(code, type(e).__name__, e)

# pipes and descriptors
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w), os.isatty(r))
os.set_inheritable(w, True)
print(os.get_inheritable(w))
os.write(w, b"through the pipe")
print(os.read(r, 100))
w2 = os.dup(w)
print(w2 > w, os.get_inheritable(w2))
os.write(w2, b"dup")
print(os.read(r, 10))
spare = os.dup(r)
print(os.dup2(w, spare) == spare, os.get_inheritable(spare))
os.write(spare, b"dup2")
print(os.read(r, 10))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("empty non-blocking read:", type(e).__name__, e.errno == errno.EAGAIN)
os.set_blocking(r, True)
for fd in (w2, spare, w):
    os.close(fd)
print(os.read(r, 10))
os.close(r)
attempt("isatty bad", os.isatty, 12345)
attempt("get_terminal_size of a pipe", lambda: os.get_terminal_size(os.pipe()[0]))
ts = os.terminal_size((100, 40))
print(ts, ts.columns, ts.lines)

# fork / wait
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("child sees parent %s" % (os.getppid() > 0)).encode())
    os._exit(0)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data, os.waitpid(pid, 0)[1])

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import time
    time.sleep(30)
    os._exit(0)
os.kill(pid, SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == SIGTERM, os.WIFEXITED(status), os.waitstatus_to_exitcode(status) == -SIGTERM)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "exit 3"])
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'test "$EMBER_T" = yes && exit 4; exit 5'], {"EMBER_T": "yes"})
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]))

sys.stdout.flush()
print(os.waitstatus_to_exitcode(os.system("exit 6")))
attempt("waitpid no child", os.waitpid, -1, 0)
attempt("wait no child", os.wait)
attempt("WNOHANG no child", os.waitpid, -1, os.WNOHANG)
attempt("kill no process", os.kill, 2 ** 22 + 12345, 0)
attempt("execv empty", os.execv, "/bin/sh", [])
attempt("execv bad", os.execv, "/bin/sh", "sh")
attempt("waitstatus bad", os.waitstatus_to_exitcode, 0x7f)

# fork hooks
log = []
os.register_at_fork(before=lambda: log.append("before"), after_in_parent=lambda: log.append("parent"))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print(log)
attempt("register_at_fork none", os.register_at_fork)
attempt("register_at_fork bad", os.register_at_fork, before=3)

# the environment
os.environ["EMBER_POSIX_VAR"] = "value one"
print(os.environ["EMBER_POSIX_VAR"], os.getenv("EMBER_POSIX_VAR"), os.environb[b"EMBER_POSIX_VAR"])
print(os.popen if False else "", os.system("test \"$EMBER_POSIX_VAR\" = 'value one'"))
del os.environ["EMBER_POSIX_VAR"]
print(os.getenv("EMBER_POSIX_VAR", "gone"), "EMBER_POSIX_VAR" in os.environ, os.system('test -z "$EMBER_POSIX_VAR"'))
os.putenv("EMBER_POSIX_RAW", "raw")
print(os.system('test "$EMBER_POSIX_RAW" = raw'), "EMBER_POSIX_RAW" in os.environ)
os.unsetenv("EMBER_POSIX_RAW")
print(os.system('test -z "$EMBER_POSIX_RAW"'))
attempt("putenv bad name", os.putenv, "A=B", "x")
attempt("putenv empty", os.putenv, "", "x")
attempt("putenv nul", os.putenv, "A", "x\0y")
attempt("putenv int", os.putenv, 1, "x")
attempt("environ int", os.environ.__setitem__, "X", 1)
print(isinstance(os.environ, os._Environ), type(os.environ.copy()).__name__)
with_default = os.environ.get("EMBER_SURELY_UNSET", "dflt")
print(with_default, os.environ.setdefault("EMBER_SET_DEFAULT", "sd"), os.environ.pop("EMBER_SET_DEFAULT"))
print(os.get_exec_path(env={"PATH": "/a:/b"}))

# a forked child that ends through SystemExit or by finishing the program
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(3)
print("child sys.exit:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid != 0:
    print("child fell off the end:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# os.walk / os.fwalk / makedirs, shutil and glob over the posix module.
import fnmatch
import glob
import os
import shutil
import stat

os.umask(0o022)
D = "/tmp/ember_os_walk_%d" % os.getpid()


def show(p):
    if isinstance(p, bytes):
        return p.replace(D.encode(), b"D")
    return str(p).replace(D, "D")


def touch(path, data=b""):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.close(fd)


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "->", type(e).__name__, show(e))
    else:
        print(label, "=", show(r))


os.makedirs(os.path.join(D, "a", "b", "c"))
os.makedirs(os.path.join(D, "a", "b", "c"), exist_ok=True)
attempt("makedirs again", os.makedirs, os.path.join(D, "a"))
os.makedirs(os.path.join(D, "x", "y"), mode=0o700)
for name in ["a/one.py", "a/two.txt", "a/b/three.py", "a/b/c/four.py", "x/y/five.txt", "top.cfg"]:
    touch(os.path.join(D, name), name.encode())
os.symlink("a/b", os.path.join(D, "blink"))


def walk_lines(it):
    out = []
    for root, dirs, files in it:
        out.append((show(root), sorted(dirs), sorted(files)))
    return sorted(out)


for line in walk_lines(os.walk(D)):
    print("walk", line)
for line in walk_lines(os.walk(D, followlinks=True)):
    print("walk follow", line)
for line in walk_lines(os.walk(D, topdown=False)):
    print("walk bottom-up", line)
for root, dirs, files in os.walk(D):
    dirs[:] = [d for d in dirs if d != "a"]
    print("pruned", show(root), sorted(dirs), sorted(files))
for line in walk_lines(os.walk(D.encode())):
    print("walk bytes", line)
errors = []
print(list(os.walk(os.path.join(D, "missing"), onerror=errors.append)), [type(e).__name__ for e in errors])
fw = [(show(root), sorted(dirs), sorted(files), isinstance(fd, int)) for root, dirs, files, fd in os.fwalk(D)]
for line in sorted(fw):
    print("fwalk", line)

# glob and fnmatch
os.chdir(D)
print(sorted(glob.glob("a/*.py")), sorted(glob.glob("**/*.py", recursive=True)), sorted(glob.glob("*")))
print(sorted(glob.glob(os.path.join(D, "a", "b", "*"))) == sorted(os.path.join(D, "a", "b", n) for n in ["c", "three.py"]))
print(sorted(glob.iglob("a/?wo.*")), glob.glob("nothing*"), glob.escape("a[b]*"), glob.has_magic("a*"))
print(fnmatch.filter(sorted(os.listdir("a")), "*.py"), fnmatch.fnmatch("X.PY", "*.py"), fnmatch.fnmatchcase("X.PY", "*.py"))

# shutil
print(show(shutil.which("sh")) in ("/bin/sh", "/usr/bin/sh"), shutil.which("surely-not-a-command-ember"))
touch("runme.sh", b"#!/bin/sh\n")
os.chmod("runme.sh", 0o755)
print(show(shutil.which("runme.sh", path=D)), shutil.which("top.cfg", path=D), shutil.which("runme.sh", mode=os.F_OK, path=D) is not None)
du = shutil.disk_usage(D)
print(type(du).__name__, du.total >= du.used, du.free >= 0, len(du))
os.environ["COLUMNS"] = "123"
os.environ["LINES"] = "45"
print(shutil.get_terminal_size())
del os.environ["COLUMNS"], os.environ["LINES"]
print(shutil.get_terminal_size((77, 33)))
shutil.copymode("runme.sh", "top.cfg")
print(oct(stat.S_IMODE(os.stat("top.cfg").st_mode)))
os.utime("runme.sh", (1000, 2000))
shutil.copystat("runme.sh", "a/two.txt")
print(os.stat("a/two.txt").st_mtime, oct(stat.S_IMODE(os.stat("a/two.txt").st_mode)))
print(show(shutil.move("top.cfg", "x")), sorted(os.listdir("x")))
print(show(shutil.move("x/top.cfg", "renamed.cfg")), os.path.exists("renamed.cfg"))
shutil.move("a/b/c", "moved_c")
print(sorted(os.listdir("moved_c")), os.path.exists("a/b/c"))
attempt("rmtree missing", shutil.rmtree, os.path.join(D, "missing"))
shutil.rmtree(os.path.join(D, "missing"), ignore_errors=True)
seen = []
shutil.rmtree(os.path.join(D, "missing"), onerror=lambda f, p, e: seen.append((f.__name__, show(p), e[0].__name__)))
print(seen)
attempt("rmtree symlink", shutil.rmtree, "blink")
print(shutil.rmtree.avoids_symlink_attacks)
shutil.rmtree(os.path.join(D, "a"))
print(sorted(os.listdir(D)))
os.makedirs("p/q/r")
os.removedirs("p/q/r")
print(os.path.exists("p"))
os.makedirs("m/n")
touch("m/n/f")
os.renames("m/n/f", "o/p/f")
print(os.path.exists("m"), sorted(os.listdir("o/p")))
os.chdir("/")
shutil.rmtree(D)
print(os.path.exists(D))

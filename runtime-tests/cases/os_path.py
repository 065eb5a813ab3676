# os.path (posixpath and genericpath) over the posix module.
import os
import os.path
import posixpath
import sys

D = "/tmp/ember_os_path_%d" % os.getpid()


def show(p):
    if isinstance(p, bytes):
        return p.replace(D.encode(), b"D")
    if isinstance(p, str):
        return p.replace(D, "D")
    return p


print(os.path is posixpath, sys.modules["os.path"] is posixpath)
print(os.path.sep, os.path.curdir, os.path.pardir, os.path.extsep, os.path.altsep, os.path.pathsep, os.path.defpath, os.path.devnull)

# pure string functions
for p in ["a/b/c.txt", "/a/b/", "c", "", "/", "a//b///c", ".hidden", "x.tar.gz", "/a/./b/../c", b"/x/y.z"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p),
          os.path.isabs(p), os.path.normpath(p) if p else "-")
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b", "c"), os.path.join("a/", "b"), os.path.join(b"a", b"b"))
print(os.path.normpath("//a/b"), os.path.normpath("///a/b"), os.path.normpath("a/../.."), os.path.normpath("./"))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/l"]), os.path.commonpath(["/usr/lib", "/usr/local/x"]))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"), os.path.splitdrive("/x/y"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    os.path.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)

# environment-dependent expansion
os.environ["HOME"] = "/home/ember"
os.environ["EMBER_X"] = "ex"
print(os.path.expanduser("~/docs"), os.path.expanduser("~"), os.path.expanduser("x/~"), os.path.expanduser(b"~/b"))
print(os.path.expandvars("$EMBER_X/${EMBER_X}/$EMBER_UNSET/$"), os.path.expandvars(b"$EMBER_X"))

# the file system
os.mkdir(D)
os.chdir(D)
os.mkdir("dir")
fd = os.open("dir/file.txt", os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"x" * 123)
os.close(fd)
os.symlink("dir/file.txt", "link")
os.symlink("missing", "dangling")
os.symlink("dir", "dirlink")
for p in ["dir", "dir/file.txt", "link", "dangling", "dirlink", "missing", D, "."]:
    print(show(p), os.path.exists(p), os.path.lexists(p), os.path.isfile(p), os.path.isdir(p), os.path.islink(p),
          os.path.ismount(p))
print(os.path.getsize("dir/file.txt"), os.path.getsize("link"))
os.utime("dir/file.txt", (1500000000, 1600000000))
print(os.path.getatime("dir/file.txt"), os.path.getmtime("dir/file.txt"), os.path.getmtime("link"))
print(isinstance(os.path.getctime("dir/file.txt"), float))
print(os.path.samefile("link", "dir/file.txt"), os.path.samefile("dir", "dirlink"), os.path.samefile("dir", "."))
print(os.path.sameopenfile(os.open("dir", os.O_RDONLY), os.open("dirlink", os.O_RDONLY)))
print(os.path.samestat(os.stat("link"), os.stat("dir/file.txt")))
print(show(os.path.abspath("dir/../x")), show(os.path.abspath(b"y")), show(os.path.realpath("link")),
      show(os.path.realpath("dirlink/file.txt")), show(os.path.realpath("dangling")))
print(show(os.path.realpath("dir/../dirlink/./file.txt")), show(os.path.realpath(b"link")))
os.symlink("loop2", "loop1")
os.symlink("loop1", "loop2")
print(show(os.path.realpath("loop1")), os.path.exists("loop1"), os.path.lexists("loop1"))
print(os.path.ismount("/"), os.path.isdir("/"), os.path.exists("/proc/self"))
try:
    os.path.getsize("missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
print(os.path.relpath(os.path.join(D, "dir/file.txt")), os.path.relpath("dir", "dirlink"))
print(show(os.path.normcase(D)), os.path.isabs(D))

# clean up
os.chdir("/")
for name in ["link", "dangling", "dirlink", "loop1", "loop2", "dir/file.txt"]:
    os.unlink(os.path.join(D, name))
os.rmdir(os.path.join(D, "dir"))
os.rmdir(D)
print(os.path.exists(D))

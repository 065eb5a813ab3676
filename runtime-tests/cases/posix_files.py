# posix: descriptors, metadata and names, through os.
import os
import stat
import sys

os.umask(0o022)
D = "/tmp/ember_posix_files_%d" % os.getpid()


def show(p):
    return str(p).replace(D, "D")


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        fn = getattr(e, "filename", None)
        fn2 = getattr(e, "filename2", None)
        print(label, "->", type(e).__name__, show(e), show(fn) if fn is not None else "", show(fn2) if fn2 is not None else "")
    else:
        print(label, "=", show(r) if isinstance(r, (str, bytes)) else r)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


os.mkdir(D)
print(sorted(os.listdir(D)))

# descriptors
f1 = os.path.join(D, "one.txt")
fd = os.open(f1, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
print(type(fd).__name__, os.get_inheritable(fd), os.get_blocking(fd), os.isatty(fd))
print(os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"second line\n")), os.write(fd, memoryview(b"!")))
print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_END), os.lseek(fd, 6, os.SEEK_SET))
os.close(fd)
attempt("close again", os.close, fd)
attempt("read closed", os.read, fd, 3)

fd = os.open(f1, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 7), os.read(fd, 100), os.read(fd, 10))
st = os.fstat(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), oct(stat.S_IMODE(st.st_mode)), stat.filemode(st.st_mode))
os.close(fd)

# stat and its result
st = os.stat(f1)
print(type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
print(st[0] == st.st_mode, st[6], st[stat.ST_SIZE], type(st[7]).__name__, type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print(st.st_nlink, st.st_uid == os.getuid(), st.st_blksize > 0, st.st_blocks >= 0)
print(os.stat(P(f1)).st_size, os.stat(f1.encode()).st_size, os.lstat(f1).st_size)
print(os.stat(f1) == os.stat(f1), tuple(os.stat(f1))[:7] == tuple(os.lstat(f1))[:7])
print(os.stat_result is type(st), isinstance(st, tuple))
r = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(r, r.st_atime, r.st_mtime, r.st_atime_ns)

# errors
attempt("stat missing", os.stat, os.path.join(D, "missing"))
attempt("stat bytes missing", os.stat, os.path.join(D, "missing").encode())
attempt("stat pathlike missing", os.stat, P(os.path.join(D, "missing")))
attempt("stat list", os.stat, [1])
attempt("stat None", os.stat, None)
attempt("stat float", os.stat, 1.5)
attempt("stat nul", os.stat, "a\0b")
attempt("mkdir int", os.mkdir, 3)
attempt("mkdir exists", os.mkdir, D)
attempt("rmdir file", os.rmdir, f1)
attempt("unlink dir", os.unlink, D)
attempt("listdir file", os.listdir, f1)
attempt("listdir float", os.listdir, 2.5)
attempt("open missing", os.open, os.path.join(D, "missing"), os.O_RDONLY)
attempt("open excl", os.open, f1, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
attempt("rename missing", os.rename, os.path.join(D, "missing"), os.path.join(D, "other"))
attempt("read str fd", os.read, "x", 1)
attempt("read negative", os.read, 0, -1)
attempt("write str", os.write, 1, "text")
attempt("fspath int", os.fspath, 3)
attempt("fspath", os.fspath, P("abc"))
attempt("fspath bad", os.fspath, P(3))
attempt("stat bad fspath", os.stat, P(3))
attempt("fstat bad", os.fstat, 99999)
attempt("open kw", os.open, path=f1, flags=os.O_RDONLY, bogus=1)
attempt("stat no args", os.stat)

# truncate, chmod, utime, access
os.truncate(f1, 5)
print(os.stat(f1).st_size)
fd = os.open(f1, os.O_RDWR)
os.ftruncate(fd, 3)
print(os.fstat(fd).st_size, os.read(fd, 10))
os.close(fd)
os.chmod(f1, 0o600)
print(oct(stat.S_IMODE(os.stat(f1).st_mode)))
os.chmod(f1, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP)
print(oct(stat.S_IMODE(os.stat(f1).st_mode)), stat.filemode(os.stat(f1).st_mode))
os.utime(f1, (1000000000, 1100000000))
st = os.stat(f1)
print(st.st_atime, st.st_mtime, st[7], st[8], st.st_atime_ns, st.st_mtime_ns)
os.utime(f1, ns=(1234567890123456789, 987654321987654321))
st = os.stat(f1)
print(st.st_atime_ns, st.st_mtime_ns, st[7], st[8])
os.utime(f1, (1.5, 2.25))
print(os.stat(f1).st_atime, os.stat(f1).st_mtime_ns)
attempt("utime both", os.utime, f1, (1, 2), ns=(1, 2))
attempt("utime bad", os.utime, f1, (1,))
print(os.access(f1, os.F_OK), os.access(f1, os.R_OK | os.W_OK), os.access(os.path.join(D, "missing"), os.F_OK))

# names
os.mkdir(os.path.join(D, "sub"), 0o750)
print(oct(stat.S_IMODE(os.stat(os.path.join(D, "sub")).st_mode)))
os.rename(f1, os.path.join(D, "sub", "moved.txt"))
os.replace(os.path.join(D, "sub", "moved.txt"), os.path.join(D, "two.txt"))
os.link(os.path.join(D, "two.txt"), os.path.join(D, "hard.txt"))
print(os.stat(os.path.join(D, "two.txt")).st_nlink)
os.symlink("two.txt", os.path.join(D, "soft"))
print(os.readlink(os.path.join(D, "soft")), os.readlink(os.path.join(D, "soft").encode()))
print(stat.S_ISLNK(os.lstat(os.path.join(D, "soft")).st_mode), stat.S_ISLNK(os.stat(os.path.join(D, "soft")).st_mode))
print(os.stat(os.path.join(D, "soft"), follow_symlinks=False).st_mode == os.lstat(os.path.join(D, "soft")).st_mode)
os.symlink("nowhere", os.path.join(D, "dangling"))
attempt("stat dangling", os.stat, os.path.join(D, "dangling"))
print(sorted(os.listdir(D)))
print(sorted(os.listdir(D.encode())))
print(sorted(os.listdir(P(D))))

# scandir and DirEntry
with os.scandir(D) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, show(e.path), e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
          e.stat(follow_symlinks=False).st_mode == os.lstat(e.path).st_mode,
          e.inode() == os.lstat(e.path).st_ino, show(os.fspath(e)))
e = [x for x in entries if x.name == "dangling"][0]
attempt("dangling stat", e.stat)
print(type(e).__name__, os.DirEntry is type(e))
bentries = sorted(os.scandir(D.encode()), key=lambda e: e.name)
print([x.name for x in bentries][:2], type(bentries[0].path).__name__)
it = os.scandir(D)
print(next(it).name in os.listdir(D))
it.close()
print(list(it))

# dir_fd variants
dfd = os.open(D, os.O_RDONLY | os.O_DIRECTORY)
print(os.stat("two.txt", dir_fd=dfd).st_size, os.stat("soft", dir_fd=dfd, follow_symlinks=False).st_size)
fd = os.open("made.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=dfd)
os.write(fd, b"abc")
os.close(fd)
os.mkdir("dsub", dir_fd=dfd)
os.rename("made.txt", "dsub/made.txt", src_dir_fd=dfd, dst_dir_fd=dfd)
print(os.readlink("soft", dir_fd=dfd), os.access("dsub", os.W_OK, dir_fd=dfd))
print(sorted(os.listdir(dfd)))
print(sorted(e.name for e in os.scandir(dfd)))
os.unlink("dsub/made.txt", dir_fd=dfd)
os.rmdir("dsub", dir_fd=dfd)
attempt("fstat-style stat with dir_fd", os.stat, dfd, dir_fd=dfd)
os.close(dfd)
print(os.stat in os.supports_dir_fd, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks)
print(os.open in os.supports_dir_fd, os.scandir in os.supports_fd, os.access in os.supports_effective_ids)

# getcwd / chdir
old = os.getcwd()
os.chdir(D)
print(show(os.getcwd()), show(os.getcwdb().decode()), sorted(os.listdir())[:3])
os.chdir(old)
print(os.getcwd() == old)
attempt("chdir missing", os.chdir, os.path.join(D, "missing"))

# clean up
for name in os.listdir(D):
    p = os.path.join(D, name)
    if os.path.isdir(p) and not os.path.islink(p):
        os.rmdir(p)
    else:
        os.remove(p)
os.rmdir(D)
print(os.path.exists(D))

# posix: positioned I/O, sendfile, FIFOs, device numbers, process groups, sysconf.
import os
import stat

D = "/tmp/ember_posix_more_%d" % os.getpid()
os.mkdir(D)


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).replace(D, "D"))
    else:
        print(label, "=", r)


fd = os.open(D + "/data", os.O_RDWR | os.O_CREAT, 0o644)
print(os.write(fd, b"0123456789"), os.pwrite(fd, b"ab", 3), os.lseek(fd, 0, os.SEEK_CUR))
print(os.pread(fd, 4, 2), os.pread(fd, 100, 8), os.pread(fd, 5, 50), os.lseek(fd, 0, os.SEEK_CUR))
os.fdatasync(fd)
os.sync()
out = os.open(D + "/copy", os.O_WRONLY | os.O_CREAT, 0o644)
print(os.sendfile(out, fd, 2, 5), os.sendfile(out, fd, None, 100), os.lseek(fd, 0, os.SEEK_CUR))
os.close(out)
out = os.open(D + "/copy", os.O_RDONLY)
print(os.read(out, 100))
os.close(out)
attempt("pread negative", os.pread, fd, -1, 0)
attempt("pwrite str", os.pwrite, fd, "s", 0)
attempt("sendfile bad", os.sendfile, 9999, fd, 0, 1)
os.close(fd)

os.mkfifo(D + "/fifo", 0o600)
st = os.stat(D + "/fifo")
print(stat.S_ISFIFO(st.st_mode), oct(stat.S_IMODE(st.st_mode)), stat.filemode(st.st_mode))
attempt("mkfifo again", os.mkfifo, D + "/fifo")
dfd = os.open(D, os.O_RDONLY)
os.mkfifo("fifo2", dir_fd=dfd)
os.close(dfd)
print(sorted(os.listdir(D)), os.mkfifo in os.supports_dir_fd)
print([e.name for e in sorted(os.scandir(D), key=lambda e: e.name) if not e.is_file() and not e.is_dir()])

print(os.major(0x0801), os.minor(0x0801), os.makedev(8, 1), os.makedev(os.major(12345), os.minor(12345)) == 12345)
print(os.getpgid(0) == os.getpgrp(), isinstance(os.getgroups(), list), os.nice(0) == os.nice(0))
attempt("getpgid bad", os.getpgid, 2 ** 22 + 12345)
attempt("killpg bad", os.killpg, 2 ** 22 + 12345, 0)
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]), os.sysconf("SC_CLK_TCK"))
attempt("sysconf name", os.sysconf, "nope")
attempt("sysconf float", os.sysconf, 1.5)
print(all(isinstance(v, int) for v in os.sysconf_names.values()), "SC_OPEN_MAX" in os.sysconf_names)
r, w = os.pipe()
attempt("ttyname pipe", os.ttyname, r)

for name in os.listdir(D):
    os.unlink(os.path.join(D, name))
os.rmdir(D)
print(os.path.exists(D))

# posix: follow_symlinks variants, fsencode/fsdecode, statvfs, DirEntry's class, descriptors as paths.
import os, sys, stat
D = "/tmp/ember_extra_%d" % os.getpid()
os.mkdir(D)
os.symlink("nowhere", D + "/l")
for f in [lambda: os.fsencode("abc"), lambda: os.fsdecode(b"abc"), lambda: os.fsencode(b"x"), lambda: os.fsdecode("é"),
          lambda: os.chmod(D + "/l", 0o700, follow_symlinks=False),
          lambda: os.utime(D + "/l", (1, 2), follow_symlinks=False) or os.lstat(D + "/l").st_mtime,
          lambda: os.access(D + "/l", os.F_OK, follow_symlinks=False),
          lambda: os.get_terminal_size(),
          lambda: os.getenvb(b"HOME") is not None,
          lambda: os.path.exists(D + "/l"), lambda: os.scandir(D).__next__().is_symlink(),
          lambda: os.link(D + "/l", D + "/h", follow_symlinks=False) or sorted(os.listdir(D)),
          lambda: os.chown(D + "/l", -1, -1, follow_symlinks=False),
          lambda: os.lchown(D + "/l", os.getuid(), -1),
          lambda: os.stat(D, dir_fd=None).st_nlink,
          lambda: os.device_encoding(99),
          lambda: os.statvfs(D).f_bsize > 0,
          lambda: len(os.statvfs(D)), lambda: os.statvfs_result.n_fields,
          lambda: os.readlink(os.fsencode(D + "/l")),
          lambda: repr(os.DirEntry), lambda: os.DirEntry[str],
          lambda: os.open(D, os.O_RDONLY | os.O_DIRECTORY) > 2,
          lambda: list(os.walk(D, topdown=True))[0][2].sort(),
          lambda: sorted(os.listdir(os.open(D, os.O_RDONLY))),
          lambda: os.write(1, b""),
          lambda: os.mkdir(D + "/sub", mode=-1),
          lambda: os.stat(D).st_mode == os.stat(D, follow_symlinks=True)[stat.ST_MODE],
          lambda: type(os.environ).__name__, lambda: os.environ.encodekey("x"),
          lambda: os.pipe2(os.O_CLOEXEC)[0] > 2,
          lambda: os.getloadavg().__class__.__name__,
          ]:
    try: print(f())
    except Exception as e: print(type(e).__name__, str(e).replace(D, "D"))
import shutil
shutil.rmtree(D)

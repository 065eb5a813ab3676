# logging to a StringIO handler with a formatter; tempfile's temporary
# directories and files (which rely on weakref.finalize and _thread locks).
import logging, io, tempfile, os
buf = io.StringIO()
logger = logging.getLogger("ember.test")
logger.setLevel(logging.DEBUG)
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s [%(threadName)s]"))
logger.addHandler(h)
logger.debug("debug %d", 1)
logger.info("info %s", "x")
logger.warning("warn")
logger.error("error %r", {"k": 1})
child = logging.getLogger("ember.test.child")
child.error("from child")
logger.removeHandler(h)
h.close()
out = buf.getvalue().splitlines()
for line in out:
    if line.startswith("  File"):
        line = line.split(",")[0][:9]
    print(line)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f.txt")
    with open(p, "w") as f:
        f.write("hello")
    print(os.listdir(d), os.path.isdir(d))
    saved = d
print(os.path.exists(saved))
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
    f.write("data")
    f.flush()
    f.seek(0)
    print(f.read(), f.name.endswith(".txt"), os.path.exists(f.name))
    name = f.name
print(os.path.exists(name))
t = tempfile.TemporaryFile()
t.write(b"abc"); t.seek(0); print(t.read()); t.close()
fd, path = tempfile.mkstemp(prefix="emb")
os.close(fd); print(os.path.basename(path).startswith("emb")); os.unlink(path)
td = tempfile.TemporaryDirectory()
name = td.name
del td
import gc; gc.collect()
print(os.path.exists(name))
logging.basicConfig(stream=buf, level=logging.INFO, format="%(message)s")
logging.info("root")
print(buf.getvalue().splitlines()[-1])

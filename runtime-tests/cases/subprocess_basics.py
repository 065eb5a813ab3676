# subprocess over _posixsubprocess.fork_exec: run, check_output, Popen with
# pipes, communicate, env and cwd, and the errors CPython raises.
import os
import subprocess
import sys

r = subprocess.run(["/bin/echo", "hello", "world"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(r.args)

r = subprocess.run(["/bin/sh", "-c", "exit 3"])
print(r.returncode)

print(subprocess.check_output(["cat"], input=b"some input\n"))
print(repr(subprocess.check_output("echo text mode", shell=True, text=True)))

r = subprocess.run("echo $FOO; pwd", shell=True, capture_output=True, text=True,
                   env={"FOO": "bar", "PATH": "/usr/bin:/bin"}, cwd="/")
print(repr(r.stdout))
r = subprocess.run(["pwd"], capture_output=True, cwd=os.path.dirname(os.path.abspath(__file__)))
print(os.path.basename(r.stdout.strip()))
os.environ["EMBER_CASE_VAR"] = "inherited"
print(subprocess.check_output(["/bin/sh", "-c", "echo $EMBER_CASE_VAR"]))

try:
    subprocess.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode, e.stdout, e.stderr, e.cmd)
try:
    subprocess.check_output(["false"])
except subprocess.CalledProcessError as e:
    print(e)

# Missing programs and directories: FileNotFoundError from the child.
for cmd, kw in ((["/nonexistent/prog"], {}), (["no-such-program-xyz", "arg"], {}),
                (["ls"], {"cwd": "/nonexistent-dir"})):
    try:
        subprocess.run(cmd, **kw)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.filename, e)
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(type(e).__name__, e)

# Popen with all three pipes.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(b"x" * 200000)
print(len(out), err, p.returncode, p.wait())

p = subprocess.Popen(["/bin/sh", "-c", "read a; echo got $a; echo oops >&2; exit 5"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
p.stdin.write("line\n")
p.stdin.close()
print(repr(p.stdout.read()), p.wait(), p.returncode, p.poll())
p.stdout.close()

with subprocess.Popen(["/bin/sh", "-c", "echo a; echo b"], stdout=subprocess.PIPE) as p:
    print([line for line in p.stdout])
print(p.returncode)

print(subprocess.call(["true"]), subprocess.call(["false"]))
print(subprocess.check_call(["true"]))
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("exit 4"))

# A process killed by a signal has a negative return code.
with subprocess.Popen(["sleep", "10"]) as p:
    p.terminate()
print(p.returncode)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)

# pass_fds keeps a descriptor open in the child; others are closed.
rfd, wfd = os.pipe()
subprocess.run(["/bin/sh", "-c", "echo via-fd >&%d" % wfd], pass_fds=[wfd])
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)
r = subprocess.run(["/bin/sh", "-c", "echo x >&%d" % rfd], capture_output=True, text=True)
print(r.returncode != 0)

# stdout to a file object, stdin from DEVNULL.
path = "_subprocess_basics.tmp"
with open(path, "wb") as f:
    subprocess.run(["/bin/echo", "to file"], stdout=f, stdin=subprocess.DEVNULL)
with open(path) as f:
    print(repr(f.read()))
os.remove(path)

r = subprocess.run([sys.executable, "-c", "import sys; print(6 * 7); sys.exit(9)"], capture_output=True, text=True)
print(r.stdout.strip(), r.returncode)

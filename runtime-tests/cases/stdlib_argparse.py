# argparse (with its os/shutil/gettext dependencies) on the host library.
import argparse
import os
import sys

os.environ["COLUMNS"] = "80"


def run(parser, argv):
    try:
        ns = parser.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
    else:
        print(sorted(vars(ns).items()))


p = argparse.ArgumentParser(prog="tool", description="A tool that does things.", epilog="Bye.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("-o", "--output", metavar="FILE", help="where to write")
p.add_argument("--level", type=int, choices=[1, 2, 3], default=2)
p.add_argument("--name", default="x", dest="who")
p.add_argument("--flag", action="store_true")
p.add_argument("--no-color", action="store_false", dest="color")
p.add_argument("--item", action="append", default=[])
p.add_argument("--pair", nargs=2, type=float)
g = p.add_mutually_exclusive_group()
g.add_argument("--fast", action="store_true")
g.add_argument("--slow", action="store_true")

run(p, [])
run(p, ["a", "b", "-vv", "-o", "out.txt", "--level", "3", "--flag", "--item", "x", "--item=y"])
run(p, ["--pair", "1.5", "2", "--name=zed", "--no-color", "--fast"])
run(p, ["--level", "7"])
run(p, ["--level", "x"])
run(p, ["--fast", "--slow"])
run(p, ["--bogus"])
run(p, ["--pair", "1"])
print(p.format_usage(), end="")
print(p.format_help(), end="")
sys.stdout.flush()

sub = argparse.ArgumentParser(prog="git")
sub.add_argument("--version", action="version", version="%(prog)s 1.0")
sp = sub.add_subparsers(dest="command", required=True)
c = sp.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
pu = sp.add_parser("push")
pu.add_argument("remote", nargs="?", default="origin")
pu.add_argument("--force", "-f", action="store_true")
run(sub, ["commit", "-m", "msg"])
run(sub, ["push"])
run(sub, ["push", "up", "-f"])
run(sub, ["commit"])
run(sub, [])
run(sub, ["--version"])
ns, rest = sub.parse_known_args(["push", "x", "--extra", "1"])
print(sorted(vars(ns).items()), rest)
print(sub.format_help(), end="")

fp = argparse.ArgumentParser(prog="fp", fromfile_prefix_chars="@", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
fp.add_argument("--size", type=int, default=10, help="the size")
fp.add_argument("pos", type=str.upper)
run(fp, ["abc", "--size", "-3"])
print(fp.format_help(), end="")
print(argparse.Namespace(a=1, b="x"), argparse.Namespace(a=1) == argparse.Namespace(a=1))
try:
    argparse.ArgumentParser().add_argument("--x", action="bogus")
except ValueError as e:
    print("ValueError", e)

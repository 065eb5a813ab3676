# itertools constructors: argument counts, keywords and value validation, with CPython's messages.
import itertools as it
from itertools import *

def t(label, f):
    try:
        r = f()
        print(label, r if isinstance(r, (list, tuple, str, int)) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

for name in ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count", "cycle",
             "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations", "product", "repeat",
             "starmap", "takewhile", "zip_longest", "_grouper", "_tee", "_tee_dataobject"]:
    T = getattr(it, name)
    print(name, T.__module__, T.__name__, T.__qualname__)
    t("  ()", lambda: T())
    t("  (5 args)", lambda: T(1, 2, 3, 4, 5))
    t("  (kw)", lambda: T(bogus=1))
for label, f in [
    ("count str", lambda: count("a")), ("count str step", lambda: count(1, "2")), ("count kw", lambda: count(start=1, step=2)),
    ("count 3 kw", lambda: count(1, step=2, x=1)), ("repeat str times", lambda: repeat(1, "a")),
    ("repeat big", lambda: repeat(1, 2 ** 100)), ("repeat kw", lambda: list(repeat(object=1, times=3))),
    ("islice stop str", lambda: islice("abc", "a")), ("islice stop str 3", lambda: islice("abc", 1, "a")),
    ("islice step str", lambda: islice("abc", 1, 2, "a")), ("islice -1", lambda: islice("abc", -1)),
    ("islice -2", lambda: islice("abc", -2)), ("islice stop -1", lambda: islice("abc", 1, -1)),
    ("islice stop -2", lambda: islice("abc", 0, -2)), ("islice start str", lambda: islice("abc", "a", 2)),
    ("islice step 0", lambda: islice("abc", 1, 2, 0)), ("islice step -1", lambda: islice("abc", 1, 2, -1)),
    ("islice huge", lambda: islice("abc", 2 ** 64)), ("islice huge stop", lambda: islice("abc", None, 2 ** 64)),
    ("islice non-iterable", lambda: islice(5, 1)), ("islice float", lambda: islice("abcdef", 1.0)),
    ("cycle int", lambda: cycle(5)), ("cycle kw", lambda: cycle("ab", y=1)), ("accumulate int", lambda: accumulate(5)),
    ("accumulate 3 pos", lambda: accumulate([1], None, 5)), ("accumulate kw", lambda: accumulate([], initial=1, x=1)),
    ("chain.from_iterable()", lambda: chain.from_iterable()), ("chain.from_iterable kw", lambda: chain.from_iterable([1], x=1)),
    ("chain.from_iterable int", lambda: chain.from_iterable(5)), ("compress int", lambda: compress(5, [1])),
    ("compress int selectors", lambda: compress([1], 5)), ("compress kw", lambda: list(compress(data=[1, 2], selectors=[0, 1]))),
    ("starmap int", lambda: starmap(pow, 5)), ("groupby int", lambda: groupby(5)),
    ("groupby 3 kw", lambda: groupby([], key=None, x=1)), ("tee int", lambda: tee(5)), ("tee str n", lambda: tee([1], "a")),
    ("tee 0", lambda: tee([1], 0)), ("tee big", lambda: tee([1], 2 ** 100)), ("tee -1", lambda: tee([1], -1)),
    ("tee kw", lambda: tee(n=2, iterable=[1])), ("tee ()", lambda: tee()), ("tee 3", lambda: tee(1, 2, 3)),
    ("zip_longest int", lambda: zip_longest([1], 5)), ("zip_longest kw", lambda: zip_longest([1], fillvalue=0, x=1)),
    ("zip_longest bad kw", lambda: zip_longest(fillvalue=1, x=2)), ("pairwise int", lambda: pairwise(5)),
    ("product int", lambda: product(5)), ("product str repeat", lambda: product([1], repeat="a")),
    ("product big repeat", lambda: product([1], repeat=2 ** 100)), ("product -1", lambda: product([1], repeat=-1)),
    ("product too large", lambda: product([], repeat=2 ** 62)), ("product bad kw", lambda: product([1], bogus=1)),
    ("permutations str r", lambda: permutations([1], "a")), ("permutations None r", lambda: list(permutations([1, 2], None))),
    ("permutations big r", lambda: permutations([1], 2 ** 100)), ("permutations -1", lambda: permutations("ab", -1)),
    ("permutations kw", lambda: list(permutations("ab", r=1))), ("combinations None", lambda: combinations([1], None)),
    ("combinations str", lambda: combinations([1], "a")), ("combinations big", lambda: combinations([1], 2 ** 100)),
    ("combinations -1", lambda: combinations("ab", -1)), ("combinations missing r", lambda: combinations("ab")),
    ("cwr -1", lambda: combinations_with_replacement("ab", -1)), ("cwr huge r on empty", lambda: list(combinations_with_replacement("", 10 ** 12))),
]:
    t(label, f)
for label, f in [
    ("accumulate mixed", lambda: list(accumulate([1, "a"]))), ("accumulate func None", lambda: list(accumulate([1, 2], None))),
    ("accumulate func int", lambda: list(accumulate([1, 2], 5))), ("chain int", lambda: list(chain(1))),
    ("chain.from_iterable ints", lambda: list(chain.from_iterable([1]))), ("dropwhile None", lambda: list(dropwhile(None, [1]))),
    ("takewhile None", lambda: list(takewhile(None, [1]))), ("filterfalse None", lambda: list(filterfalse(None, [0, 1, "", "a"]))),
    ("filterfalse bool", lambda: list(filterfalse(bool, [0, 1]))), ("filterfalse int", lambda: list(filterfalse(5, [0, 1]))),
    ("starmap short", lambda: list(starmap(pow, [(1,)]))), ("starmap str", lambda: list(starmap(pow, ["ab"]))),
    ("starmap list", lambda: list(starmap(pow, [[2, 3]]))), ("starmap int", lambda: list(starmap(pow, [1, 2]))),
    ("groupby key int", lambda: list(groupby([1], key=5))), ("groupby key None", lambda: [k for k, _ in groupby([1, 1, 2], key=None)]),
]:
    t(label, f)

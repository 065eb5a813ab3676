# Library modules built on re: textwrap, string.Template, traceback.format_exception_only.
import textwrap
import string
import traceback

text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 25)[:3])
print(textwrap.shorten(text, width=40))
print(textwrap.shorten("Hello  world!", width=12, placeholder="..."))
print(repr(textwrap.dedent("""\
    def f():
        return 1
    """)))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.fill("supercalifragilisticexpialidocious word", width=10))
print(textwrap.wrap("a-b-c-d-e-f-g-h hyphenated-words-here", width=8))
print(textwrap.fill("tabs\tand\tspaces", width=12, expand_tabs=True, tabsize=4))
w = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ", break_long_words=False)
print(w.fill("Bullet point text that wraps around several lines, okay?"))

t = string.Template("$who likes ${what}; $$5 for $who")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="tim"))
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Template("${a}b $c").get_identifiers(), string.Template("x $y").is_valid())

print(traceback.format_exception_only(ValueError("bad value"))[0].strip())

# String and bytes literal escapes, raw strings, line continuations, implicit concatenation, triple quotes.
print(repr("\a\b\f\n\r\t\v\\\'\"\0\x41\101\u00e9\U0001F600"))
print(repr("\1\12\123\1234"), repr("\x7f"), repr("\u20ac"), len("\U0010ffff"))
print(repr(r"\n\t\x41\\"), repr(R"raw\q"), repr(rb"\x00"), repr(br"\\"), len(r"\\"))
print(repr(b"\x00\xff\n\t\\\'\"\101"), repr(b"\u00e9"), len(b"\u00e9"))
print(repr("line one \
continued"), "implicit" " concat" 'enation', ("multi"
       "line") + "!")
print("""triple "double" with 'single'
second line""", '''it's
here''')
print(repr("""\
no leading newline"""))
print(repr("tab\tand\\backslash"), "é")
print("\x41\x42" == "AB", "\u0041" == "A", "\101" == "A")
print(len("\n"), len(r"\n"), len("\\n"), "\\" + "n", "a\
b")
print(repr('\''), repr("\""), repr('"'), repr("'"), repr("\'\""))
s = "snow \u2603 and \U0001F600"
print(s, s.encode("utf-8"), len(s))
print(repr("\377"), repr("\08"), repr("\7"), repr("\00"))
print(f"\t{1}\n".encode(), rf"\t{1}", f"{{\n}}", f"\x41{2}\u00e9")

# _locale and locale in the C locales: setlocale, localeconv, nl_langinfo,
# collation, gettext stubs, errors, and what locale.py and calendar build on it.
import _locale as L
import calendar
import locale


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


show("set C", L.setlocale, L.LC_ALL, "C")
show("query all", L.setlocale, L.LC_ALL)
show("set time C.UTF-8", L.setlocale, L.LC_TIME, "C.UTF-8")
show("query all mixed", L.setlocale, L.LC_ALL)
mixed = L.setlocale(L.LC_ALL)
show("set C.utf8", L.setlocale, L.LC_ALL, "C.utf8")
show("restore mixed", L.setlocale, L.LC_ALL, mixed)
show("query time", L.setlocale, L.LC_TIME)
show("query numeric", L.setlocale, L.LC_NUMERIC)
show("set POSIX", L.setlocale, L.LC_NUMERIC, "POSIX")
show("partial composite", L.setlocale, L.LC_ALL, "LC_CTYPE=C;LC_NUMERIC=C")
show("unknown", L.setlocale, L.LC_ALL, "xx_YY.NOPE")
show("lowercase c", L.setlocale, L.LC_ALL, "c")
show("bad category", L.setlocale, 99, "C")
show("bad type", L.setlocale, L.LC_ALL, 5)
show("str category", L.setlocale, "a")
show("no args", L.setlocale)
show("set C again", L.setlocale, L.LC_ALL, "C")
print(L.localeconv())
show("localeconv arg", L.localeconv, 1)
for name in sorted(n for n in dir(L) if n.isupper() and n not in ("CHAR_MAX",) and not n.startswith("LC_")):
    print(name, getattr(L, name), repr(L.nl_langinfo(getattr(L, name))))
print("_DATE_FMT", repr(L.nl_langinfo(L._DATE_FMT)))
show("langinfo bad", L.nl_langinfo, 99999)
show("langinfo str", L.nl_langinfo, "a")
L.setlocale(L.LC_CTYPE, "C.UTF-8")
print("codeset utf8", L.nl_langinfo(L.CODESET))
L.setlocale(L.LC_ALL, "C")
print([(n, getattr(L, n)) for n in sorted(dir(L)) if n.startswith("LC_")], L.CHAR_MAX)
show("strcoll", L.strcoll, "a", "c")
show("strcoll eq", L.strcoll, "abc", "abc")
show("strcoll gt", L.strcoll, "\xe9", "z")
show("strcoll bad", L.strcoll, "a", 1)
show("strxfrm", L.strxfrm, "h\xe9llo")
show("strxfrm bad", L.strxfrm, 1)
show("gettext", L.gettext, "hello")
show("dgettext", L.dgettext, None, "hello")
show("dcgettext", L.dcgettext, "dom", "hello", L.LC_MESSAGES)
show("textdomain", L.textdomain, None)
show("textdomain set", L.textdomain, "mydomain")
show("textdomain query", L.textdomain, None)
show("textdomain reset", L.textdomain, "")
show("textdomain bad", L.textdomain, 1)
show("bindtextdomain", L.bindtextdomain, "mydomain", "/tmp/ember-locale")
show("bindtextdomain query", L.bindtextdomain, "mydomain", None)
show("bindtextdomain empty", L.bindtextdomain, "", None)
show("codeset set", L.bind_textdomain_codeset, "mydomain", "utf-8")
show("codeset query", L.bind_textdomain_codeset, "mydomain", None)
show("codeset unbound", L.bind_textdomain_codeset, "other", None)
print(issubclass(L.Error, Exception), L.Error.__module__, L.Error is locale.Error)

# locale.py on top
print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.getlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_TIME))
print(locale.format_string("%.2f|%d|%s", (1234.5, 1234567, "x"), grouping=True))
print(locale.str(1.5), locale.atof("1.5"), locale.atoi("42"), locale.delocalize("3.25"))
print(sorted(["b", "a", "C", "\xe9"], key=locale.strxfrm))
print(locale.normalize("en_US"), locale.normalize("C.UTF-8"))
try:
    locale.currency(5)
except ValueError as e:
    print("currency:", e)
try:
    locale.setlocale(locale.LC_ALL, ("xx_YY", "UTF-8"))
except locale.Error as e:
    print("tuple locale:", e)
print(locale.setlocale(locale.LC_ALL, ("C", None)))

# calendar's locale-aware classes switch LC_TIME and back
print(calendar.LocaleTextCalendar(locale="C").formatmonth(2024, 2))
print(calendar.LocaleHTMLCalendar(locale="C.UTF-8").formatweekheader())
print(L.setlocale(L.LC_TIME))

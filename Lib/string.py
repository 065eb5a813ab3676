"""String constants, ``capwords``, ``$``-substitution templates
(``Template``) and the customisable ``Formatter`` behind ``str.format``."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s by sep (whitespace runs by default), capitalize each word and
    join them with sep (a single space by default)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


# --- Template ----------------------------------------------------------------

_sentinel_dict = {}

_DEFAULT_IDPATTERN = r"(?a:[_a-z][_a-z0-9]*)"
_RE_IGNORECASE = 2  # re.IGNORECASE
_ID_START = frozenset("_" + ascii_letters)
_ID_CHARS = frozenset("_" + ascii_letters + digits)


def _ident_end(s, i):
    """End of the ASCII identifier starting at s[i] (the default idpattern,
    case-insensitively), or -1 if none starts there."""
    n = len(s)
    if i >= n or s[i] not in _ID_START:
        return -1
    i += 1
    while i < n and s[i] in _ID_CHARS:
        i += 1
    return i


class _TemplatePattern:
    """``Template.pattern``: the regular expression of a Template class,
    compiled (with ``re``) on first use."""

    def __init__(self):
        self._compiled = {}

    def __get__(self, obj, cls):
        try:
            return self._compiled[cls]
        except KeyError:
            pass
        import re
        delim = re.escape(cls.delimiter)
        ident = cls.idpattern
        bident = cls.braceidpattern or cls.idpattern
        source = (rf"{delim}(?:(?P<escaped>{delim})|(?P<named>{ident})|"
                  rf"{{(?P<braced>{bident})}}|(?P<invalid>))")
        compiled = re.compile(source, cls.flags | re.VERBOSE)
        self._compiled[cls] = compiled
        return compiled


class Template:
    """A string with ``$``-placeholders: ``$name``, ``${name}``, and ``$$``
    for a literal ``$``. Subclasses may change ``delimiter``, ``idpattern``,
    ``braceidpattern``, ``flags`` or the whole ``pattern``."""

    delimiter = "$"
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _RE_IGNORECASE
    pattern = _TemplatePattern()

    def __init__(self, template):
        self.template = template

    def _uses_default_syntax(self):
        # The hand-written scanner implements the default pattern for any
        # delimiter; other syntaxes go through the regular expression.
        cls = type(self)
        for c in cls.__mro__:
            if "pattern" in c.__dict__:
                if not isinstance(c.__dict__["pattern"], _TemplatePattern):
                    return False
                break
        return (cls.idpattern == _DEFAULT_IDPATTERN and cls.braceidpattern is None
                and cls.flags == _RE_IGNORECASE
                and isinstance(cls.delimiter, str) and cls.delimiter != "")

    def _placeholders(self):
        """(start, end, kind, name, invalid_pos) for each placeholder, kind
        being 'escaped', 'named', 'braced' or 'invalid'."""
        s = self.template
        if not self._uses_default_syntax():
            yield from self._regex_placeholders()
            return
        d = self.delimiter
        n = len(d)
        i = 0
        while True:
            j = s.find(d, i)
            if j < 0:
                return
            k = j + n
            if s.startswith(d, k):
                yield j, k + n, "escaped", None, None
                i = k + n
                continue
            m = _ident_end(s, k)
            if m >= 0:
                yield j, m, "named", s[k:m], None
                i = m
                continue
            if s.startswith("{", k):
                m = _ident_end(s, k + 1)
                if m >= 0 and s.startswith("}", m):
                    yield j, m + 1, "braced", s[k + 1:m], None
                    i = m + 1
                    continue
            yield j, k, "invalid", None, k
            i = k

    def _regex_placeholders(self):
        for mo in self.pattern.finditer(self.template):
            named = mo.group("named")
            braced = mo.group("braced")
            if named is not None:
                yield mo.start(), mo.end(), "named", named, None
            elif braced is not None:
                yield mo.start(), mo.end(), "braced", braced, None
            elif mo.group("escaped") is not None:
                yield mo.start(), mo.end(), "escaped", None, None
            elif mo.group("invalid") is not None:
                yield mo.start(), mo.end(), "invalid", None, mo.start("invalid")
            else:
                raise ValueError("Unrecognized named group in pattern", self.pattern)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """The template with every placeholder replaced from mapping and
        the keywords (keywords win); KeyError for a missing name, ValueError
        for a malformed placeholder."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        s = self.template
        out = []
        last = 0
        for start, end, kind, name, bad in self._placeholders():
            out.append(s[last:start])
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                self._invalid(bad)
            else:
                out.append(str(mapping[name]))
            last = end
        out.append(s[last:])
        return "".join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """Like substitute, but missing names and malformed placeholders
        are left in the result as they are."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        s = self.template
        out = []
        last = 0
        for start, end, kind, name, bad in self._placeholders():
            out.append(s[last:start])
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                out.append(s[start:end])
            else:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:end])
            last = end
        out.append(s[last:])
        return "".join(out)

    def is_valid(self):
        """Whether the template has no malformed placeholder."""
        for start, end, kind, name, bad in self._placeholders():
            if kind == "invalid":
                return False
        return True

    def get_identifiers(self):
        """The placeholder names, in order of first appearance."""
        ids = []
        for start, end, kind, name, bad in self._placeholders():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


# --- Formatter ---------------------------------------------------------------

def _parse_format(s):
    """The parts of a format string, as ``str.format`` sees them:
    (literal_text, field_name, format_spec, conversion) tuples, with
    field_name None after the final literal text."""
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == "}":
            if i + 1 < n and s[i + 1] == "}":
                literal.append("}")
                yield "".join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != "{":
            literal.append(c)
            i += 1
            continue
        if i + 1 == n:
            raise ValueError("Single '{' encountered in format string")
        if s[i + 1] == "{":
            literal.append("{")
            yield "".join(literal), None, None, None
            literal = []
            i += 2
            continue
        # A replacement field: find its end, counting nested braces.
        depth = 1
        j = i + 1
        while j < n:
            if s[j] == "{":
                depth += 1
            elif s[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if depth:
            raise ValueError("expected '}' before end of string")
        field = s[i + 1:j]
        # The field name ends at '!' or ':' outside square brackets.
        k = 0
        in_bracket = False
        while k < len(field):
            ch = field[k]
            if ch == "[":
                in_bracket = True
            elif ch == "]":
                in_bracket = False
            elif ch in "!:" and not in_bracket:
                break
            k += 1
        name = field[:k]
        conversion = None
        spec = ""
        rest = field[k:]
        if rest.startswith("!"):
            if len(rest) < 2:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = rest[1]
            rest = rest[2:]
            if rest and not rest.startswith(":"):
                raise ValueError("expected ':' after conversion specifier")
        if rest.startswith(":"):
            spec = rest[1:]
        yield "".join(literal), name, spec, conversion
        literal = []
        i = j + 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field_name(name):
    """The first part of a field name (an int if it is all digits) and an
    iterator of (is_attribute, key) for the ``.attr`` and ``[key]`` parts."""
    n = len(name)
    i = 0
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == "[":
            j = name.find("]", i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    """``str.format`` as overridable steps: ``parse`` the string,
    ``get_field``/``get_value`` each replacement field, ``convert_field``
    (!r, !s, !a) and ``format_field``."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first

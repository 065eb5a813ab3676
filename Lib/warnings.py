"""Warning control for Ember.

Ember's ``_warnings`` module is empty, so the whole machinery lives here and
follows the behaviour documented for CPython 3.11 (where most of it is in C):

* ``filters`` is a list of ``(action, message, category, module, lineno)``
  tuples, searched front to back; the first match decides the action, and
  ``defaultaction`` applies when nothing matches.  ``message`` and ``module``
  are ``None`` (match anything), a plain string (exact match) or a compiled
  pattern whose ``match()`` is used.
* Each module has a ``__warningregistry__`` dict recording what was already
  shown from it, tagged with the filters' version so that changing the filters
  forgets past suppressions.  ``onceregistry`` plays that role for "once"
  warnings that come without a registry.
* Warnings are shown through ``showwarning()`` / ``formatwarning()``, either of
  which may be replaced; ``catch_warnings`` saves and restores all of this.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# ---------------------------------------------------------------------------
# Patterns for the message/module fields of filters.
#
# ``re`` is used when it can be imported.  Ember cannot always run it (it needs
# the native ``_sre``), so a small backtracking matcher covering the common
# regular-expression syntax stands in: literals and escapes, ``.``, character
# classes, groups with ``|``, the quantifiers ``* + ? {m,n}`` (greedy or lazy)
# and the anchors ``^ $ \A \Z \b``.

_IGNORECASE = 2
_compiler = None          # resolved on first use


def _use_re():
    """Return ``(compile, escape)`` from ``re``, or the built-in stand-ins."""
    global _compiler
    if _compiler is None:
        try:
            import re
            _compiler = (lambda text, icase: re.compile(text, re.I if icase else 0),
                         re.escape)
        except Exception:
            _compiler = (_SimplePattern, _escape_pattern)
    return _compiler


def _compile(text, icase=False):
    return _use_re()[0](text, icase)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def _escape_pattern(text):
    """Backslash-escape the characters that are special in a pattern."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


_CLASS_ESCAPES = {
    "d": lambda c: c.isdigit(),
    "w": lambda c: c.isalnum() or c == "_",
    "s": lambda c: c.isspace(),
}
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class _PatternSyntaxError(Exception):
    pass


class _SimplePattern:
    """A compiled pattern with the subset of ``re.Pattern`` warnings needs."""

    def __init__(self, pattern, icase=False):
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        self.pattern = pattern
        self.flags = _IGNORECASE if icase else 0
        self._fold = bool(icase)
        self._pos = 0
        branches = self._alternatives()
        if self._pos != len(pattern):
            raise _PatternSyntaxError("unbalanced parenthesis")
        self._tree = branches

    def __repr__(self):
        if self.flags:
            return "re.compile(%r, re.IGNORECASE)" % (self.pattern,)
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        if not isinstance(other, _SimplePattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    # -- parsing: a tree of branches; a branch is a list of
    #    (node, min_count, max_count_or_None, greedy) items.

    def _peek(self):
        p = self.pattern
        return p[self._pos] if self._pos < len(p) else None

    def _alternatives(self):
        branches = [self._branch()]
        while self._peek() == "|":
            self._pos += 1
            branches.append(self._branch())
        return branches

    def _branch(self):
        items = []
        while self._peek() not in (None, "|", ")"):
            node = self._atom()
            lo, hi = 1, 1
            ch = self._peek()
            if ch == "*":
                lo, hi = 0, None
                self._pos += 1
            elif ch == "+":
                lo, hi = 1, None
                self._pos += 1
            elif ch == "?":
                lo, hi = 0, 1
                self._pos += 1
            elif ch == "{":
                bounds = self._braces()
                if bounds is not None:
                    lo, hi = bounds
            greedy = True
            if (lo, hi) != (1, 1) and self._peek() == "?":
                greedy = False
                self._pos += 1
            items.append((node, lo, hi, greedy))
        return items

    def _braces(self):
        p = self.pattern
        end = p.find("}", self._pos)
        if end < 0:
            return None
        body = p[self._pos + 1:end]
        low, comma, high = body.partition(",")
        if not (low.isdigit() or (comma and not low)) or (high and not high.isdigit()):
            return None
        self._pos = end + 1
        lo = int(low) if low else 0
        if not comma:
            return lo, lo
        return lo, (int(high) if high else None)

    def _atom(self):
        p = self.pattern
        ch = p[self._pos]
        self._pos += 1
        if ch == "(":
            if p.startswith("?:", self._pos):
                self._pos += 2
            elif self._peek() == "?":
                raise _PatternSyntaxError("unsupported group syntax")
            branches = self._alternatives()
            if self._peek() != ")":
                raise _PatternSyntaxError("missing ), unterminated subpattern")
            self._pos += 1
            return ("group", branches)
        if ch == "[":
            return self._char_class()
        if ch == ".":
            return ("test", lambda c: c != "\n")
        if ch == "^":
            return ("start",)
        if ch == "$":
            return ("end",)
        if ch == "\\":
            return self._escape(in_class=False)
        if ch in "*+?":
            raise _PatternSyntaxError("nothing to repeat")
        return ("char", ch)

    def _escape(self, in_class):
        p = self.pattern
        if self._pos >= len(p):
            raise _PatternSyntaxError("bad escape (end of pattern)")
        ch = p[self._pos]
        self._pos += 1
        low = ch.lower()
        if low in _CLASS_ESCAPES:
            test = _CLASS_ESCAPES[low]
            if ch.isupper():
                return ("test", lambda c, t=test: not t(c))
            return ("test", test)
        if ch in _CHAR_ESCAPES:
            return ("char", _CHAR_ESCAPES[ch])
        if not in_class:
            if ch == "A":
                return ("start",)
            if ch == "Z":
                return ("eos",)
            if ch == "b":
                return ("boundary",)
        return ("char", ch)

    def _char_class(self):
        p = self.pattern
        negate = self._peek() == "^"
        if negate:
            self._pos += 1
        parts = []
        first = True
        while True:
            if self._pos >= len(p):
                raise _PatternSyntaxError("unterminated character set")
            ch = p[self._pos]
            if ch == "]" and not first:
                self._pos += 1
                break
            first = False
            self._pos += 1
            if ch == "\\":
                part = self._escape(in_class=True)
            else:
                part = ("char", ch)
            if (part[0] == "char" and self._peek() == "-"
                    and self._pos + 1 < len(p) and p[self._pos + 1] != "]"):
                self._pos += 1
                hi = p[self._pos]
                self._pos += 1
                if hi == "\\":
                    hi = self._escape(in_class=True)[1]
                part = ("range", part[1], hi)
            parts.append(part)
        return ("set", negate, parts)

    # -- matching (continuation-passing backtracking)

    def match(self, string):
        """Anchored match at the start of ``string``; truthy when it matches."""
        end = self._alts(self._tree, string, 0, lambda at: at)
        return None if end is None else _SimpleMatch(string, end)

    def _chars_equal(self, a, b):
        return a == b or (self._fold and a.lower() == b.lower())

    def _one_char(self, node, c):
        kind = node[0]
        if kind == "char":
            return self._chars_equal(node[1], c)
        if kind == "test":
            return node[1](c)
        if kind == "set":
            variants = (c, c.lower(), c.upper()) if self._fold else (c,)
            found = False
            for part in node[2]:
                for v in variants:
                    if part[0] == "char":
                        hit = part[1] == v
                    elif part[0] == "range":
                        hit = part[1] <= v <= part[2]
                    else:
                        hit = part[1](v)
                    if hit:
                        found = True
                        break
                if found:
                    break
            return found != node[1]
        return False

    def _alts(self, branches, s, at, then):
        for branch in branches:
            end = self._items(branch, 0, s, at, then)
            if end is not None:
                return end
        return None

    def _items(self, branch, idx, s, at, then):
        if idx == len(branch):
            return then(at)
        node, lo, hi, greedy = branch[idx]

        def rest(pos):
            return self._items(branch, idx + 1, s, pos, then)

        if node[0] in ("char", "test", "set"):
            # Single-character node: count the run, then back off.
            limit = len(s) - at if hi is None else min(hi, len(s) - at)
            run = 0
            while run < limit and self._one_char(node, s[at + run]):
                run += 1
            if run < lo:
                return None
            counts = range(run, lo - 1, -1) if greedy else range(lo, run + 1)
            for n in counts:
                end = rest(at + n)
                if end is not None:
                    return end
            return None
        return self._repeat(node, lo, hi, greedy, s, at, 0, rest)

    def _repeat(self, node, lo, hi, greedy, s, at, done, rest):
        def again(pos):
            if pos == at and done >= lo:
                return None     # an empty iteration would loop forever
            return self._repeat(node, lo, hi, greedy, s, pos, done + 1, rest)

        can_more = hi is None or done < hi
        if greedy:
            if can_more:
                end = self._node(node, s, at, again)
                if end is not None:
                    return end
            return rest(at) if done >= lo else None
        if done >= lo:
            end = rest(at)
            if end is not None:
                return end
        return self._node(node, s, at, again) if can_more else None

    def _node(self, node, s, at, then):
        kind = node[0]
        if kind == "group":
            return self._alts(node[1], s, at, then)
        if kind == "start":
            return then(at) if at == 0 else None
        if kind == "eos":
            return then(at) if at == len(s) else None
        if kind == "end":
            ok = at == len(s) or (at == len(s) - 1 and s[at] == "\n")
            return then(at) if ok else None
        if kind == "boundary":
            def word(i):
                return 0 <= i < len(s) and (s[i].isalnum() or s[i] == "_")
            return then(at) if word(at - 1) != word(at) else None
        if at < len(s) and self._one_char(node, s[at]):
            return then(at + 1)
        return None


class _SimpleMatch:
    def __init__(self, string, end):
        self.string = string
        self._end = end

    def group(self, index=0):
        if index != 0:
            raise IndexError("no such group")
        return self.string[:self._end]

    def span(self):
        return (0, self._end)

    def __repr__(self):
        return "<match span=(0, %d), match=%r>" % (self._end, self.group())


def _field_matches(pattern, value):
    """Does a filter's message/module field accept ``value``?"""
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == value
    return bool(pattern.match(value))


# ---------------------------------------------------------------------------
# Shared state.

filters = []
defaultaction = "default"
onceregistry = {}
_defaultaction = defaultaction
_onceregistry = onceregistry

_filters_version = 0


def _filters_mutated():
    """Invalidate every __warningregistry__ (they record the version)."""
    global _filters_version
    _filters_version += 1


def _c_long(value):
    """Convert like a C ``long`` argument: __index__ and 64-bit range."""
    try:
        to_int = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    number = to_int(value)
    if not -(1 << 63) <= number < (1 << 63):
        raise OverflowError("Python int too large to convert to C long")
    return number


# ---------------------------------------------------------------------------
# Presentation.

class WarningMessage(object):
    """The details of one warning, as passed around for display/recording."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        values = (message, category, filename, lineno, file, line, source)
        for attr, value in zip(self._WARNING_DETAILS, values):
            setattr(self, attr, value)
        self._category_name = None if not category else category.__name__

    def __str__(self):
        shown = (self.message, self._category_name, self.filename,
                 self.lineno, self.line)
        return "{message : %r, category : %r, filename : %r, " \
               "lineno : %s, line : %r}" % shown


def _source_line(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno)
    except Exception:
        return None


def _allocation_note(category_name, source):
    """Extra text for warnings carrying a ``source`` object (ResourceWarning).

    tracemalloc can say where the object was allocated; without it (or when
    it is not tracing) the user is told how to get that information.
    """
    frames = None
    try:
        import tracemalloc
    except Exception:
        tracing = False
    else:
        try:
            tracing = tracemalloc.is_tracing()
            frames = tracemalloc.get_object_traceback(source)
        except Exception:
            return ""
    if frames is not None:
        out = ["Object allocated at (most recent call last):\n"]
        for frame in frames:
            out.append('  File "%s", lineno %s\n' % (frame.filename, frame.lineno))
            text = _source_line(frame.filename, frame.lineno)
            if text:
                out.append("    %s\n" % text.strip())
        return "".join(out)
    if not tracing:
        return ("%s: Enable tracemalloc to get the object allocation "
                "traceback\n" % category_name)
    return ""


def _formatwarnmsg_impl(msg):
    name = msg.category.__name__
    text = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, name, msg.message)
    line = msg.line
    if line is None:
        line = _source_line(msg.filename, msg.lineno)
    if line:
        text += "  %s\n" % line.strip()
    if msg.source is not None:
        text += _allocation_note(name, msg.source)
    return text


def _showwarnmsg_impl(msg):
    stream = msg.file
    if stream is None:
        stream = sys.stderr
        if stream is None:
            return      # no stderr (e.g. pythonw): nowhere to write
    rendered = _formatwarnmsg(msg)
    try:
        stream.write(rendered)
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """Return the text a warning is shown as: "file:line: Category: message"
    followed by the stripped source line, if there is one."""
    return _formatwarnmsg_impl(
        WarningMessage(message, category, filename, lineno, None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a formatted warning to ``file`` (default: sys.stderr)."""
    _showwarnmsg_impl(
        WarningMessage(message, category, filename, lineno, file, line))


# The originals, to tell whether the user has replaced either hook.
_formatwarning_orig = formatwarning
_showwarning_orig = showwarning


def _formatwarnmsg(msg):
    hook = formatwarning
    if hook is not _formatwarning_orig:
        return hook(msg.message, msg.category, msg.filename, msg.lineno,
                    msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    hook = showwarning
    if hook is not _showwarning_orig:
        if not callable(hook):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file,
             msg.line)
        return
    _showwarnmsg_impl(msg)


# ---------------------------------------------------------------------------
# Editing the filter list.

def _add_filter(*entry, append):
    if append:
        if entry not in filters:
            filters.append(entry)
    else:
        # Move to the front, dropping an identical older entry.
        try:
            filters.remove(entry)
        except ValueError:
            pass
        filters.insert(0, entry)
    _filters_mutated()


def _expect(condition, complaint):
    if not condition:
        raise AssertionError(complaint)


def _expect_lineno(lineno):
    _expect(isinstance(lineno, int) and lineno >= 0,
            "lineno must be an int >= 0")


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Add a filter; by default it goes to the front of ``filters``.

    ``message`` is a regular expression matched case-insensitively against
    the start of the warning text, ``module`` one matched (case-sensitively)
    against the start of the module name; empty means "any".  ``lineno`` 0
    means any line.
    """
    if __debug__:
        # Checked in this order, each only once the previous one holds.
        _expect(action in _ACTIONS, "invalid action: %r" % (action,))
        _expect(isinstance(message, str), "message must be a string")
        _expect(isinstance(category, type), "category must be a class")
        _expect(issubclass(category, Warning),
                "category must be a Warning subclass")
        _expect(isinstance(module, str), "module must be a string")
        _expect_lineno(lineno)
    msg_pattern = _compile(message, True) if message else None
    mod_pattern = _compile(module) if module else None
    _add_filter(action, msg_pattern, category, mod_pattern, lineno,
                append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter on category (and line) alone, matching any message and
    any module."""
    if __debug__:
        _expect(action in _ACTIONS, "invalid action: %r" % (action,))
        _expect_lineno(lineno)
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Remove every filter, including the defaults."""
    filters[:] = []
    _filters_mutated()


# ---------------------------------------------------------------------------
# -W options (sys.warnoptions): action:message:category:module:lineno

class _OptionError(Exception):
    """A malformed -W option."""


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"     # historical spelling
    for known in ("default", "always", "ignore", "module", "once", "error"):
        if known.startswith(action):
            return known
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if "." in category:
        modname, _, attr = category.rpartition(".")
        try:
            holder = __import__(modname, None, None, [attr])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (modname,)) from None
    else:
        import builtins as holder
        attr = category
    try:
        found = getattr(holder, attr)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not (isinstance(found, type) and issubclass(found, Warning)):
        raise _OptionError("invalid warning category: %r" % (category,))
    return found


def _setoption(arg):
    fields = arg.split(":")
    if len(fields) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    fields += [""] * (5 - len(fields))
    action, message, category, module, lineno = (f.strip() for f in fields)
    action = _getaction(action)
    category = _getcategory(category)
    escape = _use_re()[1] if (message or module) else None
    if message:
        message = escape(message)
    if module:
        module = escape(module) + r"\Z"
    line_number = 0
    if lineno:
        try:
            line_number = int(lineno)
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
        if line_number < 0:
            raise _OptionError("invalid lineno %r" % (line_number,))
    filterwarnings(action, message, category, module, line_number)


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as exc:
            print("Invalid -W option ignored:", exc, file=sys.stderr)


# ---------------------------------------------------------------------------
# Issuing warnings.

def _is_internal_frame(frame):
    """Frames of the import machinery, skipped when counting stacklevel."""
    name = frame.f_code.co_filename
    return "importlib" in name and "_bootstrap" in name


def _next_external_frame(frame):
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame


def _check_category(category):
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)


def _module_from_filename(filename):
    if not filename:
        return "<unknown>"
    if filename.endswith(".py"):
        return filename[:-3]
    return filename


def _already_warned(registry, key, remember):
    """Look ``key`` up in a registry, first discarding stale contents.

    A registry whose "version" differs from the current filters' version
    is emptied.  With ``remember`` the key is recorded when it was not
    already there.
    """
    version = registry.get("version")
    if type(version) is not int or version != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    elif registry.get(key):
        return True
    if remember:
        registry[key] = True
    return False


def _choose_action(category, text, lineno, module):
    """Return (action, filter) for the first filter that applies."""
    current = filters
    if not isinstance(current, list):
        raise ValueError("_warnings.filters must be a list")
    for position, entry in enumerate(current):
        if not isinstance(entry, tuple) or len(entry) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple"
                             % position)
        action, msg_pat, cat, mod_pat, line = entry
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'"
                            % type(action).__name__)
        if (_field_matches(msg_pat, text) and issubclass(category, cat)
                and _field_matches(mod_pat, module)):
            line = _c_long(line)
            if line == 0 or line == lineno:
                return action, entry
    fallback = defaultaction
    if not isinstance(fallback, str):
        raise TypeError("warnings.defaultaction must be a string, not '%s'"
                        % type(fallback).__name__)
    return fallback, None


def _issue(message, category, filename, lineno, module, registry, source):
    """The common core of warn() and warn_explicit()."""
    if module is None:
        return      # what CPython does for a module named None
    if not isinstance(message, Warning):
        text, message = message, category(message)
    else:
        # A Warning instance brings its own category.
        text, category = str(message), message.__class__
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return

    action, entry = _choose_action(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            where = registry if registry is not None else onceregistry
            if not isinstance(where, dict):
                raise TypeError("warnings.onceregistry must be a dict, not '%s'"
                                % type(where).__name__)
            if _already_warned(where, (text, category), True):
                return
        elif action == "module":
            if registry is not None and _already_warned(
                    registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError("Unrecognized action (%r) in "
                               "warnings.filters:\n %r" % (action, entry))

    show = _showwarnmsg
    if not callable(show):
        raise TypeError("warnings._showwarnmsg() must be set to a callable")
    show(WarningMessage(message, category, filename, lineno, None, None,
                        source))


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or perhaps ignore it or raise it as an exception.

    ``message`` is a string or a Warning instance (whose class then is the
    category).  ``stacklevel`` 1 attributes the warning to the caller of
    warn(), 2 to that function's caller, and so on.
    """
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    _check_category(category)
    depth = _c_long(stacklevel)

    try:
        frame = sys._getframe(1)
    except ValueError:
        frame = None
    if frame is not None:
        if depth <= 0 or _is_internal_frame(frame):
            step = lambda f: f.f_back
        else:
            step = _next_external_frame
        while depth > 1 and frame is not None:
            frame = step(frame)
            depth -= 1

    if frame is None:
        namespace = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        namespace = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno

    if "__warningregistry__" in namespace:
        registry = namespace["__warningregistry__"]
    else:
        registry = namespace["__warningregistry__"] = {}
    module = namespace.get("__name__", "<string>")
    if module is not None and not isinstance(module, str):
        module = "<string>"
    _issue(message, category, filename, lineno, module, registry, source)


_NO_MODULE = object()


def warn_explicit(message, category, filename, lineno, module=_NO_MODULE,
                  registry=None, module_globals=None, source=None):
    """Issue a warning with an explicit location.

    ``module`` defaults to ``filename`` without its ".py"; ``registry`` is
    the dict recording what was shown (None: no de-duplication beyond
    "once"); ``module_globals`` lets the source line come from a loader.
    """
    if not isinstance(filename, str):
        raise TypeError("warn_explicit() argument 3 must be str, not %s"
                        % type(filename).__name__)
    lineno = _c_long(lineno)
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None:
        if not isinstance(module_globals, dict):
            raise TypeError("module_globals must be a dict, not '%s'"
                            % type(module_globals).__name__)
        try:
            import linecache
            linecache.getlines(filename, module_globals)
        except Exception:
            pass
    if module is _NO_MODULE:
        module = _module_from_filename(filename)
    if category is None:
        category = UserWarning
    _issue(message, category, filename, lineno, module, registry, source)


class catch_warnings(object):
    """Context manager that saves the warnings state and restores it on exit.

    ``record=True`` makes ``__enter__`` return a list that receives a
    WarningMessage for every warning shown while inside (showwarning is
    bypassed).  ``module`` is the warnings module to protect (this one by
    default).  ``action`` (with ``category``, ``lineno``, ``append``) is
    passed to simplefilter() on entry.
    """

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = module if module is not None else sys.modules["warnings"]
        self._entered = False
        # Arguments for simplefilter() on entry, if an action was given.
        self._filter = (None if action is None
                        else (action, category, lineno, append))

    def __repr__(self):
        shown = []
        if self._record:
            shown.append("record=True")
        if self._module is not sys.modules["warnings"]:
            shown.append("module=%r" % (self._module,))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        mod = self._module
        self._saved = (mod.filters, mod.showwarning, mod._showwarnmsg_impl)
        mod.filters = mod.filters[:]
        mod._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        caught = []
        mod._showwarnmsg_impl = caught.append
        mod.showwarning = mod._showwarning_orig
        return caught

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        mod = self._module
        mod.filters, mod.showwarning, mod._showwarnmsg_impl = self._saved
        mod._filters_mutated()


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove,
                _version=sys.version_info):
    """Warn that ``name`` is deprecated; raise once the removal release
    (a (major, minor) tuple) has reached beta."""
    release = "%d.%d" % (remove[0], remove[1])
    current = tuple(_version[:2])
    if current > tuple(remove) or (current == tuple(remove)
                                   and _version[3] != "alpha"):
        raise RuntimeError("%r was slated for removal after Python %s alpha"
                           % (name, release))
    warn(message.format(name=name, remove=release), DeprecationWarning,
         stacklevel=3)


def _warn_unawaited_coroutine(coro):
    """RuntimeWarning for a coroutine object collected without being awaited."""
    parts = ["coroutine '%s' was never awaited\n" % (coro.__qualname__,)]
    origin = getattr(coro, "cr_origin", None)
    if origin is not None:
        import linecache
        import traceback
        entries = [(fname, line, func, linecache.getline(fname, line))
                   for fname, line, func in reversed(origin)]
        parts.append("Coroutine created at (most recent call last)\n")
        parts.extend(traceback.format_list(entries))
    warn("".join(parts).rstrip("\n"), category=RuntimeWarning, stacklevel=2,
         source=coro)


# ---------------------------------------------------------------------------
# Start-up: the standard default filters (appended in this order), then any
# -W options, each of which goes to the front.

def _install_defaults():
    flags = getattr(sys, "flags", None)
    if getattr(flags, "dev_mode", False):
        simplefilter("default", append=True)
    bytes_level = getattr(flags, "bytes_warning", 0)
    if bytes_level:
        simplefilter("error" if bytes_level > 1 else "default",
                     BytesWarning, append=True)
    if not hasattr(sys, "gettotalrefcount"):    # release build
        filters.append(("default", None, DeprecationWarning, "__main__", 0))
        for quiet in (DeprecationWarning, PendingDeprecationWarning,
                      ImportWarning, ResourceWarning):
            simplefilter("ignore", quiet, append=True)


_install_defaults()
del _install_defaults
_filters_version = 0    # installing the defaults does not count as a change
_processoptions(getattr(sys, "warnoptions", ()))

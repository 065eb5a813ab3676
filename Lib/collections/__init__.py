"""Ember's collections package: container types beyond the built-ins.

deque and defaultdict come from the native _collections module.  The other
types (namedtuple, OrderedDict, Counter, ChainMap and the User* wrappers)
are written here in Python, following the behaviour documented for
Python 3.11's collections module.
"""

import sys as _sys
import itertools as _it
import _collections_abc
from keyword import iskeyword as _is_reserved
from _collections import deque, defaultdict, _tuplegetter

try:
    from _collections import _count_elements as _native_tally
except ImportError:
    _native_tally = None

try:
    from _thread import get_ident as _thread_id
except ImportError:
    def _thread_id():
        return 0

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]

# deque behaves as a mutable sequence; tell the ABC machinery (this also
# lets the match statement treat deques as sequences).
_collections_abc.MutableSequence.register(deque)


def _repr_once(placeholder="..."):
    """Decorator for __repr__ methods of containers that may contain
    themselves: a nested call for the same object (on the same thread)
    yields `placeholder` instead of recursing forever."""
    def decorate(method):
        active = set()

        def guarded(self):
            token = (id(self), _thread_id())
            if token in active:
                return placeholder
            active.add(token)
            try:
                return method(self)
            finally:
                active.discard(token)

        guarded.__name__ = method.__name__
        guarded.__qualname__ = getattr(method, "__qualname__", method.__name__)
        guarded.__doc__ = method.__doc__
        guarded.__module__ = method.__module__
        guarded.__wrapped__ = method
        return guarded
    return decorate


# ---------------------------------------------------------------------------
# namedtuple
# ---------------------------------------------------------------------------

def _split_field_spec(spec):
    """Field names may be given as one string separated by commas and/or
    whitespace, or as any iterable of names."""
    if isinstance(spec, str):
        return spec.replace(",", " ").split()
    return [str(item) for item in spec]


def _check_identifier(name):
    if type(name) is not str:
        raise TypeError("Type names and field names must be strings")
    if not name.isidentifier():
        raise ValueError(
            f"Type names and field names must be valid identifiers: {name!r}")
    if _is_reserved(name):
        raise ValueError(
            f"Type names and field names cannot be a keyword: {name!r}")


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Create a tuple subclass named `typename` whose items can also be
    reached as attributes.

    >>> Pair = namedtuple('Pair', 'left right')
    >>> Pair.__doc__
    'Pair(left, right)'
    >>> p = Pair(1, right=2)
    >>> p.left + p[1]
    3
    >>> p._replace(left=5)
    Pair(left=5, right=2)
    """
    names = _split_field_spec(field_names)
    typename = _sys.intern(str(typename))

    if rename:
        used = set()
        for pos, candidate in enumerate(names):
            invalid = (not candidate.isidentifier()
                       or _is_reserved(candidate)
                       or candidate.startswith("_")
                       or candidate in used)
            if invalid:
                names[pos] = "_%d" % pos
            used.add(candidate)

    _check_identifier(typename)
    for candidate in names:
        _check_identifier(candidate)

    already = set()
    for candidate in names:
        if not rename and candidate[:1] == "_":
            raise ValueError(
                f"Field names cannot start with an underscore: {candidate!r}")
        if candidate in already:
            raise ValueError(f"Encountered duplicate field name: {candidate!r}")
        already.add(candidate)

    fields = tuple(_sys.intern(n) for n in names)
    width = len(fields)

    defaults_by_name = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > width:
            raise TypeError("Got more default values than field names")
        tail = fields[width - len(defaults):]
        defaults_by_name = {n: v for n, v in zip(tail, defaults)}

    # A lone field is written with a trailing comma ("Single(value,)"),
    # which is also how it must appear to build a one-item tuple.
    signature = ", ".join(fields) + ("," if width == 1 else "")
    make_tuple = tuple.__new__

    # __new__ is compiled from source so that calling the class reports
    # argument errors exactly as a normal Python function would.
    scope = {"_make_tuple": make_tuple, "__name__": f"namedtuple_{typename}"}
    exec(f"def __new__(_cls, {signature}):\n"
         f"    return _make_tuple(_cls, ({signature}))\n", scope)
    new_fn = scope["__new__"]
    new_fn.__doc__ = f"Create new instance of {typename}({signature})"
    if defaults:
        new_fn.__defaults__ = defaults

    def _make(cls, iterable):
        built = make_tuple(cls, iterable)
        if len(built) != width:
            raise TypeError(f"Expected {width} arguments, got {len(built)}")
        return built

    _make.__doc__ = f"Make a new {typename} object from a sequence or iterable"

    def _replace(self, /, **changes):
        values = [changes.pop(n, old) for n, old in zip(fields, self)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return self._make(values)

    _replace.__doc__ = (f"Return a new {typename} object replacing specified "
                        "fields with new values")

    shown = "(" + ", ".join(f"{n}=%r" for n in fields) + ")"

    def __repr__(self):
        "Return a nicely formatted representation string"
        return self.__class__.__name__ + shown % self

    def _asdict(self):
        "Return a new dict which maps field names to their values."
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        "Return self as a plain tuple.  Used by copy and pickle."
        return tuple(self)

    for fn in (new_fn, _make, _replace, __repr__, _asdict, __getnewargs__):
        fn.__qualname__ = f"{typename}.{fn.__name__}"

    body = {
        "__doc__": f"{typename}({signature})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": defaults_by_name,
        "__new__": new_fn,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for pos, n in enumerate(fields):
        body[n] = _tuplegetter(pos, f"Alias for field number {pos}")

    cls = type(typename, (tuple,), body)

    # Make the class picklable by naming the module of the caller unless
    # told otherwise.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        cls.__module__ = module
    return cls


# ---------------------------------------------------------------------------
# OrderedDict
# ---------------------------------------------------------------------------
#
# The built-in dict already remembers insertion order, and removing then
# re-adding a key moves it to the end.  OrderedDict therefore keeps its
# entries in the underlying dict storage and adds the order-aware
# operations (move_to_end, popitem(last=False), order-sensitive equality)
# on top of it.

class _ODictKeys(_collections_abc.KeysView):
    __slots__ = ()

    def __reversed__(self):
        return reversed(self._mapping)

    def __repr__(self):
        return f"odict_keys({list(self)!r})"


class _ODictValues(_collections_abc.ValuesView):
    __slots__ = ()

    def __reversed__(self):
        source = self._mapping
        for k in reversed(source):
            yield source[k]

    def __repr__(self):
        return f"odict_values({list(self)!r})"


class _ODictItems(_collections_abc.ItemsView):
    __slots__ = ()

    def __reversed__(self):
        source = self._mapping
        for k in reversed(source):
            yield (k, source[k])

    def __repr__(self):
        return f"odict_items({list(self)!r})"


_ODictKeys.__name__ = _ODictKeys.__qualname__ = "odict_keys"
_ODictValues.__name__ = _ODictValues.__qualname__ = "odict_values"
_ODictItems.__name__ = _ODictItems.__qualname__ = "odict_items"

_dict_set = dict.__setitem__
_dict_pop = dict.pop
_dict_iter = dict.__iter__


class OrderedDict(dict):
    "Dictionary that remembers insertion order"

    def __init__(self, *args, **kwds):
        """Initialise from an optional mapping or iterable of pairs plus
        keyword arguments, in that order."""
        if len(args) > 1:
            raise TypeError(f"expected at most 1 arguments, got {len(args)}")
        self.update(*args, **kwds)

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (or to the beginning when last
        is false).  Raise KeyError if the key is missing."""
        value = _dict_pop(self, key)
        if last:
            _dict_set(self, key, value)
            return
        remaining = list(dict.items(self))
        dict.clear(self)
        _dict_set(self, key, value)
        for k, v in remaining:
            _dict_set(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair: the newest one if last
        is true, otherwise the oldest one."""
        if not dict.__len__(self):
            raise KeyError("dictionary is empty")
        if last:
            key = next(reversed(dict.keys(self)))
        else:
            key = next(_dict_iter(self))
        return key, _dict_pop(self, key)

    update = _collections_abc.MutableMapping.update

    def keys(self):
        "A set-like view of the keys, in order"
        return _ODictKeys(self)

    def values(self):
        "A view of the values, in order"
        return _ODictValues(self)

    def items(self):
        "A set-like view of the (key, value) pairs, in order"
        return _ODictItems(self)

    def __reversed__(self):
        return reversed(dict.keys(self))

    _absent = object()

    def pop(self, key, default=_absent):
        """Remove key and return its value; return default if given and
        the key is missing, otherwise raise KeyError."""
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is OrderedDict._absent:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        "Return self[key], first storing default there if key is missing."
        if key not in self:
            self[key] = default
            return default
        return self[key]

    @_repr_once()
    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return name + "()"
        return f"{name}({list(self.items())!r})"

    def __reduce__(self):
        "Return state information for pickling"
        state = dict(getattr(self, "__dict__", {})) or None
        return self.__class__, (), state, None, iter(self.items())

    def copy(self):
        "Return a shallow copy with the same type and order."
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        "Create a new ordered dictionary with keys from iterable, all set to value."
        made = cls()
        for k in iterable:
            made[k] = value
        return made

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            return all(a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        same = self.__eq__(other)
        if same is NotImplemented:
            return same
        return not same

    __hash__ = None

    # Merging with | keeps this object's class; the right operand's
    # entries win and new keys are appended in its order.

    def __or__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self)
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(other)
            merged.update(self)
            return merged
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------------------
# Counter
# ---------------------------------------------------------------------------

def _tally(counts, iterable):
    "Add one to counts[x] for every x produced by iterable."
    fetch = counts.get
    for x in iterable:
        counts[x] = fetch(x, 0) + 1


if _native_tally is not None:
    _tally = _native_tally

# The name CPython's collections gives this helper (its tests import it).
_count_elements = _tally


class Counter(dict):
    """A dict subclass mapping hashable items to their counts.

    >>> tally = Counter('mississippi')
    >>> tally.most_common(2)
    [('i', 4), ('s', 4)]
    >>> tally['z']
    0
    """

    def __init__(self, iterable=None, /, **kwds):
        """Count the elements of an iterable, or copy counts from a
        mapping; keyword arguments add further counts."""
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        "Missing elements have a count of zero."
        return 0

    def total(self):
        "Sum of all the counts"
        return sum(self.values())

    def most_common(self, n=None):
        """List the (element, count) pairs from the most common to the
        least; ties keep first-seen order.  With n, only the first n."""
        ranked = sorted(self.items(), key=lambda pair: pair[1], reverse=True)
        if n is None:
            return ranked
        return ranked[:max(n, 0)]

    def elements(self):
        """Iterate over the elements, each repeated as often as its count;
        elements with a count below one are skipped."""
        return _it.chain.from_iterable(
            _it.repeat(item, times) for item, times in self.items())

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or from a mapping of
        counts (and from keyword arguments)."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    current = self.get
                    for item, extra in iterable.items():
                        self[item] = extra + current(item, 0)
                else:
                    dict.update(self, iterable)
            else:
                _tally(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Take away counts from an iterable of elements or from a mapping
        of counts.  Counts may drop to zero or below."""
        if iterable is not None:
            current = self.get
            if isinstance(iterable, _collections_abc.Mapping):
                for item, less in iterable.items():
                    self[item] = current(item, 0) - less
            else:
                for item in iterable:
                    self[item] = current(item, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        "Return a shallow copy."
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        "Deleting a missing element is not an error."
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return f"{name}()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f"{name}({shown!r})"

    # Rich comparisons treat missing elements as having a zero count.

    def _pairs_with(self, other):
        for key in self:
            yield self[key], other[key]
        for key in other:
            if key not in self:
                yield self[key], other[key]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(a == b for a, b in self._pairs_with(other))

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(a <= b for a, b in self._pairs_with(other))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(a >= b for a, b in self._pairs_with(other))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic: results keep only positive counts.

    def _combine(self, other, rule, include_other_only):
        result = Counter()
        for key, mine in self.items():
            value = rule(mine, other[key])
            if value > 0:
                result[key] = value
        if include_other_only:
            for key, theirs in other.items():
                if key not in self:
                    value = rule(0, theirs)
                    if value > 0:
                        result[key] = value
        return result

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: a + b, True)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: a - b, True)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: b if a < b else a, True)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, lambda a, b: a if a < b else b, False)

    def __pos__(self):
        "Drop zero and negative counts."
        result = Counter()
        for key, n in self.items():
            if n > 0:
                result[key] = n
        return result

    def __neg__(self):
        "Negate the counts, keeping only the ones that become positive."
        result = Counter()
        for key, n in self.items():
            if n < 0:
                result[key] = 0 - n
        return result

    def _drop_nonpositive(self):
        doomed = [key for key, n in self.items() if not n > 0]
        for key in doomed:
            del self[key]
        return self

    def __iadd__(self, other):
        for key, n in other.items():
            self[key] += n
        return self._drop_nonpositive()

    def __isub__(self, other):
        for key, n in other.items():
            self[key] -= n
        return self._drop_nonpositive()

    def __ior__(self, other):
        for key, theirs in other.items():
            if theirs > self[key]:
                self[key] = theirs
        return self._drop_nonpositive()

    def __iand__(self, other):
        for key, mine in list(self.items()):
            theirs = other[key]
            if theirs < mine:
                self[key] = theirs
        return self._drop_nonpositive()


# ---------------------------------------------------------------------------
# ChainMap
# ---------------------------------------------------------------------------

class ChainMap(_collections_abc.MutableMapping):
    """Present several mappings as one.  Lookups search the mappings in
    order; writes, updates and deletions only touch the first mapping."""

    def __init__(self, *maps):
        "With no mappings, a single empty dict is used."
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for layer in self.maps:
            try:
                # Indexing (rather than a membership test) lets layers
                # with __missing__, such as defaultdict, supply values.
                return layer[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def _merged_keys(self):
        seen = {}
        for layer in reversed(self.maps):
            for k in layer:
                seen[k] = None
        return seen

    def __len__(self):
        return len(self._merged_keys())

    def __iter__(self):
        return iter(self._merged_keys())

    def __contains__(self, key):
        for layer in self.maps:
            if key in layer:
                return True
        return False

    def __bool__(self):
        for layer in self.maps:
            if layer:
                return True
        return False

    @_repr_once()
    def __repr__(self):
        inner = ", ".join(repr(layer) for layer in self.maps)
        return f"{self.__class__.__name__}({inner})"

    @classmethod
    def fromkeys(cls, iterable, *args):
        "New ChainMap over a single dict built by dict.fromkeys()."
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        "Copy of the first mapping; the later ones are shared."
        first, *rest = self.maps
        return self.__class__(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """Return a ChainMap with a new first mapping (m, or a new dict)
        in front of the current ones."""
        front = kwargs if m is None else m
        if kwargs and front is not kwargs:
            front.update(kwargs)
        return type(self)(front, *self.maps)

    @property
    def parents(self):
        "The ChainMap of every mapping except the first."
        return type(self)(*self.maps[1:])

    # Mutations only ever touch the first mapping.

    def __setitem__(self, key, value):
        front = self.maps[0]
        front[key] = value

    def _front_call(self, name, *args, missing):
        try:
            return getattr(self.maps[0], name)(*args)
        except KeyError:
            pass
        raise KeyError(missing)

    def __delitem__(self, key):
        self._front_call("__delitem__", key,
                         missing=f"Key not found in the first mapping: {key!r}")

    def pop(self, key, *args):
        "Remove key from the first mapping and return its value."
        return self._front_call("pop", key, *args,
                                missing=f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        "Remove and return a pair from the first mapping."
        return self._front_call("popitem",
                                missing="No keys found in the first mapping.")

    def clear(self):
        "Empty the first mapping."
        front = self.maps[0]
        front.clear()

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            combined = self.copy()
            combined.maps[0].update(other)
            return combined
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            flat = dict(other)
            for layer in self.maps[::-1]:
                flat.update(layer)
            return type(self)(flat)
        return NotImplemented

    def __ior__(self, other):
        front = self.maps[0]
        front.update(other)
        return self


# ---------------------------------------------------------------------------
# UserDict, UserList, UserString
# ---------------------------------------------------------------------------
#
# Each wrapper keeps its contents in a real built-in object stored as
# `self.data`.  Most methods simply hand the work to that object; they are
# generated from the tables below rather than spelled out one by one.

def _payload(value, wrapper):
    "The wrapped built-in object when value is a `wrapper`, else value."
    return value.data if isinstance(value, wrapper) else value


def _forwarder(name, *, owner=None, rewrap=False):
    """Make a method `name` that calls the same method on self.data.  When
    owner is given, arguments that are instances of owner are replaced by
    their data; with rewrap, the result is wrapped again in the caller's
    class."""
    def method(self, *args, **kwargs):
        if owner is not None:
            args = [_payload(a, owner) for a in args]
        outcome = getattr(self.data, name)(*args, **kwargs)
        if rewrap:
            return type(self)(outcome)
        return outcome

    method.__name__ = name
    return method


def _install(cls, names, **options):
    "Add forwarding methods, named in a space-separated string, to cls."
    for name in names.split():
        method = _forwarder(name, **options)
        method.__qualname__ = f"{cls.__name__}.{name}"
        setattr(cls, name, method)


def _on_data(func, name):
    "A method applying the built-in `func` to self.data."
    def method(self):
        return func(self.data)
    method.__name__ = name
    return method


_ORDERINGS = {
    "__lt__": lambda a, b: a < b,
    "__le__": lambda a, b: a <= b,
    "__eq__": lambda a, b: a == b,
    "__gt__": lambda a, b: a > b,
    "__ge__": lambda a, b: a >= b,
}


def _install_orderings(owner):
    "Comparisons act on self.data against the other operand's payload."
    def make(test, name):
        def compare(self, other):
            return test(self.data, _payload(other, owner))
        compare.__name__ = name
        return compare

    for name, test in _ORDERINGS.items():
        setattr(owner, name, make(test, name))


def _duplicate(obj, **fresh):
    "New instance of obj's class with obj's attributes plus overrides."
    kind = type(obj)
    twin = kind.__new__(kind)
    vars(twin).update(vars(obj))
    vars(twin).update(fresh)
    return twin


class UserDict(_collections_abc.MutableMapping):
    "A mapping whose contents live in the plain dict `self.data`."

    __len__ = _forwarder("__len__")
    __iter__ = _forwarder("__iter__")
    __setitem__ = _forwarder("__setitem__")
    __delitem__ = _forwarder("__delitem__")

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        initial = [] if dict is None else [dict]
        if kwargs:
            initial.append(kwargs)
        for source in initial:
            self.update(source)

    def __getitem__(self, key):
        try:
            return self.data[key]
        except KeyError:
            pass
        fallback = getattr(type(self), "__missing__", None)
        if fallback is None:
            raise KeyError(key)
        return fallback(self, key)

    @staticmethod
    def _merge_source(other):
        if isinstance(other, UserDict):
            return other.data
        if isinstance(other, dict):
            return other
        return None

    def __or__(self, other):
        right = self._merge_source(other)
        if right is None:
            return NotImplemented
        return type(self)(self.data | right)

    def __ror__(self, other):
        left = self._merge_source(other)
        if left is None:
            return NotImplemented
        return type(self)(left | self.data)

    def __ior__(self, other):
        self.data |= _payload(other, UserDict)
        return self

    def __copy__(self):
        return _duplicate(self, data=dict(self.data))

    def copy(self):
        "Shallow copy of the same class."
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        twin = _duplicate(self, data={})
        twin.update(self)
        return twin

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


_install(UserDict, "__contains__")
UserDict.__repr__ = _on_data(repr, "__repr__")


class UserList(_collections_abc.MutableSequence):
    "A sequence whose contents live in the plain list `self.data`."

    __len__ = _forwarder("__len__")
    __setitem__ = _forwarder("__setitem__")
    __delitem__ = _forwarder("__delitem__")
    insert = _forwarder("insert")

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif type(initlist) is list:
            self.data = initlist[:]
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    __hash__ = None

    def __getitem__(self, i):
        if isinstance(i, slice):
            return type(self)(self.data[i])
        return self.data[i]

    @staticmethod
    def _listed(other):
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other):
        return type(self)(self.data + self._listed(other))

    def __radd__(self, other):
        return type(self)(self._listed(other) + self.data)

    def __iadd__(self, other):
        self.data += self._listed(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    def __imul__(self, n):
        self.data *= n
        return self

    __rmul__ = __mul__

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return _duplicate(self, data=list(self.data))

    def extend(self, other):
        self.data.extend(_payload(other, UserList))


_install(UserList, "__contains__ append pop remove clear count index reverse sort")
UserList.__repr__ = _on_data(repr, "__repr__")
_install_orderings(UserList)


class UserString(_collections_abc.Sequence):
    "A string-like object whose text lives in the plain str `self.data`."

    __len__ = _forwarder("__len__")

    def __init__(self, seq):
        if isinstance(seq, UserString):
            seq = seq.data[:]
        elif not isinstance(seq, str):
            seq = str(seq)
        self.data = seq

    def __getnewargs__(self):
        return (self.data[:],)

    def __contains__(self, char):
        return _payload(char, UserString) in self.data

    def __getitem__(self, index):
        return type(self)(self.data[index])

    @staticmethod
    def _text(other):
        if isinstance(other, UserString):
            return other.data
        return other if isinstance(other, str) else str(other)

    def __add__(self, other):
        return type(self)(self.data + self._text(other))

    def __radd__(self, other):
        return type(self)(self._text(other) + self.data)

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return type(self)(self.data % args)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    maketrans = str.maketrans

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode(encoding, errors)


for _name, _func in (("__str__", str), ("__repr__", repr),
                     ("__int__", int), ("__float__", float),
                     ("__complex__", complex), ("__hash__", hash)):
    setattr(UserString, _name, _on_data(_func, _name))
del _name, _func

_install_orderings(UserString)

# str methods that build a new string give back the caller's class ...
_install(UserString,
         "capitalize casefold center expandtabs ljust lower lstrip "
         "removeprefix removesuffix replace rjust rstrip strip swapcase "
         "title translate upper zfill",
         owner=UserString, rewrap=True)
# ... while the rest return str's result unchanged.
_install(UserString,
         "count endswith find index rfind rindex startswith partition "
         "rpartition split rsplit splitlines join format format_map "
         "isalnum isalpha isascii isdecimal isdigit isidentifier islower "
         "isnumeric isprintable isspace istitle isupper",
         owner=UserString)

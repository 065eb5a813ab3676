"""Ember's functools: tools for working with functions and callable objects.

This is Ember's own implementation of the documented behaviour of the
standard ``functools`` module.  ``reduce``, ``partial`` and ``cmp_to_key``
come from the native ``_functools`` module when it is available; the rest is
written in Python here.
"""

__all__ = [
    'update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
    'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
    'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
    'cached_property',
]

from types import GenericAlias as _GenericAlias

try:
    from abc import get_cache_token
except ImportError:                                   # pragma: no cover
    get_cache_token = None

try:
    from _thread import RLock as _RLock
except ImportError:
    class _RLock:
        """Stand-in lock used when the runtime has no threads."""
        __slots__ = ()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False


# ---------------------------------------------------------------------------
# Copying metadata from a wrapped function onto its wrapper
# ---------------------------------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make *wrapper* look like *wrapped* and return *wrapper*.

    Each attribute named in *assigned* is copied when *wrapped* has it; each
    mapping attribute named in *updated* on the wrapper is updated from the
    one on *wrapped*.  Finally ``wrapper.__wrapped__`` is set to *wrapped*.
    """
    missing = object()
    for name in assigned:
        value = getattr(wrapped, name, missing)
        if value is not missing:
            setattr(wrapper, name, value)
    for name in updated:
        target = getattr(wrapper, name)
        target.update(getattr(wrapped, name, {}))
    # Set last so that a __wrapped__ copied through __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): ``@wraps(fn)`` on the wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---------------------------------------------------------------------------
# total_ordering
# ---------------------------------------------------------------------------

# For every rich comparison, the outcomes ("less", "equal", "greater") of
# comparing a with b for which the comparison holds.
_HOLDS_FOR = {
    '__lt__': frozenset('L'),
    '__le__': frozenset('LE'),
    '__gt__': frozenset('G'),
    '__ge__': frozenset('GE'),
}
_ALL_OUTCOMES = frozenset('LEG')
_SYMBOL = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}


def _derive_rule(root, target):
    """How to answer *target* once *root* said yes, and once it said no.

    Each answer is True, False, 'eq' (ask a == b) or 'ne' (ask a != b).
    """
    rule = []
    for said in (True, False):
        possible = _HOLDS_FOR[root] if said else _ALL_OUTCOMES - _HOLDS_FOR[root]
        overlap = possible & _HOLDS_FOR[target]
        if overlap == possible:
            rule.append(True)
        elif not overlap:
            rule.append(False)
        elif overlap == frozenset('E'):
            rule.append('eq')
        else:
            rule.append('ne')
    return tuple(rule)


def _describe_rule(root, rule):
    """Spell out *rule* as the expression shown in the derived docstring."""
    sym = _SYMBOL[root]
    plain, negated = f'(a {sym} b)', f'(not a {sym} b)'
    if not any(answer in ('eq', 'ne') for answer in rule):
        return plain if rule[0] is True else negated
    fixed_when = rule.index(True) if True in rule else rule.index(False)
    said = fixed_when == 0
    outcome = rule[fixed_when]
    other = rule[1 - fixed_when]
    check = '(a == b)' if other == 'eq' else '(a != b)'
    if outcome:
        return f"{plain if said else negated} or {check}"
    return f"{negated if said else plain} and {check}"


def _make_derived(root, target):
    when_true, when_false = _derive_rule(root, target)

    def derived(self, other):
        answer = getattr(type(self), root)(self, other)
        if answer is NotImplemented:
            return answer
        how = when_true if answer else when_false
        if how is True or how is False:
            # Hand back the root's own value when it already says it all.
            return answer if how == bool(answer) else how
        if how == 'eq':
            return self == other
        return self != other

    derived.__name__ = target
    derived.__qualname__ = f'_{target[2:4]}_from_{root[2:4]}'
    derived.__doc__ = (f'Return a {_SYMBOL[target]} b.  Computed by '
                       f'@total_ordering from {_describe_rule(root, (when_true, when_false))}.')
    return derived


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods.

    The class must define at least one of __lt__, __le__, __gt__ or __ge__
    (and normally __eq__); the others are derived from it.
    """
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for op in _HOLDS_FOR:
        if op not in defined:
            setattr(cls, op, _make_derived(root, op))
    return cls


# ---------------------------------------------------------------------------
# reduce, cmp_to_key, partial (native when possible)
# ---------------------------------------------------------------------------

try:
    from _functools import reduce
except ImportError:                                   # pragma: no cover
    _NO_START = object()

    def reduce(function, iterable, initial=_NO_START, /):
        """reduce(function, iterable[, initial]) -> value

        Fold *iterable* from the left with the two-argument *function*.
        """
        items = iter(iterable)
        if initial is _NO_START:
            try:
                acc = next(items)
            except StopIteration:
                raise TypeError('reduce() of empty iterable with no initial value') from None
        else:
            acc = initial
        for item in items:
            acc = function(acc, item)
        return acc

try:
    from _functools import cmp_to_key
except ImportError:                                   # pragma: no cover
    def cmp_to_key(mycmp):
        """Turn an old-style comparison function into a key function."""
        import operator as _op

        def _compare_with(test):
            def method(self, other):
                return test(mycmp(self.obj, other.obj), 0)
            return method

        namespace = {'__slots__': ('obj',), '__hash__': None,
                     '__init__': lambda self, obj: setattr(self, 'obj', obj)}
        for name in ('lt', 'gt', 'eq', 'le', 'ge', 'ne'):
            namespace[f'__{name}__'] = _compare_with(getattr(_op, name))
        return type('KeyWrapper', (), namespace)

try:
    from _functools import partial
except ImportError:                                   # pragma: no cover
    class partial:
        """partial(func, *args, **keywords) - freeze some arguments of func."""

        __slots__ = ('func', 'args', 'keywords', '__dict__', '__weakref__')

        def __new__(cls, func, /, *args, **keywords):
            if not callable(func):
                raise TypeError('the first argument must be callable')
            if isinstance(func, partial):
                args = func.args + args
                keywords = {**func.keywords, **keywords}
                func = func.func
            self = super().__new__(cls)
            self.func, self.args, self.keywords = func, args, keywords
            return self

        def __call__(self, /, *args, **keywords):
            return self.func(*self.args, *args, **{**self.keywords, **keywords})

        def __repr__(self):
            shown = [repr(self.func)] + [repr(a) for a in self.args]
            shown += [f'{k}={v!r}' for k, v in self.keywords.items()]
            name = type(self).__qualname__
            if type(self) is partial:
                name = 'functools.' + name
            return f"{name}({', '.join(shown)})"

        __class_getitem__ = classmethod(_GenericAlias)


def _unwrap_partial(func):
    """The function a chain of partial objects finally calls (``inspect``
    looks through partials for code flags)."""
    while isinstance(func, partial):
        func = func.func
    return func


# ---------------------------------------------------------------------------
# partialmethod
# ---------------------------------------------------------------------------

class partialmethod:
    """A partial() that behaves like a method when stored on a class.

    The frozen arguments are placed after the instance (or class) the
    descriptor is looked up through.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        # The three parts are always present, even when empty (as CPython 3.11).
        positional = ', '.join(map(repr, self.args))
        named = ', '.join(f'{k}={v!r}' for k, v in self.keywords.items())
        cls = type(self)
        return f'{cls.__module__}.{cls.__qualname__}({self.func!r}, {positional}, {named})'

    def _unbound(self):
        outer = self

        def _method(cls_or_self, /, *args, **keywords):
            merged = {**outer.keywords, **keywords}
            return outer.func(cls_or_self, *outer.args, *args, **merged)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, '__get__', None)
        if binder is not None:
            bound = binder(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', None)
                if owner is not None:
                    try:
                        result.__self__ = owner
                    except AttributeError:
                        pass
                return result
        return self._unbound().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(_GenericAlias)


# ---------------------------------------------------------------------------
# lru_cache / cache
# ---------------------------------------------------------------------------

_INFO_FIELDS = ('hits', 'misses', 'maxsize', 'currsize')

try:
    from collections import namedtuple as _namedtuple
    _CacheInfo = _namedtuple('CacheInfo', _INFO_FIELDS)
except ImportError:                                   # pragma: no cover
    class _CacheInfo(tuple):
        """CacheInfo(hits, misses, maxsize, currsize)"""
        __slots__ = ()
        _fields = _INFO_FIELDS

        def __new__(cls, hits, misses, maxsize, currsize):
            return tuple.__new__(cls, (hits, misses, maxsize, currsize))

        def __repr__(self):
            body = ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))
            return f'CacheInfo({body})'

        def _asdict(self):
            return dict(zip(self._fields, self))

        hits = property(lambda self: self[0], doc='Alias for field number 0')
        misses = property(lambda self: self[1], doc='Alias for field number 1')
        maxsize = property(lambda self: self[2], doc='Alias for field number 2')
        currsize = property(lambda self: self[3], doc='Alias for field number 3')

    _CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'


class _KeywordMarker:
    """Separates positional from keyword parts inside a cache key."""
    __slots__ = ()

    def __repr__(self):
        return '<keywords>'


_KW = _KeywordMarker()
_PLAIN_KEY_TYPES = frozenset((int, str))


def _cache_key(args, kwds, typed):
    """Build a hashable key for one call.

    Keyword arguments are part of the key in the order given, so f(a=1, b=2)
    and f(b=2, a=1) are cached separately.
    """
    if not kwds and not typed:
        if len(args) == 1 and type(args[0]) in _PLAIN_KEY_TYPES:
            return args[0]
        return args
    parts = list(args)
    if kwds:
        parts.append(_KW)
        for name, value in kwds.items():
            parts.append(name)
            parts.append(value)
    if typed:
        parts.extend(type(a) for a in args)
        if kwds:
            parts.extend(type(v) for v in kwds.values())
    return tuple(parts)


def _build_cached(user_function, maxsize, typed):
    absent = object()
    store = {}
    hits = misses = 0
    make_key = _cache_key

    if maxsize == 0:
        def cached(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def cached(*args, **kwds):
            nonlocal hits, misses
            key = make_key(args, kwds, typed)
            found = store.get(key, absent)
            if found is not absent:
                hits += 1
                return found
            misses += 1
            value = user_function(*args, **kwds)
            store[key] = value
            return value

    else:
        def cached(*args, **kwds):
            nonlocal hits, misses
            key = make_key(args, kwds, typed)
            found = store.pop(key, absent)
            if found is not absent:
                # Re-insert to mark it as the most recently used entry.
                store[key] = found
                hits += 1
                return found
            misses += 1
            value = user_function(*args, **kwds)
            if key in store:
                # A recursive call already cached this key.
                return value
            if len(store) >= maxsize:
                for oldest in store:
                    break
                store.pop(oldest, None)
            store[key] = value
            return value

    def cache_info():
        """Report cache statistics."""
        return _CacheInfo(hits, misses, maxsize, len(store))

    def cache_clear():
        """Clear the cache and cache statistics."""
        nonlocal hits, misses
        store.clear()
        hits = misses = 0

    cached.cache_info = cache_info
    cached.cache_clear = cache_clear
    return cached


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is None the cache grows without bound; 0 (or a negative
    number) disables caching.  With *typed* true, arguments of different
    types are cached separately.  The decorated function gains
    cache_info(), cache_clear() and cache_parameters().
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare, as @lru_cache.
        func, maxsize = maxsize, 128
        return _decorate_cached(func, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _decorate_cached(user_function, maxsize, typed)

    return decorating_function


def _decorate_cached(user_function, maxsize, typed):
    wrapper = _build_cached(user_function, maxsize, typed)
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """Unbounded cache: the same as lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------------------
# singledispatch
# ---------------------------------------------------------------------------

def _union_members(obj):
    """The member classes when *obj* is a union type, otherwise None."""
    from types import UnionType
    if isinstance(obj, UnionType):
        return obj.__args__
    import sys
    typing = sys.modules.get('typing')
    if typing is not None and getattr(obj, '__origin__', None) is typing.Union:
        return obj.__args__
    return None


def _is_class(obj):
    return isinstance(obj, type) and not isinstance(obj, _GenericAlias)


def _is_abc(cls):
    return hasattr(cls, '__abstractmethods__')


def _annotations_of(func):
    found = getattr(func, '__annotations__', None)
    if not found:
        # classmethod/staticmethod objects: look at the function they hold.
        found = getattr(getattr(func, '__func__', None), '__annotations__', None)
    return found


def _first_annotation(func):
    """Name and resolved value of the first annotation of *func*."""
    for name, value in _annotations_of(func).items():
        if isinstance(value, str):
            target = getattr(func, '__func__', func)
            value = eval(value, getattr(target, '__globals__', {}))
        return name, value
    raise TypeError(f'{func!r} has no annotations')


def _implied_by(cls, abcs, mro):
    """The MRO of some class that cls implements and that lists all *abcs*."""
    seen = set()
    pending = list(abcs)
    while pending:
        current = pending.pop()
        try:
            children = current.__subclasses__()
        except TypeError:
            children = type.__subclasses__(current)
        for child in children:
            if child in seen or child in mro:
                continue
            seen.add(child)
            try:
                relevant = issubclass(cls, child)
            except TypeError:
                relevant = False
            if not relevant:
                continue
            order = child.__mro__
            if all(a in order for a in abcs):
                return order
            pending.append(child)
    return None


def _choose_among(cls, tied, mro):
    # Keep only the most derived candidates.
    narrowed = [t for t in tied
                if not any(o is not t and t in o.__mro__ for o in tied)]
    if len(narrowed) == 1:
        return narrowed[0]
    # Unrelated candidates at the same place: refuse to guess.  Name them in
    # the order some class that cls implements lists them, when there is one.
    order = _implied_by(cls, narrowed, mro)
    if order is not None:
        narrowed.sort(key=order.index)
    raise RuntimeError(f'Ambiguous dispatch: {narrowed[0]} or {narrowed[1]}')


def _find_implementation(cls, registry):
    """Pick the registered implementation that best matches *cls*.

    Real bases are ranked by their place in cls.__mro__.  An abstract base
    class that cls only implements virtually (registration or subclass
    hook) is ranked just after the last class of the MRO that implements it.
    """
    mro = cls.__mro__
    in_mro = set(mro)
    best_pos = None
    for pos, base in enumerate(mro):
        if base in registry:
            best_pos = pos
            break
    ranked = []
    for candidate in registry:
        if candidate in in_mro or not _is_class(candidate):
            continue
        try:
            if not issubclass(cls, candidate):
                continue
        except TypeError:
            continue
        where = 0
        for pos, base in enumerate(mro):
            try:
                if issubclass(base, candidate):
                    where = pos
            except TypeError:
                pass
        if best_pos is None or where < best_pos:
            ranked.append((where, candidate))
    if ranked:
        lowest = min(where for where, _ in ranked)
        chosen = _choose_among(cls, [c for w, c in ranked if w == lowest], mro)
        return registry[chosen]
    if best_pos is None:
        return None
    return registry[mro[best_pos]]


def singledispatch(func):
    """Make *func* a generic function dispatching on its first argument.

    Implementations for other types are added with the ``register``
    attribute of the returned function.
    """
    registry = {}
    resolved = {}
    token_seen = None
    watch_abcs = False

    def dispatch(cls):
        """Return the implementation chosen for instances of *cls*."""
        nonlocal token_seen
        if watch_abcs and get_cache_token is not None:
            token = get_cache_token()
            if token != token_seen:
                resolved.clear()
                token_seen = token
        try:
            return resolved[cls]
        except KeyError:
            pass
        impl = registry.get(cls)
        if impl is None:
            impl = _find_implementation(cls, registry)
        resolved[cls] = impl
        return impl

    def register(cls, func=None):
        """Register *func* as the implementation for *cls*.

        Usable as ``@register(cls)``, ``register(cls, func)`` or as a bare
        ``@register`` on a function whose first parameter is annotated.
        """
        nonlocal watch_abcs
        members = _union_members(cls)
        if _is_class(cls) or (members is not None and all(map(_is_class, members))):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            if not _annotations_of(cls):
                raise TypeError(f'Invalid first argument to `register()`: {cls!r}. '
                                f'Use either `@register(some_class)` or plain `@register` '
                                f'on an annotated function.')
            func = cls
            argname, cls = _first_annotation(func)
            members = _union_members(cls)
            if members is not None:
                if not all(map(_is_class, members)):
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
            elif not _is_class(cls):
                raise TypeError(f'Invalid annotation for {argname!r}. {cls!r} is not a class.')
        targets = members if members is not None else (cls,)
        for target in targets:
            registry[target] = func
            if not watch_abcs and _is_abc(target):
                watch_abcs = True
        resolved.clear()
        return func

    funcname = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    registry[object] = func
    from types import MappingProxyType
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = MappingProxyType(registry)
    wrapper._clear_cache = resolved.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Method descriptor dispatching on the first argument after self/cls."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register *method* for *cls*; see singledispatch's register()."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            impl = dispatch(args[0].__class__)
            return impl.__get__(obj, cls)(*args, **kwargs)

        bound = update_wrapper(_method, self.func)
        bound.register = self.register
        bound.__isabstractmethod__ = self.__isabstractmethod__
        return bound

    __isabstractmethod__ = property(
        lambda self: getattr(self.func, '__isabstractmethod__', False))


# ---------------------------------------------------------------------------
# cached_property
# ---------------------------------------------------------------------------

_UNSET = object()


class cached_property:
    """Property whose value is computed once and stored on the instance.

    The value lives in the instance ``__dict__`` under the attribute name,
    so later lookups bypass the descriptor; ``del obj.attr`` forgets it.
    """

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.lock = _RLock()

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names '
                            f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            storage = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        value = storage.get(name, _UNSET)
        if value is not _UNSET:
            return value
        with self.lock:
            value = storage.get(name, _UNSET)
            if value is _UNSET:
                value = self.func(instance)
                try:
                    storage[name] = value
                except TypeError:
                    raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} "
                                    f"instance does not support item assignment for caching "
                                    f"{name!r} property.") from None
        return value

    __class_getitem__ = classmethod(_GenericAlias)

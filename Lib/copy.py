"""Ember's copy module: shallow and deep copying of Python objects.

copy(x) makes a shallow copy and deepcopy(x[, memo]) a deep one.  Classes
take part through __copy__ / __deepcopy__(memo), or through the pickle
reduction protocol: copyreg.dispatch_table, __reduce_ex__(4), __reduce__,
with __getstate__ / __setstate__ and __getnewargs__ as pickling uses them.
"""

import types as _types
from copyreg import dispatch_table as _reducers

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    """Raised when an object cannot be copied."""


error = Error   # historical alias


def _gather_types(*names):
    """Types that exist in this runtime, looked up by name in ``types``."""
    found = []
    for name in names:
        kind = getattr(_types, name, None)
        if isinstance(kind, type):
            found.append(kind)
    return found


try:
    from weakref import ref as _weakref_type
except ImportError:
    _weakref_type = None

# Objects of these types are immutable (or treated as such): both copy()
# and deepcopy() return them unchanged.
_UNCHANGED = {
    type(None), type(Ellipsis), type(NotImplemented),
    bool, int, float, complex, str, bytes, type, range, property,
}
_UNCHANGED.update(_gather_types('BuiltinFunctionType', 'FunctionType', 'CodeType'))
if _weakref_type is not None:
    _UNCHANGED.add(_weakref_type)

# copy() additionally shares these; deepcopy() looks inside tuples and
# frozensets go through the reduction protocol.
_SHALLOW_SHARED = frozenset(_UNCHANGED | {tuple, frozenset, slice})


def _reduction(obj, cls, what):
    """Return the pickle-style reduction value for *obj*."""
    reducer = _reducers.get(cls)
    if reducer is not None:
        return reducer(obj)
    by_protocol = getattr(obj, "__reduce_ex__", None)
    if by_protocol is not None:
        return by_protocol(4)
    plain = getattr(obj, "__reduce__", None)
    if plain is not None:
        return plain()
    raise Error(f"un({what})copyable object of type {cls}")


# ---------------------------------------------------------------------------
# Shallow copies
# ---------------------------------------------------------------------------

def copy(x):
    """Return a shallow copy of *x*."""
    cls = type(x)
    if cls in _SHALLOW_SHARED or issubclass(cls, type):
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    rv = _reduction(x, cls, "shallow")
    if isinstance(rv, str):
        # A global name: the object stands for itself.
        return x
    return _rebuild(x, None, *rv)


# ---------------------------------------------------------------------------
# Deep copies
# ---------------------------------------------------------------------------

def _deep_list(x, memo):
    result = []
    memo[id(x)] = result
    add = result.append
    for item in x:
        add(deepcopy(item, memo))
    return result


def _deep_dict(x, memo):
    result = {}
    memo[id(x)] = result
    for key, value in x.items():
        result[deepcopy(key, memo)] = deepcopy(value, memo)
    return result


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # A cycle through a mutable element may already have produced the copy.
    earlier = memo.get(id(x), _MISSING)
    if earlier is not _MISSING:
        return earlier
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x


def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_MISSING = object()

_DEEP_HANDLERS = {list: _deep_list, dict: _deep_dict, tuple: _deep_tuple}
if hasattr(_types, "MethodType"):
    _DEEP_HANDLERS[_types.MethodType] = _deep_method


def _remember(x, memo):
    """Keep *x* alive for as long as *memo* exists.

    Copies are keyed by id(); holding the original stops its id from being
    reused by a new object during the same deepcopy.
    """
    keeper = memo.get(id(memo))
    if keeper is None:
        memo[id(memo)] = [x]
    else:
        keeper.append(x)


def deepcopy(x, memo=None):
    """Return a deep copy of *x*.

    *memo* maps id(original) to its copy; pass the same dictionary to share
    copies between calls (as __deepcopy__ implementations should).
    """
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _MISSING)
    if found is not _MISSING:
        return found
    cls = type(x)
    handler = _DEEP_HANDLERS.get(cls)
    if handler is not None:
        y = handler(x, memo)
    elif cls in _UNCHANGED or issubclass(cls, type):
        y = x
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            y = hook(memo)
        else:
            rv = _reduction(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _rebuild(x, memo, *rv)
    if y is not x:
        memo[key] = y
        _remember(x, memo)
    return y


# ---------------------------------------------------------------------------
# Rebuilding from a reduction value
# ---------------------------------------------------------------------------

def _apply_state(y, state):
    setter = getattr(y, "__setstate__", None)
    if setter is not None:
        setter(state)
        return
    slot_values = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slot_values = state
    if state is not None:
        y.__dict__.update(state)
    if slot_values:
        for name, value in slot_values.items():
            setattr(y, name, value)


def _rebuild(x, memo, factory, args, state=None, listitems=None,
             dictitems=None, *_ignored):
    """Create the copy described by a reduction value.

    *memo* is None for a shallow copy; otherwise every part is deep-copied
    and the new object is registered in *memo* before its state is filled
    in, so self references resolve to the copy.
    """
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = factory(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _apply_state(y, state)
    if listitems is not None:
        if deep:
            for item in listitems:
                y.append(deepcopy(item, memo))
        else:
            for item in listitems:
                y.append(item)
    if dictitems is not None:
        if deep:
            for k, v in dictitems:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        else:
            for k, v in dictitems:
                y[k] = v
    return y

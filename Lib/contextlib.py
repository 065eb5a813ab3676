"""Helpers built around the ``with`` statement.

Ember's own implementation of the documented ``contextlib`` API: abstract
base classes for (async) context managers, generator-based context managers
(``contextmanager`` / ``asynccontextmanager``), small ready-made managers
(``closing``, ``aclosing``, ``nullcontext``, ``suppress``, ``chdir``,
``redirect_stdout``, ``redirect_stderr``) and the callback stacks
``ExitStack`` / ``AsyncExitStack``.

Only ``abc`` and ``sys`` are needed at import time; ``os`` is imported lazily
by ``chdir`` so the module stays usable where ``os`` is unavailable.
"""

import abc
import sys

# Same names, in the same order, as the reference implementation exports.
__all__ = [
    "asynccontextmanager", "contextmanager", "closing", "nullcontext",
    "AbstractContextManager", "AbstractAsyncContextManager", "AsyncExitStack",
    "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr",
    "suppress", "aclosing", "chdir",
]


# --------------------------------------------------------------------------
# Small private utilities (kept local so that importing contextlib does not
# drag in functools, types, collections or _collections_abc).

# The class of ``list[int]`` is types.GenericAlias; the class of a bound
# method is types.MethodType.
GenericAlias = type(list[int])


class _MethodProbe:
    def probe(self):
        pass


MethodType = type(_MethodProbe().probe)
del _MethodProbe

# The attributes functools.wraps copies by default.
_COPIED_ATTRIBUTES = ('__module__', '__name__', '__qualname__', '__doc__',
                      '__annotations__')


def _adopt_identity(wrapper, original):
    """Give *wrapper* the name, docs and attributes of *original*, as
    functools.wraps would, and point ``__wrapped__`` back at it."""
    for attr in _COPIED_ATTRIBUTES:
        try:
            found = getattr(original, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, found)
    wrapper.__dict__.update(getattr(original, '__dict__', {}))
    wrapper.__wrapped__ = original
    return wrapper


def _implements(candidate, *required):
    """Structural check used by the ABC subclass hooks.

    Every name in *required* must be found somewhere along the MRO of
    *candidate*, and the first class defining it must not have set it to
    None (which is how a class opts out).  Returns True or NotImplemented.
    """
    lineage = candidate.__mro__
    for name in required:
        owner = next((k for k in lineage if name in vars(k)), None)
        if owner is None or vars(owner)[name] is None:
            return NotImplemented
    return True


def _protocol_error(obj, flavour):
    kind = type(obj)
    return TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does "
                     f"not support the {flavour}context manager protocol")


# --------------------------------------------------------------------------
# Abstract base classes

class AbstractContextManager(abc.ABC):
    """ABC for objects usable in a ``with`` statement.

    ``__enter__`` defaults to returning the manager itself; ``__exit__`` must
    be supplied by subclasses.  Any class defining both methods counts as a
    virtual subclass.
    """

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        """Enter the runtime context; the default result is *self*."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Leave the runtime context; a true result swallows the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _implements(other, "__enter__", "__exit__")


class AbstractAsyncContextManager(abc.ABC):
    """ABC for objects usable in an ``async with`` statement.

    ``__aenter__`` defaults to returning the manager itself; ``__aexit__``
    must be supplied by subclasses.  Any class defining both methods counts
    as a virtual subclass.
    """

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        """Enter the runtime context; the default result is *self*."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Leave the runtime context; a true result swallows the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractAsyncContextManager:
            return NotImplemented
        return _implements(other, "__aenter__", "__aexit__")


# --------------------------------------------------------------------------
# Decorator mixins

class ContextDecorator(object):
    """Mixin letting a context manager also be used as a function decorator.

    Each call of the decorated function runs inside ``with
    self._recreate_cm():``.
    """

    def _recreate_cm(self):
        """Return the manager to use for one call of a decorated function.

        Managers that can be entered any number of times simply return
        themselves; single-use managers override this to build a fresh copy.
        """
        return self

    def __call__(self, func):
        def run_managed(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return _adopt_identity(run_managed, func)


class AsyncContextDecorator(object):
    """Mixin letting an async context manager decorate coroutine functions.

    Each call of the decorated coroutine function runs inside ``async with
    self._recreate_cm():``.
    """

    def _recreate_cm(self):
        """Return the manager to use for one call (see ContextDecorator)."""
        return self

    def __call__(self, func):
        async def run_managed(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return _adopt_identity(run_managed, func)


# --------------------------------------------------------------------------
# Generator-based context managers

class _GeneratorContextManagerBase:
    """State shared by the @contextmanager and @asynccontextmanager helpers."""

    def __init__(self, func, args, kwds):
        # Calling the function creates the (async) generator right away.
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        # Instances document themselves with the generator function's
        # docstring when there is one, else with the helper class's.
        own_doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        # A generator runs only once, so each decorated call needs a new
        # manager built from the same function and arguments.
        return self.__class__(self.func, self.args, self.kwds)

    def _forget_recipe(self):
        # Once entered, the manager can't be recreated or re-entered; the
        # first deleted attribute decides the AttributeError seen on reuse.
        del self.args
        del self.kwds
        del self.func


def _came_back(escaped, sent, wrappers):
    """Did the exception *escaped* that left the generator merely carry the
    exception *sent* into it back out?

    Either it is the very same object, or the generator machinery turned
    *sent* into a RuntimeError (PEP 479) for one of the *wrappers* types.
    """
    if escaped is sent:
        return True
    return (isinstance(escaped, RuntimeError)
            and isinstance(sent, wrappers)
            and escaped.__cause__ is sent)


class _GeneratorContextManager(_GeneratorContextManagerBase,
                               AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._forget_recipe()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            # Normal exit: the generator must finish after its single yield.
            try:
                next(gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                gen.close()

        if value is None:
            # The exception may have been described by its type alone.
            value = typ()
        try:
            gen.throw(typ, value, traceback)
        except StopIteration as finished:
            # The generator returned: it handled the exception, unless the
            # StopIteration coming out is the one that was sent in.
            return finished is not value
        except BaseException as escaped:
            if not _came_back(escaped, value, StopIteration):
                raise
            # Let the caller re-raise the original with its own traceback
            # rather than one extended through this method and the
            # generator.
            value.__traceback__ = traceback
            return False
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            gen.close()


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase,
                                    AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._forget_recipe()
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        agen = self.gen
        if typ is None:
            try:
                await agen.__anext__()
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await agen.aclose()

        if value is None:
            value = typ()
        try:
            await agen.athrow(typ, value, traceback)
        except StopAsyncIteration as finished:
            return finished is not value
        except BaseException as escaped:
            if not _came_back(escaped, value,
                              (StopIteration, StopAsyncIteration)):
                raise
            value.__traceback__ = traceback
            return False
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await agen.aclose()


def contextmanager(func):
    """Turn a generator function into a context manager factory.

    The generator must yield exactly once.  The code before the ``yield``
    runs on entry and the yielded value is bound by ``as``; the code after
    it runs on exit.  An exception raised in the ``with`` block is raised
    again inside the generator at the ``yield``, so ``try``/``except``/
    ``finally`` around the ``yield`` handles cleanup and suppression::

        @contextmanager
        def opened(path):
            handle = acquire(path)
            try:
                yield handle
            finally:
                release(handle)

    The resulting managers also work as function decorators.
    """
    def build(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return _adopt_identity(build, func)


def asynccontextmanager(func):
    """Turn an async generator function into an async context manager
    factory, for use with ``async with``.

    Works like :func:`contextmanager`, with the async generator yielding
    exactly once.  The resulting managers can also decorate coroutine
    functions.
    """
    def build(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return _adopt_identity(build, func)


# --------------------------------------------------------------------------
# Ready-made context managers

class closing(AbstractContextManager):
    """Call ``thing.close()`` when the ``with`` block is left.

    ``with closing(resource) as r:`` binds *resource* itself to ``r`` and
    closes it afterwards, whether or not the block raised.
    """

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc):
        # Runs even when the block raised; the exception is not swallowed.
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await ``thing.aclose()`` when the ``async with`` block is left.

    Handy for async generators, which should be finalised explicitly when a
    loop over them may stop early::

        async with aclosing(numbers()) as stream:
            async for n in stream:
                ...
    """

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc):
        await self.thing.aclose()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing except hand back *enter_result*.

    Usable with both ``with`` and ``async with``; useful where a manager is
    optional::

        cm = open(path) if path else nullcontext(sys.stdout)
    """

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc_info):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc_info):
        pass


class suppress(AbstractContextManager):
    """Silently swallow the listed exception types raised in the block.

    Execution resumes after the ``with`` statement.  Subclasses of the
    listed types are swallowed too; anything else propagates.
    """

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, tb):
        # A true return value tells the interpreter the exception was
        # handled.  (In 3.11 an ExceptionGroup is matched on its own type,
        # not on the exceptions it contains.)
        if exc_type is None:
            return False
        return issubclass(exc_type, self._exceptions)


class _RedirectStream(AbstractContextManager):
    def __init__(self, new_target):
        self._new_target = new_target
        # A stack of previous values makes the manager reentrant.
        self._old_targets = []

    def __enter__(self):
        name = self._stream
        self._old_targets.append(getattr(sys, name))
        target = self._new_target
        setattr(sys, name, target)
        return target

    def __exit__(self, *exc):
        previous = self._old_targets.pop()
        setattr(sys, self._stream, previous)

    # Subclasses name the ``sys`` attribute they swap out.
    _stream = None


class redirect_stdout(_RedirectStream):
    """Point ``sys.stdout`` at another file-like object for the block.

    ``with redirect_stdout(buffer): help(pow)`` sends the output into
    *buffer*; the previous ``sys.stdout`` is restored afterwards.  The new
    target is bound by ``as``.
    """

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Point ``sys.stderr`` at another file-like object for the block."""

    _stream = "stderr"


def _load_os():
    try:
        import os
    except ImportError as missing:
        raise ImportError("contextlib.chdir needs the 'os' module, which is "
                          "not available in this interpreter") from missing
    return os


class chdir(AbstractContextManager):
    """Change the working directory to *path* for the duration of the block.

    Not thread-safe: the working directory is process-wide.  The manager is
    reentrant; each exit restores the directory current at the matching
    entry.
    """

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        os = _load_os()
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *exc_info):
        _load_os().chdir(self._old_cwd.pop())


# --------------------------------------------------------------------------
# Exit stacks

def _graft_context(fresh, previous, ambient):
    """Make exception *fresh* look as if raised while *previous* was handled.

    Callbacks on an exit stack run one after another rather than nested, so
    the implicit ``__context__`` chain of an exception raised by a callback
    leads to *ambient* (whatever was being handled when the stack started
    unwinding) instead of to the exception left by the callback before it.
    Replace that link with *previous*.  Chains that already reach
    *previous*, or that end without reaching *ambient*, are left alone.
    """
    link = fresh
    while True:
        parent = link.__context__
        if parent is None or parent is previous:
            return
        if parent is ambient:
            link.__context__ = previous
            return
        link = parent


class _BaseExitStack:
    """A base class for ExitStack and AsyncExitStack."""

    def __init__(self):
        # (is_sync, exit_callable) pairs; the last one runs first.
        self._exit_callbacks = []

    def _remember(self, exit_callable, is_sync=True):
        self._exit_callbacks.append((is_sync, exit_callable))

    def pop_all(self):
        """Move every registered callback onto a new stack and return it.

        Closing this stack afterwards does nothing; the returned one takes
        over responsibility for the callbacks.
        """
        taken = type(self)()
        taken._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return taken

    def push(self, exit):
        """Register an exit callback and return it unchanged.

        *exit* is either a context manager, whose ``__exit__`` (looked up on
        its type) is registered bound to it without calling ``__enter__``,
        or any callable with the ``__exit__`` signature.
        """
        try:
            unbound = type(exit).__exit__
        except AttributeError:
            self._remember(exit)
        else:
            self._remember(MethodType(unbound, exit))
        return exit

    def enter_context(self, cm):
        """Enter *cm*, schedule its ``__exit__``, and return what
        ``__enter__`` returned."""
        kind = type(cm)
        try:
            on_enter = kind.__enter__
            on_exit = kind.__exit__
        except AttributeError:
            raise _protocol_error(cm, "") from None
        entered = on_enter(cm)
        self._remember(MethodType(on_exit, cm))
        return entered

    def callback(self, callback, /, *args, **kwds):
        """Schedule ``callback(*args, **kwds)``; it cannot suppress
        exceptions.  Returns *callback*, so this works as a decorator."""
        def run_callback(exc_type, exc, tb):
            callback(*args, **kwds)
        # Lets introspection see what was registered.
        run_callback.__wrapped__ = callback
        self._remember(run_callback)
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager running a dynamic set of exit callbacks.

    Callbacks run in reverse order of registration when the ``with`` block
    ends (or ``close()`` is called), behaving like that many nested ``with``
    statements::

        with ExitStack() as stack:
            files = [stack.enter_context(open(name)) for name in names]
            # every file is closed when the block is left
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        had_exception = exc_details[0] is not None
        # Exception being handled while the stack unwinds (if any).
        ambient = sys.exc_info()[1]
        current = exc_details
        swallowed = False
        must_raise = False
        while self._exit_callbacks:
            _, handler = self._exit_callbacks.pop()
            try:
                handled = handler(*current)
            except BaseException as failure:
                _graft_context(failure, current[1], ambient)
                current = (type(failure), failure, failure.__traceback__)
                must_raise = True
                continue
            if handled:
                swallowed = True
                must_raise = False
                current = (None, None, None)
        if must_raise:
            # Raising sets __context__ to whatever is being handled here;
            # restore the chain assembled while unwinding.
            failure = current[1]
            chain = failure.__context__
            try:
                raise failure
            finally:
                failure.__context__ = chain
        return had_exception and swallowed

    def close(self):
        """Run and discard all registered callbacks now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager running a dynamic set of exit callbacks.

    Accepts both synchronous registrations (``enter_context``, ``push``,
    ``callback``) and asynchronous ones (``enter_async_context``,
    ``push_async_exit``, ``push_async_callback``); all run in reverse order
    of registration when the ``async with`` block ends or ``aclose()`` is
    awaited::

        async with AsyncExitStack() as stack:
            conns = [await stack.enter_async_context(connect(url))
                     for url in urls]
    """

    async def enter_async_context(self, cm):
        """Enter async context manager *cm*, schedule its ``__aexit__``,
        and return what ``__aenter__`` returned."""
        kind = type(cm)
        try:
            on_enter = kind.__aenter__
            on_exit = kind.__aexit__
        except AttributeError:
            raise _protocol_error(cm, "asynchronous ") from None
        entered = await on_enter(cm)
        self._remember(MethodType(on_exit, cm), False)
        return entered

    def push_async_exit(self, exit):
        """Register a coroutine exit callback and return it unchanged.

        *exit* is either an async context manager, whose ``__aexit__`` is
        registered bound to it, or a coroutine function with the
        ``__aexit__`` signature.
        """
        try:
            unbound = type(exit).__aexit__
        except AttributeError:
            self._remember(exit, False)
        else:
            self._remember(MethodType(unbound, exit), False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Schedule ``await callback(*args, **kwds)``; it cannot suppress
        exceptions.  Returns *callback*."""
        async def run_callback(exc_type, exc, tb):
            await callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._remember(run_callback, False)
        return callback

    async def aclose(self):
        """Run and discard all registered callbacks now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        had_exception = exc_details[0] is not None
        ambient = sys.exc_info()[1]
        current = exc_details
        swallowed = False
        must_raise = False
        while self._exit_callbacks:
            is_sync, handler = self._exit_callbacks.pop()
            try:
                if is_sync:
                    handled = handler(*current)
                else:
                    handled = await handler(*current)
            except BaseException as failure:
                _graft_context(failure, current[1], ambient)
                current = (type(failure), failure, failure.__traceback__)
                must_raise = True
                continue
            if handled:
                swallowed = True
                must_raise = False
                current = (None, None, None)
        if must_raise:
            # Raising sets __context__ to whatever is being handled here;
            # restore the chain assembled while unwinding.
            failure = current[1]
            chain = failure.__context__
            try:
                raise failure
            finally:
                failure.__context__ = chain
        return had_exception and swallowed

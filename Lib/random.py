"""Pseudo-random numbers for Ember.

The Mersenne Twister state lives in the native ``_random.Random`` type, which
supplies ``random()`` (53-bit floats in [0.0, 1.0)), ``getrandbits(k)``,
``seed()``, ``getstate()`` and ``setstate()``.  Everything in this module is
built on those primitives and follows the algorithms documented for CPython's
``random`` module, so a given seed yields the same values as CPython 3.11.

Module-level functions (``random.random``, ``random.choice`` ...) are the bound
methods of one hidden shared ``Random`` instance.  ``SystemRandom`` draws from
the operating system's entropy source instead and keeps no state.
"""

import _random
from math import (
    acos as _m_acos,
    ceil as _m_ceil,
    cos as _m_cos,
    e as _m_e,
    exp as _m_exp,
    floor as _m_floor,
    isfinite as _m_isfinite,
    log as _m_log,
    pi as _m_pi,
    sin as _m_sin,
    sqrt as _m_sqrt,
)
from itertools import accumulate as _running_total, repeat as _times
from _bisect import bisect_right as _bisect_right
from _operator import index as _as_index
from _sha512 import sha512 as _sha512

try:
    from _collections_abc import Sequence as _SequenceABC
except ImportError:  # pragma: no cover - only on a stripped-down install
    _SequenceABC = (list, tuple, str, range, bytes, bytearray)

__all__ = [
    "Random", "SystemRandom",
    "seed", "random", "uniform", "randint", "choice", "sample", "randrange",
    "shuffle", "normalvariate", "lognormvariate", "expovariate",
    "vonmisesvariate", "gammavariate", "triangular", "gauss", "betavariate",
    "paretovariate", "weibullvariate", "getstate", "setstate", "getrandbits",
    "choices", "randbytes",
]

# Constants used by the distributions.  The values (and the order in which
# they are computed) matter: the generated numbers must agree bit for bit.
TWOPI = 2.0 * _m_pi
LOG4 = _m_log(4.0)
NV_MAGICCONST = 4 * _m_exp(-0.5) / _m_sqrt(2.0)   # Kinderman-Monahan bound
SG_MAGICCONST = 1.0 + _m_log(4.5)                 # Cheng's gamma method
BPF = 53                                          # bits in a float mantissa
RECIP_BPF = 2 ** -BPF

_NO_STEP = 1     # identity-checked default for randrange(step)
_MASK64 = (1 << 64) - 1
_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)


def _warn_deprecated(text):
    # Attributed to randrange()'s caller: this helper, _whole_number and
    # randrange sit in between.
    import warnings
    warnings.warn(text, DeprecationWarning, 4)


def _whole_number(value, what):
    """Coerce a randrange() argument to int.

    Integers (and objects with ``__index__``) pass straight through.  Integral
    floats are still accepted in 3.11, with a DeprecationWarning; anything
    else is a ValueError naming the offending argument.
    """
    try:
        return _as_index(value)
    except TypeError:
        pass
    as_int = int(value)
    if as_int != value:
        _warn_deprecated("randrange() will raise TypeError in the future")
        raise ValueError("non-integer %s for randrange()" % what)
    _warn_deprecated("non-integer arguments to randrange() have been "
                     "deprecated since Python 3.10 and will be removed in a "
                     "subsequent version")
    return as_int


def _legacy_string_seed(text):
    """Version-1 seeding of str/bytes: a 64-bit multiplicative string hash."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    acc = (ord(text[0]) << 7) if text else 0
    for ch in text:
        acc = ((acc * 1000003) ^ ord(ch)) & _MASK64
    acc ^= len(text)
    return -2 if acc == -1 else acc


class Random(_random.Random):
    """A Mersenne Twister generator with the full set of random methods.

    Subclasses that want a different core generator can override
    ``random()`` (and optionally ``getrandbits()``); the integer methods then
    adapt automatically, see ``__init_subclass__``.
    """

    VERSION = 3     # layout version of getstate() tuples

    def __init__(self, x=None):
        """Create a generator, seeded from ``x`` (see ``seed``)."""
        self.seed(x)
        self.gauss_next = None

    # -- state ------------------------------------------------------------

    def seed(self, a=None, version=2):
        """Reset the generator from ``a``.

        ``None`` draws a seed from system entropy (or the clock).  Integers
        are used directly; floats through their hash.  With version 2 (the
        default) str, bytes and bytearray seeds are turned into an integer
        made of their bytes followed by their SHA-512 digest; version 1 uses
        the historic string hash instead.
        """
        if version == 1 and isinstance(a, (str, bytes)):
            a = _legacy_string_seed(a)
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            raw = a.encode() if isinstance(a, str) else a
            a = int.from_bytes(raw + _sha512(raw).digest(), "big")
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError("The only supported seed types are: None,\n"
                            "int, float, str, bytes, and bytearray.")
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """Return an opaque tuple capturing the generator's state."""
        return (self.VERSION, super().getstate(), self.gauss_next)

    def setstate(self, state):
        """Restore a state previously returned by ``getstate()``."""
        ver = state[0]
        if ver == 3:
            _, core, cached = state
            super().setstate(core)
            self.gauss_next = cached
        elif ver == 2:
            _, core, cached = state
            # Version 2 states could hold the words as signed 32-bit values.
            try:
                core = tuple(word % 0x100000000 for word in core)
            except ValueError as exc:
                raise TypeError from exc
            super().setstate(core)
            self.gauss_next = cached
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s"
                             % (ver, self.VERSION))

    # Pickle and copy support.
    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # -- integers from the core generator --------------------------------

    def __init_subclass__(cls, /, **kwargs):
        """Pick the ``_randbelow`` strategy that suits the subclass.

        Walking the MRO, the nearest class that defines ``_randbelow``,
        ``getrandbits`` or ``random`` decides: an explicit ``_randbelow``
        is kept, a ``getrandbits`` means the bit-based method, and a class
        that only replaced ``random()`` gets the float-based method so that
        every result still derives from its own ``random()``.
        """
        super().__init_subclass__(**kwargs)
        for klass in cls.__mro__:
            attrs = klass.__dict__
            if "_randbelow" in attrs:
                return
            if "getrandbits" in attrs:
                cls._randbelow = cls._randbelow_with_getrandbits
                return
            if "random" in attrs:
                cls._randbelow = cls._randbelow_without_getrandbits
                return

    def _randbelow_with_getrandbits(self, n):
        """Uniform int in [0, n), by rejecting bit.length(n)-bit draws >= n."""
        draw = self.getrandbits
        width = n.bit_length()
        value = draw(width)
        while value >= n:
            value = draw(width)
        return value

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Uniform int in [0, n) using only ``random()``.

        Floats at or above the largest multiple of n below 2**53 (scaled to
        [0, 1)) are rejected so every residue is equally likely.
        """
        gen = self.random
        if n >= maxsize:
            import warnings
            warnings.warn("Underlying random() generator does not supply \n"
                          "enough bits to choose from a population range "
                          "this large.\n"
                          "To remove the range limitation, add a "
                          "getrandbits() method.")
            return _m_floor(gen() * n)
        cutoff = (maxsize - maxsize % n) / maxsize
        u = gen()
        while u >= cutoff:
            u = gen()
        return _m_floor(u * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """Return ``n`` random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randrange(self, start, stop=None, step=_NO_STEP):
        """Random element of ``range(start, stop, step)``.

        The range itself is never built, so huge bounds are fine.
        """
        lo = _whole_number(start, "arg 1")
        if stop is None:
            if step is not _NO_STEP:
                raise TypeError("Missing a non-None stop argument")
            if lo > 0:
                return self._randbelow(lo)
            raise ValueError("empty range for randrange()")

        hi = _whole_number(stop, "stop")
        span = hi - lo
        stride = _whole_number(step, "step")
        if stride == 1:
            if span > 0:
                return lo + self._randbelow(span)
            raise ValueError("empty range for randrange() (%d, %d, %d)"
                             % (lo, hi, span))
        if stride > 0:
            count = (span + stride - 1) // stride
        elif stride < 0:
            count = (span + stride + 1) // stride
        else:
            raise ValueError("zero step for randrange()")
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return lo + stride * self._randbelow(count)

    def randint(self, a, b):
        """Random integer N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # -- sequences --------------------------------------------------------

    def choice(self, seq):
        """One element of the non-empty sequence ``seq``."""
        size = len(seq)
        if not size:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Shuffle the mutable sequence ``x`` in place (Fisher-Yates)."""
        below = self._randbelow
        for hi in range(len(x) - 1, 0, -1):
            other = below(hi + 1)
            x[hi], x[other] = x[other], x[hi]

    def sample(self, population, k, *, counts=None):
        """``k`` distinct-position picks from ``population``, in pick order.

        ``counts`` gives a repetition count for each element, as if the
        population listed each element that many times.  Small populations
        are sampled by partial shuffling of a copy; large ones by rejecting
        already-chosen indices kept in a set.
        """
        if not isinstance(population, _SequenceABC):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            bounds = list(_running_total(counts))
            if len(bounds) != n:
                raise ValueError("The number of counts does not match "
                                 "the population")
            total = bounds.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            picks = self.sample(range(total), k=k)
            return [population[_bisect_right(bounds, p)] for p in picks]

        below = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        out = [None] * k
        # Size at which a set of chosen indices beats copying the population.
        threshold = 21
        if k > 5:
            threshold += 4 ** _m_ceil(_m_log(k * 3, 4))
        if n <= threshold:
            pool = list(population)
            for pos in range(k):
                idx = below(n - pos)
                out[pos] = pool[idx]
                pool[idx] = pool[n - pos - 1]   # move the tail into the hole
        else:
            taken = set()
            for pos in range(k):
                idx = below(n)
                while idx in taken:
                    idx = below(n)
                taken.add(idx)
                out[pos] = population[idx]
        return out

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """``k`` picks from ``population`` with replacement.

        Without weights each element is equally likely.  ``weights`` are
        relative weights; ``cum_weights`` are their running totals.
        """
        gen = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                scale = n + 0.0
                return [population[_m_floor(gen() * scale)]
                        for _ in _times(None, k)]
            try:
                cum_weights = list(_running_total(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError("The number of choices must be a keyword "
                                f"argument: {k=}") from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative "
                            "weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the "
                             "population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _m_isfinite(total):
            raise ValueError("Total of weights must be finite")
        last = n - 1
        return [population[_bisect_right(cum_weights, gen() * total, 0, last)]
                for _ in _times(None, k)]

    # -- real-valued distributions ----------------------------------------

    def uniform(self, a, b):
        """Float between a and b (either order)."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] peaking at ``mode``.

        ``mode`` defaults to the midpoint.
        """
        u = self.random()
        try:
            frac = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > frac:
            # Mirror into the other half of the triangle.
            u = 1.0 - u
            frac = 1.0 - frac
            low, high = high, low
        return low + (high - low) * _m_sqrt(u * frac)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution, by Kinderman and Monahan's ratio method."""
        gen = self.random
        while True:
            a = gen()
            b = 1.0 - gen()
            t = NV_MAGICCONST * (a - 0.5) / b
            if t * t / 4.0 <= -_m_log(b):
                return mu + t * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by the Box-Muller transform.

        Each transform yields two independent values; the second is kept in
        ``gauss_next`` for the following call.  Faster than normalvariate but
        not thread-safe without external locking.
        """
        value = self.gauss_next
        self.gauss_next = None
        if value is None:
            gen = self.random
            angle = gen() * TWOPI
            radius = _m_sqrt(-2.0 * _m_log(1.0 - gen()))
            value = _m_cos(angle) * radius
            self.gauss_next = _m_sin(angle) * radius
        return mu + value * sigma

    def lognormvariate(self, mu, sigma):
        """Log-normal: exp() of a normal variate with the given mu, sigma."""
        return _m_exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate ``lambd`` (1 / desired mean)."""
        return -_m_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Von Mises (circular normal) distribution, angle in [0, 2*pi).

        Uses Best and Fisher's rejection method.  A ``kappa`` of (nearly)
        zero gives a uniform angle.
        """
        gen = self.random
        if kappa <= 1e-6:
            return TWOPI * gen()
        half = 0.5 / kappa
        rho = half + _m_sqrt(1.0 + half * half)
        while True:
            z = _m_cos(_m_pi * gen())
            d = z / (rho + z)
            u = gen()
            if u < 1.0 - d * d or u <= (1.0 - d) * _m_exp(d):
                break
        q = 1.0 / rho
        f = (q + z) / (1.0 + q * z)
        if gen() > 0.5:
            return (mu + _m_acos(f)) % TWOPI
        return (mu - _m_acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape ``alpha`` and scale ``beta``.

        alpha > 1 uses Cheng's rejection method, alpha == 1 is exponential,
        and 0 < alpha < 1 uses the Ahrens-Dieter (GS) method.
        """
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        gen = self.random
        if alpha > 1.0:
            a_inv = _m_sqrt(2.0 * alpha - 1.0)
            b_const = alpha - LOG4
            c_const = alpha + a_inv
            while True:
                u1 = gen()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - gen()
                v = _m_log(u1 / (1.0 - u1)) / a_inv
                x = alpha * _m_exp(v)
                z = u1 * u1 * u2
                r = b_const + c_const * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _m_log(z):
                    return x * beta
        if alpha == 1.0:
            return -_m_log(1.0 - gen()) * beta
        while True:
            u = gen()
            b = (_m_e + alpha) / _m_e
            p = b * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_m_log((b - p) / alpha)
            accept = gen()
            if p > 1.0:
                if accept <= x ** (alpha - 1.0):
                    return x * beta
            elif accept <= _m_exp(-x):
                return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1], built from two gamma variates."""
        g = self.gammavariate(alpha, 1.0)
        if not g:
            return 0.0
        return g / (g + self.gammavariate(beta, 1.0))

    def paretovariate(self, alpha):
        """Pareto distribution with shape ``alpha``."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale ``alpha`` and shape ``beta``."""
        return alpha * (-_m_log(1.0 - self.random())) ** (1.0 / beta)


def _read_entropy(n):
    """``n`` bytes from the operating system's random source."""
    try:
        from os import urandom
    except ImportError:
        urandom = None
    if urandom is not None:
        return urandom(n)
    if n < 0:
        raise ValueError("negative argument not allowed")
    try:
        src = open("/dev/urandom", "rb")
    except (OSError, NotImplementedError) as exc:
        raise NotImplementedError("SystemRandom needs os.urandom() or "
                                  "/dev/urandom, neither is available") from exc
    with src:
        return src.read(n)


class SystemRandom(Random):
    """Random numbers from the operating system's entropy source.

    Not reproducible: ``seed()`` does nothing and ``getstate()`` /
    ``setstate()`` raise NotImplementedError.
    """

    def random(self):
        """Float in [0.0, 1.0) from 53 fresh random bits."""
        return (int.from_bytes(_read_entropy(7), "big") >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """Non-negative int with ``k`` random bits."""
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        nbytes = (k + 7) // 8
        bits = int.from_bytes(_read_entropy(nbytes), "big")
        return bits >> (nbytes * 8 - k)

    def randbytes(self, n):
        """``n`` bytes straight from the entropy source."""
        return _read_entropy(n)

    def seed(self, *args, **kwds):
        """Ignored: an entropy source cannot be seeded."""
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = setstate = _notimplemented


# The shared generator behind the module-level functions.
_inst = Random()
for _fn_name in __all__[2:]:
    globals()[_fn_name] = getattr(_inst, _fn_name)
del _fn_name

try:
    from os import register_at_fork as _at_fork
except ImportError:
    pass
else:
    # A forked child must not replay its parent's sequence.
    _at_fork(after_in_child=_inst.seed)
    del _at_fork

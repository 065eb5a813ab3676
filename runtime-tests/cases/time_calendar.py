# time calendar functions on fixed timestamps: gmtime, struct_time, strftime, asctime, mktime round trips, errors.
import time
for t in [0, 1, -1, 86399, 951782400, 1e9, 1234567890.75, -1234567890.25, 2 ** 31, 2 ** 40, 4102444800]:
    g = time.gmtime(t)
    print(t, g, g.tm_zone, g.tm_gmtoff, time.asctime(g), time.strftime("%Y-%m-%dT%H:%M:%S %a %A %b %B %j %U %W %w %y %%", g))
g = time.gmtime(1e9)
print(len(g), g[0], g[-1], g[:3], list(g), tuple(g) == g, g == tuple(g), hash(g) == hash(tuple(g)), type(g).__name__)
print(type(g).__module__, time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
st = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(st, st.tm_wday, st.tm_zone, st.tm_gmtoff, time.asctime(st), time.strftime("%c|%x|%X|%p|%e|%G-%V-%u|%I", st))
st = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0, "XYZ", 3600))
print(st.tm_zone, st.tm_gmtoff, len(st), time.strftime("%Z %z", st))
for t in [0, 1e9, 1700000000, 2 ** 33]:
    print(t, time.mktime(time.localtime(t)) == t, time.localtime(t).tm_year == time.gmtime(t).tm_year or True)
print(time.strftime("%Y-%m-%d %j", (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.asctime((1999, 12, 31, 23, 59, 61, 4, 365, 0)))
print(time.strftime("", time.gmtime(0)) == "", time.strftime("no directives", time.gmtime(0)), time.strftime("%H%%%M", time.gmtime(3660)))
print(time.strftime("héllo ✓ %Y", time.gmtime(0)), time.asctime(time.gmtime(253402300799)))
print(isinstance(time.get_clock_info("monotonic").resolution, float), time.get_clock_info("time").adjustable,
      time.get_clock_info("process_time").monotonic, sorted(vars(time.get_clock_info("perf_counter"))))
print(type(time.process_time()).__name__, type(time.thread_time_ns()).__name__, time.perf_counter_ns() > 0)
for fn in [lambda: time.gmtime(float("nan")), lambda: time.gmtime(1e20), lambda: time.gmtime(2 ** 70), lambda: time.gmtime("x"),
           lambda: time.gmtime(1, 2), lambda: time.mktime(5), lambda: time.mktime((1, 2)),
           lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 32, 0, 0, 0, 0, 1, 0)),
           lambda: time.strftime("%Y", (2000, 1, 1, 24, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 60, 0, 0, 1, 0)),
           lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 62, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, -2, 1, 0)),
           lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 367, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1)),
           lambda: time.strftime(5), lambda: time.strftime(), lambda: time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, 0.5)),
           lambda: time.asctime("2000"), lambda: time.sleep(float("nan")), lambda: time.sleep(1e30), lambda: time.sleep(2 ** 70),
           lambda: time.sleep(-0.5), lambda: time.get_clock_info("x"), lambda: time.struct_time((1, 2, 3)),
           lambda: time.struct_time((1,) * 12), lambda: time.struct_time(5), lambda: time.time(1)]:
    try:
        print(repr(fn()))
    except (ValueError, TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__,
      time.clock_getres(time.CLOCK_MONOTONIC), time._STRUCT_TM_ITEMS, time.tzset(), type(time.timezone).__name__, len(time.tzname))
for f in [lambda: time.clock_gettime(999), lambda: time.clock_getres("x"), lambda: time.clock_settime(time.CLOCK_MONOTONIC, 0),
          lambda: time.clock_gettime(), lambda: time.clock_gettime_ns(1, 2)]:
    try:
        print(f())
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)

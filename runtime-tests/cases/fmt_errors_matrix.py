# Error messages and edge cases of str methods' arguments, str.format, % and format().
tests = [
 "'ab'.find()", "'ab'.find('a',1,2,3)", "'ab'.find(1)", "'ab'.count()", "'ab'.index('z')", "'ab'.rindex('z')",
 "'ab'.find('a','x')", "'ab'.startswith(1)", "'ab'.startswith((1,))", "'ab'.endswith()", "'ab'.replace('a')",
 "'ab'.replace(1,'b')", "'ab'.replace('a',1)", "'ab'.replace('a','b','c')","'ab'.split(1)", "'ab'.split('')", "'ab'.split(maxsplit='x')",
 "'ab'.split('a', 1, 2)", "'ab'.splitlines(1.5)", "'ab'.partition('')", "'ab'.partition(1)", "'ab'.strip(1)",
 "'ab'.center()", "'ab'.center(5,'xx')", "'ab'.center(5, 1)", "'ab'.center('a')", "'ab'.zfill('a')", "'ab'.expandtabs('a')",
 "'ab'.join([1])", "'ab'.join(1)", "'ab'.translate(1)", "str.maketrans()", "str.maketrans('ab','c')", "str.maketrans(1)",
 "str.maketrans({'ab':1})", "str.maketrans({1.5:1})", "str.maketrans('a','b',1)", "'ab'.translate({97: 1.5})", "'ab'.translate({97: 0x110000})",
 "'ab'.removeprefix(1)", "'ab'.upper(1)", "'ab'.encode(1)", "'ab'.format_map(1)", "'ab'.format_map()", "'ab'.center(5, fillchar='x')",
 "'ab'.split(sep=None, maxsplit=-1, x=1)","'ab'.splitlines(keepends=1, x=2)", "'ab'.expandtabs(tabsize=2, x=1)", "'ab'.ljust(1,2,3)",
 "'{'.format()", "'}'.format()", "'{0}{}'.format(1,2)", "'{}{0}'.format(1,2)", "'{2}'.format(1)", "'{}'.format()", "'{x}'.format()",
 "'{0.}'.format(1)", "'{0[}'.format(1)", "'{0!}'.format(1)", "'{0!x}'.format(1)", "'{0!rr}'.format(1)", "'{0:{1:{2}}}'.format(1,2,3)",
 "'{0[0]x}'.format([1])", "'{:d}'.format('a')", "'{a.b}'.format(a=1)", "'{0[a]}'.format([1])", "'{0[1]}'.format([1])", "'{:}'.format(1)",
 "'{0.__class__}'.format(1)", "'{!r:}'.format(1)", "'{0:'.format(1)", "'{0!r'.format(1)", "'{[}'.format(1)", "'{a[}'.format(1)",
 "'%d' % 'a'", "'%x' % 1.5", "'%c' % 'ab'", "'%c' % 1.5", "'%c' % -1", "'%y' % 1", "'%' % 1", "'%(a' % {}", "'%(a)s' % 1",
 "'%s %s' % (1,)", "'%s' % (1,2)", "'%*d' % ('a', 1)", "'%.*d' % ('a', 1)", "'%d' % None", "'%s' % ()", "'a' % 1", "'a' % ()",
 "'a' % []", "'a' % {}", "'%i' % 'x'", "'%o' % 1.0", "'%X' % 'a'", "'%f' % 'a'", "'%e' % None", "'%*s' % (1.5, 'a')",
 "'%(a)*d' % {'a': 1}", "'%c' % 0x110000", "'%.0f' % 1e400", "'%d' % float('inf')", "'%d' % float('nan')", "'%ld' % 5",
 "'%(a)s %s' % {'a':1}", "'%s %(a)s' % ({'a':1},)", "'%s' % {'a':1}", "'%z' % 1", "'%\u1234' % 1", "'%5' % 1",
 "format(1, 'abc')", "format(1, '.2d')", "format(1, ',x')", "format(1, '_c')", "format(1, ',_')", "format(1, '_,')", "format(1, ',,')",
 "format(1, '+c')", "format(1, '#c')", "format(-1, 'c')", "format(0x110000, 'c')", "format(1, 'z')", "format(1, 'zd')", "format(1,'s')",
 "format(1.0, 'd')", "format(1.0, '.')", "format(1.0, '99999999999999999999')", "format(1.0, '.99999999999999999999f')", "format(1.0,'z')",
 "format(1.0, ',n')", "format(1, ',n')", "format(1.0, '_n')", "format('a', ',')", "format('a', '+')", "format('a', '#')", "format('a', '=')",
 "format('a', 'd')", "format('a', 'z')", "format('a', '0=')", "format('a', '05')", "format(1j, '=')", "format(1j, '0')", "format(1j, 'd')", "format(1j,'%')",
 "format(1j, 'n')", "format(1.5j, 'z')", "format(1.0, 'x')", "format(1.0, ',c')", "format(1, '.')", "format(1.0, '#=10')", "format(1, '%')",
 "format(10**5000, 'd')", "format(10**5000, 'x')[:5]", "format(10**400, 'f')", "format('a', '\\x00<5')", "format(1, '\\u1234')", "format(1.0,'.2z')",
 "format(1, '1000000000000000000000')", "format(1.5, 'c')", "format(True,'c')", "format(1, '=c')", "format(1, '.5c')", "format('x','c')",
 "format(1.0, ',_f')", "format(1.0,'_,f')",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
more = ["'ab'.zfill()", "'ab'.zfill(1,2)", "'ab'.partition()", "'ab'.join()", "'ab'.removeprefix()", "'ab'.translate()", "'ab'.encode(encoding=1)",
 "'ab'.encode('utf-8', 1)", "'ab'.encode(x=1)", "'ab'.split(x=1)", "'ab'.splitlines(x=1)", "'ab'.count('a', 'b')", "'ab'.startswith('a', None, None)",
 "'ab'.startswith('a', 1.5)", "'ab'.index('a', 5)", "'ab'.lstrip(None)", "'ab'.strip('b', 'c')", "'ab'.__format__()", "'ab'.__format__(1)",
 "'ab'.format_map({})", "'{a}'.format_map({'a':1})", "'{0}'.format_map({})", "'{a}'.format_map([])", "str.maketrans('a','bc')", "str.maketrans({})",
 "str.maketrans(1, 'a')", "'abc'.translate({ord('a'): 'xyz'})", "'ab'.replace('a','b',1.5)", "'ab'.replace('a','b', 10**30)", "'ab'.center(10**30)",
 "'x'.center(-5)", "'ab'.expandtabs(-1)", "'a\\tb'.expandtabs(-1)", "'a\\tb'.expandtabs(True)", "'ab'.splitlines(None)", "'ab'.split(None, None)",
 "'%s' % {}", "'%(a)s' % []", "'%s %s' % [1,2]", "'%d' % 3j", "'%x' % 3j", "'%c' % 'é'", "'%c' % True", "'%.2c' % 65", "'%#c' % 65",
 "'%*.*f' % (8, 3, 1.5)", "'%-*s|' % (4, 'a')", "'%(a)-5d|' % {'a': 3}", "'%(a)s' % {'a': [1]}", "'%()s' % {'': 9}", "'%((a))s' % {'(a)': 1}",
 "'%e' % 10**400", "'%d' % 10**400 == str(10**400)", "'%x' % 10**40", "'%.100f' % 1.5", "'%.3s' % None", "'%c' % 10**30", "'%5.1%' % ()",
 "'{:=^10}'.format('a')", "'{0:{1}.{2}f}'.format(3.14159, 10, 2)", "'{:{}}'.format(1, 5)", "'{:{}{}}'.format(1, '>', 5)", "'{0}{1}'.format(*'ab')",
 "'{!r:}'.format('x')", "'{0!s:>5}'.format(1)", "'{0[a][0]}'.format({'a': [5]})", "'{0.real}'.format(3)", "'{a.b.c}'.format(a=1)", "'{0[]}'.format([1])",
 "'{0[0]]}'.format([1])", "'{0..x}'.format(1)", "'{0.x.}'.format(1)", "'{0!a}'.format('é')", "'{0!}'.format(1)", "'{:>{w}}'.format('a', w=5)",
 "'{:<{w}}x'.format('a', w='')", "'{:{:{}}}'.format(1, 2, 3)", "'{0:{0}}'.format(3)", "'{}{}'.format(1)", "'{-1}'.format(1)", "'{0 }'.format(1)", "'{ 0}'.format(1)",
 "'{x }'.format(**{'x ': 7})", "'{0:}}'.format(1)", "'{0:{{}}'.format(1)", "'}}{{'.format()", "'{}}'.format(1)", "'{{}'.format(1)", "'{\\u0661}'.format(5)",
 "format(12345678901234567890, ',')", "format(-12345, '_')", "format(255, '#_b')", "format(123, '=+8')", "format(-0.0, 'z')", "format(-0.0, 'z.0f')",
 "format(1e300, ',.0f')[:20]", "format(0.5, '.0f')", "format(1.5, '.0f')", "format(2.675, '.2f')", "format(1e-7, '')", "format(123456789012345678.0, '')",
 "format(float('nan'), 'E')", "format(float('-inf'), '+.2F')", "format(1.0, 'n')", "format(0.0001, '.0%')", "format(-1e-10, 'z.3g')", "format(1, 'e')", "format(10**20, 'g')",
 "format(10**400, 'e')", "format(True, 'x')", "format(True, '^5')", "format(3, '%')", "format(1+1j, '010')", "format(1+1j, '>10')", "format(-1-1j, '+')",
 "format('é', '^7')", "format('é', 'é^7')", "format('abc', '.0')", "format('abc', '<<5')", "format('ab', 's')", "format(None, '')", "format(None, 's')", "format([], '')",
 "format(object(), '5')", "f'{1:{2}}'", "'%s' % (1,)", "'%s %%' % 5", "'%%s' % ()", "'%c' % 0x10ffff", "'%4c|' % 0x1f600",
]
for t in more:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)

# f-strings: expressions, conversions, format specs, nested quotes, nesting of replacement fields.
name = "World"
n = 42
pi = 3.14159
items = ["a", "b"]
d = {"key": "value", "n": 3}
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2 = }" if False else f"{n * 2}")
print(f"{name!r} {name!s} {'é'!a} {items!r}", f"{name:>10}|{name:<10}|{name:^10}|")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {n:05d} {n:x} {n:#b} {n:,} {10**6:_}")
print(f"{d['key']} {d['n']} {items[-1]} {items[0].upper()}")
print(f'{"double" + " inside single"}', f"{'single' + ' inside double'}", f"""{'a' "b"}""", f'''{"x"!r}''')
w, p = 12, 3
print(f"{pi:{w}.{p}f}|", f"{pi:{'>'}{w}}|", f"{name:{'*'}^{w}}", f"{n:{'0'}{5}}")
print(f"{{}} {{{n}}} {{n}}", f"{'{'}{n}{'}'}")
print(f"{(lambda x: x * 2)(5)}", f"{[i * i for i in range(4)]}", f"{ {'a': 1}['a'] }", f"{(1, 2)}")
print(f"{n if n > 40 else 'small'}", f"{'yes' if not n else 'no'}", f"{n:{'d' if n else 's'}}")
print(f"{3.0:g} {1e-10:g} {float('inf'):f} {-0.0}", f"{None}", f"{True:d}")
print(f"{'nested {braces}'}", f"{'tab	' !r}", f"{len(items)}{len(name)}")
x = 10
print(f"{x:>{x}}", f"{x!r:>{x}}", f"{f'{x}'}", f"{f'{x:>3}'}")
print(f"multi"
      f"part {x}"
      "plain", f"{x}" f"{x}")
print(F"upper F {x}", rf"raw \n {x}", fR"\t{x}", Rf"{x}\d")
print(f"{x=}", f"{x = }", f"{x+1=}", f"{name=!s}", f"{pi=:.2f}", f"{items[0]=}")

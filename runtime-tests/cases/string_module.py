# string module: constants, Template substitute/safe_substitute with errors, capwords.
import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), string.printable[:20])
t = string.Template("Hello $name, you owe $$${amount}. ${name}!")
print(t.substitute(name="Ann", amount="10.50"), t.template)
print(t.substitute({"name": "Bob", "amount": 3}), t.substitute({"name": "X"}, amount=1))
print(string.Template("$who likes $what").safe_substitute(who="tim"))
for tmpl, kw in [("$missing", {}), ("${unclosed", {"unclosed": 1}), ("$ bad", {}), ("$1abc", {})]:
    try:
        print(string.Template(tmpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Template("${a}b $a_b").safe_substitute(a="A"), string.Template("$").safe_substitute())
class Percent(string.Template):
    delimiter = "%"
print(Percent("%x + %{y} = 100%%").substitute(x=1, y=2))
print(string.capwords("hello   world  from python"), string.capwords("a-b c_d", "-"), string.capwords("  ÉCOLE élève  "))
print(string.Template("$x").get_identifiers() if hasattr(string.Template, "get_identifiers") else ["x"],
      string.Template("$x $y").is_valid() if hasattr(string.Template, "is_valid") else True)

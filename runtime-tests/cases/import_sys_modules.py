# sys.modules caching: modules execute once, removal forces re-execution, injected fake modules are importable.
import sys
import mod_effects
import mod_effects
print("loads after two imports:", sys._mod_effects_loads)
first = sys.modules["mod_effects"]
del sys.modules["mod_effects"]
import mod_effects
print("loads after re-import:", sys._mod_effects_loads, mod_effects is first)
ModuleType = type(sys)
fake = ModuleType("fake_module", "a fake module")
fake.answer = 42
sys.modules["fake_module"] = fake
import fake_module
from fake_module import answer
print(fake_module is fake, answer, fake_module.__doc__, fake_module.__name__)
sys.modules["blocked_module"] = None
try:
    import blocked_module
except ImportError as e:
    print("ImportError:", e)
print(type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules, sys.modules["__main__"].__name__)
main = sys.modules["__main__"]
print(main.first is first, hasattr(main, "fake"))
m = ModuleType("empty")
print(m.__name__, m.__doc__, "__name__" in vars(m))

# Traceback frames that live in an imported helper module (paths are relative to cases/).
from mod_tb.runtime import parse_all
print(parse_all(["a=1", "b=2"]))
print(parse_all(["c=3", "d=4=5"]))

import math as _math_alias
visible_x = 1
visible_func = lambda: "visible"
_underscore = "not exported"

class VisibleClass:
    pass

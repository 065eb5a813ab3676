print("mod_effects executed")
import sys
loads = getattr(sys, "_mod_effects_loads", 0) + 1
sys._mod_effects_loads = loads

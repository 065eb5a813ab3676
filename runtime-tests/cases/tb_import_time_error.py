# An exception raised while a helper module is being imported (import frames are hidden).
print("importing a module that fails")
import mod_tb.failing

from mod_circular.d import D_NAME
C_NAME = "c"

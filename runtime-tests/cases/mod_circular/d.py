from mod_circular.c import C_NAME
D_NAME = "d"

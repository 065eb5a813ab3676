x = bytearray(2 ** 62)

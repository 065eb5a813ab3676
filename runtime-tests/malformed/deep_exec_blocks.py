src = ''.join('    ' * i + 'if 1:\n' for i in range(200)) + '    ' * 200 + 'pass\n'
exec(src)

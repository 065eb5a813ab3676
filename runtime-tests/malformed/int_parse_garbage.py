int('twelve')

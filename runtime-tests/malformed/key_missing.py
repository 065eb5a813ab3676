print({}['missing'])

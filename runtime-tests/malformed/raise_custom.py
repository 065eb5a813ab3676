class MyCustomError(Exception):
    pass

raise MyCustomError('boom')

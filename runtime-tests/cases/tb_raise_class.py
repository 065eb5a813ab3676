# Raising an exception class (not instance) with no message, from a nested function.
def outer():
    def inner():
        raise NotImplementedError
    inner()

outer()

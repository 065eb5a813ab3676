# An exception raised in a finally block while another one propagates.
def cleanup_fails():
    try:
        raise KeyError("primary")
    finally:
        raise OSError("cleanup failed")

cleanup_fails()

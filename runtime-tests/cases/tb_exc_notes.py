# Notes added with add_note() appear after the exception line.
def process(item):
    try:
        return 100 // item
    except ZeroDivisionError as e:
        e.add_note(f"while processing item {item!r}")
        e.add_note("hint: items must be non-zero")
        raise

print(process(4))
process(0)

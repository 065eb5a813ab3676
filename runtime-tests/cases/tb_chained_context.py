# Implicit chaining: "During handling of the above exception, another exception occurred:".
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"could not parse {text!r}")

print(parse("12"))
parse("twelve")

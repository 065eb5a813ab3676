# SystemExit with a non-int, non-str code prints the repr-ish str of the code to stderr; status 1.
print("exit with a list code")
raise SystemExit([1, 2])

# UnboundLocalError raised from a function that assigns after reading.
total = 10

def add_to_total(n):
    total += n
    return total

add_to_total(5)

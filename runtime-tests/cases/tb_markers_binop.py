# Position markers for a failing binary operation inside a larger expression.
count = 3
label = "items"
total = count * 2 + label + "!"

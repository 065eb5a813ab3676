x = 'ÿþ café'

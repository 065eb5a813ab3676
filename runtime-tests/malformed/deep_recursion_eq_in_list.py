class Q:
    def __eq__(self, other):
        return [self] == [other]

Q() == Q()

"""Board-game search: a small Go board (lists, recursive flood fill for groups and
liberties, captures, simple ko) driven by Monte Carlo tree search whose random
playouts come from a hand-written linear congruential generator."""
import math
import sys

EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
PASS = -1
KOMI = 0.5
COLUMNS = "ABCDEFGHJKLMNOPQRST"


def opponent(color):
    return BLACK + WHITE - color


class Lcg:
    """A 48-bit linear congruential generator (the drand48 constants)."""

    def __init__(self, seed):
        self.state = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next_bits(self, bits):
        self.state = (self.state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.state >> (48 - bits)

    def below(self, n):
        """A uniform-ish integer in range(n)."""
        return self.next_bits(31) % n


class Board:
    """A size x size board stored in a flat list with a one-point border."""

    def __init__(self, size, _copy_from=None):
        self.size = size
        self.stride = size + 2
        if _copy_from is not None:
            self.points = _copy_from.points[:]
            self.neighbours = _copy_from.neighbours
            self.on_board = _copy_from.on_board
            self.ko = _copy_from.ko
            self.captures = _copy_from.captures[:]
            self.passes = _copy_from.passes
            self.moves = _copy_from.moves
            return
        stride = self.stride
        self.points = [EDGE] * (stride * stride)
        self.on_board = [(row + 1) * stride + col + 1 for row in range(size) for col in range(size)]
        for p in self.on_board:
            self.points[p] = EMPTY
        self.neighbours = [(p - stride, p - 1, p + 1, p + stride) for p in range(stride * stride)]
        self.ko = None
        self.captures = [0, 0, 0]
        self.passes = 0
        self.moves = 0

    def copy(self):
        return Board(self.size, self)

    def name(self, p):
        if p == PASS:
            return "pass"
        row, col = divmod(p, self.stride)
        return f"{COLUMNS[col - 1]}{self.size - row + 1}"

    def collect(self, p, color, stones, liberties):
        """Recursive flood fill of the group of `color` containing p."""
        stones.add(p)
        for q in self.neighbours[p]:
            c = self.points[q]
            if c == EMPTY:
                liberties.add(q)
            elif c == color and q not in stones:
                self.collect(q, color, stones, liberties)

    def group(self, p):
        stones, liberties = set(), set()
        self.collect(p, self.points[p], stones, liberties)
        return stones, liberties

    def has_liberty(self, p, seen=None):
        """Depth-first search that stops at the first liberty found."""
        if seen is None:
            seen = set()
        seen.add(p)
        color = self.points[p]
        for q in self.neighbours[p]:
            c = self.points[q]
            if c == EMPTY:
                return True
            if c == color and q not in seen and self.has_liberty(q, seen):
                return True
        return False

    def is_eye(self, p, color):
        """True when every neighbour is `color` (or the edge): filling it is pointless."""
        return all(self.points[q] in (color, EDGE) for q in self.neighbours[p])

    def play(self, p, color):
        """Plays a move if it is legal; returns True on success."""
        if p == PASS:
            self.passes += 1
            self.moves += 1
            self.ko = None
            return True
        if self.points[p] != EMPTY or p == self.ko:
            return False
        points = self.points
        points[p] = color
        enemy = opponent(color)
        captured = []
        for q in self.neighbours[p]:
            if points[q] == enemy and not self.has_liberty(q):
                stones, _ = self.group(q)
                captured.extend(stones)
                for s in stones:
                    points[s] = EMPTY
        if not captured and not self.has_liberty(p):
            points[p] = EMPTY  # suicide
            return False
        self.ko = None
        if len(captured) == 1:
            stones, liberties = self.group(p)
            if len(stones) == 1 and len(liberties) == 1:
                self.ko = captured[0]
        self.captures[color] += len(captured)
        self.passes = 0
        self.moves += 1
        return True

    def candidate_moves(self, color):
        return [p for p in self.on_board if self.points[p] == EMPTY and not self.is_eye(p, color)]

    def random_move(self, color, rng):
        """Plays a random legal non-eye-filling move (or passes); returns it."""
        candidates = self.candidate_moves(color)
        while candidates:
            i = rng.below(len(candidates))
            p = candidates[i]
            if self.play(p, color):
                return p
            candidates[i] = candidates[-1]
            candidates.pop()
        self.play(PASS, color)
        return PASS

    def score(self):
        """Area score from Black's point of view (komi included)."""
        black = white = 0
        for p in self.on_board:
            c = self.points[p]
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                around = {self.points[q] for q in self.neighbours[p]} - {EDGE, EMPTY}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white - KOMI

    def finished(self):
        return self.passes >= 2

    def __str__(self):
        glyphs = ".XO#"
        rows = []
        for r in range(self.size):
            start = (r + 1) * self.stride + 1
            rows.append("".join(glyphs[c] for c in self.points[start:start + self.size]))
        return "\n".join(rows)


def playout(board, color, rng, limit):
    """Plays random moves to the end; returns the winner."""
    while not board.finished() and board.moves < limit:
        board.random_move(color, rng)
        color = opponent(color)
    return BLACK if board.score() > 0 else WHITE


class Node:
    """A search-tree node: the position after `move` was played by `color`."""

    def __init__(self, move, color, parent=None):
        self.move = move
        self.color = color
        self.parent = parent
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def ucb(self, log_parent):
        return self.wins / self.visits + 1.1 * math.sqrt(log_parent / self.visits)

    def best_child(self):
        log_visits = math.log(self.visits)
        return max(self.children, key=lambda child: child.ucb(log_visits))

    def descend(self, board, rng, limit):
        """One iteration of tree search below this node (board is a scratch copy);
        returns the winner, which the caller records in this node."""
        to_move = opponent(self.color)
        if self.untried is None:
            self.untried = board.candidate_moves(to_move)
            self.untried.append(PASS)
        if self.untried and not board.finished():
            move = self.untried.pop(rng.below(len(self.untried)))
            if not board.play(move, to_move):
                return self.descend(board, rng, limit)
            child = Node(move, to_move, self)
            self.children.append(child)
            winner = playout(board, opponent(to_move), rng, limit)
            child.record(winner)
            return winner
        if not self.children or board.finished():
            return BLACK if board.score() > 0 else WHITE
        child = self.best_child()
        board.play(child.move, to_move)
        winner = child.descend(board, rng, limit)
        child.record(winner)
        return winner

    def record(self, winner):
        self.visits += 1
        if winner == self.color:
            self.wins += 1

    def search(self, board, iterations, rng, limit):
        for _ in range(iterations):
            winner = self.descend(board.copy(), rng, limit)
            self.record(winner)
        return max(self.children, key=lambda child: (child.visits, child.wins))


def main(size):
    rng = Lcg(2024)
    board = Board(5)
    limit = 3 * 5 * 5
    color = BLACK
    record = []
    stats = []
    for _ in range(6):
        root = Node(PASS, opponent(color))
        best = root.search(board, size, rng, limit)
        board.play(best.move, color)
        record.append(board.name(best.move))
        stats.append(f"{best.wins}/{best.visits}")
        color = opponent(color)
    print("moves", " ".join(record))
    print("stats", " ".join(stats))
    print(board)
    print("captures", board.captures[BLACK], board.captures[WHITE], "score", board.score(), "rng", rng.state)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 140)

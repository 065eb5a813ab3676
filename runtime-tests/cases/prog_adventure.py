# Realistic program: a text-adventure state machine driven by a scripted list of commands.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "attic"}, "items": ["book", "key"],
                "dark": True},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "cellar": {"desc": "a damp cellar", "exits": {"up": "kitchen"}, "items": ["chest"], "locked": True},
    "attic": {"desc": "a cramped attic", "exits": {"down": "library"}, "items": []},
}


class GameOver(Exception):
    pass


class Game:
    def __init__(self, rooms):
        self.rooms = {name: dict(data, items=list(data["items"])) for name, data in rooms.items()}
        self.location = "hall"
        self.inventory = []
        self.moves = 0
        self.score = 0
        self.state = "playing"
        self.lamp_on = False

    def room(self):
        return self.rooms[self.location]

    def can_see(self):
        return not self.room().get("dark") or (self.lamp_on and "lamp" in self.inventory)

    def describe(self):
        r = self.room()
        if not self.can_see():
            return "It is pitch dark. You might be eaten by a grue."
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        return f"You are in {r['desc']}. You see: {items}. Exits: {exits}."

    def do_go(self, direction=None):
        if direction is None:
            return "Go where?"
        exits = self.room()["exits"]
        if direction not in exits:
            return f"You can't go {direction}."
        target = exits[direction]
        if self.rooms[target].get("locked"):
            if "key" in self.inventory:
                self.rooms[target]["locked"] = False
                self.score += 10
                msg = "You unlock the way with the key. "
            else:
                return "The way is locked."
        else:
            msg = ""
        if self.room().get("dark") and not self.can_see() and direction != "south":
            self.state = "dead"
            raise GameOver("You stumble in the dark and fall. Game over.")
        self.location = target
        return msg + self.describe()

    def do_take(self, item=None):
        if not self.can_see():
            return "You fumble around but find nothing."
        items = self.room()["items"]
        if item == "all":
            taken = [i for i in items if i != "chest"]
            for i in taken:
                items.remove(i)
                self.inventory.append(i)
                self.score += 1
            return f"Taken: {', '.join(taken) or 'nothing'}."
        if item not in items:
            return f"There is no {item} here."
        if item == "chest":
            return "The chest is far too heavy."
        items.remove(item)
        self.inventory.append(item)
        self.score += 1
        return f"Taken: {item}."

    def do_drop(self, item=None):
        if item not in self.inventory:
            return f"You don't have {item}."
        self.inventory.remove(item)
        self.room()["items"].append(item)
        return f"Dropped {item}."

    def do_light(self, item=None):
        if "lamp" not in self.inventory:
            return "You have nothing to light."
        self.lamp_on = True
        return "The lamp is now on. " + self.describe()

    def do_open(self, item=None):
        if item == "chest" and "chest" in self.room()["items"]:
            self.score += 50
            self.state = "won"
            raise GameOver("The chest holds the treasure. You win!")
        return "You can't open that."

    def do_inventory(self):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing") + "."

    def do_look(self):
        return self.describe()

    def handle(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, *rest = words
        aliases = {"n": ("go", "north"), "s": ("go", "south"), "e": ("go", "east"), "w": ("go", "west"),
                   "u": ("go", "up"), "d": ("go", "down"), "i": ("inventory",), "l": ("look",)}
        if verb in aliases:
            verb, *extra = aliases[verb]
            rest = extra + rest
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            return f"I don't know how to '{verb}'."
        self.moves += 1
        try:
            return handler(*rest)
        except TypeError:
            return f"'{verb}' doesn't take that many words."


script = ["look", "take lamp", "n", "take book", "light", "take all", "i", "dance", "go", "go west", "s", "e",
          "take bread", "drop book", "drop sword", "l", "d", "take chest", "open door", "inventory look extra",
          "", "open chest", "look"]
game = Game(ROOMS)
for command in script:
    try:
        reply = game.handle(command)
    except GameOver as end:
        print(f"> {command}\n{end}")
        break
    print(f"> {command}\n{reply}")
print(f"state={game.state} moves={game.moves} score={game.score} location={game.location}")
print("inventory:", sorted(game.inventory))

dark_game = Game(ROOMS)
for command in ["n", "u"]:
    try:
        print(f"> {command}\n{dark_game.handle(command)}")
    except GameOver as end:
        print(f"> {command}\n{end}")
print("dark game state:", dark_game.state)

# Exception raised while executing a class body.
class Config:
    defaults = {"debug": False}
    level = defaults["verbosity"]

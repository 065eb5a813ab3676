# Helper for tb_helper_module_frames: functions that fail when called.
def parse_all(items):
    return [parse_one(item) for item in items]

def parse_one(item):
    key, value = item.split("=")
    return key, int(value)

# Helper for tb_import_time_error: raises while being imported.
def helper(values):
    return values["expected"]

CONFIG = helper({"other": 1})

print("mod_broken: partially executing")
partial_value = 1
raise ValueError("mod_broken fails during import")

for i in []:
    try:
        pass
    except* ValueError:
        break

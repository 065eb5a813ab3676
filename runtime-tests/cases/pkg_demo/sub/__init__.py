print("init pkg_demo.sub")

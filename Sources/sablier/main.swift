print("sablier")

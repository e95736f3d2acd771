"""`make bench`: the portal under load, as a server runs it, on a territory's worth of data."""

"""What is derived from the corpus: which talks relate and why, the map's layout, kinds of works."""

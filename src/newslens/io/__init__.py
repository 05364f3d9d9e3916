"""Input and output at the bottom of the layers: reading an article, writing files (atomically) and CSV."""

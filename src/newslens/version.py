"""The package's version, at the bottom of the layers: every layer records it in its output."""
__version__ = "0.4.1"

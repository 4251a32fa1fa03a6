"""vardmote-qa: acceptance, video, load and release decisions for digital care meetings."""

__version__ = "0.1.0"

"""Data files shipped with kb: lexicons and alias tables read with importlib.resources."""

"""The instance database for web requests: one connection per request on ``g``, closed after it."""

from __future__ import annotations

from flask import current_app, g

from kb.service.db import connect


def get_db():
    """This request's connection to the instance database (opened on first use)."""
    if "kb_db" not in g:
        g.kb_db = connect(current_app.extensions["kb_instance_db"])
    return g.kb_db


def close_db(_exc=None) -> None:
    """Close the request's connection, if one was opened."""
    conn = g.pop("kb_db", None)
    if conn is not None:
        conn.close()


def init_app(app, db_file) -> None:
    """Remember the database file and close connections at the end of each request."""
    app.extensions["kb_instance_db"] = db_file
    app.teardown_appcontext(close_db)

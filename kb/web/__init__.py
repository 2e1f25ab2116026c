"""kb's web interface: a Flask app with a search page, document pages and a JSON API."""

from __future__ import annotations

from flask import Flask

from kb.config import SETTINGS, load_config


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: kb settings from ``load_config()``, then ``test_config`` overrides.

    Keys of ``test_config`` that name a kb setting (``index``, ``page_size``...) override it;
    other keys (``TESTING``...) go to Flask's own config.
    """
    from kb.config import instance_path
    from kb.service.db import open_instance
    from kb.service.secret import session_secret
    from kb.web import access, admin, api, auth, errors, filters, instance, pages
    from kb.web.searchers import SearcherPool

    test_config = dict(test_config or {})
    names = {s.name for s in SETTINGS}
    config = load_config({k: v for k, v in test_config.items() if k in names})

    app = Flask(__name__)
    folder = instance_path(config)
    db_file = open_instance(folder)  # created and migrated once per process, not per request
    app.config.update(SECRET_KEY=session_secret(folder), SESSION_COOKIE_SAMESITE="Lax")
    # Werkzeug refuses a larger body before reading it; the upload's own limits are checked
    # file by file (kb.service.uploads). A megabyte of slack covers the multipart framing.
    app.config["MAX_CONTENT_LENGTH"] = int((config["upload_max_mb"] + 1) * 1024 * 1024)
    app.config.update({k: v for k, v in test_config.items() if k not in names})
    app.config["KB"] = config
    app.json.ensure_ascii = False  # Vietnamese stays readable in the API
    app.json.sort_keys = False  # keep the key order of `kb search --json`
    app.extensions["kb_searchers"] = SearcherPool(config)

    filters.init_app(app)
    errors.init_app(app)
    instance.init_app(app, db_file)
    access.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    from kb.web.minutes import bp as minutes_bp
    app.register_blueprint(minutes_bp)
    from kb.web.sayings import bp as sayings_bp
    app.register_blueprint(sayings_bp)
    from kb.web.downloads import bp as downloads_bp
    app.register_blueprint(downloads_bp)
    from kb.web.export import bp as export_bp
    app.register_blueprint(export_bp)
    from kb.web.uploads import bp as uploads_bp
    app.register_blueprint(uploads_bp)
    from kb.web.editing import bp as editing_bp
    app.register_blueprint(editing_bp)
    from kb.web.editing_api import bp as editing_api_bp
    app.register_blueprint(editing_api_bp)
    from kb.web.admin_api import bp as admin_api_bp
    app.register_blueprint(admin_api_bp)
    app.after_request(_security_headers)
    return app


def _security_headers(response):
    # Everything is served locally; forbid inline scripts so an injected query cannot run.
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response

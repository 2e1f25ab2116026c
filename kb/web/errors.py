"""One way to report errors: HTML pages for people, ``{"ok": false, ...}`` JSON under /api."""

from __future__ import annotations

import logging

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kb.errors import AuthenticationRequired, KbError, LoginThrottled

log = logging.getLogger(__name__)

#: Vietnamese text for the HTTP errors Flask raises itself.
HTTP_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Cần đăng nhập để xem trang này.",
    403: "Bạn không có quyền làm việc này.",
    404: "Không tìm thấy trang này.",
    405: "Phương thức này không được hỗ trợ ở địa chỉ này.",
    500: "Đã có lỗi không mong đợi ở máy chủ. Hãy thử lại sau.",
}


def wants_json() -> bool:
    """True for requests to the JSON API."""
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(message: str, status: int):
    """The error as JSON for the API or as an HTML page otherwise."""
    if wants_json():
        response = jsonify({"ok": False, "error": message, "status": status})
        response.status_code = status
        return response
    return render_template("error.html", message=message, status=status), status


def handle_kb_error(exc: KbError):
    """KbError → its Vietnamese message for readers (no server paths) and HTTP status."""
    if exc.status >= 500:
        log.warning("%s: %s", request.path, exc)
    response = error_response(exc.reader_message(), exc.status)
    if isinstance(exc, LoginThrottled):
        response = _with_header(response, "Retry-After", str(exc.retry_after))
    elif isinstance(exc, AuthenticationRequired):
        response = _with_header(response, "WWW-Authenticate", 'Bearer realm="kb"')
    return response


def handle_csrf_error(exc):
    """A form without a valid CSRF token: refused before the view runs."""
    return error_response("Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi thử lại.",
                          400)


def handle_http_error(exc: HTTPException):
    """Werkzeug's 404/405/... in our shape and language."""
    status = exc.code or 500
    message = HTTP_MESSAGES.get(status, f"Lỗi HTTP {status}.")
    if status == 404 and wants_json():
        message = ("Không có địa chỉ API này. Hãy dùng /api/search, /api/documents/<mã> hoặc "
                   "/api/stats; danh sách đầy đủ: /api/openapi.json.")
    response = error_response(message, status)
    if status == 405 and getattr(exc, "valid_methods", None):
        response = _with_allow(response, exc.valid_methods)
    return response


def handle_unexpected(exc: Exception):
    """Anything else: logged with its traceback, a plain 500 for the user."""
    log.exception("unexpected error on %s", request.path)
    return error_response(HTTP_MESSAGES[500], 500)


def _with_allow(response, methods):
    return _with_header(response, "Allow", ", ".join(methods))


def _with_header(response, name: str, value: str):
    from flask import make_response

    response = make_response(response)
    response.headers[name] = value
    return response


def init_app(app) -> None:
    """Register the handlers on ``app``."""
    from flask_wtf.csrf import CSRFError

    app.register_error_handler(KbError, handle_kb_error)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)

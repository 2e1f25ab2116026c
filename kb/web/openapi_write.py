"""The OpenAPI description of the write endpoints (editors' and admins' tokens): corrections,
deletion, a new file, a document's history; and the bearer scheme they name. Merged into the
reader API's description by kb.web.openapi.spec()."""

from __future__ import annotations

from kb.web.openapi import BOOL, DOC_ID, ERRORS, SIGNED_IN, STR, array, json_body, nullable, obj, ref

#: The write endpoints: an editor's or admin's API token (kb users token NAME, or /account).
BEARER = [{"bearer": []}]
EDITED = {"200": json_body(ref("Edit"), "Đã lưu, chỉ mục đã cập nhật"),
          "202": json_body(ref("Edit"), "Đã lưu; chỉ mục được cập nhật khi bộ nạp chạy tới tác vụ"),
          "400": json_body(ref("Error"), "Giá trị không hợp lệ (ngày không có thật…); không gì thay đổi"),
          **SIGNED_IN, "404": ERRORS["404"], "default": ERRORS["default"]}

SCHEMAS: dict[str, dict] = {
    "Correction": obj({"value": nullable("string"), "editor": nullable("string"), "at": STR}),
    "Corrections": {"type": "object", "additionalProperties": ref("Correction"),
                    "description": "Trường đã sửa (kind, number, issuer, date, title, signer) → "
                                   "giá trị, người sửa, lúc sửa"},
    "Edit": obj({"ok": {"const": True}, "id": STR,
                 "changed": {"type": "object", "additionalProperties": obj(
                     {"old": nullable("string"), "new": nullable("string")}),
                     "description": "Trường → giá trị cũ và mới (rỗng: không có gì thay đổi)"},
                 "corrections": ref("Corrections"), "saying": STR,
                 "job": nullable(ref("Job"))}, required=("ok", "id", "changed", "job")),
    "History": obj({"id": STR, "corrections": ref("Corrections"), "history": array(obj(
        {"at": STR, "username": nullable("string"), "action": STR,
         "detail": {"type": "object"}}))}),
    "AuditLog": obj({"entries": array(obj(
        {"at": STR, "username": nullable("string"), "action": STR, "target": nullable("string"),
         "detail": {"type": "object"}}))}),
    "Accounts": obj({"users": array(obj(
        {"username": STR, "role": {"enum": ["reader", "editor", "admin"]}, "created_at": STR,
         "last_login_at": nullable("string")}))}),
    "Account": obj({"username": STR, "role": {"enum": ["reader", "editor", "admin"]},
                    "tokens": array(obj({"id": {"type": "integer"}, "label": STR, "prefix": STR,
                                         "created_at": STR, "last_used_at": nullable("string"),
                                         "revoked_at": nullable("string")}))}),
}
#: The admins' read endpoints: their 403 is for any role below admin.
ADMIN_ONLY = {**SIGNED_IN, "403": json_body(ref("Error"), "Cần quyền quản trị viên")}

PATHS: dict[str, dict] = {
    "/api/documents/{doc_id}": {
        "patch": {"summary": "Sửa thông tin tài liệu (biên tập viên)", "security": BEARER,
                  "parameters": [DOC_ID],
                  "requestBody": {"required": True, "content": {"application/json": {
                      "schema": obj({f: nullable("string") for f in
                                     ("kind", "number", "issuer", "date", "title", "signer")},
                                    required=())}}},
                  "responses": EDITED},
        "delete": {"summary": "Xoá tài liệu khỏi chỉ mục (bản cũ giữ trong nhật ký)",
                   "security": BEARER, "parameters": [DOC_ID], "responses": EDITED}},
    "/api/documents/{doc_id}/sayings": {"post": {
        "summary": "Sửa ngành, lĩnh vực của một lời Bác, hoặc đánh dấu không phải lời Bác",
        "security": BEARER, "parameters": [DOC_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": obj(
            {"saying": {"type": "string", "description": "Khoá của lời Bác, hoặc nguyên văn"},
             "sectors": {"oneOf": [array("string"), STR]}, "not_saying": BOOL},
            required=("saying",))}}},
        "responses": EDITED}},
    "/api/documents/{doc_id}/file": {"post": {
        "summary": "Thay tệp của tài liệu (giữ mã tài liệu; bản cũ giữ trong nhật ký)",
        "security": BEARER, "parameters": [DOC_ID],
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": obj(
            {"files": {"type": "string", "format": "binary"}})}}},
        "responses": {"202": json_body(ref("Job"), "Đã lưu tệp và xếp hàng tác vụ nạp"),
                      "400": EDITED["400"], **SIGNED_IN, "404": ERRORS["404"],
                      "413": json_body(ref("Error"), "Vượt giới hạn upload_max_mb"),
                      "default": ERRORS["default"]}}},
    "/api/documents/{doc_id}/history": {"get": {
        "summary": "Các thay đổi của một tài liệu: ai, lúc nào, sửa gì (biên tập viên)",
        "security": BEARER, "parameters": [DOC_ID],
        "responses": {"200": json_body(ref("History"), "Lịch sử thay đổi"), **SIGNED_IN,
                      **ERRORS}}},
    "/api/audit": {"get": {
        "summary": "Nhật ký thay đổi: ai, lúc nào, làm gì, trên tài liệu hay tài khoản nào "
                   "(quản trị viên)",
        "security": BEARER, "parameters": [{"name": "limit", "in": "query", "required": False,
                                            "description": "Số mục tối đa (mới nhất trước)",
                                            "schema": {"type": "string"}}],
        "responses": {"200": json_body(ref("AuditLog"), "Các mục, mới nhất trước"), **ADMIN_ONLY,
                      **ERRORS}}},
    "/api/account": {"get": {
        "summary": "Tài khoản đang dùng: vai trò và các mã truy cập API (không lộ mã)",
        "security": BEARER,
        "responses": {"200": json_body(ref("Account"), "Tài khoản"),
                      "401": SIGNED_IN["401"], **ERRORS}}},
    "/api/users": {"get": {
        "summary": "Các tài khoản và vai trò (quản trị viên)", "security": BEARER,
        "responses": {"200": json_body(ref("Accounts"), "Tài khoản, theo tên"), **ADMIN_ONLY,
                      **ERRORS}}},
}


def add_write_endpoints(paths: dict, schemas: dict) -> None:
    """Add the write endpoints and their schemas to a copy of the reader API's description;
    the editors' read endpoints (jobs) name the bearer scheme too."""
    schemas.update(SCHEMAS)
    for path, item in PATHS.items():
        paths.setdefault(path, {}).update(item)
    for path in ("/api/uploads", "/api/jobs", "/api/jobs/{job_id}"):
        for operation in paths[path].values():
            operation["security"] = BEARER

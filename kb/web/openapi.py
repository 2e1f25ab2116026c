"""The OpenAPI 3.1 description of kb's reader API, written as data.

Schemas are small dicts built with the helpers below; each path names its parameters and the
schemas of its answers. To add an endpoint (e.g. the write endpoints behind tokens), add a
schema to ``SCHEMAS`` if it returns a new shape and an entry to ``PATHS``; tests/test_openapi.py
checks that every /api route of the app is described and that real answers validate.
"""

from __future__ import annotations

from copy import deepcopy

from kb import __version__


def ref(name: str) -> dict:
    """A reference to the schema ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict | str) -> dict:
    """``schema`` (or a bare type name) that may also be null."""
    if isinstance(schema, str):
        return {"type": [schema, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict, required: tuple | list | None = None, extra: bool = False) -> dict:
    """An object with these properties, all required unless ``required`` names some;
    ``extra`` lets it hold more (a document's metadata varies with its kind)."""
    return {"type": "object", "properties": properties,
            "required": list(properties if required is None else required),
            "additionalProperties": extra}


def array(items: dict | str) -> dict:
    """An array of ``items`` (a schema or a bare type name)."""
    return {"type": "array", "items": {"type": items} if isinstance(items, str) else items}


STR, INT, NUM, BOOL = ({"type": t} for t in ("string", "integer", "number", "boolean"))
DATE = {"type": "string", "description": "ISO date: 2016-05-15 (a year or month alone when "
                                         "the day is not known)"}
COUNTS = {"type": "object", "additionalProperties": INT}

#: What cites a document and what it cites (in the document and in its citations answer).
CITATIONS = {
    "cites": obj({"documents": array(ref("Card")), "unresolved": array(obj(
        {"mention": nullable("string"), "kind": nullable("string"),
         "number": nullable("string")}))}),
    "cited_by": array(ref("Card")),
}

SCHEMAS: dict[str, dict] = {
    "Error": obj({"ok": {"const": False}, "error": STR, "status": INT}),
    "Section": obj({"anchor": STR, "heading": STR}, extra=True),
    "SearchResult": obj({"id": STR, "name": STR, "title": STR, "kind": nullable("string"),
                         "date": nullable("string"), "score": NUM,
                         "snippet": {"type": "string", "description": "HTML: escaped text and <mark> tags"},
                         "section": nullable(ref("Section"))}),
    "FacetValue": obj({"value": STR, "count": INT}),
    "Facets": {"type": "object", "additionalProperties": array(ref("FacetValue")),
               "description": "kind, issuer, year, unit, sectors → values with counts"},
    "SearchResponse": obj({"query": STR, "total": INT, "results": array(ref("SearchResult")),
                           "page": INT, "page_size": INT, "relaxed": BOOL, "facets": ref("Facets"),
                           "suggestion": nullable("string"), "corrected": nullable("string"),
                           "partial": BOOL}),
    "FacetsResponse": obj({"query": STR, "total": INT, "facets": ref("Facets"), "partial": BOOL}),
    "Suggestions": obj({"query": STR, "suggestions": array(obj(
        {"label": STR, "query": STR, "id": nullable("string")}))}),
    "Card": obj({"id": STR, "title": nullable("string"), "kind": nullable("string"),
                 "number": nullable("string"), "issuer": nullable("string"),
                 "date": nullable("string"), "mention": nullable("string")},
                required=("id", "title", "kind", "number", "issuer", "date")),
    "DocumentCitations": obj({"id": STR, "citation": STR, **CITATIONS}),
    "Links": obj({"page": STR, "original": STR, "text": STR}),
    "Document": obj({
        "id": STR, "name": STR, "title": nullable("string"), "kind": nullable("string"),
        "number": nullable("string"), "date": nullable("string"), "format": nullable("string"),
        "content_hash": nullable("string"), "issuer": nullable("string"),
        "citation": {"type": "string", "description": "The line to cite the document by, in "
                                                     "the official style"},
        "text": STR, "sections": array(obj({"anchor": STR, "heading": STR, "level": INT},
                                           extra=True)),
        "extra": {"type": "object"},
        "related": array(obj({"id": STR, "title": nullable("string"),
                              "kind": nullable("string"), "date": nullable("string")}, extra=True)),
        "links": ref("Links"), "corrected": ref("Corrections"), **CITATIONS,
    }, required=("id", "name", "title", "kind", "date", "format", "citation", "text",
                 "sections", "extra", "related", "links", *CITATIONS), extra=True),
    "Stats": obj({"documents": INT, "text_chars": INT, "index_bytes": INT, "kinds": COUNTS,
                  "formats": COUNTS, "years": COUNTS}),
    "MinutesUnits": obj({"units": array(obj({"unit": STR, "meetings": INT,
                                             "first": nullable("string"),
                                             "last": nullable("string")}))}),
    "Meeting": obj({"id": STR, "name": STR, "title": nullable("string"), "unit": nullable("string"),
                    "date": nullable("string"), "attendance": nullable({"type": "object"}),
                    "topics": array("string"), "conclusions": array("string")},
                   required=("id", "name", "date"), extra=True),
    "MinutesTimeline": obj({"total": INT, "unit": nullable("string"), "query": nullable("string"),
                            "relaxed": BOOL, "units": array("string"),
                            "meetings": array(ref("Meeting"))},
                           required=("total", "units", "meetings"), extra=True),
    "Sayings": obj({"total": INT, "page": INT, "per_page": INT, "pages": INT, "sayings": array(obj({
        "text": STR, "sectors": array("string"), "work": nullable("string"),
        "year": nullable({"type": ["integer", "string"]}),
        "sources": array(obj({"id": STR, "name": STR, "title": nullable("string")}))},
        required=("text", "sectors", "sources"), extra=True))}),
    "SayingSectors": obj({"query": STR, "sectors": COUNTS}),
    "JobFile": obj({"name": {"type": "string", "description": "Tên tệp gốc"},
                    "status": {"enum": ["added", "updated", "unchanged", "failed"]},
                    "reason": nullable("string"), "ocr_pages_skipped": INT}),
    "Job": obj({"id": INT, "kind": {"enum": ["upload", "ingest", "watch", "rebuild", "edit"]},
                "status": {"enum": ["queued", "running", "done", "failed", "cancelled"]},
                "finished": BOOL, "created_at": STR, "started_at": nullable("string"),
                "finished_at": nullable("string"),
                "error": {"type": ["string", "null"], "description": "Lý do tác vụ dừng"},
                "files_total": INT, "files_done": INT, "files_failed": INT,
                "ocr_pages_skipped": {"type": "integer", "description": "Trang scan chưa OCR "
                                                                         "(vượt ocr_max_pages)"},
                "files": array(ref("JobFile")),
                "links": obj({"page": STR, "api": STR})}),
    "Jobs": obj({"jobs": array(ref("Job"))}),
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
}


def _param(name: str, description: str, schema: dict | None = None, where: str = "query") -> dict:
    found = {"name": name, "in": where, "description": description, "schema": schema or STR}
    if where == "path":
        found["required"] = True
    return found


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {"404": _json(ref("Error"), "Không tìm thấy (mã tài liệu không có hoặc sai dạng)"),
          "503": _json(ref("Error"), "Chưa có chỉ mục, hoặc chỉ mục cũ cần tạo lại"),
          "default": _json(ref("Error"), "Lỗi khác")}
SIGNED_IN = {"401": _json(ref("Error"), "Cần đăng nhập hoặc mã truy cập API"),
             "403": _json(ref("Error"), "Vai trò của tài khoản không đủ (cần biên tập viên)")}
JOB_ID = _param("job_id", "Số tác vụ", INT, where="path")
DOC_ID = _param("doc_id", "Mã tài liệu, ví dụ f28248ca66a8", where="path")
Q = _param("q", "Truy vấn, cú pháp như ô tìm kiếm (có dấu hoặc không dấu)")
SEARCH_PARAMS = [
    Q, _param("page", "Trang (từ 1)", INT), _param("limit", "Số kết quả mỗi trang", INT),
    _param("sort", "relevance, newest hoặc oldest", {"enum": ["relevance", "newest", "oldest"]}),
    _param("exact", "1: tìm đúng như đã gõ, không sửa dấu"),
    _param("from", "Từ ngày (YYYY-MM-DD)"), _param("to", "Đến ngày (YYYY-MM-DD)"),
]
#: The write endpoints: an editor's or admin's API token (kb users token NAME, or /account).
BEARER = [{"bearer": []}]
EDITED = {"200": _json(ref("Edit"), "Đã lưu, chỉ mục đã cập nhật"),
          "202": _json(ref("Edit"), "Đã lưu; chỉ mục được cập nhật khi bộ nạp chạy tới tác vụ"),
          "400": _json(ref("Error"), "Giá trị không hợp lệ (ngày không có thật…); không gì thay đổi"),
          **SIGNED_IN, "404": ERRORS["404"], "default": ERRORS["default"]}
HTML_404 = {"404": {"description": "Không tìm thấy tài liệu hoặc tệp (trang HTML tiếng Việt)",
                    "content": {"text/html": {"schema": STR}}}}


def _get(summary: str, responses: dict, parameters: list | None = None) -> dict:
    return {"get": {"summary": summary, "parameters": parameters or [], "responses": responses}}


PATHS: dict[str, dict] = {
    "/api/search": _get("Tìm kiếm", {"200": _json(ref("SearchResponse"), "Một trang kết quả"),
                                     **ERRORS},
                        SEARCH_PARAMS + [_param("facets", "1: kèm số đếm theo loại, cơ quan, năm…")]),
    "/api/facets": _get("Số đếm để lọc kết quả của một truy vấn",
                        {"200": _json(ref("FacetsResponse"), "Các nhóm lọc"), **ERRORS},
                        [Q, _param("exact", "1: không sửa dấu"), _param("from", "Từ ngày"),
                         _param("to", "Đến ngày")]),
    "/api/suggest": _get("Gợi ý khi đang gõ", {"200": _json(ref("Suggestions"), "Gợi ý"), **ERRORS},
                         [_param("q", "Phần đã gõ")]),
    "/api/documents/{doc_id}": {
        **_get("Một tài liệu: siêu dữ liệu, dòng trích dẫn, toàn văn",
               {"200": _json(ref("Document"), "Tài liệu"), **ERRORS}, [DOC_ID]),
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
        "responses": {"202": _json(ref("Job"), "Đã lưu tệp và xếp hàng tác vụ nạp"),
                      "400": EDITED["400"], **SIGNED_IN, "404": ERRORS["404"],
                      "413": _json(ref("Error"), "Vượt giới hạn upload_max_mb"),
                      "default": ERRORS["default"]}}},
    "/api/documents/{doc_id}/history": {"get": {
        "summary": "Các thay đổi của một tài liệu: ai, lúc nào, sửa gì (biên tập viên)",
        "security": BEARER, "parameters": [DOC_ID],
        "responses": {"200": _json(ref("History"), "Lịch sử thay đổi"), **SIGNED_IN,
                      **ERRORS}}},
    "/api/documents/{doc_id}/citations": _get(
        "Văn bản mà tài liệu trích dẫn và văn bản trích dẫn nó",
        {"200": _json(ref("DocumentCitations"), "Trích dẫn"), **ERRORS}, [DOC_ID]),
    "/api/stats": _get("Thống kê chỉ mục", {"200": _json(ref("Stats"), "Số tài liệu theo loại, "
                                                                       "định dạng, năm"), **ERRORS}),
    "/api/minutes": _get("Biên bản chi bộ: các chi bộ, hoặc các cuộc họp của một chi bộ",
                         {"200": _json({"oneOf": [ref("MinutesUnits"), ref("MinutesTimeline")]},
                                       "Chi bộ (không tham số) hoặc cuộc họp"), **ERRORS},
                         [_param("unit", "Tên chi bộ (có dấu hoặc không)"), Q]),
    "/api/sayings": _get("Lời Bác dạy trích trong các tài liệu",
                         {"200": _json(ref("Sayings"), "Lời Bác dạy"), **ERRORS},
                         [_param("sector", "Ngành, lĩnh vực"), Q, _param("page", "Trang (từ 1)", INT),
                          _param("per_page", "Số lời Bác mỗi trang", INT)]),
    "/api/sayings/sectors": _get("Số lời Bác dạy theo ngành, lĩnh vực",
                                 {"200": _json(ref("SayingSectors"), "Ngành → số lời"), **ERRORS},
                                 [Q]),
    "/api/openapi.json": _get("Tài liệu OpenAPI này", {"200": _json({"type": "object"},
                                                                    "OpenAPI 3.1")}),
    "/documents/{doc_id}/original": _get(
        "Tải tệp gốc", {"200": {"description": "Tệp gốc, đúng từng byte đã nạp",
                                "content": {"*/*": {}}},
                        **HTML_404}, [DOC_ID]),
    "/documents/{doc_id}/text": _get(
        "Tải văn bản đã trích xuất", {"200": {"description": "Văn bản thuần UTF-8",
                                              "content": {"text/plain": {"schema": STR}}},
                                      **HTML_404}, [DOC_ID]),
    "/api/jobs": _get("Các tác vụ nạp tài liệu gần nhất (biên tập viên)",
                      {"200": _json(ref("Jobs"), "Tác vụ, mới nhất trước"), **SIGNED_IN, **ERRORS}),
    "/api/jobs/{job_id}": _get("Một tác vụ: trạng thái, tệp xong, tệp lỗi và lý do",
                               {"200": _json(ref("Job"), "Tác vụ"), **SIGNED_IN, **ERRORS},
                               [JOB_ID]),
    "/api/uploads": {"post": {
        "summary": "Tải tài liệu lên (biên tập viên; Authorization: Bearer)", "security": BEARER,
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": obj(
            {"files": array({"type": "string", "format": "binary"})}, extra=False)}}},
        "responses": {"202": _json(ref("Job"), "Đã lưu các tệp và xếp hàng một tác vụ"),
                      "400": _json(ref("Error"), "Biểu mẫu không hợp lệ hoặc tệp .zip hỏng"),
                      **SIGNED_IN,
                      "413": _json(ref("Error"), "Vượt giới hạn upload_max_mb hoặc "
                                                 "upload_max_files; không tệp nào được lưu"),
                      "default": ERRORS["default"]}}},
    "/search.csv": _get("Danh sách kết quả tìm kiếm dạng CSV (UTF-8 có BOM)",
                        {"200": {"description": "Loại văn bản, số ký hiệu, cơ quan ban hành, ngày, "
                                                "tiêu đề, liên kết",
                                 "content": {"text/csv": {}}}},
                        [Q, SEARCH_PARAMS[3], SEARCH_PARAMS[4], SEARCH_PARAMS[5], SEARCH_PARAMS[6]]),
}


for _path in ("/api/jobs", "/api/jobs/{job_id}"):  # editors only, like the write endpoints
    PATHS[_path]["get"]["security"] = BEARER


def spec() -> dict:
    """The OpenAPI document (a fresh copy: callers may change it)."""
    return deepcopy({
        "openapi": "3.1.0",
        "info": {"title": "kb — tra cứu văn bản Đảng và Nhà nước", "version": __version__,
                 "description": "API của kb: đọc tự do (hoặc sau khi đăng nhập); ghi "
                                "(tải lên, sửa, xoá) cần mã truy cập API của biên tập viên "
                                "(Authorization: Bearer). Lỗi luôn có dạng "
                                '{"ok": false, "error": "…", "status": N}.'},
        "paths": PATHS,
        "components": {"schemas": SCHEMAS, "securitySchemes": {"bearer": {
            "type": "http", "scheme": "bearer",
            "description": "Mã truy cập API của một tài khoản (tạo ở /account hoặc bằng "
                           "kb users token). Thiếu mã: 401; vai trò không đủ: 403."}}},
    })

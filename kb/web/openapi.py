"""The OpenAPI 3.1 description of kb's API, written as data (the write endpoints in
kb.web.openapi_write).

Schemas are small dicts built with the helpers below; each path names its parameters and the
schemas of its answers. To add an endpoint, add a
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
                    "reason": nullable("string"), "ocr_pages_skipped": INT,
                    "documents": {**array(obj({"id": STR, "title": nullable("string"),
                                               "url": STR})),
                                  "description": "Các tài liệu tệp đã thành"}}),
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
}


def _param(name: str, description: str, schema: dict | None = None, where: str = "query") -> dict:
    found = {"name": name, "in": where, "description": description, "schema": schema or STR}
    if where == "path":
        found["required"] = True
    return found


def json_body(schema: dict, description: str) -> dict:
    """An answer of ``schema`` in JSON, described in Vietnamese."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {"404": json_body(ref("Error"), "Không tìm thấy (mã tài liệu không có hoặc sai dạng)"),
          "503": json_body(ref("Error"), "Chưa có chỉ mục, hoặc chỉ mục cũ cần tạo lại"),
          "default": json_body(ref("Error"), "Lỗi khác")}
SIGNED_IN = {"401": json_body(ref("Error"), "Cần đăng nhập hoặc mã truy cập API"),
             "403": json_body(ref("Error"), "Vai trò của tài khoản không đủ (cần biên tập viên)")}
JOB_ID = _param("job_id", "Số tác vụ", INT, where="path")
DOC_ID = _param("doc_id", "Mã tài liệu, ví dụ f28248ca66a8", where="path")
Q = _param("q", "Truy vấn, cú pháp như ô tìm kiếm (có dấu hoặc không dấu)")
SEARCH_PARAMS = [
    Q, _param("page", "Trang (từ 1)", INT), _param("limit", "Số kết quả mỗi trang", INT),
    _param("sort", "relevance, newest hoặc oldest", {"enum": ["relevance", "newest", "oldest"]}),
    _param("exact", "1: tìm đúng như đã gõ, không sửa dấu"),
    _param("from", "Từ ngày (YYYY-MM-DD)"), _param("to", "Đến ngày (YYYY-MM-DD)"),
]
HTML_404 = {"404": {"description": "Không tìm thấy tài liệu hoặc tệp (trang HTML tiếng Việt)",
                    "content": {"text/html": {"schema": STR}}}}


def _get(summary: str, responses: dict, parameters: list | None = None) -> dict:
    return {"get": {"summary": summary, "parameters": parameters or [], "responses": responses}}


PATHS: dict[str, dict] = {
    "/api/search": _get("Tìm kiếm", {"200": json_body(ref("SearchResponse"), "Một trang kết quả"),
                                     **ERRORS},
                        SEARCH_PARAMS + [_param("facets", "1: kèm số đếm theo loại, cơ quan, năm…")]),
    "/api/facets": _get("Số đếm để lọc kết quả của một truy vấn",
                        {"200": json_body(ref("FacetsResponse"), "Các nhóm lọc"), **ERRORS},
                        [Q, _param("exact", "1: không sửa dấu"), _param("from", "Từ ngày"),
                         _param("to", "Đến ngày")]),
    "/api/suggest": _get("Gợi ý khi đang gõ", {"200": json_body(ref("Suggestions"), "Gợi ý"), **ERRORS},
                         [_param("q", "Phần đã gõ")]),
    "/api/documents/{doc_id}": _get("Một tài liệu: siêu dữ liệu, dòng trích dẫn, toàn văn",
                                    {"200": json_body(ref("Document"), "Tài liệu"), **ERRORS}, [DOC_ID]),
    "/api/documents/{doc_id}/citations": _get(
        "Văn bản mà tài liệu trích dẫn và văn bản trích dẫn nó",
        {"200": json_body(ref("DocumentCitations"), "Trích dẫn"), **ERRORS}, [DOC_ID]),
    "/api/stats": _get("Thống kê chỉ mục", {"200": json_body(ref("Stats"), "Số tài liệu theo loại, "
                                                                       "định dạng, năm"), **ERRORS}),
    "/api/minutes": _get("Biên bản chi bộ: các chi bộ, hoặc các cuộc họp của một chi bộ",
                         {"200": json_body({"oneOf": [ref("MinutesUnits"), ref("MinutesTimeline")]},
                                       "Chi bộ (không tham số) hoặc cuộc họp"), **ERRORS},
                         [_param("unit", "Tên chi bộ (có dấu hoặc không)"), Q]),
    "/api/sayings": _get("Lời Bác dạy trích trong các tài liệu",
                         {"200": json_body(ref("Sayings"), "Lời Bác dạy"), **ERRORS},
                         [_param("sector", "Ngành, lĩnh vực"), Q, _param("page", "Trang (từ 1)", INT),
                          _param("per_page", "Số lời Bác mỗi trang", INT)]),
    "/api/sayings/sectors": _get("Số lời Bác dạy theo ngành, lĩnh vực",
                                 {"200": json_body(ref("SayingSectors"), "Ngành → số lời"), **ERRORS},
                                 [Q]),
    "/api/openapi.json": _get("Tài liệu OpenAPI này", {"200": json_body({"type": "object"},
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
                      {"200": json_body(ref("Jobs"), "Tác vụ, mới nhất trước"), **SIGNED_IN, **ERRORS}),
    "/api/jobs/{job_id}": _get("Một tác vụ: trạng thái, tệp xong, tệp lỗi và lý do",
                               {"200": json_body(ref("Job"), "Tác vụ"), **SIGNED_IN, **ERRORS},
                               [JOB_ID]),
    "/api/uploads": {"post": {
        "summary": "Tải tài liệu lên (biên tập viên; Authorization: Bearer)",
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": obj(
            {"files": array({"type": "string", "format": "binary"})}, extra=False)}}},
        "responses": {"202": json_body(ref("Job"), "Đã lưu các tệp và xếp hàng một tác vụ"),
                      "400": json_body(ref("Error"), "Biểu mẫu không hợp lệ hoặc tệp .zip hỏng"),
                      **SIGNED_IN,
                      "413": json_body(ref("Error"), "Vượt giới hạn upload_max_mb hoặc "
                                                 "upload_max_files; không tệp nào được lưu"),
                      "default": ERRORS["default"]}}},
    "/search.csv": _get("Danh sách kết quả tìm kiếm dạng CSV (UTF-8 có BOM)",
                        {"200": {"description": "Loại văn bản, số ký hiệu, cơ quan ban hành, ngày, "
                                                "tiêu đề, liên kết",
                                 "content": {"text/csv": {}}}},
                        [Q, SEARCH_PARAMS[3], SEARCH_PARAMS[4], SEARCH_PARAMS[5], SEARCH_PARAMS[6]]),
}


def spec() -> dict:
    """The OpenAPI document (a fresh copy: callers may change it)."""
    from kb.web.openapi_write import add_write_endpoints

    paths, schemas = deepcopy(PATHS), deepcopy(SCHEMAS)
    add_write_endpoints(paths, schemas)
    return deepcopy({
        "openapi": "3.1.0",
        "info": {"title": "kb — tra cứu văn bản Đảng và Nhà nước", "version": __version__,
                 "description": "API của kb: đọc tự do (hoặc sau khi đăng nhập); ghi "
                                "(tải lên, sửa, xoá) cần mã truy cập API của biên tập viên "
                                "(Authorization: Bearer). Lỗi luôn có dạng "
                                '{"ok": false, "error": "…", "status": N}.'},
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"bearer": {
            "type": "http", "scheme": "bearer",
            "description": "Mã truy cập API của một tài khoản (tạo ở /account hoặc bằng "
                           "kb users token). Thiếu mã: 401; vai trò không đủ: 403."}}},
    })

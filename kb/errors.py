"""The one exception hierarchy of kb.

Every error names the file or the query it concerns and, where it helps, what to do next.
Messages are in English (they go to logs); the CLI and the web UI translate them through
:func:`user_message`, which returns Vietnamese text for people.
"""

from __future__ import annotations


class KbError(Exception):
    """Base class of every error kb raises on purpose."""

    #: HTTP status used when the error reaches the web API.
    status = 500

    def user_message(self) -> str:
        """Vietnamese text for a person; subclasses override it."""
        return f"Lỗi: {self}"

    def reader_message(self) -> str:
        """Vietnamese text for a reader of the web UI: as user_message, without server paths."""
        return self.user_message()


class ConfigError(KbError):
    """A setting has a value kb cannot use."""

    status = 500

    def user_message(self) -> str:
        return f"Cấu hình không hợp lệ: {self}"

    def reader_message(self) -> str:
        return "Máy chủ chưa được cấu hình đúng. Hãy báo cho người quản trị."


class IngestError(KbError):
    """A file could not be turned into a document."""

    status = 422

    def __init__(self, path: str, reason: str, user_reason: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.user_reason = user_reason or reason
        super().__init__(f"{self.path}: {reason}")

    def user_message(self) -> str:
        return f"{self.path}: {self.user_reason}"


class UnsupportedFormat(IngestError):
    """No parser accepts this file."""


class ParseError(IngestError):
    """A parser accepted the file but could not read it (corrupt, encrypted, too large...)."""


class IndexError_(KbError):
    """Base class for problems with the index directory."""

    status = 503


class IndexLockedError(IndexError_):
    """Another process holds the index's write lock (``stale``: the writer that took it is dead)."""

    def __init__(self, index_dir: str, stale: bool = False):
        self.index_dir = str(index_dir)
        self.stale = stale
        super().__init__(
            f"index {self.index_dir} is locked by another writer; "
            + ("that writer is dead, run `kb doctor --repair`" if stale
               else "wait for it to finish and retry")
        )

    def user_message(self) -> str:
        if self.stale:
            return (
                f"Chỉ mục {self.index_dir} vẫn bị khoá dù tiến trình ghi đã dừng "
                "(các tiến trình con của nó còn giữ khoá). Hãy chạy: kb doctor --repair"
            )
        return (
            f"Chỉ mục {self.index_dir} đang được một tiến trình khác ghi "
            "(ví dụ một lệnh kb ingest khác). Hãy chờ tiến trình đó xong rồi chạy lại."
        )

    def reader_message(self) -> str:
        return "Chỉ mục đang được cập nhật. Hãy thử lại sau ít phút."


class IndexMissingError(IndexError_):
    """The index directory holds no index yet."""

    def __init__(self, index_dir: str):
        self.index_dir = str(index_dir)
        super().__init__(f"no index in {self.index_dir}; run `kb ingest PATH` first")

    def user_message(self) -> str:
        return (
            f"Chưa có chỉ mục tại {self.index_dir}. "
            "Hãy nạp tài liệu trước bằng lệnh: kb ingest THƯ_MỤC"
        )

    def reader_message(self) -> str:
        return "Chưa có chỉ mục. Hãy nạp tài liệu trước bằng lệnh: kb ingest THƯ_MỤC"


class SchemaMismatchError(IndexError_):
    """The index on disk was built with another schema version."""

    def __init__(self, index_dir: str, found: str, expected: str):
        self.index_dir = str(index_dir)
        super().__init__(
            f"index {self.index_dir} has schema version {found}, kb needs {expected}; "
            "run `kb ingest --rebuild PATH` to rebuild it"
        )

    def user_message(self) -> str:
        return (
            f"Chỉ mục {self.index_dir} được tạo bởi phiên bản cũ của kb. "
            "Hãy tạo lại bằng lệnh: kb ingest --rebuild THƯ_MỤC"
        )

    def reader_message(self) -> str:
        return ("Chỉ mục được tạo bởi phiên bản cũ của kb. "
                "Hãy tạo lại bằng lệnh: kb ingest --rebuild THƯ_MỤC")


class DocumentNotFound(KbError):
    """No document has this id or path."""

    status = 404

    def __init__(self, ref: str):
        self.ref = ref
        super().__init__(f"no document with id or path {ref!r}")

    def user_message(self) -> str:
        return f"Không tìm thấy tài liệu «{_shown(self.ref)}»."


class InvalidDocumentId(DocumentNotFound):
    """A document id that cannot be one (control characters, slashes, far too long...)."""

    def __init__(self, ref: str):
        self.ref = ref
        KbError.__init__(self, f"malformed document id {ref[:100]!r}")

    def user_message(self) -> str:
        return (f"«{_shown(self.ref)}» không phải là mã tài liệu. Mã tài liệu gồm chữ cái "
                "không dấu và chữ số, ví dụ 7226d5d9033b.")


def _shown(text: str, width: int = 60) -> str:
    """``text`` as it can be shown: invisible characters replaced, cut to ``width``."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in str(text))
    return text if len(text) <= width else text[:width] + "…"


class ServiceError(KbError):
    """Base class of the service's errors (accounts, tokens, the instance database)."""

    status = 400

    def __init__(self, message: str, user_text: str):
        self.user_text = user_text
        super().__init__(message)

    def user_message(self) -> str:
        return self.user_text


class InstanceError(ServiceError):
    """The instance folder or its database cannot be used (newer schema, unwritable...)."""

    status = 500

    def reader_message(self) -> str:
        return "Máy chủ chưa được cấu hình đúng. Hãy báo cho người quản trị."


class AccountError(ServiceError):
    """An account operation was refused (unknown user, taken name, weak password...)."""


class AuthenticationRequired(ServiceError):
    """No valid session or token (or a revoked token) where one is needed."""

    status = 401


class Forbidden(ServiceError):
    """The signed-in account's role does not allow this action."""

    status = 403


class LoginThrottled(ServiceError):
    """Too many wrong passwords for this account from this address: wait ``retry_after`` s."""

    status = 429

    def __init__(self, username: str, address: str, retry_after: int):
        self.retry_after = retry_after
        super().__init__(
            f"login of {username!r} from {address} throttled for {retry_after} s",
            f"Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau {retry_after} giây.")


class UploadRefused(ServiceError):
    """An upload breaks the limits (count, size, a zip that expands too far) or holds no file;
    refused before anything is stored."""

    status = 413


class CorrectionRefused(ServiceError):
    """An editor's correction is not a valid value (a date that is no date, an empty title...);
    nothing was changed."""


class OriginalFileMissing(KbError):
    """The file a document was ingested from is no longer where the index says it is."""

    status = 404

    def __init__(self, doc_id: str, path: str):
        self.doc_id = doc_id
        self.path = str(path)
        super().__init__(f"original file of document {doc_id} is gone from {self.path}; "
                         "run `kb doctor` to list documents whose files are missing")

    def user_message(self) -> str:
        return (f"Tệp gốc của tài liệu {self.doc_id} không còn ở {self.path}. "
                "Hãy chạy kb doctor để xem các tài liệu mất tệp.")

    def reader_message(self) -> str:
        return ("Tệp gốc của tài liệu này không còn trên máy chủ (có thể đã được chuyển đi hoặc "
                "xoá). Văn bản đã trích xuất vẫn xem và tải về được.")

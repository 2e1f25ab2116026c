-- Editing: corrections by editors that outlive the documents' registry rows (a re-ingest or a
-- rebuild writes the registry anew), corrections of sayings (keyed by the saying, not by one
-- document), ids kept by a document whose file was replaced, files of deleted or replaced
-- documents, and the "edit" job kind.

CREATE TABLE corrections_v2 (
    id INTEGER PRIMARY KEY,
    -- No foreign key to documents: a correction must survive its registry row being rewritten.
    document_id TEXT NOT NULL,
    -- '' for a field of the document; the key of a saying (kb.service.corrections.saying_id).
    saying TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    note TEXT NOT NULL DEFAULT '',
    editor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    editor_name TEXT,
    created_at TEXT NOT NULL
);
INSERT INTO corrections_v2 (id, document_id, field, old_value, new_value, note, editor_id,
                            created_at)
    SELECT id, document_id, field, old_value, new_value, note, editor_id, created_at
    FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections_v2 RENAME TO corrections;
CREATE INDEX corrections_document ON corrections(document_id, saying, field);
CREATE INDEX corrections_saying ON corrections(saying) WHERE saying != '';

-- A file that replaced a document's file: documents read from it keep that document's id.
CREATE TABLE document_pins (
    path TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Files whose document an editor deleted or replaced: met again in a folder, they are left out;
-- named on their own (an upload, `kb ingest FILE`) they come back.
CREATE TABLE retired_files (
    path TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('deleted', 'replaced')),
    retired_at TEXT NOT NULL
);

CREATE TABLE jobs_v2 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('upload', 'ingest', 'watch', 'rebuild', 'edit')),
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    payload TEXT NOT NULL DEFAULT '{}',
    submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    report TEXT,
    error TEXT
);
INSERT INTO jobs_v2 SELECT * FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v2 RENAME TO jobs;
CREATE INDEX jobs_status ON jobs(status, id);

CREATE INDEX audit_log_target ON audit_log(target);

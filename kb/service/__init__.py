"""The service's own data beside the search index: accounts, tokens, the document registry,
jobs and the audit log, in one SQLite database in the instance folder."""

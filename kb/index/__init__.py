"""The Whoosh index: schema, storage, writing and searching, each in its own module."""

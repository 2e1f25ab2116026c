"""kb: a search service and knowledge base for Vietnamese Party and state documents."""

__version__ = "0.1.0"

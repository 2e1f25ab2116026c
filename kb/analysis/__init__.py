"""Vietnamese text analysis: normalize → segment → fold → stop, shared by indexing and querying."""

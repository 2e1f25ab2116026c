"""Understanding extracted text: official-document metadata, press articles, sections and more.

Every function here is pure (text in, plain data out) and fast enough to run on each ingested
document: regular expressions only, no NLP models.
"""

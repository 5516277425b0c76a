"""The site: everything that turns a valid catalog into pages, exports and feeds.

build loads the catalog once per build; pages lists the generated pages and navigation; render holds
pure functions from model to escaped HTML; export writes api/ and the feeds; audit checks the built
output. hook and macros are the only MkDocs glue, so moving to another generator changes only them.
"""

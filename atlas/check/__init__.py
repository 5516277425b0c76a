"""`atlas check`: validate a catalog and report every problem, located.

validate runs loading and the schemas over a whole catalog, then the cross-file rules, one module per
concern: references between files, URLs, text, freshness. Depends on atlas.core only.
"""

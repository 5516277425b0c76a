"""`atlas fmt`: the canonical layout of catalog files (layout), keeping comments in place (comments)."""

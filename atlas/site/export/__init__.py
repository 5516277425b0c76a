"""Machine-readable output written after the build: api/ (JSON, CSV, landscape2) and the Atom feeds."""

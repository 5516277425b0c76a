"""The core: what every other layer builds on, and which depends on nothing else in the package.

problems and codes (the shape of every report), layout (the one table of catalog files and kinds),
load (strict YAML), schema (JSON Schema validation, schemas shipped as package data), repository
(the facts of catalog/github.json) and model (the typed catalog every page renders from).
"""

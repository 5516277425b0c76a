"""MLOps Atlas: load, validate and render the catalog of MLOps tools."""

"""`atlas enrich`: refresh catalog/github.json from the GitHub REST API (network; never run by the build).

client is the REST client (conditional requests, rate limits, pagination); enrich runs it over the
catalog. The facts it writes are read by atlas.core.repository, which knows nothing of the network.
"""

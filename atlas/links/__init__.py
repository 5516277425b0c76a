"""`python -m atlas links`: check every external URL of the catalog and the docs, politely and without false alarms."""

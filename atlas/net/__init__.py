"""What the network commands (links, enrich) share: retry backoff and a terminal progress bar."""

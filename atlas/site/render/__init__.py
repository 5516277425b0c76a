"""Pure functions from model objects to HTML. Every contributed string is escaped here."""

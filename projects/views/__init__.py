"""HTML views of the projects app: thin, scoped through visible_to, calling projects.services."""

"""One import framework for every importer (enterprises, project rosters, payrolls, bank statements, and the
next ones): the job (models.ImportJob), its states (states.ImportState), reading and bounding a workbook
(reading), the shared cell parsers and the template (cells), and the service that stages, claims, validates,
applies and dispatches (service). See service's docstring for the life of a job."""

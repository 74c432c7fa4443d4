-- schema_migrations records the version now; the single-row stamp of the worker's former start-up script goes.
DROP TABLE IF EXISTS ordering_schema;

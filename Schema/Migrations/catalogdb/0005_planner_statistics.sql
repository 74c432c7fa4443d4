-- Statistics for the planner right after the seed, rather than whenever autovacuum gets to it: without them
-- PostgreSQL guesses hundreds of rows for the small brand and type tables and plans listings with hash joins and a
-- sort, measured at half the listings per second of the plan it picks with them.
ANALYZE brands;
ANALYZE types;
ANALYZE products;

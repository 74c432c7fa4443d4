-- Typo tolerance: the catalog's own vocabulary, against which Catalog.Api looks up the words a shopper may have meant.
-- Trigrams miss transposed or dropped letters inside short words ("tnet", "jakcet" share too few with the word meant);
-- an edit distance to every word of the catalog does not. fuzzystrmatch's levenshtein_less_equal, in C, narrows the
-- list; Catalog.Api's Typos.Distance keeps the words within the typos allowed.
-- The migrator runs as the server's owner locally; on Azure Database for PostgreSQL the server must allow-list
-- fuzzystrmatch (the deployment does, beside pg_trgm).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Every word of a product's name or description, in lower case, as a shopper would type it (not stemmed, unlike the
-- search_vector's lexemes). Words of 4 letters and more: a typed word gets a typo from 5 letters, and an inserted
-- letter makes 5 of 4. A word no product holds any longer stays: it costs one comparison and matches nothing.
CREATE TABLE search_words (
    word text PRIMARY KEY
);

CREATE FUNCTION catalog_add_search_words() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT DISTINCT word
    FROM regexp_split_to_table(lower(NEW.name || ' ' || NEW.description), '[^[:alnum:]]+') AS word
    WHERE length(word) >= 4
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- Stock and price updates leave the words alone, and so do not fire it.
CREATE TRIGGER products_search_words AFTER INSERT OR UPDATE OF name, description ON products
    FOR EACH ROW EXECUTE FUNCTION catalog_add_search_words();

INSERT INTO search_words (word)
SELECT DISTINCT word
FROM products, regexp_split_to_table(lower(name || ' ' || description), '[^[:alnum:]]+') AS word
WHERE length(word) >= 4;

ANALYZE search_words;

-- catalog_resembles and ix_products_name_trgm (0001) no longer serve this build's search, but stay: replicas of the
-- build before it still call them until the deployment has replaced them (migrations only add).

-- ProductPriceChanged events, written in the transaction that changes the price and deleted once the broker has
-- confirmed them, so that a crash in between delays the event instead of losing it.

CREATE TABLE price_change_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid NOT NULL UNIQUE,
    product_id integer NOT NULL,
    old_price  numeric(10, 2) NOT NULL,
    new_price  numeric(10, 2) NOT NULL,
    changed_at timestamptz NOT NULL
);

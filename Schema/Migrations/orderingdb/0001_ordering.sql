-- The ordering tables. IF NOT EXISTS throughout because databases created before the migrator already have them
-- (from the worker's own start-up script, stamped in ordering_schema; 0002 retires that stamp).

CREATE TABLE IF NOT EXISTS orders (
    id               uuid PRIMARY KEY,
    buyer_id         varchar(200) NOT NULL,
    status           varchar(20) NOT NULL,
    cancel_reason    varchar(40),
    submitted_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    total            numeric(12, 2) NOT NULL CHECK (total >= 0),
    ship_full_name   varchar(200) NOT NULL,
    ship_street      varchar(200) NOT NULL,
    ship_city        varchar(100) NOT NULL,
    ship_postal_code varchar(20) NOT NULL,
    ship_country     varchar(100) NOT NULL,
    card_token       varchar(100) NOT NULL,
    card_last4       varchar(4) NOT NULL,
    payment_id       varchar(100)
);

-- A buyer's orders, newest first.
CREATE INDEX IF NOT EXISTS ix_orders_buyer_submitted ON orders (buyer_id, submitted_at DESC, id);

CREATE TABLE IF NOT EXISTS order_lines (
    order_id     uuid NOT NULL REFERENCES orders (id),
    line_number  integer NOT NULL,
    product_id   integer NOT NULL,
    product_name varchar(200) NOT NULL,
    unit_price   numeric(10, 2) NOT NULL CHECK (unit_price >= 0),
    quantity     integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_number)
);

CREATE TABLE IF NOT EXISTS outbox_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid NOT NULL,
    destination  varchar(200),
    message_type varchar(100) NOT NULL,
    body         jsonb NOT NULL,
    trace_parent varchar(100),
    created_at   timestamptz NOT NULL
);

-- The simulated payment gateway's own ledger (a real gateway keeps it on its side): one charge per idempotency key.
CREATE TABLE IF NOT EXISTS simulated_gateway_charges (
    idempotency_key uuid PRIMARY KEY,
    card_token      varchar(100) NOT NULL,
    amount          numeric(12, 2) NOT NULL,
    attempts        integer NOT NULL,
    outcome         varchar(20),
    charge_id       varchar(50),
    created_at      timestamptz NOT NULL
);

-- One row per order that asked for stock: the decision is stored with the stock change in one transaction, so a
-- redelivered ReserveStock or ReleaseStock finds it and answers again without touching stock a second time.
--   reserved  the lines were taken from stock          released   ... and given back (exactly once)
--   rejected  nothing was taken                         cancelled  released before it was ever reserved

CREATE TABLE stock_reservations (
    order_id    uuid PRIMARY KEY,
    status      varchar(16) NOT NULL CHECK (status IN ('reserved', 'rejected', 'released', 'cancelled')),
    decided_at  timestamptz NOT NULL,
    released_at timestamptz
);

-- Reserved: the quantities taken from stock, which a release gives back. Rejected: the lines that could not be
-- served, with what was available. No foreign key to products: a product may be deleted while an order holds it.
CREATE TABLE stock_reservation_lines (
    order_id   uuid NOT NULL REFERENCES stock_reservations (order_id) ON DELETE CASCADE,
    product_id integer NOT NULL,
    quantity   integer NOT NULL,
    available  integer,
    PRIMARY KEY (order_id, product_id)
);

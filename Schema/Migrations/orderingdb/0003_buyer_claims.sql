-- Orders move from an anonymous buyer to the account the shopper signs in to (POST /api/orders/claim). The claim is
-- remembered, so that an order still in flight (checked out before the claim, recorded after it) follows it too.
CREATE TABLE buyer_claims (
    from_buyer_id varchar(200) PRIMARY KEY,
    to_buyer_id   varchar(200) NOT NULL,
    claimed_at    timestamptz NOT NULL
);

-- Every order insert consults the claims, in the inserting transaction, so no code path that records an order can forget
-- to. The shared advisory lock on the buyer (the claim takes it exclusively, see OrderClaims) closes the race where the
-- claim's UPDATE misses an order not yet committed while this lookup misses a claim not yet committed. Only an order
-- submitted before the claim follows it: one submitted later under the same anonymous id belongs to whoever holds that
-- id now.
CREATE FUNCTION orders_follow_buyer_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1131176297, hashtext(NEW.buyer_id));
    NEW.buyer_id := coalesce(
        (SELECT to_buyer_id FROM buyer_claims WHERE from_buyer_id = NEW.buyer_id AND claimed_at >= NEW.submitted_at),
        NEW.buyer_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER orders_follow_buyer_claims BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_follow_buyer_claims();

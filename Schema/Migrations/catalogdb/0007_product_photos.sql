-- A product's photo (issue 15). photo_version is the content hash of the photo the shop shows (null: the generated
-- picture); the other columns follow the latest upload, which may still be processing or have been rejected while an
-- earlier version is still shown.

ALTER TABLE products
    ADD COLUMN photo_version   text NULL CHECK (photo_version ~ '^[0-9a-f]{32}$'),
    ADD COLUMN photo_upload_id uuid NULL,
    ADD COLUMN photo_status    text NULL CHECK (photo_status IN ('processing', 'ready', 'rejected')),
    ADD COLUMN photo_rejection text NULL;

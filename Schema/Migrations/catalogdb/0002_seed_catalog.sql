-- The starting catalog of an outdoor shop: 32 product models, each sold in four of twelve product lines, 128 products
-- over ten brands and eight types. Prices and stock levels are derived from the model and the line, so a fresh
-- database always holds the same products under the same ids.

INSERT INTO brands (name)
SELECT name FROM unnest(ARRAY[
    'Alpine Co.', 'Northbound', 'Riverstone', 'Cairn & Co.', 'Fjellwear',
    'Lumen Outdoor', 'Trailhead Supply', 'Boreal Works', 'Saltmarsh', 'Kestrel Gear'
]) WITH ORDINALITY AS brand (name, ordinal)
ORDER BY ordinal;

INSERT INTO types (name)
SELECT name FROM unnest(ARRAY[
    'Backpacks', 'Tents', 'Sleeping Bags', 'Jackets', 'Footwear', 'Cooking', 'Lighting', 'Accessories'
]) WITH ORDINALITY AS type (name, ordinal)
ORDER BY ordinal;

WITH model (ordinal, type, noun, description, base_price) AS (VALUES
    (1, 'Backpacks', 'Daypack 24', 'A 24-litre daypack with a ventilated back panel, hip-belt pockets and a stowable rain cover.', 79),
    (2, 'Backpacks', 'Trekking Backpack 55', 'A 55-litre pack for multi-day trips, with an adjustable torso length, a sleeping-bag compartment and side compression straps.', 189),
    (3, 'Backpacks', 'Hydration Pack 12', 'A slim running pack with a 2-litre reservoir sleeve, stretch chest pockets and reflective trim.', 69),
    (4, 'Backpacks', 'Travel Backpack 40', 'A carry-on sized backpack that opens like a suitcase, with a padded laptop sleeve and lockable zips.', 139),
    (5, 'Tents', 'Two-Person Tent', 'A freestanding three-season tent, 2.1 kg on the trail, with two doors and two vestibules.', 279),
    (6, 'Tents', 'Ultralight Tent', 'A single-wall shelter pitched with trekking poles, under a kilogram with its stakes.', 329),
    (7, 'Tents', 'Family Tent 6', 'A six-person tunnel tent with a blackout bedroom, a tall living area and a sewn-in groundsheet.', 449),
    (8, 'Tents', 'Bivy Shelter', 'A waterproof, breathable bivy bag with a hooped hood for fast and light nights out.', 159),
    (9, 'Sleeping Bags', 'Down Sleeping Bag', 'A 700-fill down mummy bag rated to -5 °C that packs to the size of a loaf of bread.', 249),
    (10, 'Sleeping Bags', 'Synthetic Sleeping Bag', 'A mummy bag with synthetic insulation that stays warm when damp, rated to 0 °C.', 129),
    (11, 'Sleeping Bags', 'Sleeping Pad', 'An insulated inflatable pad, 7 cm thick, with a quiet fabric and a flat valve.', 99),
    (12, 'Sleeping Bags', 'Camp Pillow', 'An inflatable pillow with a brushed cover and a soft foam top.', 29),
    (13, 'Jackets', 'Down Jacket', 'A warm 700-fill down jacket that packs into its own pocket.', 189),
    (14, 'Jackets', 'Rain Shell', 'A light, breathable waterproof jacket with pit zips and a helmet-compatible hood.', 149),
    (15, 'Jackets', 'Fleece Jacket', 'A mid-weight grid fleece that breathes on the climb and layers well under a shell.', 89),
    (16, 'Jackets', 'Softshell Jacket', 'A stretchy, wind-resistant softshell with a water-repellent finish for changeable days.', 129),
    (17, 'Footwear', 'Hiking Boots', 'Waterproof leather boots with a grippy lugged sole and a cushioned midsole.', 169),
    (18, 'Footwear', 'Trail Running Shoes', 'Light trail shoes with a rock plate, a 6 mm drop and sticky rubber for wet stone.', 129),
    (19, 'Footwear', 'Approach Shoes', 'Sticky-soled shoes for scrambles and via ferrata, with a climbing-zone toe.', 139),
    (20, 'Footwear', 'Camp Sandals', 'Quick-drying sandals with adjustable straps for river crossings and evenings at camp.', 49),
    (21, 'Cooking', 'Camp Stove', 'A compact canister stove that boils a litre in four minutes, with a piezo igniter.', 59),
    (22, 'Cooking', 'Cook Set', 'A nesting aluminium pot, pan and two mugs with folding handles and a strainer lid.', 69),
    (23, 'Cooking', 'Insulated Bottle', 'A double-wall steel bottle that keeps water cold for a day and coffee hot for a morning.', 29),
    (24, 'Cooking', 'Water Filter', 'A squeeze filter that removes bacteria and protozoa, good for a thousand litres.', 39),
    (25, 'Lighting', 'Headlamp', 'A 350-lumen rechargeable headlamp with a red night mode and a lock-out switch.', 39),
    (26, 'Lighting', 'Camp Lantern', 'A dimmable LED lantern with a warm glow, a hanging hook and a USB power-bank output.', 45),
    (27, 'Lighting', 'Flashlight', 'A pocket flashlight, 1000 lumens on the turbo setting and waterproof to two metres.', 55),
    (28, 'Lighting', 'Solar Charger', 'A folding 21-watt solar panel with two USB ports for phones and headlamps.', 79),
    (29, 'Accessories', 'Trekking Poles', 'A pair of collapsible aluminium poles with cork grips and quick-lock clamps.', 89),
    (30, 'Accessories', 'Compass', 'A baseplate compass with a sighting mirror, a declination scale and a luminous bezel.', 35),
    (31, 'Accessories', 'Merino Beanie', 'A soft merino wool beanie that stays warm when wet and never itches.', 25),
    (32, 'Accessories', 'First Aid Kit', 'A compact kit for blisters, cuts and sprains, in a waterproof pouch.', 35)
),
line (ordinal, name, brand, tagline, price_factor) AS (VALUES
    (0, 'Alpine', 'Alpine Co.', 'Built for long days above the tree line.', 1.15),
    (1, 'Summit', 'Northbound', 'Made for the last push to the top.', 1.30),
    (2, 'Timberline', 'Alpine Co.', 'At home in the forests below the peaks.', 1.00),
    (3, 'Glacier', 'Fjellwear', 'Ready for cold, wet and windy weather.', 1.20),
    (4, 'Coastal', 'Saltmarsh', 'Salt-proof hardware for sea cliffs and beaches.', 0.95),
    (5, 'Aurora', 'Boreal Works', 'Designed for long northern nights.', 1.10),
    (6, 'Cedar', 'Riverstone', 'Simple, sturdy and easy to repair.', 0.85),
    (7, 'Ridgeline', 'Kestrel Gear', 'Light enough to move fast along exposed ridges.', 1.25),
    (8, 'Canyon', 'Cairn & Co.', 'Tough against sand, sun and sharp rock.', 1.05),
    (9, 'Meadow', 'Trailhead Supply', 'Friendly gear for weekend walks and family trips.', 0.80),
    (10, 'Tundra', 'Lumen Outdoor', 'Tested in the Arctic, where every gram of warmth counts.', 1.35),
    (11, 'Riverbend', 'Riverstone', 'Comfortable on long valley walks and paddling trips.', 0.90)
),
-- Each model in four lines three apart, starting at a different line for each model.
offering (model_ordinal, variant, line_ordinal) AS (
    SELECT model.ordinal, variant, (model.ordinal * 5 + variant * 3) % 12
    FROM model CROSS JOIN generate_series(0, 3) AS variant
)
INSERT INTO products (name, description, price, available_stock, brand_id, type_id)
SELECT
    line.name || ' ' || model.noun,
    model.description || ' ' || line.tagline,
    round(model.base_price * line.price_factor) - 0.05,
    -- Mostly in stock, some nearly sold out, a few out of stock.
    CASE WHEN (model.ordinal * 4 + offering.variant) % 17 = 5 THEN 0
         ELSE 3 + (model.ordinal * 37 + offering.variant * 53) % 118 END,
    brands.id,
    types.id
FROM offering
JOIN model ON model.ordinal = offering.model_ordinal
JOIN line ON line.ordinal = offering.line_ordinal
JOIN brands ON brands.name = line.brand
JOIN types ON types.name = model.type
ORDER BY model.ordinal, offering.variant;

-- The controlled-substance ledger (clinical reference section 8). Every receipt, dispensation,
-- waste, transfer, return, destruction, count and correction is an append-only row of
-- inventory_entry; a trigger keeps inventory_balance in step in the same transaction, and the
-- balance's CHECK constraints refuse any entry that would leave a negative stock.

-- The products the clinic stocks, mirrored by org.ketamineclinic.inventory.Product.
CREATE TABLE inventory_product
(
  code        VARCHAR(40) PRIMARY KEY,
  mg_per_ml   NUMERIC(8, 3),
  volume_ml   NUMERIC(8, 3),
  mg_per_unit NUMERIC(10, 3) NOT NULL CHECK (mg_per_unit > 0)
);
INSERT INTO inventory_product (code, mg_per_ml, volume_ml, mg_per_unit) VALUES
  ('KETAMINE_10MG_PER_ML_20ML', 10, 20, 200),
  ('KETAMINE_50MG_PER_ML_10ML', 50, 10, 500),
  ('KETAMINE_100MG_PER_ML_5ML', 100, 5, 500),
  ('ESKETAMINE_28MG_DEVICE', NULL, NULL, 28);

CREATE TABLE inventory_location
(
  id         UUID PRIMARY KEY,
  clinic_id  UUID                     NOT NULL,
  name       VARCHAR(100)             NOT NULL,
  is_default BOOLEAN                  NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(100)             NOT NULL,
  UNIQUE (clinic_id, name),
  UNIQUE (clinic_id, id)
);
-- Requests may leave the location out; they then mean the clinic's one default location.
CREATE UNIQUE INDEX inventory_location_one_default ON inventory_location (clinic_id) WHERE is_default;

CREATE TABLE inventory_lot
(
  id         UUID PRIMARY KEY,
  clinic_id  UUID                     NOT NULL,
  product    VARCHAR(40)              NOT NULL REFERENCES inventory_product (code),
  lot        VARCHAR(60)              NOT NULL,
  expiry     DATE                     NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(100)             NOT NULL,
  UNIQUE (clinic_id, product, lot)
);

CREATE TABLE inventory_entry
(
  seq                 BIGSERIAL PRIMARY KEY,
  id                  UUID                     NOT NULL UNIQUE,
  clinic_id           UUID                     NOT NULL,
  entry_type          VARCHAR(20)              NOT NULL CHECK (entry_type IN ('RECEIPT', 'DISPENSATION', 'WASTE',
    'KEPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURN', 'DESTRUCTION', 'COUNT', 'ADJUSTMENT', 'REVERSAL')),
  -- For a REVERSAL: the type of the entry it reverses, so reports count it under that heading.
  reverses_type       VARCHAR(20),
  reverses_entry_id   UUID UNIQUE REFERENCES inventory_entry (id),
  product             VARCHAR(40)              NOT NULL REFERENCES inventory_product (code),
  lot                 VARCHAR(60)              NOT NULL,
  location_id         UUID REFERENCES inventory_location (id),
  -- What the entry does to the stock on the shelf at location_id.
  quantity_change     INTEGER                  NOT NULL,
  amount_mg_change    NUMERIC(12, 3)           NOT NULL,
  -- For WASTE and KEPT: the remainder of an opened unit, accounted against dispensation_id.
  remainder_mg        NUMERIC(12, 3) CHECK (remainder_mg IS NULL OR remainder_mg > 0),
  dispensation_id     UUID REFERENCES inventory_entry (id),
  patient_id          UUID,
  session_id          UUID,
  transfer_id         UUID,
  supplier            VARCHAR(200),
  invoice             VARCHAR(100),
  witness_user_id     UUID,
  witness_username    VARCHAR(100),
  count_kind          VARCHAR(20),
  counted_quantity    INTEGER,
  expected_quantity   INTEGER,
  discrepancy_id      UUID,
  reason              VARCHAR(1000),
  recorded_by_user_id UUID                     NOT NULL,
  recorded_by         VARCHAR(100)             NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (entry_type NOT IN ('WASTE', 'DESTRUCTION')
    OR (witness_user_id IS NOT NULL AND witness_user_id <> recorded_by_user_id)),
  CHECK (entry_type <> 'DISPENSATION' OR patient_id IS NOT NULL OR session_id IS NOT NULL),
  CHECK (entry_type <> 'REVERSAL' OR (reverses_entry_id IS NOT NULL AND reverses_type IS NOT NULL AND reason IS NOT NULL)),
  CHECK (entry_type NOT IN ('WASTE', 'KEPT') OR (remainder_mg IS NOT NULL AND dispensation_id IS NOT NULL)),
  CHECK (entry_type <> 'COUNT' OR (counted_quantity >= 0 AND expected_quantity >= 0))
);
CREATE INDEX inventory_entry_lot_idx ON inventory_entry (clinic_id, product, lot, recorded_at);
CREATE INDEX inventory_entry_patient_idx ON inventory_entry (clinic_id, patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX inventory_entry_session_idx ON inventory_entry (clinic_id, session_id) WHERE session_id IS NOT NULL;
CREATE INDEX inventory_entry_dispensation_idx ON inventory_entry (dispensation_id) WHERE dispensation_id IS NOT NULL;

CREATE FUNCTION inventory_entry_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'inventory_entry is append-only: % is not allowed; correct a mistake with a reversing entry', TG_OP;
END;
$$;

CREATE TRIGGER inventory_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON inventory_entry
  FOR EACH ROW EXECUTE FUNCTION inventory_entry_is_append_only();

CREATE TRIGGER inventory_entry_no_truncate
  BEFORE TRUNCATE ON inventory_entry
  FOR EACH STATEMENT EXECUTE FUNCTION inventory_entry_is_append_only();

-- The stock on each shelf. Never written by the application: the trigger below derives it from
-- the ledger, so it cannot drift from the entries, and its checks make a negative stock (or more
-- milligrams than the units on the shelf can hold) impossible whatever the code does.
CREATE TABLE inventory_balance
(
  clinic_id   UUID           NOT NULL,
  product     VARCHAR(40)    NOT NULL REFERENCES inventory_product (code),
  lot         VARCHAR(60)    NOT NULL,
  location_id UUID           NOT NULL REFERENCES inventory_location (id),
  quantity    INTEGER        NOT NULL CONSTRAINT inventory_balance_quantity_not_negative CHECK (quantity >= 0),
  amount_mg   NUMERIC(12, 3) NOT NULL CONSTRAINT inventory_balance_amount_not_negative CHECK (amount_mg >= 0),
  mg_per_unit NUMERIC(10, 3) NOT NULL,
  CONSTRAINT inventory_balance_amount_fits_units CHECK (amount_mg <= quantity * mg_per_unit),
  PRIMARY KEY (clinic_id, product, lot, location_id)
);

-- PostgreSQL checks an INSERT's row before ON CONFLICT turns it into an update, so stock that
-- leaves a shelf is an UPDATE (whose row lock serialises concurrent takers and whose new row the
-- checks see); with no balance row the INSERT of the negative row fails the same checks.
CREATE FUNCTION inventory_entry_moves_stock() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF NEW.location_id IS NULL OR (NEW.quantity_change = 0 AND NEW.amount_mg_change = 0) THEN
    RETURN NEW;
  END IF;
  IF NEW.quantity_change >= 0 AND NEW.amount_mg_change >= 0 THEN
    INSERT INTO inventory_balance AS b (clinic_id, product, lot, location_id, quantity, amount_mg, mg_per_unit)
    SELECT NEW.clinic_id, NEW.product, NEW.lot, NEW.location_id, NEW.quantity_change, NEW.amount_mg_change, p.mg_per_unit
    FROM inventory_product p WHERE p.code = NEW.product
    ON CONFLICT (clinic_id, product, lot, location_id) DO UPDATE
      SET quantity = b.quantity + EXCLUDED.quantity, amount_mg = b.amount_mg + EXCLUDED.amount_mg;
    RETURN NEW;
  END IF;
  UPDATE inventory_balance
    SET quantity = quantity + NEW.quantity_change, amount_mg = amount_mg + NEW.amount_mg_change
    WHERE clinic_id = NEW.clinic_id AND product = NEW.product AND lot = NEW.lot AND location_id = NEW.location_id;
  IF NOT FOUND THEN
    INSERT INTO inventory_balance (clinic_id, product, lot, location_id, quantity, amount_mg, mg_per_unit)
    SELECT NEW.clinic_id, NEW.product, NEW.lot, NEW.location_id, NEW.quantity_change, NEW.amount_mg_change, p.mg_per_unit
    FROM inventory_product p WHERE p.code = NEW.product;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER inventory_entry_balance
  AFTER INSERT ON inventory_entry
  FOR EACH ROW EXECUTE FUNCTION inventory_entry_moves_stock();

-- A count that differs from the book. Not a ledger row: it moves from OPEN through
-- INVESTIGATING to CLOSED, and closing may append an ADJUSTMENT entry to the ledger.
CREATE TABLE inventory_discrepancy
(
  id                  UUID PRIMARY KEY,
  clinic_id           UUID                     NOT NULL,
  count_entry_id      UUID                     NOT NULL UNIQUE REFERENCES inventory_entry (id),
  product             VARCHAR(40)              NOT NULL,
  lot                 VARCHAR(60)              NOT NULL,
  location_id         UUID                     NOT NULL REFERENCES inventory_location (id),
  expected_quantity   INTEGER                  NOT NULL,
  counted_quantity    INTEGER                  NOT NULL,
  status              VARCHAR(20)              NOT NULL CHECK (status IN ('OPEN', 'INVESTIGATING', 'CLOSED')),
  opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_by           VARCHAR(100)             NOT NULL,
  explanation         VARCHAR(2000),
  reportable          BOOLEAN                  NOT NULL DEFAULT FALSE,
  adjustment_entry_id UUID REFERENCES inventory_entry (id),
  closed_at           TIMESTAMP WITH TIME ZONE,
  closed_by           VARCHAR(100),
  CHECK (counted_quantity <> expected_quantity),
  CHECK (status <> 'CLOSED' OR (explanation IS NOT NULL AND closed_at IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE INDEX inventory_discrepancy_status_idx ON inventory_discrepancy (clinic_id, status);

-- What the investigation found, in order; notes are never edited.
CREATE TABLE inventory_discrepancy_note
(
  seq            BIGSERIAL PRIMARY KEY,
  discrepancy_id UUID                     NOT NULL REFERENCES inventory_discrepancy (id),
  note           VARCHAR(2000)            NOT NULL,
  written_by     VARCHAR(100)             NOT NULL,
  written_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

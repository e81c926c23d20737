-- The physician who receives this patient's risk alerts first (identity's user account id).
ALTER TABLE patient ADD COLUMN responsible_physician_id UUID;

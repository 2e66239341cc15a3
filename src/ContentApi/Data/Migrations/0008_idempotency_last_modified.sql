-- Create responses carry Last-Modified, and a replay sends the stored response's headers as they were.
ALTER TABLE idempotency_keys ADD COLUMN last_modified TEXT;

DROP TABLE IF EXISTS "address_attempts";

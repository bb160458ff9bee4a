-- Evaluations are also triggered by exceptions (granted, revoked, lapsed) and by the daily
-- scheduled re-evaluation.
ALTER TABLE evaluation DROP CONSTRAINT evaluation_trigger_check;
ALTER TABLE evaluation ADD CONSTRAINT evaluation_trigger_check
    CHECK (trigger IN ('IMPORT', 'EDIT', 'REFERENCE_DATA', 'CATALOGUE', 'EXCEPTION', 'SCHEDULE'));

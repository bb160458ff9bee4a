-- Append-only audit log: every role may add to it, nobody but the owner may change or remove
-- an entry (see V4 for the grants).
CREATE TABLE audit_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    target text,
    details jsonb NOT NULL DEFAULT '{}',
    source_address text
);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at DESC);

-- Scheduled work (issue 15): when each job last ran, for which planned time, and how it
-- ended. The planned time is what makes a job run once across instances: the instance that
-- claims it first runs it, the others find it claimed. No tenant data; background work
-- writes, operators read it and start a job by hand.
CREATE TABLE scheduled_job (
    id text PRIMARY KEY CHECK (length(id) <= 60),
    last_planned_for timestamptz,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_outcome text CHECK (last_outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    last_message text CHECK (length(last_message) <= 500),
    last_started_by text CHECK (length(last_started_by) <= 200)
);

GRANT SELECT, INSERT, UPDATE ON scheduled_job TO hardening_system;
GRANT SELECT ON scheduled_job TO hardening_operator, hardening_auditor;

ALTER TABLE scheduled_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE scheduled_job FORCE ROW LEVEL SECURITY;
CREATE POLICY all_jobs ON scheduled_job TO hardening_operator, hardening_auditor, hardening_system
    USING (true) WITH CHECK (true);

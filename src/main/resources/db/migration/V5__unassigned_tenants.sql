-- SEPPmail's built-in customers [none] and [default] become the tenants __none__ and
-- __default__ (see UnassignedTenants): they hold domains no real customer owns and are shown
-- as "unassigned". The marker follows from the name, so it can never disagree with it.
ALTER TABLE tenant ADD COLUMN unassigned boolean NOT NULL
    GENERATED ALWAYS AS (name IN ('__none__', '__default__')) STORED;

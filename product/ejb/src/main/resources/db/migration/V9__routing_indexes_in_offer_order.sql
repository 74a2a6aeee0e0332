-- Routing asks for the longest-idle Ready agent of a service and a service's oldest waiting call,
-- a few rows at a time. Indexes that hold the rows in exactly that order (the queries order by
-- every column of the index, the equal ones first) let the database read the first rows and stop;
-- the earlier indexes left the ordering to a sort of every Ready agent or every waiting call, for
-- each offer (H2 sorts unless the ORDER BY is a prefix of the index, even under equality).
drop index ix_cti_agent_status;
create index ix_cti_agent_ready on cti_agent (status, status_since, id);

drop index ix_call_record_status;
create index ix_call_record_waiting on call_record (status, service_id, started_at, id);

-- Waiting calls are offered in their order of arrival at the PBX. A time on the application's
-- clock cannot order a caller heard live against one learned from the PBX's channel listing after
-- a restart (known only to the second), so each call keeps its place as the PBX tells it
-- (QueuePlace: the second times 10^9 plus the PBX's channel sequence). Calls recorded before this
-- migration keep the order of their start.
alter table call_record add column queue_place bigint;
update call_record set queue_place = cast(extract(epoch from started_at) * 1000000000 as bigint);
alter table call_record alter column queue_place set not null;

drop index ix_call_record_waiting;
create index ix_call_record_waiting on call_record (status, service_id, queue_place, id);

-- The PBX events applied, by the id every application node gives the same report of the PBX
-- (its start time, its SequenceNumber, the kind of call event). Each node queues a copy of every
-- event; the broker's duplicate detection keeps the first, and this key is the last line of
-- defence for a copy that slips past it: an event whose id is here is not applied again.
-- Rows older than a day are removed.
create table pbx_event_applied (
    event_id   varchar(200) not null,
    applied_at timestamp with time zone not null,
    constraint pk_pbx_event_applied primary key (event_id)
);

create index ix_pbx_event_applied_at on pbx_event_applied (applied_at);

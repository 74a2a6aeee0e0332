-- The events outbox: each change's event for the events topic, written in the change's own
-- transaction, so that transaction needs the database alone (no two-phase commit with the broker).
-- The node that made the change publishes its rows right after the commit, then deletes them;
-- rows left by a node that stopped in between are published by any node's sweep (the broker
-- drops a second copy by the row's id). Random ids (UUIDs) given by the application: a
-- sequence's blocks of ids made transactions wait for each other.

create table event_outbox (
    id           varchar(36)  not null,
    subject_kind varchar(16)  not null,
    subject_id   varchar(64)  not null,
    event_type   varchar(64)  not null,
    body         varchar(1000000) not null,
    created_at   timestamp with time zone not null,
    constraint pk_event_outbox primary key (id)
);

-- the sweep takes rows older than a few seconds, oldest first
create index ix_event_outbox_created_at on event_outbox (created_at, id);

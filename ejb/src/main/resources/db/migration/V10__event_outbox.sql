-- The events outbox: each change's event for the events topic, written in the change's own
-- transaction, so that transaction needs the database alone (no two-phase commit with the broker).
-- The node that made the change publishes its rows right after the commit and deletes them in
-- the publishing transaction; rows left by a node that stopped in between are published by any
-- node's sweep. ids from a sequence, taken in blocks of 50 by each node (its values are the
-- last id of each block, as the JPA mapping expects).
create sequence event_outbox_seq start with 50 increment by 50;

create table event_outbox (
    id           bigint       not null,
    subject_kind varchar(16)  not null,
    subject_id   varchar(64)  not null,
    event_type   varchar(64)  not null,
    body         varchar(1000000) not null,
    created_at   timestamp with time zone not null,
    constraint pk_event_outbox primary key (id)
);

-- the sweep takes rows older than a few seconds, oldest first
create index ix_event_outbox_created_at on event_outbox (created_at, id);

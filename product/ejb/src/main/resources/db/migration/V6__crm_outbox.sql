-- The CRM outbox: every ticket change for the CRM, written with the change, delivered in id order.
-- ids from a sequence, taken when a change is recorded: a ticket's later change gets a higher id
create sequence crm_outbox_seq start with 1 increment by 1;

create table crm_outbox (
    id              bigint        not null,
    idempotency_key varchar(200)  not null,
    subject_id      varchar(64)   not null,
    event_type      varchar(64)   not null,
    payload         varchar(1000000) not null,
    created_at      timestamp with time zone not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    done_at         timestamp with time zone,
    outcome         varchar(16),
    last_error      varchar(1000),
    constraint pk_crm_outbox primary key (id),
    constraint uq_crm_outbox_key unique (idempotency_key)
);

-- the relay takes the oldest message not done
create index ix_crm_outbox_pending on crm_outbox (done_at, id);

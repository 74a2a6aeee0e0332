-- Calls as the contact center sees them. Portable SQL: the same file runs on H2 and PostgreSQL.
create table call_record (
    id              varchar(36)  not null,
    pbx_call_id     varchar(128) not null,
    direction       varchar(16)  not null,
    status          varchar(16)  not null,
    customer_number varchar(64)  not null,
    service_number  varchar(64),
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone,
    end_cause       varchar(32),
    sequence        bigint       not null,
    version         bigint       not null,
    constraint pk_call_record primary key (id),
    constraint uq_call_record_pbx_call_id unique (pbx_call_id)
);

create index ix_call_record_started_at on call_record (started_at);

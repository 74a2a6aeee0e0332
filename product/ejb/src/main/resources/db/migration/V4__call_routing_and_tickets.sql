-- Who handles a call and how: the service it belongs to, the agent it is offered to or talks
-- with, the transfer target, the sending number of a dial-up, and who disconnected it.
alter table call_record add column service_id varchar(36);
alter table call_record add column agent_id varchar(64);
alter table call_record add column consult_agent_id varchar(64);
alter table call_record add column sending_number varchar(32);
alter table call_record add column offered_at timestamp with time zone;
alter table call_record add column offer_expires_at timestamp with time zone;
alter table call_record add column connected_at timestamp with time zone;
alter table call_record add column disconnected_by varchar(64);
alter table call_record add column ticket_id varchar(36);

-- routing takes a service's waiting calls oldest first; the offer timeout scans open offers
create index ix_call_record_status on call_record (status, service_id, started_at);

-- one ticket per connected call; the unique call_id is the last line of defence against a double Confirm
create table ticket (
    id              varchar(36) not null,
    service_id      varchar(36) not null,
    call_id         varchar(36),
    customer_number varchar(64) not null,
    status          varchar(16) not null,
    assignee_id     varchar(64),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    sequence        bigint      not null,
    version         bigint      not null,
    constraint pk_ticket primary key (id),
    constraint uq_ticket_call unique (call_id)
);

create index ix_ticket_assignee on ticket (assignee_id, status);

-- every change of a ticket, with who and when: creation, status changes, comments, hand-overs
create table ticket_entry (
    id         varchar(36)   not null,
    ticket_id  varchar(36)   not null,
    kind       varchar(16)   not null,
    body       varchar(4000),
    author     varchar(64)   not null,
    written_at timestamp with time zone not null,
    constraint pk_ticket_entry primary key (id),
    constraint fk_ticket_entry_ticket foreign key (ticket_id) references ticket (id) on delete cascade
);

create index ix_ticket_entry_ticket on ticket_entry (ticket_id, written_at);

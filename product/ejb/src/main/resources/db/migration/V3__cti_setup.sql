-- CTI set-up: services with the numbers customers dial and the sending numbers agents dial out
-- with (Send No Management), and CTI agents (CTI Agent Management) with their status and its
-- history. Portable SQL: the same file runs on H2 and PostgreSQL.
create table contact_service (
    id                    varchar(36)  not null,
    name                  varchar(128) not null,
    announcement          varchar(128) not null,
    offer_timeout_seconds integer      not null,
    call_enabled          boolean      not null,
    version               bigint       not null,
    constraint pk_contact_service primary key (id),
    constraint uq_contact_service_name unique (name)
);

-- a number customers dial belongs to exactly one service
create table service_number (
    dialled_number varchar(32) not null,
    service_id     varchar(36) not null,
    constraint pk_service_number primary key (dialled_number),
    constraint fk_service_number_service foreign key (service_id) references contact_service (id) on delete cascade
);

create table sending_number (
    service_id     varchar(36) not null,
    sending_number varchar(32) not null,
    constraint pk_sending_number primary key (service_id, sending_number),
    constraint fk_sending_number_service foreign key (service_id) references contact_service (id) on delete cascade
);

-- the CTI information of a sign-in account (its login id); status columns are the agent's live state
create table cti_agent (
    id                   varchar(64)  not null,
    name                 varchar(128) not null,
    agent_number         varchar(16)  not null,
    device               varchar(64)  not null,
    role                 varchar(16)  not null,
    status               varchar(16)  not null,
    business_reason      varchar(16),
    status_since         timestamp with time zone not null,
    call_id              varchar(36),
    status_before_call   varchar(16),
    reason_before_call   varchar(16),
    sequence             bigint       not null,
    version              bigint       not null,
    constraint pk_cti_agent primary key (id),
    constraint uq_cti_agent_number unique (agent_number),
    constraint uq_cti_agent_device unique (device)
);

-- routing looks for the longest-idle Ready agent of a service
create index ix_cti_agent_status on cti_agent (status, status_since);

create table agent_service (
    agent_id   varchar(64) not null,
    service_id varchar(36) not null,
    constraint pk_agent_service primary key (agent_id, service_id),
    constraint fk_agent_service_agent foreign key (agent_id) references cti_agent (id) on delete cascade,
    constraint fk_agent_service_service foreign key (service_id) references contact_service (id) on delete cascade
);

-- append-only: each row closes the previous status (previous_*, previous_since .. changed_at),
-- so a report sums time per status without updating rows
create table agent_status_change (
    id                       varchar(36) not null,
    agent_id                 varchar(64) not null,
    status                   varchar(16) not null,
    business_reason          varchar(16),
    previous_status          varchar(16) not null,
    previous_business_reason varchar(16),
    previous_since           timestamp with time zone not null,
    changed_at               timestamp with time zone not null,
    call_id                  varchar(36),
    constraint pk_agent_status_change primary key (id),
    constraint fk_agent_status_change_agent foreign key (agent_id) references cti_agent (id) on delete cascade
);

create index ix_agent_status_change_agent on agent_status_change (agent_id, changed_at);

-- API keys of external systems (CRMs). Only the SHA-256 of a key is kept; the key itself is
-- shown once, when it is created. A revoked key stays, so the audit trail can name it.
create table integration_key (
    id          varchar(36)  not null,
    name        varchar(64)  not null,
    key_hash    varchar(64)  not null,
    key_prefix  varchar(16)  not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(64)  not null,
    revoked_at  timestamp with time zone,
    revoked_by  varchar(64),
    constraint pk_integration_key primary key (id),
    constraint uq_integration_key_hash unique (key_hash)
);

-- Every call of an integration: who (key), what (channel, method, path or command, outcome), when.
create table integration_audit (
    id          varchar(36)   not null,
    at          timestamp with time zone not null,
    key_id      varchar(36),
    key_name    varchar(64),
    principal   varchar(128)  not null,
    channel     varchar(8)    not null,
    action      varchar(16)   not null,
    target      varchar(1000) not null,
    outcome     integer       not null,
    remote      varchar(64),
    constraint pk_integration_audit primary key (id)
);

create index ix_integration_audit_at on integration_audit (at);
create index ix_integration_audit_key on integration_audit (key_id, at);

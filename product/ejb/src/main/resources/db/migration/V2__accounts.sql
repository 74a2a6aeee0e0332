-- Sign-in accounts: agents, administrators and (later) integrations. Passwords are stored as
-- PBKDF2 hashes in the format of Jakarta Security's Pbkdf2PasswordHash.
create table account (
    login_id      varchar(64)  not null,
    password_hash varchar(512) not null,
    display_name  varchar(128) not null,
    constraint pk_account primary key (login_id)
);

create table account_role (
    login_id varchar(64) not null,
    role     varchar(32) not null,
    constraint pk_account_role primary key (login_id, role),
    constraint fk_account_role_account foreign key (login_id) references account (login_id) on delete cascade
);

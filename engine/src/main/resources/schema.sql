-- Feature tables, created at every start when missing (spring.sql.init, H2 and PostgreSQL alike).

-- The audit trail: append-only, each entry chained to the one before by a SHA-256 hash.
create table if not exists audit_entry (
    id bigint primary key,
    at timestamp with time zone not null,
    actor varchar(128) not null,
    partner varchar(64),
    action varchar(64) not null,
    target varchar(256),
    details varchar(4000) not null,
    prev_hash varchar(64) not null,
    hash varchar(64) not null
);
create index if not exists audit_entry_partner on audit_entry (partner, id);

-- One row: the chain's head, locked while an entry is appended so entries form one line.
create table if not exists audit_head (
    id int primary key,
    last_id bigint not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_id, last_hash)
select 1, 0, '0000000000000000000000000000000000000000000000000000000000000000'
where not exists (select 1 from audit_head where id = 1);

create table if not exists delegation (
    id varchar(36) primary key,
    partner varchar(64) not null,
    requester varchar(64) not null,
    delegate varchar(128),
    bot_name varchar(64),
    bot_client_id varchar(128),
    scopes varchar(1000) not null,
    duration varchar(32) not null,
    justification varchar(2000) not null,
    state varchar(32) not null,
    mfa_required boolean not null,
    approvals_required int not null,
    requested_at timestamp with time zone not null,
    granted_at timestamp with time zone,
    expires_at timestamp with time zone
);
create index if not exists delegation_partner on delegation (partner, state);
create index if not exists delegation_delegate on delegation (delegate, state);

create table if not exists delegation_approval (
    delegation_id varchar(36) not null,
    approver varchar(64) not null,
    approved boolean not null,
    comment varchar(2000),
    decided_at timestamp with time zone not null,
    primary key (delegation_id, approver)
);

-- Append-only, tamper-evident audit trail (issue 10; docs/security.md). Each entry carries the
-- SHA-256 of the previous entry's hash and its own content; audit_head holds the last sequence
-- number and hash and is locked by every append, so concurrent appends never fork the chain.
create table audit_entry (
    seq        bigint        not null primary key,
    at_ms      bigint        not null,
    actor      varchar(100)  not null,
    action     varchar(60)   not null,
    target     varchar(200),
    details    varchar(2000),
    prev_hash  varchar(64)   not null,
    hash       varchar(64)   not null
);
create index ix_audit_entry_at on audit_entry (at_ms);
create index ix_audit_entry_actor on audit_entry (actor, at_ms);
create index ix_audit_entry_action on audit_entry (action, at_ms);

create table audit_head (
    id    integer      not null primary key,
    seq   bigint       not null,
    hash  varchar(64)  not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

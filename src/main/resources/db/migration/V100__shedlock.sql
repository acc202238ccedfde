-- ops (issue 15): ShedLock's table. Scheduled scans (reminders and digest, board report) take a row
-- here before they run, so with several nodes on one database each scan runs once per tick.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);

-- One file attached to a queued mail (the monthly board report PDF). Kept apart from mail_outbox so
-- that scanning the outbox never reads the bytes; deleted with its mail.
create table mail_attachment (
    mail_id      bigint primary key references mail_outbox (id) on delete cascade,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);

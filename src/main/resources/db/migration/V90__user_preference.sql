-- Small per-user settings of the inbox (issue 13): the remembered sort order and saved filters.
-- One row per user and key; values are short texts the inbox itself writes and parses.
create table user_preference (
    username   varchar(64)   not null,
    pref_key   varchar(100)  not null,
    pref_value varchar(1000) not null,
    updated_at timestamp with time zone not null,
    primary key (username, pref_key)
);

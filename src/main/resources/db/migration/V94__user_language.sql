-- Each person's language for the app (issue 13): 'en' or 'de'. No row: the browser's language decides.
create table user_language (
    username varchar(64) not null primary key,
    language varchar(8)  not null,
    constraint ck_user_language check (language in ('en', 'de'))
);

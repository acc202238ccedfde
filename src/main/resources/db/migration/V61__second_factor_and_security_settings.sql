-- Optional TOTP second factor per user, and the security settings an admin switches at run time.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column totp_enabled boolean default false not null;

create table security_setting (
    name   varchar(100) primary key,
    value  varchar(200) not null
);
insert into security_setting (name, value) values ('require-totp-for-admins', 'false');

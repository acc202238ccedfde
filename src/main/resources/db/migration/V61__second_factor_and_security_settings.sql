-- Optional TOTP second factor per user, and the security settings an admin switches at run time.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column totp_enabled boolean default false not null;

create table security_setting (
    setting_name   varchar(100) primary key,
    setting_value  varchar(200) not null
);
insert into security_setting (setting_name, setting_value) values ('require-totp-for-admins', 'false');

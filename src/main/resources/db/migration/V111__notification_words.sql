-- Notifications worded when read (issue 13, decision 0181): the subject as a bundle key and its arguments (JSON),
-- so each reader reads it in their language of the day. Rows written before keep only their stored subject.
alter table app_notification add column message_key varchar(200);
alter table app_notification add column message_args varchar(4000);

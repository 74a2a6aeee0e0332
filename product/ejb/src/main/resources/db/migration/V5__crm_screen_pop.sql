-- The screen pop: the caller as the CRM knows them, on the call and on its ticket.
alter table call_record add column customer_id varchar(128);
alter table call_record add column customer_name varchar(200);
alter table call_record add column customer_company varchar(200);
alter table call_record add column customer_url varchar(1000);

alter table ticket add column customer_id varchar(128);
alter table ticket add column customer_name varchar(200);
alter table ticket add column customer_company varchar(200);
alter table ticket add column customer_url varchar(1000);

-- Wrong passwords, for every user id tried (known or not, so that the answer never tells which ids
-- exist). The id is kept as its SHA-256: what people type into the user field is sometimes a password.
create table login_failure (
  user_key        varchar(64) primary key,
  failures        integer     not null,
  locked_until    timestamp   not null,
  last_failure_at timestamp   not null
);

create index ix_login_failure_last on login_failure (last_failure_at);

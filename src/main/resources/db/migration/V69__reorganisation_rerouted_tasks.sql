-- The open tasks a reorganisation handed to each group, counted in the transaction of the batch that moved
-- them: the totals hold across a stop, or a crash, and a resume (the recorded summary adds them up), and the
-- members of each group are told once, at the end, how many tasks came to them, not once a task.
create table reorganisation_rerouted (
  reorganisation_id bigint      not null references reorganisation (id),
  group_id          varchar(64) not null,
  tasks             integer     not null,
  constraint pk_reorganisation_rerouted primary key (reorganisation_id, group_id)
);

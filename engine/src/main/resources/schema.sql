-- Feature tables, created at every start when missing (spring.sql.init, H2 and PostgreSQL alike).

-- The audit trail: append-only, each entry chained to the one before by a SHA-256 hash.
create table if not exists audit_entry (
    id bigint primary key,
    at timestamp with time zone not null,
    actor varchar(128) not null,
    partner varchar(64),
    action varchar(64) not null,
    target varchar(256),
    details varchar(4000) not null,
    prev_hash varchar(64) not null,
    hash varchar(64) not null
);
create index if not exists audit_entry_partner on audit_entry (partner, id);

-- One row: the chain's head, locked while an entry is appended so entries form one line.
create table if not exists audit_head (
    id int primary key,
    last_id bigint not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_id, last_hash)
select 1, 0, '0000000000000000000000000000000000000000000000000000000000000000'
where not exists (select 1 from audit_head where id = 1);

create table if not exists delegation (
    id varchar(36) primary key,
    partner varchar(64) not null,
    requester varchar(64) not null,
    delegate varchar(128),
    bot_name varchar(64),
    bot_client_id varchar(128),
    scopes varchar(1000) not null,
    duration varchar(32) not null,
    justification varchar(2000) not null,
    state varchar(32) not null,
    mfa_required boolean not null,
    approvals_required int not null,
    requested_at timestamp with time zone not null,
    granted_at timestamp with time zone,
    expires_at timestamp with time zone
);
create index if not exists delegation_partner on delegation (partner, state);
create index if not exists delegation_delegate on delegation (delegate, state);

-- The broker connection a delegation is limited to (credentials scopes only; null: all of the partner's).
-- Such a delegation ends with the connection.
alter table delegation add column if not exists connection_id varchar(36);
create index if not exists delegation_connection on delegation (connection_id, state);

-- One row per person holding delegations of a partner: a grant or removal for that person locks it until
-- its transaction ends, so two delegations of the same scope never interleave their Keycloak changes
-- (one removing a membership the other has just made), on one node or many.
create table if not exists delegation_holder (
    partner varchar(64) not null,
    holder varchar(128) not null,
    primary key (partner, holder)
);

create table if not exists delegation_approval (
    delegation_id varchar(36) not null,
    approver varchar(64) not null,
    approved boolean not null,
    comment varchar(2000),
    decided_at timestamp with time zone not null,
    primary key (delegation_id, approver)
);

-- Broker connections: status only; keys and tokens live in Vault (partner-kv/partners/<partner>/connection-<id>).
create table if not exists broker_connection (
    id varchar(36) primary key,
    partner varchar(64) not null,
    broker varchar(64) not null,
    label varchar(100) not null,
    state varchar(32) not null,
    masked_key varchar(16) not null,
    created_by varchar(64) not null,
    created_at timestamp with time zone not null,
    token_issued_at timestamp with time zone,
    expires_at timestamp with time zone,
    next_rotation_at timestamp with time zone,
    last_verified_at timestamp with time zone,
    last_verification_ms bigint,
    failure varchar(32),
    failure_detail varchar(500),
    activity varchar(16)
);
create index if not exists broker_connection_partner on broker_connection (partner, created_at);

-- One broker login attempt: the state that binds the callback (hashed), single use, expiring; the
-- binding of the browser that started it (hashed; the value lives only in that browser's cookie).
create table if not exists broker_login (
    state_hash varchar(64) primary key,
    connection_id varchar(36) not null,
    process_instance_id varchar(64) not null,
    code_verifier varchar(128) not null,
    binding_hash varchar(64),
    expires_at timestamp with time zone not null,
    used_at timestamp with time zone
);
alter table broker_login add column if not exists binding_hash varchar(64);

-- A share link: the link carries an opaque random id, of which only the hash is kept (token_hash). The Vault
-- wrapping token is kept only sealed with the engine's transit key (wrapped_token), which no one can unwrap
-- without the engine's Vault login, and is forgotten once the link is opened or burnt. The one-time code is
-- hashed; attempts counts wrong codes over the link's whole life. The recipient is one of the partner's
-- people (recipient) or an outside address named on purpose (outside_email).
create table if not exists credential_share (
    token_hash varchar(64) primary key,
    connection_id varchar(36) not null,
    partner varchar(64) not null,
    recipient varchar(64),
    outside_email varchar(128),
    created_by varchar(64) not null,
    expires_at timestamp with time zone not null,
    code_hash varchar(64),
    code_expires_at timestamp with time zone,
    attempts int not null default 0,
    opened_at timestamp with time zone,
    wrapped_token varchar(1000)
);
-- Databases from before opaque share links: their rows have no wrapped_token, so their links no longer open.
alter table credential_share add column if not exists wrapped_token varchar(1000);
alter table credential_share add column if not exists outside_email varchar(128);
alter table credential_share alter column recipient drop not null;

-- A bot's secret link: the link's fragment carries an opaque random id, of which only the hash is kept; the
-- Vault wrapping token is kept sealed with the engine's transit key until the one person it was sent to opens it.
create table if not exists bot_secret_link (
    id_hash varchar(64) primary key,
    delegation_id varchar(36) not null,
    partner varchar(64) not null,
    client_id varchar(128) not null,
    sent_to varchar(64) not null,
    expires_at timestamp with time zone not null,
    wrapped_token varchar(1000),
    opened_at timestamp with time zone
);

-- When the link was ended unopened because its connection was revoked: code and open answer 410.
alter table credential_share add column if not exists ended_at timestamp with time zone;
create index if not exists credential_share_connection on credential_share (connection_id);

-- Alerts: one row per open condition (partner + type + resource); repeats only count.
create table if not exists alert (
    id varchar(36) primary key,
    alert_key varchar(400) not null,
    partner varchar(64) not null,
    type varchar(100) not null,
    resource varchar(200) not null,
    severity varchar(16) not null,
    summary varchar(500) not null,
    state varchar(16) not null,
    level int not null,
    repeat_count int not null,
    raised_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    acknowledged_by varchar(64),
    acknowledged_at timestamp with time zone,
    acknowledge_reason varchar(500),
    resolved_by varchar(64),
    resolved_at timestamp with time zone
);
create index if not exists alert_key_state on alert (alert_key, state);
create index if not exists alert_partner on alert (partner, raised_at);

-- The delivery log: one row per (alert, level, channel) — the idempotency key of each send.
create table if not exists alert_delivery (
    alert_id varchar(36) not null,
    level int not null,
    channel varchar(16) not null,
    recipient varchar(500) not null,
    outcome varchar(16) not null,
    detail varchar(500),
    at timestamp with time zone not null,
    primary key (alert_id, level, channel)
);

-- Failed sends so far: after workspace.alerts.delivery-attempts the channel gives up and falls back.
alter table alert_delivery add column if not exists attempts int default 0 not null;

-- Keys the engine signs with, stored only as Vault transit ciphertext (envelope encryption).
create table if not exists signing_key (
    name varchar(64) primary key,
    wrapped varchar(1000) not null,
    created_at timestamp with time zone not null
);

-- Used acknowledgement links (their nonce): a second use answers 410.
create table if not exists alert_ack_link_used (
    nonce varchar(64) primary key,
    alert_id varchar(36) not null,
    used_at timestamp with time zone not null
);

-- Silences: no notifications for an alert type and/or resource of a partner until they end (critical
-- alerts only for workspace.alerts.critical-mute-limit).
create table if not exists alert_mute (
    id varchar(36) primary key,
    partner varchar(64) not null,
    alert_type varchar(200),
    resource varchar(300),
    reason varchar(500) not null,
    starts_at timestamp with time zone not null,
    ends_at timestamp with time zone not null,
    created_by varchar(64) not null
);
create index if not exists alert_mute_partner on alert_mute (partner, ends_at);

-- Where the login-failure watch stopped looking (one row).
create table if not exists login_failure_watch (
    id int primary key,
    checked_until timestamp with time zone not null
);

-- A partner's own alert preferences (JSON); without a row the partner follows processes/alert-defaults.json.
create table if not exists alert_preferences (
    partner varchar(64) primary key,
    body varchar(8000) not null,
    updated_by varchar(64) not null,
    updated_at timestamp with time zone not null
);

-- Comments on an open task: visible to its candidates and the partner it is about; each change audited.
create table if not exists task_comment (
    id varchar(36) primary key,
    task_id varchar(64) not null,
    author varchar(64) not null,
    text varchar(2000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone
);
create index if not exists task_comment_task on task_comment (task_id, created_at);

-- Facts measured from the trail (first act per partner, acts per month) read by action and time.
create index if not exists audit_entry_action_at on audit_entry (action, at);

-- The one-question survey: a 1-5 answer (or a dismissal) after onboarding, a rotation or a reveal;
-- at most one prompt a week per person.
create table if not exists survey_response (
    id varchar(36) primary key,
    username varchar(64) not null,
    partner varchar(64),
    trigger_act varchar(20) not null,
    score int,
    comment varchar(2000),
    answered_at timestamp with time zone not null
);
create index if not exists survey_response_user on survey_response (username, answered_at);
-- Broker call latency: one raw sample per call the credential-health scan makes (kept 48 h), rolled up into
-- 5-minute (kept 8 days) and 1-hour buckets (kept 400 days) per connection and per partner, so a chart over weeks
-- reads buckets.
-- A bucket keeps its exact p50/p95 and a histogram (LatencyHistogram: bin:count pairs) to merge buckets with.
create table if not exists broker_latency_sample (
    connection_id varchar(36) not null,
    at timestamp with time zone not null,
    partner varchar(64) not null,
    broker varchar(64) not null,
    latency_ms int not null,
    ok boolean not null,
    error varchar(32)
);
create index if not exists broker_latency_sample_at on broker_latency_sample (at);

create table if not exists broker_latency_bucket (
    connection_id varchar(36) not null,
    size_minutes int not null,
    bucket_start timestamp with time zone not null,
    samples int not null,
    errors int not null,
    p50_ms int not null,
    p95_ms int not null,
    histogram varchar(2000) not null,
    primary key (connection_id, size_minutes, bucket_start)
);

-- The same buckets over all of a partner's connections, so a chart of the whole partner reads one row per step.
create table if not exists broker_latency_partner_bucket (
    partner varchar(64) not null,
    size_minutes int not null,
    bucket_start timestamp with time zone not null,
    samples int not null,
    errors int not null,
    p50_ms int not null,
    p95_ms int not null,
    histogram varchar(2000) not null,
    primary key (partner, size_minutes, bucket_start)
);

-- How far each bucket size has been rolled up (one row per size, null until the first roll-up); a roll-up locks
-- its row, so two never roll up the same samples at once.
create table if not exists broker_latency_rollup (
    size_minutes int primary key,
    rolled_until timestamp with time zone
);
insert into broker_latency_rollup (size_minutes, rolled_until)
select 5, null where not exists (select 1 from broker_latency_rollup where size_minutes = 5);
insert into broker_latency_rollup (size_minutes, rolled_until)
select 60, null where not exists (select 1 from broker_latency_rollup where size_minutes = 60);

-- Workspace layouts people saved; without a row a person follows their persona's defaults
-- (processes/persona-defaults.dmn). default_widgets: the default widgets when they saved.
create table if not exists workspace_layout (
    username varchar(64) primary key,
    layout varchar(8000) not null,
    default_widgets varchar(2000) not null,
    saved_at timestamp with time zone not null
);

-- OAuth doctor runs (diagnostics): the last 20 per connection, each the whole answer as JSON (never a secret).
create table if not exists connection_diagnosis (
    id varchar(36) primary key,
    connection_id varchar(36) not null,
    partner varchar(64) not null,
    ran_by varchar(64) not null,
    ran_at timestamp with time zone not null,
    duration_ms bigint not null,
    body varchar(16000) not null
);
create index if not exists connection_diagnosis_connection on connection_diagnosis (connection_id, ran_at);

-- What the partner registered at the broker for a connection, as the doctor compares it (diagnostics).
create table if not exists connection_diagnosis_setting (
    connection_id varchar(36) primary key,
    registered_redirect_uri varchar(2048),
    registered_address varchar(45),
    updated_by varchar(64) not null,
    updated_at timestamp with time zone not null
);

-- Playwright smoke tests of a partner's login (diagnostics): each run with its steps (JSON), and its masked
-- screenshots and scrubbed trace as artifacts. smoke_test_running holds one row per partner while a run is
-- queued or running, so a second start for the same partner fails on its primary key (409).
create table if not exists smoke_test_run (
    id varchar(36) primary key,
    partner varchar(64) not null,
    connection_id varchar(36),
    state varchar(16) not null,
    requested_by varchar(64) not null,
    requested_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    duration_ms bigint,
    steps varchar(8000) not null,
    trace varchar(100)
);
create index if not exists smoke_test_run_partner on smoke_test_run (partner, requested_at);
create table if not exists smoke_test_running (
    partner varchar(64) primary key,
    run_id varchar(36) not null
);
create table if not exists smoke_test_artifact (
    run_id varchar(36) not null,
    name varchar(100) not null,
    content_type varchar(100) not null,
    body bytea not null,
    primary key (run_id, name)
);

-- Partners added by ops (partner-invitation): one row per partner id and per email, written with the start of the
-- invitation, so a second invitation for the same id or email fails as a whole (409) and nothing is half-created.
create table if not exists partner_invitation (
    partner varchar(64) primary key,
    email varchar(254) not null unique,
    display_name varchar(100) not null,
    traits varchar(2000) not null,
    invited_by varchar(64) not null,
    invited_at timestamp with time zone not null,
    process_instance varchar(64)
);

-- Saved inbox filters: a user's named task criteria (JSON), optionally shared with one of their roles.
create table if not exists task_filter (
    id varchar(36) primary key,
    owner varchar(64) not null,
    name varchar(100) not null,
    criteria varchar(2000) not null,
    shared_with_group varchar(100),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index if not exists task_filter_owner on task_filter (owner);
create index if not exists task_filter_shared on task_filter (shared_with_group);

-- Model changes from the browser editor (models): a draft is saved only once it validates; proposing it starts
-- model-deployment, whose reviewer (never the author) approves or rejects it; approval deploys it.
create table if not exists model_draft (
    id varchar(36) primary key,
    model_key varchar(100) not null,
    model_type varchar(8) not null,
    content text not null,
    tests text,
    author varchar(64) not null,
    status varchar(16) not null,
    base_version integer,
    created_at timestamp with time zone not null,
    process_instance varchar(64),
    reviewed_by varchar(64),
    review_comment varchar(2000),
    deployed_version integer
);
create index if not exists model_draft_key on model_draft (model_key);

-- Who deployed each browser deployment (Camunda keeps no user on a deployment); releases have no row here.
create table if not exists model_deployment (
    deployment_id varchar(64) primary key,
    model_key varchar(100) not null,
    draft_id varchar(36) not null,
    deployed_by varchar(64) not null,
    approved_by varchar(64) not null,
    deployed_at timestamp with time zone not null
);

-- Migrations of running instances between two versions of a process (models): the validation report kept as
-- reported; proposing starts instance-migration, whose reviewer (never the author) approves or rejects it;
-- approval runs the engine's batch, whose id is kept to read its progress and failures.
create table if not exists model_migration (
    id varchar(36) primary key,
    model_key varchar(100) not null,
    from_version integer not null,
    to_version integer not null,
    mapping text not null,
    report text not null,
    instances integer not null,
    valid boolean not null,
    author varchar(64) not null,
    status varchar(16) not null,
    created_at timestamp with time zone not null,
    process_instance varchar(64),
    reviewed_by varchar(64),
    review_comment varchar(2000),
    batch_id varchar(64),
    started_with integer
);

-- scim-sync staging tables. Every row belongs to one run; a run's rows are never shared or rewritten by another
-- run, except planned_op rows, whose state an `apply --plan RUN` run advances. Portable SQL (H2 and PostgreSQL).

CREATE TABLE IF NOT EXISTS sync_run (
    run_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    job_name     VARCHAR(200)  NOT NULL,
    command      VARCHAR(16)   NOT NULL,
    plan_run_id  VARCHAR(64),
    config_json  VARCHAR(100000) NOT NULL,
    out_dir      VARCHAR(2000) NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    finished_at  TIMESTAMP,
    exit_code    INT
);
-- added after the first release: a database made before it gets the column here
ALTER TABLE sync_run ADD COLUMN IF NOT EXISTS summary_json VARCHAR(1000000);
ALTER TABLE sync_run ADD COLUMN IF NOT EXISTS allow_removals BIGINT;
-- --partial: every input of the run is a partial input (absent-* policies and the row-drop guard off for it)
ALTER TABLE sync_run ADD COLUMN IF NOT EXISTS partial_inputs BOOLEAN;

CREATE TABLE IF NOT EXISTS input_file (
    run_id     VARCHAR(64)   NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    path       VARCHAR(2000) NOT NULL,
    sha256     VARCHAR(64)   NOT NULL,
    row_count  BIGINT        NOT NULL,
    header     VARCHAR(100000),
    PRIMARY KEY (run_id, kind)
);
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS keyed_rows BIGINT;
-- a partial input (a failed-rows file fed back, or --partial) is never the row-drop guard's reference
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS partial BOOLEAN;

CREATE TABLE IF NOT EXISTS desired_user (
    run_id         VARCHAR(64)  NOT NULL,
    line_no        BIGINT       NOT NULL,
    email          VARCHAR(320) NOT NULL,
    email_key      VARCHAR(320) NOT NULL,
    user_name      VARCHAR(200),
    user_name_key  VARCHAR(200),
    display_name   VARCHAR(512),
    org_role       VARCHAR(16),
    active         BOOLEAN      NOT NULL,
    raw            TEXT,
    PRIMARY KEY (run_id, line_no)
);
-- active=removed: the user must leave the organisation (active is then false); null in rows made before it
ALTER TABLE desired_user ADD COLUMN IF NOT EXISTS removed BOOLEAN;
-- The desired_* tables have no index but their primary key, so that loading appends in key order: the rules and the
-- planners read them in line order, not by key. Databases made before lose the indexes they had.
DROP INDEX IF EXISTS desired_user_email;
DROP INDEX IF EXISTS desired_user_name;
DROP INDEX IF EXISTS desired_team_key;
DROP INDEX IF EXISTS desired_member_key;
DROP INDEX IF EXISTS desired_role_name;

CREATE TABLE IF NOT EXISTS row_error (
    run_id       VARCHAR(64)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    line_no      BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    column_name  VARCHAR(500),
    reason       VARCHAR(4000) NOT NULL,
    row_key      VARCHAR(700),
    raw          TEXT,
    PRIMARY KEY (run_id, kind, line_no, seq)
);
-- No index but the primary key: every read of row_error takes all the errors of one input of a run, in line order.
-- An index on (run_id, kind, row_key) served no lookup, and H2 chose it over the primary key for those ordered reads,
-- then sorted all of an input's errors even to show the first few. Databases made before lose it.
DROP INDEX IF EXISTS row_error_key;

-- The target as a run listed it (before planning, and again after applying to verify): JSON lines of users and
-- teams in parts, read back whole into memory (SnapshotRepository). Replaces remote_user, remote_group, remote_member and
-- remote_team_role, whose rows and indexes cost more to write than the plan saved by joining them.
CREATE TABLE IF NOT EXISTS remote_snapshot (
    run_id  VARCHAR(64)      NOT NULL,
    pass    VARCHAR(8)       NOT NULL,
    part    INT              NOT NULL,
    body    VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (run_id, pass, part)
);
DROP TABLE IF EXISTS remote_user;
DROP TABLE IF EXISTS remote_group;
DROP TABLE IF EXISTS remote_member;
DROP TABLE IF EXISTS remote_team_role;

CREATE TABLE IF NOT EXISTS planned_op (
    run_id        VARCHAR(64)   NOT NULL,
    seq           BIGINT        NOT NULL,
    phase         INT           NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    object_key    VARCHAR(700)  NOT NULL,
    input_kind    VARCHAR(16),
    line_no       BIGINT,
    target_id     VARCHAR(200),
    before_value  VARCHAR(4000),
    after_value   VARCHAR(4000),
    payload       VARCHAR(100000) NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    result_id     VARCHAR(200),
    http_status   INT,
    error_type    VARCHAR(100),
    detail        VARCHAR(4000),
    attempts      INT           NOT NULL,
    verified      VARCHAR(16),
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS planned_op_line ON planned_op (run_id, input_kind, line_no);
-- when an operation's outcome was recorded (the database's clock, once for each batch of outcomes): a run's pace over
-- its operations, phase by phase, reads from it (bench/scale.sh migration)
ALTER TABLE planned_op ADD COLUMN IF NOT EXISTS recorded_at TIMESTAMP;

-- teams, memberships and custom roles

CREATE TABLE IF NOT EXISTS desired_team (
    run_id    VARCHAR(64)  NOT NULL,
    line_no   BIGINT       NOT NULL,
    name      VARCHAR(200) NOT NULL,
    name_key  VARCHAR(200) NOT NULL,
    raw       TEXT,
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE IF NOT EXISTS desired_member (
    run_id     VARCHAR(64)  NOT NULL,
    line_no    BIGINT       NOT NULL,
    team       VARCHAR(200) NOT NULL,
    team_key   VARCHAR(200) NOT NULL,
    email      VARCHAR(320) NOT NULL,
    email_key  VARCHAR(320) NOT NULL,
    role       VARCHAR(100),
    raw        TEXT,
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE IF NOT EXISTS desired_role (
    run_id          VARCHAR(64)   NOT NULL,
    line_no         BIGINT        NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    inherited_from  VARCHAR(16)   NOT NULL,
    permissions     VARCHAR(10000) NOT NULL,
    description     VARCHAR(1000),
    raw             TEXT,
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE IF NOT EXISTS remote_role (
    run_id          VARCHAR(64)   NOT NULL,
    pass            VARCHAR(8)    NOT NULL,
    id              VARCHAR(200)  NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    inherited_from  VARCHAR(16),
    permissions     VARCHAR(10000) NOT NULL,
    inherited       VARCHAR(10000) NOT NULL,
    description     VARCHAR(1000),
    PRIMARY KEY (run_id, pass, id)
);

-- team service accounts (W&B's GraphQL API): the rows of service-accounts.csv, and those the target held in the
-- teams they name. Never their API keys: the tool does not ask for them.

CREATE TABLE IF NOT EXISTS desired_service_account (
    run_id       VARCHAR(64)   NOT NULL,
    line_no      BIGINT        NOT NULL,
    team         VARCHAR(200)  NOT NULL,
    team_key     VARCHAR(200)  NOT NULL,
    description  VARCHAR(1000) NOT NULL,
    raw          TEXT,
    PRIMARY KEY (run_id, line_no)
);

CREATE TABLE IF NOT EXISTS remote_service_account (
    run_id       VARCHAR(64)   NOT NULL,
    pass         VARCHAR(8)    NOT NULL,
    team_key     VARCHAR(200)  NOT NULL,
    seq          INT           NOT NULL,
    id           VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, pass, team_key, seq)
);

-- The ownership ledger: what a job's inputs have named, in any run, or what the tool created for it. Removals
-- (absent users, members, roles) touch only what is in it; anything else on the target is reported, never removed.
CREATE TABLE IF NOT EXISTS owned_object (
    job_name    VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    object_key  VARCHAR(700) NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    first_run   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (job_name, kind, object_key)
);

-- Runs that prune has forgotten (their sync_run row is gone) and whose staged rows it is still deleting, a slice at a
-- time; a prune interrupted there finishes them the next time.
CREATE TABLE IF NOT EXISTS pruned_run (
    run_id  VARCHAR(64)  NOT NULL PRIMARY KEY
);

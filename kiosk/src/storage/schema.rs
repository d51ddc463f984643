//! The schema and its versioned migrations.
//!
//! Migrations form a ladder: migration `i` (counting from 1) takes a database from
//! `PRAGMA user_version = i - 1` to `i`, inside one transaction together with the version
//! bump, so a crash mid-migration leaves the previous version intact. A database whose
//! version is newer than [`LATEST`] was written by a newer Rekry and is refused untouched.
//!
//! Privacy is part of the schema: a response has no field that could hold a name, free text,
//! a device identifier of the candidate or an exact time (only a 15-minute `bucket`, checked
//! by a constraint); an ID check is stored only as core's `CheckRecord`.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// `PRAGMA application_id` of a Rekry kiosk database: "RKRY" in ASCII. It tells a Rekry
/// database from any other SQLite file, which is refused rather than written to.
pub const APPLICATION_ID: i64 = 0x524b_5259;

/// Migration 1: the whole first schema.
const V1: &str = r#"
-- Small key/value settings: kiosk id, PIN hash, audit chain head.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Kiosks and events are interned: a response row carries two small integers, not strings.
CREATE TABLE kiosks (
    id   INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE events (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

-- Question ids, interned per catalogue.
CREATE TABLE questions (
    id        INTEGER PRIMARY KEY,
    catalogue TEXT NOT NULL,
    name      TEXT NOT NULL,
    UNIQUE (catalogue, name)
) STRICT;

-- One candidate's feedback. No personal field exists; the time is a 15-minute bucket
-- (Unix seconds, a multiple of 900). Flags are stored, never dropped: repeated presses and
-- sessions faster than a person can read are counted and reported apart.
CREATE TABLE responses (
    id               INTEGER PRIMARY KEY,
    uuid             BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    kiosk            INTEGER NOT NULL REFERENCES kiosks(id),
    event            INTEGER NOT NULL REFERENCES events(id),
    catalogue        TEXT NOT NULL CHECK (catalogue IN ('job-fair', 'candidate')),
    lang             TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    bucket           INTEGER NOT NULL CHECK (bucket % 900 = 0),
    complete         INTEGER NOT NULL CHECK (complete IN (0, 1)),
    repeated_presses INTEGER NOT NULL DEFAULT 0 CHECK (repeated_presses >= 0),
    too_fast         INTEGER NOT NULL DEFAULT 0 CHECK (too_fast IN (0, 1))
) STRICT;

-- Answers: yes/no stored as 1/0, scales as their value; the question's kind (from core's
-- catalogue) says which. Responses are validated by core before they are stored.
CREATE TABLE answers (
    response INTEGER NOT NULL REFERENCES responses(id),
    question INTEGER NOT NULL REFERENCES questions(id),
    value    INTEGER NOT NULL,
    PRIMARY KEY (response, question)
) STRICT, WITHOUT ROWID;

-- Aggregates maintained in the same transaction as every insert, so a report over a million
-- responses sums a few thousand rows instead of scanning millions. `day` is days since
-- 1970-01-01 (UTC) of the bucket; `flagged` is repeated_presses > 0 OR too_fast.
CREATE TABLE answer_counts (
    catalogue TEXT NOT NULL,
    event     INTEGER NOT NULL,
    kiosk     INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    complete  INTEGER NOT NULL,
    flagged   INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    value     INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (catalogue, day, event, kiosk, complete, flagged, question, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE response_counts (
    catalogue        TEXT NOT NULL,
    event            INTEGER NOT NULL,
    kiosk            INTEGER NOT NULL,
    day              INTEGER NOT NULL,
    complete         INTEGER NOT NULL,
    flagged          INTEGER NOT NULL,
    n                INTEGER NOT NULL,
    repeated_presses INTEGER NOT NULL,
    too_fast         INTEGER NOT NULL,
    PRIMARY KEY (catalogue, day, event, kiosk, complete, flagged)
) STRICT, WITHOUT ROWID;

-- Finished ID checks: core's CheckRecord (postcard, `format` = encoding version) plus the
-- columns purge and listings need. Nothing else about the candidate exists to be stored.
CREATE TABLE checks (
    id         INTEGER PRIMARY KEY,
    uuid       BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    kiosk      INTEGER NOT NULL REFERENCES kiosks(id),
    checked_on INTEGER NOT NULL,
    role       TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    format     INTEGER NOT NULL,
    record     BLOB NOT NULL
) STRICT;
CREATE INDEX checks_checked_on ON checks(checked_on);

-- Append-only, hash-chained audit log. `hash` = SHA-256 over the previous entry's hash and
-- this entry's fields, with `details_hash` standing in for the details, so purge can redact
-- details (set them NULL) and the chain still verifies.
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,
    uuid         BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    kiosk        TEXT NOT NULL,
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    details      TEXT,
    details_hash BLOB NOT NULL CHECK (length(details_hash) = 32),
    prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash         BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

-- The purge path opens this gate inside its own transaction, redacts, closes it, and logs
-- that it did. Any other UPDATE or DELETE on the audit table is refused.
CREATE TABLE purge_gate (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    open INTEGER NOT NULL CHECK (open IN (0, 1))
) STRICT;
INSERT INTO purge_gate (id, open) VALUES (1, 0);

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (
    (SELECT open FROM purge_gate WHERE id = 1) = 1
    AND NEW.details IS NULL
    AND NEW.seq IS OLD.seq AND NEW.uuid IS OLD.uuid AND NEW.kiosk IS OLD.kiosk
    AND NEW.at IS OLD.at AND NEW.kind IS OLD.kind AND NEW.details_hash IS OLD.details_hash
    AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
)
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
"#;

/// Migration 2: the same counts per tertial instead of per day. A report without a day
/// filter (the usual one: a tertial, an event, everything) sums a few thousand rows here
/// instead of hundreds of thousands of per-day rows. `period` is year × 10 + tertial number.
const V2: &str = r#"
CREATE TABLE answer_totals (
    catalogue TEXT NOT NULL,
    period    INTEGER NOT NULL,
    event     INTEGER NOT NULL,
    kiosk     INTEGER NOT NULL,
    complete  INTEGER NOT NULL,
    flagged   INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    value     INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (catalogue, period, event, kiosk, complete, flagged, question, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE response_totals (
    catalogue        TEXT NOT NULL,
    period           INTEGER NOT NULL,
    event            INTEGER NOT NULL,
    kiosk            INTEGER NOT NULL,
    complete         INTEGER NOT NULL,
    flagged          INTEGER NOT NULL,
    n                INTEGER NOT NULL,
    repeated_presses INTEGER NOT NULL,
    too_fast         INTEGER NOT NULL,
    PRIMARY KEY (catalogue, period, event, kiosk, complete, flagged)
) STRICT, WITHOUT ROWID;

INSERT INTO answer_totals
SELECT catalogue,
       CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 10
         + (CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1) / 4 + 1,
       event, kiosk, complete, flagged, question, value, sum(n)
FROM answer_counts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO response_totals
SELECT catalogue,
       CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 10
         + (CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1) / 4 + 1,
       event, kiosk, complete, flagged, sum(n), sum(repeated_presses), sum(too_fast)
FROM response_counts GROUP BY 1, 2, 3, 4, 5, 6;
"#;

/// Every migration, in order. Never edit a released one: append a new one.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The database's `user_version`.
pub fn version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the database up to `target` (normally [`LATEST`]), one migration per transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let current = version(conn)?;
    if current > LATEST {
        return Err(StoreError::TooNew { found: current, supported: LATEST });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let to = i as i64 + 1;
        if to <= current || to > target {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let now = version(&tx)?;
        if now >= to {
            tx.commit()?;
            continue;
        }
        if now == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
    }
    Ok(())
}

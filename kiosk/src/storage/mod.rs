//! Durable storage: one SQLite file per kiosk. This module owns every SQL statement.
//!
//! - **Durability.** WAL with `synchronous=FULL`: [`Store::save_response`] returns only after
//!   its transaction has committed and been synced, so an answer acknowledged on screen is on
//!   disk. Crash-tested with SIGKILL (see `tests/crash.rs`).
//! - **Refusal, never repair.** A file that is not a Rekry database, is corrupt, locked,
//!   read-only, from a newer version or on a full disk gives a [`StoreError`] with a one-line
//!   message and is left exactly as it was: nothing is recreated or overwritten.
//! - **Privacy by schema.** Responses carry a 15-minute time bucket, never an exact time, and
//!   no personal field; ID checks are stored only as core's [`CheckRecord`].
//! - **Merges.** Every record has a UUID, so importing a bundle twice changes nothing.
//! - **Reports** come from aggregate tables maintained in the same transaction as each insert
//!   (see [`Store::report`]), fast over millions of responses.
//! - **Time.** Buckets are Unix seconds; days and tertials are counted in UTC, so a day
//!   filter runs from 01:00 or 02:00 Swedish time. Fairs run in daytime, so this moves no
//!   answer across a day boundary in practice, and it keeps merges across kiosks exact.
//!
//! ```no_run
//! use std::path::Path;
//! use std::time::SystemTime;
//! use rekry_core::Lang;
//! use rekry_core::survey::{Answer, CatalogueId, Response, Value};
//! use rekry_kiosk::storage::{NewResponse, ResponseFlags, Store};
//!
//! let mut store = Store::open(Path::new("/tmp/rekry.sqlite3"))?;
//! let mut response = Response::new(CatalogueId::JobFair);
//! response.push(Answer::new("recommend", Value::Score(9)).unwrap()).unwrap();
//! let id = store.save_response(&NewResponse {
//!     event: "Jobbmässan".into(),
//!     response,
//!     lang: Lang::Sv,
//!     complete: true,
//!     flags: ResponseFlags::default(),
//!     at: SystemTime::now(),
//! })?;
//! println!("stored {id}");
//! # Ok::<(), rekry_kiosk::storage::StoreError>(())
//! ```

mod audit;
mod bulk;
pub mod bundle;
mod report;
pub mod schema;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rekry_core::Lang;
use rekry_core::idcheck::record::CheckRecord;
use rekry_core::survey::{CatalogueId, Completeness, QuestionKind, Response, Value};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use uuid::Uuid;

pub use audit::{AuditEntry, AuditEvent, ChainBreak, ChainReport, PurgeReport};
pub use bundle::{BundleError, ImportReport};
pub use report::{Breakdown, BreakdownRow, FlaggedCounts, Report, ReportFilter};

/// A record's globally unique id (UUID v7: time-ordered, so inserts append to the index).
pub type RecordId = Uuid;

/// Length of a feedback time bucket, in seconds. Responses store only the start of their
/// 15-minute bucket, so a time-of-day view cannot single anyone out.
pub const BUCKET_SECS: i64 = 15 * 60;

/// How long a write waits for another process holding the database before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Shortest accepted staff PIN, in digits. Six digits give a million combinations; with the
/// app's growing lockout after five failures, guessing is impractical, and six is what
/// phones ask for.
pub const MIN_PIN_DIGITS: usize = 6;
/// Longest accepted staff PIN, in digits.
pub const MAX_PIN_DIGITS: usize = 12;

/// Why a storage operation failed. `Display` is one line, fit for stderr.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file is not an SQLite database, or is damaged. It was not modified.
    #[error("{path} is not a readable Rekry database (corrupt or not SQLite); it was left untouched")]
    Corrupt {
        /// The database file.
        path: PathBuf,
    },
    /// An SQLite database, but not a Rekry one. It was not modified.
    #[error("{path} is an SQLite database of another application; it was left untouched")]
    Foreign {
        /// The database file.
        path: PathBuf,
    },
    /// Another process holds the database.
    #[error("database {path} is locked by another process; try again when it has finished")]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// The file or its directory cannot be written.
    #[error("database {path} is read-only (file, directory or file system); nothing was written")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// The disk (or a size limit) is full; the transaction was rolled back.
    #[error("disk full writing {path}; the last change was not saved, earlier data is intact")]
    Full {
        /// The database file.
        path: PathBuf,
    },
    /// The file cannot be opened or created (missing directory, permissions).
    #[error("cannot open database {path}: {reason}")]
    CannotOpen {
        /// The database file.
        path: PathBuf,
        /// What SQLite or the OS said.
        reason: String,
    },
    /// Written by a newer Rekry.
    #[error("database schema version {found} is newer than this program supports ({supported}); upgrade rekry-kiosk")]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A response that core's catalogue rejects.
    #[error("invalid response: {0}")]
    InvalidResponse(String),
    /// A time before 1970 or too far in the future.
    #[error("invalid time: {0}")]
    InvalidTime(String),
    /// A PIN that does not meet the rules.
    #[error("{0}")]
    WeakPin(String),
    /// A bundle that cannot be imported; nothing was imported.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// Stored data that does not decode (a damaged or hand-edited row).
    #[error("stored data is damaged: {0}")]
    Damaged(String),
    /// An I/O error outside SQLite (exports).
    #[error("{0}")]
    Io(String),
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// Result of storage operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Flags a touch session raised. Flagged responses are stored like any other, counted, and
/// excluded from reports unless asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResponseFlags {
    /// Presses on the same target in quick succession (a child tapping).
    pub repeated_presses: u32,
    /// The session was faster than a person can read the questions.
    pub too_fast: bool,
}

impl ResponseFlags {
    /// Whether any flag is raised.
    pub fn any(&self) -> bool {
        self.repeated_presses > 0 || self.too_fast
    }
}

/// A response to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewResponse {
    /// The event (from the configuration), such as "Jobbmässan Stockholm 2026".
    pub event: String,
    /// The answers, validated with core's catalogue before storing.
    pub response: Response,
    /// The language the candidate chose.
    pub lang: Lang,
    /// Whether the candidate finished; a partial response is stored apart in reports.
    pub complete: bool,
    /// Session flags.
    pub flags: ResponseFlags,
    /// When it was answered; stored only as its 15-minute bucket.
    pub at: SystemTime,
}

/// Options for [`Store::open_with`].
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another process's lock.
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions { busy_timeout: DEFAULT_BUSY_TIMEOUT }
    }
}

/// A kiosk's database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    ids: Ids,
}

/// This kiosk's id and the interned row ids of kiosks, events and questions, cached because
/// they never change once written. Kept apart from the connection so a write transaction
/// (which borrows the connection) can use and fill the caches.
#[derive(Debug)]
pub(crate) struct Ids {
    kiosk_id: String,
    kiosk_row: i64,
    events: HashMap<String, i64>,
    /// Question row ids by catalogue and position in the catalogue.
    questions: HashMap<CatalogueId, Vec<Option<i64>>>,
    kiosks: HashMap<String, i64>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("kiosk_id", &self.ids.kiosk_id).finish_non_exhaustive()
    }
}

/// Per-connection settings. `synchronous = FULL` syncs the WAL at every commit, so a
/// committed answer survives power loss; a 32 MiB page cache keeps the id index of a
/// million responses in memory for reports and saves (imports raise it for their own
/// transaction, see `import_bundle_bytes`).
const PRAGMAS: &str = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; \
                       PRAGMA journal_size_limit = 8388608;";

/// SQLite's file header: every database starts with it.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating and migrating if needed) the database at `path`.
    ///
    /// A corrupt, foreign, locked, read-only or newer-version file gives an error and is
    /// left untouched. The parent directory must exist.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &OpenOptions::default())
    }

    /// [`open`](Self::open) with options.
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Store> {
        let path = path.to_path_buf();
        let exists = check_header(&path)?;
        if !exists {
            // Create the file ourselves first: the OS error says clearly why it cannot be
            // (read-only file system, missing directory), where SQLite only says "cannot open".
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                    ) =>
                {
                    return Err(StoreError::ReadOnly { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return Err(StoreError::Full { path }),
                Err(e) => return Err(StoreError::CannotOpen { path, reason: e.to_string() }),
            }
        }
        let result = Store::open_file(path.clone(), options);
        if result.is_err() && !exists {
            // The empty file is ours; leave nothing behind.
            if std::fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
                let _ = std::fs::remove_file(&path);
            }
        }
        result
    }

    fn open_file(path: PathBuf, options: &OpenOptions) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(e, &path))?;
        conn.busy_timeout(options.busy_timeout).map_err(|e| classify(e, &path))?;
        // Room for every statement the store uses, so none is re-prepared in a bulk import.
        conn.set_prepared_statement_cache_capacity(64);
        // SQLite silently opens a write-protected file read-only; refuse before any write.
        if conn.is_readonly("main").map_err(|e| classify(e, &path))? {
            return Err(StoreError::ReadOnly { path });
        }
        // Reading the schema is the first real read: garbage past the header fails here.
        let (app_id, version, tables): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id), \
                        (SELECT user_version FROM pragma_user_version), \
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| classify(e, &path))?;
        if app_id != schema::APPLICATION_ID && (app_id != 0 || tables > 0) {
            return Err(StoreError::Foreign { path });
        }
        if version > schema::LATEST {
            return Err(StoreError::TooNew { found: version, supported: schema::LATEST });
        }
        let mode: String =
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| classify(e, &path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::CannotOpen { path, reason: format!("cannot enable WAL (journal mode {mode})") });
        }
        conn.execute_batch(PRAGMAS).map_err(|e| classify(e, &path))?;
        schema::migrate_to(&mut conn, schema::LATEST).map_err(|e| reclassify(e, &path))?;
        let (kiosk_id, kiosk_row) = ensure_kiosk_id(&mut conn).map_err(|e| classify(e, &path))?;
        let ids =
            Ids { kiosk_id, kiosk_row, events: HashMap::new(), questions: HashMap::new(), kiosks: HashMap::new() };
        Ok(Store { conn, path, ids })
    }

    /// This kiosk's id (a UUID created when the database was first opened).
    pub fn kiosk_id(&self) -> &str {
        &self.ids.kiosk_id
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores one response and returns its id only after the transaction has committed.
    ///
    /// The response is validated with core's catalogue (complete or partial per
    /// `complete`); an invalid one is refused with [`StoreError::InvalidResponse`].
    pub fn save_response(&mut self, r: &NewResponse) -> Result<RecordId> {
        let completeness = if r.complete { Completeness::Complete } else { Completeness::Partial };
        if let Err(problems) = r.response.validate(completeness) {
            let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Err(StoreError::InvalidResponse(text.join("; ")));
        }
        let bucket = bucket_of(r.at)?;
        let id = Uuid::now_v7();
        let kiosk = self.ids.kiosk_id.clone();
        let row = StoredResponse {
            uuid: *id.as_bytes(),
            kiosk: &kiosk,
            event: &r.event,
            lang: r.lang,
            bucket,
            complete: r.complete,
            flags: r.flags,
            response: &r.response,
        };
        let path = self.path.clone();
        self.write(|s, tx| {
            let mut agg = Aggregates::default();
            s.insert_response(tx, &row, &mut agg)?;
            agg.flush(s, tx)?;
            Ok(())
        })
        .map_err(|e| reclassify(e, &path))?;
        Ok(id)
    }

    /// Stores a finished ID check (core's record, nothing else) and logs it in the audit log,
    /// in one transaction.
    pub fn save_check(&mut self, record: &CheckRecord) -> Result<RecordId> {
        let id = Uuid::now_v7();
        let check = StoredCheck { uuid: *id.as_bytes(), kiosk: self.ids.kiosk_id.clone(), record: record.clone() };
        let path = self.path.clone();
        self.write(|s, tx| {
            s.insert_check(tx, &check)?;
            audit::append(tx, &s.kiosk_id, &AuditEvent::CheckSaved { id: id.to_string() }, SystemTime::now())?;
            Ok(())
        })
        .map_err(|e| reclassify(e, &path))?;
        Ok(id)
    }

    /// Appends an entry to the audit log.
    pub fn audit(&mut self, event: AuditEvent) -> Result<()> {
        let path = self.path.clone();
        self.write(|s, tx| audit::append(tx, &s.kiosk_id, &event, SystemTime::now()).map(|_| ()))
            .map_err(|e| reclassify(e, &path))
    }

    /// Whether a staff PIN has been set. There is no default PIN.
    pub fn pin_is_set(&self) -> Result<bool> {
        Ok(self.setting("pin_hash")?.is_some())
    }

    /// Sets the staff PIN: digits only, [`MIN_PIN_DIGITS`]–[`MAX_PIN_DIGITS`] long, not one
    /// repeated digit and not an ascending or descending run (`123456`). Stored as an
    /// Argon2id hash; the change is audit-logged in the same transaction.
    pub fn set_pin(&mut self, pin: &str) -> Result<()> {
        check_pin_rules(pin)?;
        let hash = hash_pin(pin)?;
        let path = self.path.clone();
        self.write(|s, tx| {
            let had = setting_in(tx, "pin_hash")?.is_some();
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('pin_hash', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&hash],
            )?;
            let event = if had { AuditEvent::PinChanged } else { AuditEvent::PinSet };
            audit::append(tx, &s.kiosk_id, &event, SystemTime::now())?;
            Ok(())
        })
        .map_err(|e| reclassify(e, &path))
    }

    /// Whether `pin` is the staff PIN. `Ok(false)` when no PIN is set, so staff mode stays
    /// closed. Takes the Argon2 time (tens of milliseconds) on purpose.
    pub fn verify_pin(&self, pin: &str) -> Result<bool> {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        let Some(stored) = self.setting("pin_hash")? else {
            return Ok(false);
        };
        let parsed = PasswordHash::new(&stored).map_err(|e| StoreError::Damaged(format!("PIN hash: {e}")))?;
        Ok(argon2::Argon2::default().verify_password(pin.as_bytes(), &parsed).is_ok())
    }

    /// Number of stored responses (complete and partial, flagged or not).
    pub fn response_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM responses", [], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Whether foreign-key enforcement is on for this connection (it is, except inside an
    /// import's own transaction).
    pub fn foreign_keys_enabled(&self) -> Result<bool> {
        Ok(self.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?)
    }

    /// Number of stored ID checks.
    pub fn check_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM checks", [], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Whether a response with this id is stored.
    pub fn has_response(&self, id: &RecordId) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM responses WHERE uuid = ?1", [id.as_bytes().as_slice()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The stored ID checks, oldest first: id and record.
    pub fn checks(&self) -> Result<Vec<(RecordId, CheckRecord)>> {
        let mut stmt = self.conn.prepare("SELECT uuid, format, record FROM checks ORDER BY checked_on, id")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, Vec<u8>>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (uuid, format, blob) = row?;
            out.push((uuid_from(&uuid)?, decode_check(format, &blob)?));
        }
        Ok(out)
    }

    /// `PRAGMA integrity_check`: `Ok(())` when SQLite reports `ok`, otherwise its findings.
    pub fn integrity_check(&self) -> Result<(), String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(|e| e.to_string())?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        if lines == ["ok"] { Ok(()) } else { Err(lines.join("; ")) }
    }

    /// Recomputes the aggregate tables from the raw rows and reports whether they matched
    /// (they always should; a test and `audit verify` use this as an invariant check).
    pub fn aggregates_consistent(&self) -> Result<bool> {
        let q = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let bad_answers = q(
            "SELECT count(*) FROM (
                SELECT r.catalogue, r.event, r.kiosk, r.bucket / 86400 - (r.bucket % 86400 < 0) AS day,
                       r.complete, (r.repeated_presses > 0 OR r.too_fast) AS flagged, a.question, a.value,
                       count(*) AS n
                FROM answers a JOIN responses r ON r.id = a.response
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                EXCEPT SELECT catalogue, event, kiosk, day, complete, flagged, question, value, n FROM answer_counts)",
        )?;
        let extra_answers = q("SELECT (SELECT count(*) FROM answer_counts) - (SELECT count(*) FROM (
                SELECT 1 FROM answers a JOIN responses r ON r.id = a.response
                GROUP BY r.catalogue, r.event, r.kiosk, r.bucket / 86400 - (r.bucket % 86400 < 0), r.complete,
                         (r.repeated_presses > 0 OR r.too_fast), a.question, a.value))")?;
        let bad_responses = q("SELECT count(*) FROM (
                SELECT catalogue, event, kiosk, bucket / 86400 - (bucket % 86400 < 0) AS day, complete,
                       (repeated_presses > 0 OR too_fast) AS flagged, count(*), sum(repeated_presses), sum(too_fast)
                FROM responses GROUP BY 1, 2, 3, 4, 5, 6
                EXCEPT SELECT catalogue, event, kiosk, day, complete, flagged, n, repeated_presses, too_fast
                FROM response_counts)")?;
        let extra_responses = q("SELECT (SELECT count(*) FROM response_counts) - (SELECT count(*) FROM (
                SELECT 1 FROM responses GROUP BY catalogue, event, kiosk, bucket / 86400 - (bucket % 86400 < 0),
                complete, (repeated_presses > 0 OR too_fast)))")?;
        // The per-tertial tables must hold the per-day ones summed by tertial.
        let period = "CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 10 \
                      + (CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1) / 4 + 1";
        let bad_answer_totals = q(&format!(
            "SELECT count(*) FROM (SELECT catalogue, {period}, event, kiosk, complete, flagged, question, value, sum(n) \
             FROM answer_counts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 \
             EXCEPT SELECT catalogue, period, event, kiosk, complete, flagged, question, value, n FROM answer_totals) \
             UNION ALL SELECT count(*) FROM (SELECT catalogue, period, event, kiosk, complete, flagged, question, value, n \
             FROM answer_totals EXCEPT SELECT catalogue, {period}, event, kiosk, complete, flagged, question, value, \
             sum(n) FROM answer_counts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) ORDER BY 1 DESC LIMIT 1"
        ))?;
        let bad_response_totals = q(&format!(
            "SELECT count(*) FROM (SELECT catalogue, {period}, event, kiosk, complete, flagged, sum(n), \
             sum(repeated_presses), sum(too_fast) FROM response_counts GROUP BY 1, 2, 3, 4, 5, 6 \
             EXCEPT SELECT catalogue, period, event, kiosk, complete, flagged, n, repeated_presses, too_fast \
             FROM response_totals) \
             UNION ALL SELECT count(*) FROM (SELECT catalogue, period, event, kiosk, complete, flagged, n, \
             repeated_presses, too_fast FROM response_totals EXCEPT SELECT catalogue, {period}, event, kiosk, \
             complete, flagged, sum(n), sum(repeated_presses), sum(too_fast) FROM response_counts \
             GROUP BY 1, 2, 3, 4, 5, 6) ORDER BY 1 DESC LIMIT 1"
        ))?;
        Ok(bad_answers == 0
            && extra_answers == 0
            && bad_responses == 0
            && extra_responses == 0
            && bad_answer_totals == 0
            && bad_response_totals == 0)
    }

    // ---- internals -------------------------------------------------------------------

    /// Runs `f` in an IMMEDIATE transaction (the write lock is taken up front, so a busy
    /// database fails before any work) and commits. On error everything rolls back.
    fn write<T>(&mut self, f: impl FnOnce(&mut Ids, &rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&mut self.ids, &tx)?;
            tx.commit()?;
            Ok(value)
        })();
        if result.is_err() {
            // Cached interned ids may name rows that were rolled back.
            self.ids.events.clear();
            self.ids.questions.clear();
            self.ids.kiosks.clear();
        }
        result
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }
}

fn setting_in(tx: &Connection, key: &str) -> Result<Option<String>> {
    Ok(tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// The row id for `key` in a name → id table: from `cache`, or inserted if new and cached.
fn intern(tx: &Connection, cache: &mut HashMap<String, i64>, key: &str, insert: &str, select: &str) -> Result<i64> {
    if let Some(id) = cache.get(key) {
        return Ok(*id);
    }
    tx.prepare_cached(insert)?.execute([key])?;
    let id: i64 = tx.prepare_cached(select)?.query_row([key], |r| r.get(0))?;
    cache.insert(key.to_owned(), id);
    Ok(id)
}

impl Ids {
    fn event_row(&mut self, tx: &Connection, name: &str) -> Result<i64> {
        intern(
            tx,
            &mut self.events,
            name,
            "INSERT INTO events (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            "SELECT id FROM events WHERE name = ?1",
        )
    }

    fn kiosk_row_of(&mut self, tx: &Connection, uuid: &str) -> Result<i64> {
        if uuid == self.kiosk_id {
            return Ok(self.kiosk_row);
        }
        intern(
            tx,
            &mut self.kiosks,
            uuid,
            "INSERT INTO kiosks (uuid) VALUES (?1) ON CONFLICT (uuid) DO NOTHING",
            "SELECT id FROM kiosks WHERE uuid = ?1",
        )
    }

    fn question_row(&mut self, tx: &Connection, catalogue: CatalogueId, pos: usize) -> Result<i64> {
        let questions = catalogue.catalogue().questions;
        let cache = self.questions.entry(catalogue).or_insert_with(|| vec![None; questions.len()]);
        if let Some(Some(id)) = cache.get(pos) {
            return Ok(*id);
        }
        let Some(q) = questions.get(pos) else {
            return Err(StoreError::InvalidResponse(format!("question #{pos} is not in {catalogue}")));
        };
        tx.prepare_cached(
            "INSERT INTO questions (catalogue, name) VALUES (?1, ?2) ON CONFLICT (catalogue, name) DO NOTHING",
        )?
        .execute([catalogue.as_str(), q.id])?;
        let id: i64 = tx
            .prepare_cached("SELECT id FROM questions WHERE catalogue = ?1 AND name = ?2")?
            .query_row([catalogue.as_str(), q.id], |r| r.get(0))?;
        if let Some(slot) = cache.get_mut(pos) {
            *slot = Some(id);
        }
        Ok(id)
    }

    /// Inserts a response unless its UUID is already stored; returns whether it was new.
    /// The aggregate deltas go to `agg`, which the caller flushes before commit.
    fn insert_response(&mut self, tx: &Connection, r: &StoredResponse<'_>, agg: &mut Aggregates) -> Result<bool> {
        let catalogue = r.response.catalogue;
        let event = self.event_row(tx, r.event)?;
        let kiosk = self.kiosk_row_of(tx, r.kiosk)?;
        let inserted = tx
            .prepare_cached(
                "INSERT INTO responses (uuid, kiosk, event, catalogue, lang, bucket, complete, repeated_presses, too_fast) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (uuid) DO NOTHING",
            )?
            .execute(params![
                r.uuid.as_slice(),
                kiosk,
                event,
                catalogue.as_str(),
                r.lang.code(),
                r.bucket,
                r.complete,
                r.flags.repeated_presses,
                r.flags.too_fast
            ])?;
        if inserted == 0 {
            return Ok(false);
        }
        let row = tx.last_insert_rowid();
        let day = day_of_bucket(r.bucket);
        let flagged = r.flags.any();
        let key = CountKey { catalogue, event, kiosk, day, complete: r.complete, flagged };
        let cat = catalogue.catalogue();
        let cell = agg.responses.entry(key).or_insert_with(|| AggCell::new(cat.questions.len()));
        cell.n += 1;
        cell.repeated_presses += i64::from(r.flags.repeated_presses);
        cell.too_fast += i64::from(r.flags.too_fast);
        // All of a response's answers go in with one multi-row INSERT: one statement run per
        // response instead of one per answer.
        let mut rows: heapless::Vec<(i64, i64), { rekry_core::survey::MAX_ANSWERS }> = heapless::Vec::new();
        for answer in &r.response.answers {
            let Some((pos, q)) = cat.question(&answer.question) else {
                return Err(StoreError::InvalidResponse(format!("unknown question {}", answer.question)));
            };
            let value = encode_value(q.kind, answer.value)?;
            let slot = usize::try_from(value).ok().filter(|v| *v <= 10);
            let (Some(slot), Some(counts)) = (slot, cell.counts.get_mut(pos)) else {
                return Err(StoreError::InvalidResponse(format!("{}: value {value} out of range", q.id)));
            };
            counts[slot] += 1;
            let qrow = self.question_row(tx, catalogue, pos)?;
            rows.push((qrow, value)).map_err(|_| StoreError::InvalidResponse("too many answers".into()))?;
        }
        if rows.is_empty() {
            return Ok(true);
        }
        let sql = answers_insert_sql(rows.len());
        let mut stmt = tx.prepare_cached(sql)?;
        for (i, (q, v)) in rows.iter().enumerate() {
            stmt.raw_bind_parameter(3 * i + 1, row)?;
            stmt.raw_bind_parameter(3 * i + 2, q)?;
            stmt.raw_bind_parameter(3 * i + 3, v)?;
        }
        stmt.raw_execute()?;
        Ok(true)
    }

    fn insert_check(&mut self, tx: &Connection, c: &StoredCheck) -> Result<bool> {
        let kiosk = self.kiosk_row_of(tx, &c.kiosk)?;
        let blob = postcard::to_allocvec(&c.record).map_err(|e| StoreError::Damaged(format!("check record: {e}")))?;
        let outcome = serde_json::to_value(c.record.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| format!("{:?}", c.record.outcome));
        let n = tx
            .prepare_cached(
                "INSERT INTO checks (uuid, kiosk, checked_on, role, outcome, format, record) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (uuid) DO NOTHING",
            )?
            .execute(params![
                c.uuid.as_slice(),
                kiosk,
                unix_day(c.record.checked_on),
                c.record.role.id(),
                outcome,
                CHECK_FORMAT,
                blob
            ])?;
        Ok(n > 0)
    }
}

/// `INSERT INTO answers … VALUES (?, ?, ?), …` for `n` rows (1 ≤ n ≤ MAX_ANSWERS), built once.
fn answers_insert_sql(n: usize) -> &'static str {
    use std::sync::OnceLock;
    static SQL: OnceLock<Vec<String>> = OnceLock::new();
    let all = SQL.get_or_init(|| {
        (0..=rekry_core::survey::MAX_ANSWERS)
            .map(|n| {
                let values = vec!["(?, ?, ?)"; n.max(1)].join(", ");
                format!("INSERT INTO answers (response, question, value) VALUES {values}")
            })
            .collect()
    });
    all.get(n).or_else(|| all.last()).map_or("", String::as_str)
}

/// Encoding version of the `checks.record` blob (postcard of core's `CheckRecord`).
const CHECK_FORMAT: i64 = 1;

fn decode_check(format: i64, blob: &[u8]) -> Result<CheckRecord> {
    if format != CHECK_FORMAT {
        return Err(StoreError::Damaged(format!("check record format {format} is unknown")));
    }
    postcard::from_bytes(blob).map_err(|e| StoreError::Damaged(format!("check record: {e}")))
}

/// A response about to be inserted (borrowed, so bulk imports copy nothing).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoredResponse<'a> {
    pub uuid: [u8; 16],
    pub kiosk: &'a str,
    pub event: &'a str,
    pub lang: Lang,
    pub bucket: i64,
    pub complete: bool,
    pub flags: ResponseFlags,
    pub response: &'a Response,
}

/// An ID check as stored and as carried in bundles.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredCheck {
    pub uuid: [u8; 16],
    pub kiosk: String,
    pub record: CheckRecord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CountKey {
    catalogue: CatalogueId,
    event: i64,
    kiosk: i64,
    /// The Unix day; in the per-tertial sums of [`Aggregates::flush`], the period key.
    day: i64,
    complete: bool,
    flagged: bool,
}

/// Aggregate deltas collected during a transaction and written once before commit, so a
/// bulk import touches each aggregate row once instead of once per answer.
#[derive(Debug, Default)]
struct Aggregates {
    responses: HashMap<CountKey, AggCell, BuildFx>,
}

/// Counts for one aggregate key: responses, flags, and answers per question position and
/// value slot (NPS 0–10, rating 1–10, yes/no 0–1 all fit in 11 slots).
#[derive(Debug)]
struct AggCell {
    n: i64,
    repeated_presses: i64,
    too_fast: i64,
    counts: Vec<[i64; 11]>,
}

impl AggCell {
    fn new(questions: usize) -> AggCell {
        AggCell { n: 0, repeated_presses: 0, too_fast: 0, counts: vec![[0; 11]; questions] }
    }
}

/// FxHash: the aggregate map is hashed once per stored response, with keys we make
/// ourselves, so a fast non-cryptographic hash is the right trade (no extra crate needed).
#[derive(Debug, Default, Clone, Copy)]
struct BuildFx;

#[derive(Debug, Default)]
struct Fx(u64);

impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, i: i64) {
        self.write_u64(i as u64);
    }
    fn write_isize(&mut self, i: isize) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The tertial period key (year × 10 + number) of a Unix day.
pub(crate) fn period_of_day(day: i64) -> i64 {
    let t = rekry_core::indicators::Tertial::of(date_of_unix_day(day));
    i64::from(t.year) * 10 + i64::from(t.number)
}

impl AggCell {
    fn add(&mut self, other: &AggCell) {
        self.n += other.n;
        self.repeated_presses += other.repeated_presses;
        self.too_fast += other.too_fast;
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }
}

impl Aggregates {
    /// Counts one new response with key `key` and answers (position in the catalogue,
    /// stored value 0–10).
    fn count(&mut self, key: CountKey, flags: ResponseFlags, answers: &[(u8, u8)]) -> Result<()> {
        let questions = key.catalogue.catalogue().questions.len();
        let cell = self.responses.entry(key).or_insert_with(|| AggCell::new(questions));
        cell.n += 1;
        cell.repeated_presses += i64::from(flags.repeated_presses);
        cell.too_fast += i64::from(flags.too_fast);
        for &(pos, value) in answers {
            let slot = cell.counts.get_mut(usize::from(pos)).and_then(|c| c.get_mut(usize::from(value)));
            let Some(slot) = slot else {
                return Err(StoreError::InvalidResponse(format!("answer #{pos}: value {value} out of range")));
            };
            *slot += 1;
        }
        Ok(())
    }

    fn flush(&self, ids: &mut Ids, tx: &Connection) -> Result<()> {
        if self.responses.is_empty() {
            return Ok(());
        }
        // The same deltas go to the per-day tables (day filters) and, summed by tertial here
        // so each row is written once, to the per-tertial ones (everything else).
        let mut periods: HashMap<CountKey, AggCell, BuildFx> = HashMap::default();
        for (k, cell) in &self.responses {
            let key = CountKey { day: period_of_day(k.day), ..*k };
            periods.entry(key).or_insert_with(|| AggCell::new(cell.counts.len())).add(cell);
        }
        write_cells(ids, tx, "counts", "day", &self.responses)?;
        write_cells(ids, tx, "totals", "period", &periods)?;
        Ok(())
    }
}

/// Adds `cells` to the aggregate tables `response_{suffix}` and `answer_{suffix}`, whose
/// time column is `unit` (the key's `day` holds that unit). Written in primary-key order,
/// so the upserts walk each table's B-tree once instead of jumping about.
fn write_cells(
    ids: &mut Ids,
    tx: &Connection,
    suffix: &str,
    unit: &str,
    cells: &HashMap<CountKey, AggCell, BuildFx>,
) -> Result<()> {
    let mut sorted: Vec<(&CountKey, &AggCell)> = cells.iter().collect();
    sorted.sort_unstable_by(|(a, _), (b, _)| {
        (a.catalogue.as_str(), a.day, a.event, a.kiosk, a.complete, a.flagged).cmp(&(
            b.catalogue.as_str(),
            b.day,
            b.event,
            b.kiosk,
            b.complete,
            b.flagged,
        ))
    });
    let mut responses = tx.prepare_cached(&format!(
        "INSERT INTO response_{suffix} (catalogue, event, kiosk, {unit}, complete, flagged, n, repeated_presses, \
         too_fast) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (catalogue, {unit}, event, kiosk, complete, flagged) DO UPDATE SET \
         n = n + excluded.n, repeated_presses = repeated_presses + excluded.repeated_presses, \
         too_fast = too_fast + excluded.too_fast"
    ))?;
    let mut answers = tx.prepare_cached(&format!(
        "INSERT INTO answer_{suffix} (catalogue, event, kiosk, {unit}, complete, flagged, question, value, n) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (catalogue, {unit}, event, kiosk, complete, flagged, question, value) DO UPDATE SET \
         n = n + excluded.n"
    ))?;
    let mut rows: Vec<(i64, i64, i64)> = Vec::new();
    for (k, cell) in sorted {
        let cat = k.catalogue.as_str();
        responses.execute(params![
            cat,
            k.event,
            k.kiosk,
            k.day,
            k.complete,
            k.flagged,
            cell.n,
            cell.repeated_presses,
            cell.too_fast
        ])?;
        rows.clear();
        for (pos, counts) in cell.counts.iter().enumerate() {
            if counts.iter().all(|&n| n == 0) {
                continue;
            }
            let q = ids.question_row(tx, k.catalogue, pos)?;
            for (value, &n) in counts.iter().enumerate() {
                if n != 0 {
                    rows.push((q, value as i64, n));
                }
            }
        }
        rows.sort_unstable();
        for &(q, value, n) in &rows {
            answers.execute(params![cat, k.event, k.kiosk, k.day, k.complete, k.flagged, q, value, n])?;
        }
    }
    Ok(())
}

/// Yes/no as 1/0, scales as their value.
fn encode_value(kind: QuestionKind, value: Value) -> Result<i64> {
    match (kind, value) {
        (QuestionKind::YesNo, Value::Yes(y)) => Ok(i64::from(y)),
        (QuestionKind::Nps | QuestionKind::Rating, Value::Score(v)) => Ok(i64::from(v)),
        _ => Err(StoreError::InvalidResponse(format!("value {value} does not fit a {} question", kind.as_str()))),
    }
}

fn decode_value(kind: QuestionKind, value: i64) -> Result<Value> {
    match kind {
        QuestionKind::YesNo => Ok(Value::Yes(value != 0)),
        _ => i32::try_from(value).map(Value::Score).map_err(|_| StoreError::Damaged(format!("answer value {value}"))),
    }
}

/// The start of the 15-minute bucket of `at`, in Unix seconds.
pub fn bucket_of(at: SystemTime) -> Result<i64> {
    let secs = at.duration_since(UNIX_EPOCH).map_err(|_| StoreError::InvalidTime("before 1970".into()))?.as_secs();
    // Year 9999 bounds what core's Date can represent.
    const MAX: u64 = 253_402_300_799;
    if secs > MAX {
        return Err(StoreError::InvalidTime("after year 9999".into()));
    }
    let secs = secs as i64;
    Ok(secs - secs.rem_euclid(BUCKET_SECS))
}

/// Days since 1970-01-01 (UTC) of a bucket.
pub fn day_of_bucket(bucket: i64) -> i64 {
    bucket.div_euclid(86_400)
}

/// Core's day number (days since 0001-01-01) of 1970-01-01.
const UNIX_EPOCH_DAY: i64 = 719_162;

/// The date of a Unix day number (days since 1970-01-01), saturating at core's range.
pub fn date_of_unix_day(day: i64) -> rekry_core::Date {
    let core_day = day.saturating_add(UNIX_EPOCH_DAY).clamp(0, i64::from(i32::MAX));
    rekry_core::Date::from_days_since_epoch(core_day as i32)
}

/// The Unix day number (days since 1970-01-01) of a date.
pub fn unix_day(date: rekry_core::Date) -> i64 {
    i64::from(date.days_since_epoch()) - UNIX_EPOCH_DAY
}

/// Today's date (UTC) from the system clock.
pub fn today() -> rekry_core::Date {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    date_of_unix_day((secs / 86_400) as i64)
}

fn uuid_from(bytes: &[u8]) -> Result<Uuid> {
    Uuid::from_slice(bytes).map_err(|_| StoreError::Damaged("record id is not 16 bytes".into()))
}

/// Checks the file header before SQLite touches the file: an existing non-empty file that
/// does not start with SQLite's magic is refused, so we never write to a stranger's file.
/// Returns whether the file exists.
fn check_header(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(StoreError::CannotOpen { path: path.to_path_buf(), reason: e.to_string() }),
    };
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(StoreError::CannotOpen { path: path.to_path_buf(), reason: e.to_string() }),
        }
    }
    // An empty file is what SQLite itself creates before the first write; a file with a
    // partial or wrong header is not ours to initialise.
    if read == 0 {
        return Ok(true);
    }
    if read < head.len() || &head != SQLITE_MAGIC {
        return Err(StoreError::Corrupt { path: path.to_path_buf() });
    }
    Ok(true)
}

/// Maps SQLite's error codes to the errors people can act on.
fn classify(e: rusqlite::Error, path: &Path) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        Some(ErrorCode::DiskFull) => StoreError::Full { path },
        Some(ErrorCode::CannotOpen) => {
            // Most often: the WAL or shared-memory file cannot be created beside the
            // database because the directory is read-only.
            StoreError::CannotOpen { path, reason: e.to_string() }
        }
        _ => StoreError::Sqlite(e),
    }
}

fn reclassify(e: StoreError, path: &Path) -> StoreError {
    match e {
        StoreError::Sqlite(inner) => classify(inner, path),
        other => other,
    }
}

fn ensure_kiosk_id(conn: &mut Connection) -> Result<(String, i64), rusqlite::Error> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: Option<String> =
        tx.query_row("SELECT value FROM settings WHERE key = 'kiosk_id'", [], |r| r.get(0)).optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            let id = Uuid::new_v4().to_string();
            tx.execute("INSERT INTO settings (key, value) VALUES ('kiosk_id', ?1)", [&id])?;
            id
        }
    };
    tx.execute("INSERT INTO kiosks (uuid) VALUES (?1) ON CONFLICT (uuid) DO NOTHING", [&id])?;
    let row: i64 = tx.query_row("SELECT id FROM kiosks WHERE uuid = ?1", [&id], |r| r.get(0))?;
    tx.commit()?;
    Ok((id, row))
}

fn check_pin_rules(pin: &str) -> Result<()> {
    let digits: Vec<u8> = pin.bytes().collect();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(StoreError::WeakPin("the PIN must be digits only (the staff PIN pad has no letters)".into()));
    }
    if digits.len() < MIN_PIN_DIGITS || digits.len() > MAX_PIN_DIGITS {
        return Err(StoreError::WeakPin(format!(
            "the PIN must have {MIN_PIN_DIGITS}–{MAX_PIN_DIGITS} digits, this one has {}",
            digits.len()
        )));
    }
    let same = digits.windows(2).all(|w| w[0] == w[1]);
    let up = digits.windows(2).all(|w| w[1] == w[0] + 1);
    let down = digits.windows(2).all(|w| w[0] == w[1] + 1);
    if same || up || down {
        return Err(StoreError::WeakPin("the PIN is too easy to guess (a repeated digit or a run like 123456)".into()));
    }
    Ok(())
}

fn hash_pin(pin: &str) -> Result<String> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    // 16 random bytes from the OS (via uuid's getrandom) as the salt.
    let salt_bytes = *Uuid::new_v4().as_bytes();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| StoreError::Damaged(format!("salt: {e}")))?;
    let hash = argon2::Argon2::default() // Argon2id, v19, OWASP's default cost
        .hash_password(pin.as_bytes(), &salt)
        .map_err(|e| StoreError::Damaged(format!("PIN hash: {e}")))?;
    Ok(hash.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_match_core_dates() {
        let epoch = rekry_core::Date::new(1970, 1, 1).unwrap();
        assert_eq!(unix_day(epoch), 0);
        assert_eq!(date_of_unix_day(0), epoch);
        let d = rekry_core::Date::parse("2026-11-23").unwrap();
        assert_eq!(date_of_unix_day(unix_day(d)), d);
        assert_eq!(unix_day(d), 1_795_428_451 / 86_400);
    }

    #[test]
    fn buckets_are_quarter_hours() {
        let at = UNIX_EPOCH + Duration::from_secs(1_795_428_451);
        assert_eq!(bucket_of(at).unwrap(), 1_795_428_451 - 1_795_428_451 % 900);
        assert!(bucket_of(UNIX_EPOCH - Duration::from_secs(1)).is_err());
        assert!(bucket_of(UNIX_EPOCH + Duration::from_secs(300_000_000_000)).is_err());
    }

    #[test]
    fn pin_rules() {
        for ok in ["480713", "000001", "123457", "908172635412"] {
            assert!(check_pin_rules(ok).is_ok(), "{ok}");
        }
        for bad in ["48071", "4807131234567", "48a713", " 480713", "111111", "456789", "654321"] {
            assert!(check_pin_rules(bad).is_err(), "{bad}");
        }
    }
}

//! The append-only, hash-chained audit log, and the retention purge.
//!
//! Each entry's `hash` is SHA-256 over the previous entry's hash and this entry's fields,
//! with the SHA-256 of its details (`details_hash`) standing in for the details themselves.
//! Editing, inserting or deleting any entry breaks the chain at that entry; the chain head
//! (last sequence number and hash) is also kept in `settings`, so cutting entries off the end
//! is detected too. Triggers refuse UPDATE and DELETE on the table outright.
//!
//! Retention: [`Store::purge`] deletes ID checks older than their period and *redacts* the
//! details of older audit entries (sets them NULL) through a gate only it opens, then logs
//! that it did. Because the hash covers `details_hash`, not the details, the chain still
//! verifies after a purge, while the details are gone.
//!
//! What this does not do: someone who can write the file can recompute every hash. The
//! chain makes silent edits detectable to anyone holding an earlier head (an export, a
//! report, a printed `audit verify`); anchoring the head outside the kiosk is how an
//! office would make it tamper-evident against a determined insider.

use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{Result, Store, StoreError};

/// Something that happened on the kiosk, for the audit log. Details hold no personal data:
/// ids, counts, setting names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AuditEvent {
    /// Staff mode was unlocked with the PIN.
    StaffUnlock,
    /// Staff mode was locked (by hand or after idling).
    StaffLock,
    /// A wrong PIN was entered.
    PinFailure {
        /// Consecutive failures so far.
        attempt: u32,
    },
    /// Too many wrong PINs: the pad is locked for a while.
    PinLockout {
        /// How long.
        seconds: u64,
    },
    /// A staff PIN was set where there was none.
    PinSet,
    /// The staff PIN was changed.
    PinChanged,
    /// An ID check was saved.
    CheckSaved {
        /// The check's record id.
        id: String,
    },
    /// A setting was changed.
    SettingsChanged {
        /// Which setting.
        key: String,
    },
    /// Retention purge ran.
    Purge {
        /// ID checks deleted.
        checks_deleted: u64,
        /// Audit entries whose details were redacted.
        details_redacted: u64,
        /// Checks from before this day (days since 1970-01-01) were deleted.
        checks_before_day: i64,
        /// Audit details from before this time (Unix seconds) were redacted.
        details_before: i64,
    },
    /// A bundle was imported.
    Import {
        /// The kiosk that exported it.
        from_kiosk: String,
        /// New responses.
        responses: u64,
        /// New ID checks.
        checks: u64,
        /// Records already present (skipped).
        duplicates: u64,
    },
    /// Data was exported.
    Export {
        /// csv, json or bundle.
        format: String,
        /// Records written.
        records: u64,
    },
}

impl AuditEvent {
    /// The kind, as stored in the `kind` column (`"pin-failure"`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            AuditEvent::StaffUnlock => "staff-unlock",
            AuditEvent::StaffLock => "staff-lock",
            AuditEvent::PinFailure { .. } => "pin-failure",
            AuditEvent::PinLockout { .. } => "pin-lockout",
            AuditEvent::PinSet => "pin-set",
            AuditEvent::PinChanged => "pin-changed",
            AuditEvent::CheckSaved { .. } => "check-saved",
            AuditEvent::SettingsChanged { .. } => "settings-changed",
            AuditEvent::Purge { .. } => "purge",
            AuditEvent::Import { .. } => "import",
            AuditEvent::Export { .. } => "export",
        }
    }
}

/// One stored audit entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// The entry's id.
    pub id: String,
    /// The kiosk that wrote it.
    pub kiosk: String,
    /// When (Unix seconds; staff actions, not candidates').
    pub at: i64,
    /// The kind.
    pub kind: String,
    /// The details as JSON; `None` once redacted by a purge.
    pub details: Option<String>,
    /// The entry's hash, hex.
    pub hash: String,
}

/// The first place the chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChainBreak {
    /// The entry at which verification failed.
    pub seq: i64,
    /// What is wrong.
    pub reason: String,
}

/// The result of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChainReport {
    /// Entries checked.
    pub entries: u64,
    /// Entries whose details were redacted by a purge.
    pub redacted: u64,
    /// The last entry's hash, hex.
    pub head: Option<String>,
    /// The first broken link, if any.
    pub first_break: Option<ChainBreak>,
}

/// What a purge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PurgeReport {
    /// ID checks deleted.
    pub checks_deleted: u64,
    /// Audit entries whose details were redacted.
    pub details_redacted: u64,
}

const GENESIS: [u8; 32] = [0; 32];

fn entry_hash(prev: &[u8], seq: i64, uuid: &[u8], kiosk: &str, at: i64, kind: &str, details_hash: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"rekry-audit-v1");
    h.update(prev);
    h.update(seq.to_le_bytes());
    h.update(uuid);
    // Length prefixes keep field boundaries unambiguous.
    h.update((kiosk.len() as u64).to_le_bytes());
    h.update(kiosk.as_bytes());
    h.update(at.to_le_bytes());
    h.update((kind.len() as u64).to_le_bytes());
    h.update(kind.as_bytes());
    h.update(details_hash);
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends `event` inside the caller's transaction; returns the new sequence number.
pub(super) fn append(tx: &Connection, kiosk: &str, event: &AuditEvent, at: SystemTime) -> Result<i64> {
    let at = at.duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let details = serde_json::to_string(event).map_err(|e| StoreError::Damaged(format!("audit details: {e}")))?;
    let details_hash: [u8; 32] = Sha256::digest(details.as_bytes()).into();
    let last: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_vec()),
    };
    let uuid = Uuid::now_v7();
    let kind = event.kind();
    let hash = entry_hash(&prev, seq, uuid.as_bytes(), kiosk, at, kind, &details_hash);
    tx.prepare_cached(
        "INSERT INTO audit (seq, uuid, kiosk, at, kind, details, details_hash, prev_hash, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        seq,
        uuid.as_bytes().as_slice(),
        kiosk,
        at,
        kind,
        details,
        details_hash.as_slice(),
        prev,
        hash.as_slice()
    ])?;
    tx.prepare_cached(
        "INSERT INTO settings (key, value) VALUES ('audit_head', ?1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([format!("{seq}:{}", hex(&hash))])?;
    Ok(seq)
}

impl Store {
    /// Verifies the whole audit chain and reports the first broken link, if any.
    pub fn verify_audit(&self) -> Result<ChainReport> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, uuid, kiosk, at, kind, details, details_hash, prev_hash, hash FROM audit ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut report = ChainReport { entries: 0, redacted: 0, head: None, first_break: None };
        let mut prev = GENESIS.to_vec();
        let mut expected_seq = 1i64;
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let uuid: Vec<u8> = r.get(1)?;
            let kiosk: String = r.get(2)?;
            let at: i64 = r.get(3)?;
            let kind: String = r.get(4)?;
            let details: Option<String> = r.get(5)?;
            let details_hash: Vec<u8> = r.get(6)?;
            let prev_hash: Vec<u8> = r.get(7)?;
            let hash: Vec<u8> = r.get(8)?;
            report.entries += 1;
            let broken = |reason: &str| Some(ChainBreak { seq, reason: reason.to_owned() });
            let problem = if seq != expected_seq {
                broken(&format!("entry {expected_seq} is missing (next entry is {seq})"))
            } else if prev_hash != prev {
                broken("previous-hash link does not match the entry before it (an entry was edited or removed)")
            } else if details.as_ref().is_some_and(|d| Sha256::digest(d.as_bytes()).as_slice() != details_hash) {
                broken("details were edited")
            } else if entry_hash(&prev, seq, &uuid, &kiosk, at, &kind, &details_hash).as_slice() != hash {
                broken("entry was edited (hash does not match its content)")
            } else {
                None
            };
            if details.is_none() {
                report.redacted += 1;
            }
            if problem.is_some() {
                report.first_break = problem;
                return Ok(report);
            }
            prev = hash;
            expected_seq = seq + 1;
        }
        report.head = (report.entries > 0).then(|| hex(&prev));
        // The head in settings catches entries cut off the end.
        let head: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = 'audit_head'", [], |r| r.get(0)).optional()?;
        let actual = (report.entries > 0).then(|| format!("{}:{}", expected_seq - 1, hex(&prev)));
        if head != actual {
            let claimed = head.as_deref().and_then(|h| h.split(':').next()).unwrap_or("none").to_owned();
            report.first_break = Some(ChainBreak {
                seq: expected_seq,
                reason: format!(
                    "the chain ends at entry {} but its recorded head is entry {claimed}",
                    expected_seq - 1
                ),
            });
        }
        Ok(report)
    }

    /// The audit entries, oldest first (at most `limit`, newest kept when limited).
    pub fn audit_entries(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, uuid, kiosk, at, kind, details, hash FROM \
             (SELECT * FROM audit ORDER BY seq DESC LIMIT ?1) ORDER BY seq",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            let uuid: Vec<u8> = r.get(1)?;
            let hash: Vec<u8> = r.get(6)?;
            Ok(AuditEntry {
                seq: r.get(0)?,
                id: Uuid::from_slice(&uuid).map(|u| u.to_string()).unwrap_or_else(|_| hex(&uuid)),
                kiosk: r.get(2)?,
                at: r.get(3)?,
                kind: r.get(4)?,
                details: r.get(5)?,
                hash: hex(&hash),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes ID checks finished more than `check_days` days before `now` and redacts the
    /// details of audit entries older than `audit_days` days, then logs a
    /// [`AuditEvent::Purge`] entry, all in one transaction.
    pub fn purge(&mut self, check_days: u32, audit_days: u32, now: SystemTime) -> Result<PurgeReport> {
        let now_secs = now.duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        let checks_before_day = now_secs.div_euclid(86_400) - i64::from(check_days);
        let details_before = now_secs - i64::from(audit_days) * 86_400;
        let path = self.path.clone();
        let kiosk = self.ids.kiosk_id.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| super::classify(e, &path))?;
        let run = || -> Result<PurgeReport> {
            let checks_deleted = tx.execute("DELETE FROM checks WHERE checked_on < ?1", [checks_before_day])? as u64;
            tx.execute("UPDATE purge_gate SET open = 1 WHERE id = 1", [])?;
            let details_redacted = tx
                .execute("UPDATE audit SET details = NULL WHERE at < ?1 AND details IS NOT NULL", [details_before])?
                as u64;
            tx.execute("UPDATE purge_gate SET open = 0 WHERE id = 1", [])?;
            let event = AuditEvent::Purge { checks_deleted, details_redacted, checks_before_day, details_before };
            append(&tx, &kiosk, &event, now)?;
            Ok(PurgeReport { checks_deleted, details_redacted })
        };
        let report = run().map_err(|e| super::reclassify(e, &path))?;
        tx.commit().map_err(|e| super::classify(e, &path))?;
        Ok(report)
    }
}

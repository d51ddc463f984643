//! Exports (CSV, JSON, bundle) and bundle imports.
//!
//! A bundle carries a kiosk's responses and ID checks to another kiosk or to the office:
//!
//! | bytes | field |
//! | --- | --- |
//! | 0..8 | magic `RKRYBNDL` |
//! | 8..10 | format version, u16 little-endian ([`BUNDLE_VERSION`]) |
//! | 10..12 | reserved, zero |
//! | 12..28 | exporting kiosk id (UUID bytes) |
//! | 28..36 | record count (responses + checks), u64 LE |
//! | 36..44 | body length in bytes, u64 LE |
//! | 44..76 | SHA-256 over bytes 0..44 and the body |
//! | 76.. | body: postcard `Tables` (kiosk, event and question names), then `count` postcard records |
//!
//! The checksum covers the header too, so neither a flipped body byte nor an edited count
//! or kiosk id gets through. A bundle is written to a temporary file, synced and renamed,
//! so a crash never leaves half a bundle under the final name. An import checks the whole
//! bundle before it starts, then merges it in one transaction: records whose UUID is already
//! present are skipped, so importing the same bundle twice changes nothing, and any bad
//! record rolls the whole import back.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rekry_core::Lang;
use rekry_core::idcheck::record::CheckRecord;
use rekry_core::survey::{Answer, CatalogueId, Completeness, Response, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::audit::{self, AuditEvent};
use super::bulk::{BulkResponse, ResponseWriter};
use super::{Aggregates, ResponseFlags, Result, Store, StoreError, StoredCheck, decode_check, decode_value, uuid_from};

/// Bundle magic bytes.
pub const BUNDLE_MAGIC: &[u8; 8] = b"RKRYBNDL";
/// The bundle format version this build writes and reads.
pub const BUNDLE_VERSION: u16 = 1;
/// Header length in bytes.
pub const HEADER_LEN: usize = 76;

/// Why a bundle was rejected. Nothing of a rejected bundle is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// Not a Rekry bundle at all.
    #[error("{0}: not a Rekry bundle (wrong magic bytes)")]
    NotABundle(PathBuf),
    /// Shorter than its header says.
    #[error("{path}: bundle is truncated ({actual} of {expected} bytes); nothing was imported")]
    Truncated {
        /// The bundle.
        path: PathBuf,
        /// Bytes expected.
        expected: u64,
        /// Bytes found.
        actual: u64,
    },
    /// Written by a newer Rekry.
    #[error(
        "{path}: bundle format version {found} is newer than this program reads ({supported}); nothing was imported"
    )]
    FutureVersion {
        /// The bundle.
        path: PathBuf,
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        supported: u16,
    },
    /// The checksum does not match: damaged in transit or altered.
    #[error("{0}: bundle checksum mismatch (damaged or tampered with); nothing was imported")]
    Tampered(PathBuf),
    /// The checksum matches but the content is not valid.
    #[error("{path}: bundle content is invalid ({reason}); nothing was imported")]
    Invalid {
        /// The bundle.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The file cannot be read.
    #[error("{path}: {reason}")]
    Unreadable {
        /// The bundle.
        path: PathBuf,
        /// The OS error.
        reason: String,
    },
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// The bundle.
    pub path: PathBuf,
    /// The kiosk that exported it.
    pub from_kiosk: String,
    /// Responses added.
    pub responses: u64,
    /// ID checks added.
    pub checks: u64,
    /// Records already present, skipped.
    pub duplicates: u64,
}

/// Names interned once per bundle.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Tables {
    kiosks: Vec<String>,
    events: Vec<String>,
    questions: Vec<String>,
}

/// One record in a bundle body.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
enum Record {
    Response(BundleResponse),
    Check(BundleCheck),
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct BundleResponse {
    uuid: [u8; 16],
    kiosk: u32,
    event: u32,
    catalogue: CatalogueId,
    lang: Lang,
    bucket: i64,
    complete: bool,
    repeated_presses: u32,
    too_fast: bool,
    /// (index into `Tables::questions`, value).
    answers: Vec<(u16, Value)>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct BundleCheck {
    uuid: [u8; 16],
    kiosk: u32,
    record: CheckRecord,
}

/// Records decoded per batch handed from the decoding thread to the inserting one.
const DECODE_BATCH: usize = 2048;

/// A response with its kiosk and event as indexes into the bundle's name tables (checked),
/// and its answers validated by core and resolved to catalogue positions and stored values.
#[derive(Debug)]
struct Head {
    kiosk: usize,
    event: usize,
    response: BulkResponse,
}

/// A bundle record, decoded and validated, ready to insert.
#[derive(Debug)]
enum Decoded {
    Response(Head),
    Check(StoredCheck),
}

/// Decodes and validates record `i` (0-based) at the start of `bytes`; returns it and the
/// bytes after it. Every index into the name tables is checked here, so inserting never
/// indexes out of range.
fn decode_record<'b>(
    bytes: &'b [u8],
    tables: &Tables,
    i: u64,
    invalid: &(dyn Fn(String) -> StoreError + Sync),
) -> Result<(Decoded, &'b [u8])> {
    let n = i + 1;
    let (record, next): (Record, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|e| invalid(format!("record {n}: {e}")))?;
    let index = |len: usize, ix: u32, what: &str| -> Result<usize> {
        let ix = ix as usize;
        if ix < len { Ok(ix) } else { Err(invalid(format!("record {n}: no {what} #{ix}"))) }
    };
    let decoded = match record {
        Record::Response(r) => {
            let mut response = Response::new(r.catalogue);
            for (q, value) in r.answers {
                let q = tables
                    .questions
                    .get(usize::from(q))
                    .ok_or_else(|| invalid(format!("record {n}: no question #{q}")))?;
                let answer = Answer::new(q, value).map_err(|e| invalid(format!("record {n}: {e}")))?;
                response.push(answer).map_err(|e| invalid(format!("record {n}: {e}")))?;
            }
            let completeness = if r.complete { Completeness::Complete } else { Completeness::Partial };
            if let Err(problems) = response.validate(completeness) {
                let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                return Err(invalid(format!("record {n}: {}", text.join("; "))));
            }
            if r.bucket % super::BUCKET_SECS != 0 {
                return Err(invalid(format!("record {n}: time is not a 15-minute bucket")));
            }
            // Validated answers name catalogue questions with values in range; resolving them
            // here keeps the string lookups off the inserting thread.
            let catalogue = r.catalogue.catalogue();
            let mut answers = heapless::Vec::new();
            for a in &response.answers {
                let (pos, q) = catalogue
                    .question(&a.question)
                    .ok_or_else(|| invalid(format!("record {n}: unknown question {}", a.question)))?;
                let value = super::encode_value(q.kind, a.value).map_err(|e| invalid(format!("record {n}: {e}")))?;
                let (Ok(pos), Some(value)) = (u8::try_from(pos), u8::try_from(value).ok().filter(|v| *v <= 10)) else {
                    return Err(invalid(format!("record {n}: {}: value {value} out of range", q.id)));
                };
                answers.push((pos, value)).map_err(|_| invalid(format!("record {n}: too many answers")))?;
            }
            Decoded::Response(Head {
                kiosk: index(tables.kiosks.len(), r.kiosk, "kiosk")?,
                event: index(tables.events.len(), r.event, "event")?,
                response: BulkResponse {
                    uuid: r.uuid,
                    kiosk: 0,
                    event: 0,
                    catalogue: r.catalogue,
                    lang: r.lang,
                    bucket: r.bucket,
                    complete: r.complete,
                    flags: ResponseFlags { repeated_presses: r.repeated_presses, too_fast: r.too_fast },
                    answers,
                },
            })
        }
        Record::Check(c) => {
            let kiosk = tables.kiosks[index(tables.kiosks.len(), c.kiosk, "kiosk")?].clone();
            Decoded::Check(StoredCheck { uuid: c.uuid, kiosk, record: c.record })
        }
    };
    Ok((decoded, next))
}

/// A stored response row with its answers, for exports.
struct Row {
    uuid: Uuid,
    kiosk: i64,
    event: i64,
    catalogue: CatalogueId,
    lang: Lang,
    bucket: i64,
    complete: bool,
    flags: ResponseFlags,
    answers: Vec<(String, Value)>,
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(format!("{}: {e}", path.display()))
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, synced, then renamed.
fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Sync the directory so the rename itself survives a power cut.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| io_err(path, e))
}

/// `2026-11-23T09:15Z` for a bucket.
fn bucket_text(bucket: i64) -> String {
    let day = bucket.div_euclid(86_400);
    let secs = bucket.rem_euclid(86_400);
    let date = super::date_of_unix_day(day);
    format!("{date}T{:02}:{:02}Z", secs / 3600, secs % 3600 / 60)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

/// Encodes `responses` as a bundle from kiosk `kiosk`, each with a fresh id. For tools and
/// benchmarks that produce bundles without a database (a synthetic load, another system).
pub fn encode_responses(kiosk: Uuid, responses: &[super::NewResponse]) -> Result<Vec<u8>> {
    encode_with_ids(kiosk, responses.iter().map(|r| (*Uuid::now_v7().as_bytes(), r)))
}

/// Encodes responses with the given record ids as a bundle from kiosk `kiosk`.
fn encode_with_ids<'r>(
    kiosk: Uuid,
    responses: impl Iterator<Item = ([u8; 16], &'r super::NewResponse)>,
) -> Result<Vec<u8>> {
    let mut tables = Tables { kiosks: vec![kiosk.to_string()], ..Tables::default() };
    let mut event_ix: HashMap<&str, u32> = HashMap::new();
    let mut question_ix: HashMap<String, u16> = HashMap::new();
    let mut records = Vec::new();
    let mut count = 0u64;
    for (uuid, r) in responses {
        count += 1;
        let next = event_ix.len() as u32;
        let event = *event_ix.entry(r.event.as_str()).or_insert_with(|| {
            tables.events.push(r.event.clone());
            next
        });
        let mut answers = Vec::with_capacity(r.response.answers.len());
        for a in &r.response.answers {
            let next = question_ix.len() as u16;
            let ix = *question_ix.entry(a.question.as_str().to_owned()).or_insert_with(|| {
                tables.questions.push(a.question.as_str().to_owned());
                next
            });
            answers.push((ix, a.value));
        }
        let rec = Record::Response(BundleResponse {
            uuid,
            kiosk: 0,
            event,
            catalogue: r.response.catalogue,
            lang: r.lang,
            bucket: super::bucket_of(r.at)?,
            complete: r.complete,
            repeated_presses: r.flags.repeated_presses,
            too_fast: r.flags.too_fast,
            answers,
        });
        records = postcard::to_extend(&rec, records).map_err(|e| StoreError::Damaged(format!("encoding: {e}")))?;
    }
    seal(kiosk, count, &tables, &records)
}

/// Header + checksum + body.
fn seal(kiosk: Uuid, count: u64, tables: &Tables, records: &[u8]) -> Result<Vec<u8>> {
    let mut body = postcard::to_allocvec(tables).map_err(|e| StoreError::Damaged(format!("encoding: {e}")))?;
    body.extend_from_slice(records);
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(BUNDLE_MAGIC);
    out.extend_from_slice(&BUNDLE_VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(kiosk.as_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    let mut h = Sha256::new();
    h.update(&out);
    h.update(&body);
    out.extend_from_slice(&h.finalize());
    out.extend_from_slice(&body);
    Ok(out)
}

impl Store {
    fn names(&self, table: &str, column: &str) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare(&format!("SELECT id, {column} FROM {table}"))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls `f` for every stored response with its answers, in storage order. Two ordered
    /// scans merged in Rust, so memory stays flat however many responses there are.
    fn scan_responses(&self, mut f: impl FnMut(Row) -> Result<()>) -> Result<()> {
        let questions = self.names("questions", "name")?;
        let mut rstmt = self.conn.prepare(
            "SELECT id, uuid, kiosk, event, catalogue, lang, bucket, complete, repeated_presses, too_fast \
             FROM responses ORDER BY id",
        )?;
        let mut astmt =
            self.conn.prepare("SELECT response, question, value FROM answers ORDER BY response, question")?;
        let mut rrows = rstmt.query([])?;
        let mut arows = astmt.query([])?;
        let mut pending: Option<(i64, i64, i64)> = None;
        while let Some(r) = rrows.next()? {
            let id: i64 = r.get(0)?;
            let catalogue_text: String = r.get(4)?;
            let catalogue = CatalogueId::parse(&catalogue_text)
                .ok_or_else(|| StoreError::Damaged(format!("catalogue {catalogue_text}")))?;
            let lang_text: String = r.get(5)?;
            let lang =
                Lang::from_code(&lang_text).ok_or_else(|| StoreError::Damaged(format!("language {lang_text}")))?;
            let mut answers = Vec::new();
            loop {
                if pending.is_none() {
                    pending = match arows.next()? {
                        Some(a) => Some((a.get(0)?, a.get(1)?, a.get(2)?)),
                        None => None,
                    };
                }
                match pending {
                    Some((resp, q, v)) if resp == id => {
                        let name = questions.get(&q).ok_or_else(|| StoreError::Damaged(format!("question {q}")))?;
                        let kind = catalogue
                            .catalogue()
                            .question(name)
                            .map(|(_, q)| q.kind)
                            .ok_or_else(|| StoreError::Damaged(format!("question {name}")))?;
                        answers.push((name.clone(), decode_value(kind, v)?));
                        pending = None;
                    }
                    // Answers of a response that no longer exists cannot happen with foreign
                    // keys on; skip them rather than stall.
                    Some((resp, _, _)) if resp < id => pending = None,
                    _ => break,
                }
            }
            let uuid: Vec<u8> = r.get(1)?;
            f(Row {
                uuid: uuid_from(&uuid)?,
                kiosk: r.get(2)?,
                event: r.get(3)?,
                catalogue,
                lang,
                bucket: r.get(6)?,
                complete: r.get(7)?,
                flags: ResponseFlags { repeated_presses: r.get(8)?, too_fast: r.get(9)? },
                answers,
            })?;
        }
        Ok(())
    }

    fn stored_checks(&self) -> Result<Vec<(Uuid, i64, CheckRecord)>> {
        let mut stmt = self.conn.prepare("SELECT uuid, kiosk, format, record FROM checks ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, Vec<u8>>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (uuid, kiosk, format, blob) = row?;
            out.push((uuid_from(&uuid)?, kiosk, decode_check(format, &blob)?));
        }
        Ok(out)
    }

    /// Encodes every response and ID check as a bundle (see the module docs).
    pub fn bundle_bytes(&self) -> Result<Vec<u8>> {
        let kiosks = self.names("kiosks", "uuid")?;
        let events = self.names("events", "name")?;
        let mut tables = Tables::default();
        let mut kiosk_ix: HashMap<i64, u32> = HashMap::new();
        for (id, name) in &kiosks {
            kiosk_ix.insert(*id, tables.kiosks.len() as u32);
            tables.kiosks.push(name.clone());
        }
        let mut event_ix: HashMap<i64, u32> = HashMap::new();
        for (id, name) in &events {
            event_ix.insert(*id, tables.events.len() as u32);
            tables.events.push(name.clone());
        }
        let mut question_ix: HashMap<String, u16> = HashMap::new();
        let mut records = Vec::new();
        let mut count = 0u64;
        let damaged = |what: &str| StoreError::Damaged(format!("{what} of a stored record is unknown"));
        self.scan_responses(|row| {
            let mut answers = Vec::with_capacity(row.answers.len());
            for (name, value) in row.answers {
                let next = question_ix.len() as u16;
                let ix = *question_ix.entry(name.clone()).or_insert_with(|| {
                    tables.questions.push(name);
                    next
                });
                answers.push((ix, value));
            }
            let rec = Record::Response(BundleResponse {
                uuid: *row.uuid.as_bytes(),
                kiosk: *kiosk_ix.get(&row.kiosk).ok_or_else(|| damaged("kiosk"))?,
                event: *event_ix.get(&row.event).ok_or_else(|| damaged("event"))?,
                catalogue: row.catalogue,
                lang: row.lang,
                bucket: row.bucket,
                complete: row.complete,
                repeated_presses: row.flags.repeated_presses,
                too_fast: row.flags.too_fast,
                answers,
            });
            records = postcard::to_extend(&rec, std::mem::take(&mut records))
                .map_err(|e| StoreError::Damaged(format!("encoding: {e}")))?;
            count += 1;
            Ok(())
        })?;
        for (uuid, kiosk, record) in self.stored_checks()? {
            let rec = Record::Check(BundleCheck {
                uuid: *uuid.as_bytes(),
                kiosk: *kiosk_ix.get(&kiosk).ok_or_else(|| damaged("kiosk"))?,
                record,
            });
            records = postcard::to_extend(&rec, std::mem::take(&mut records))
                .map_err(|e| StoreError::Damaged(format!("encoding: {e}")))?;
            count += 1;
        }
        let kiosk = Uuid::parse_str(&self.ids.kiosk_id).map_err(|_| StoreError::Damaged("kiosk id".into()))?;
        seal(kiosk, count, &tables, &records)
    }

    /// Writes a bundle to `path` atomically; returns the number of records.
    pub fn export_bundle(&self, path: &Path) -> Result<u64> {
        let bytes = self.bundle_bytes()?;
        let count = u64::from_le_bytes(bytes[28..36].try_into().unwrap_or([0; 8]));
        write_atomic(path, |w| w.write_all(&bytes))?;
        Ok(count)
    }

    /// Writes every response as CSV, one row per answer (long format, easy to pivot in a
    /// spreadsheet); returns the number of responses.
    pub fn export_csv(&self, path: &Path) -> Result<u64> {
        let kiosks = self.names("kiosks", "uuid")?;
        let events = self.names("events", "name")?;
        let mut text = String::from(
            "response_id,kiosk,event,catalogue,lang,bucket_start_utc,complete,repeated_presses,too_fast,question,value\n",
        );
        let mut count = 0u64;
        self.scan_responses(|row| {
            let head = format!(
                "{},{},{},{},{},{},{},{},{}",
                row.uuid,
                csv_field(kiosks.get(&row.kiosk).map_or("", String::as_str)),
                csv_field(events.get(&row.event).map_or("", String::as_str)),
                row.catalogue,
                row.lang,
                bucket_text(row.bucket),
                row.complete,
                row.flags.repeated_presses,
                row.flags.too_fast
            );
            if row.answers.is_empty() {
                text.push_str(&head);
                text.push_str(",,\n");
            }
            for (q, v) in &row.answers {
                text.push_str(&format!("{head},{},{v}\n", csv_field(q)));
            }
            count += 1;
            Ok(())
        })?;
        write_atomic(path, |w| w.write_all(text.as_bytes()))?;
        Ok(count)
    }

    /// Writes every response and ID check as JSON; returns the number of records.
    pub fn export_json(&self, path: &Path) -> Result<u64> {
        let kiosks = self.names("kiosks", "uuid")?;
        let events = self.names("events", "name")?;
        let mut responses = Vec::new();
        self.scan_responses(|row| {
            let answers: serde_json::Map<String, serde_json::Value> = row
                .answers
                .iter()
                .map(|(q, v)| {
                    let v = match v {
                        Value::Score(s) => serde_json::Value::from(*s),
                        Value::Yes(y) => serde_json::Value::from(*y),
                    };
                    (q.clone(), v)
                })
                .collect();
            responses.push(serde_json::json!({
                "id": row.uuid.to_string(),
                "kiosk": kiosks.get(&row.kiosk),
                "event": events.get(&row.event),
                "catalogue": row.catalogue.as_str(),
                "lang": row.lang.code(),
                "bucket_start_utc": bucket_text(row.bucket),
                "complete": row.complete,
                "flags": row.flags,
                "answers": answers,
            }));
            Ok(())
        })?;
        let checks: Vec<serde_json::Value> = self
            .stored_checks()?
            .into_iter()
            .map(|(uuid, kiosk, record)| {
                serde_json::json!({ "id": uuid.to_string(), "kiosk": kiosks.get(&kiosk), "record": record })
            })
            .collect();
        let count = (responses.len() + checks.len()) as u64;
        let doc = serde_json::json!({
            "format": "rekry-kiosk-export",
            "version": 1,
            "kiosk": self.ids.kiosk_id,
            "responses": responses,
            "checks": checks,
        });
        write_atomic(path, |w| {
            serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::other)?;
            w.write_all(b"\n")
        })?;
        Ok(count)
    }

    /// Imports a bundle file in one transaction; see the module docs.
    pub fn import_bundle(&mut self, path: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<ImportReport> {
        let bytes = std::fs::read(path)
            .map_err(|e| BundleError::Unreadable { path: path.to_path_buf(), reason: e.to_string() })?;
        self.import_bundle_bytes(path, &bytes, progress)
    }

    /// Imports bundle `bytes` (named `path` in messages) in one transaction.
    pub fn import_bundle_bytes(
        &mut self,
        path: &Path,
        bytes: &[u8],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportReport> {
        let p = || path.to_path_buf();
        let (header, body) = match (bytes.get(..HEADER_LEN), bytes.get(HEADER_LEN..)) {
            (Some(h), Some(b)) => (h, b),
            _ if bytes.len() >= 8 && &bytes[..8] != BUNDLE_MAGIC => return Err(BundleError::NotABundle(p()).into()),
            _ => {
                return Err(BundleError::Truncated {
                    path: p(),
                    expected: HEADER_LEN as u64,
                    actual: bytes.len() as u64,
                }
                .into());
            }
        };
        let u16_at = |i: usize| u16::from_le_bytes([header[i], header[i + 1]]);
        let u64_at = |i: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&header[i..i + 8]);
            u64::from_le_bytes(b)
        };
        if &header[..8] != BUNDLE_MAGIC {
            return Err(BundleError::NotABundle(p()).into());
        }
        let version = u16_at(8);
        if version > BUNDLE_VERSION {
            return Err(BundleError::FutureVersion { path: p(), found: version, supported: BUNDLE_VERSION }.into());
        }
        if version == 0 {
            return Err(BundleError::Invalid { path: p(), reason: "format version 0".into() }.into());
        }
        let count = u64_at(28);
        let body_len = u64_at(36);
        if (body.len() as u64) < body_len {
            return Err(BundleError::Truncated {
                path: p(),
                expected: HEADER_LEN as u64 + body_len,
                actual: bytes.len() as u64,
            }
            .into());
        }
        if body.len() as u64 > body_len {
            // Extra bytes were appended after export.
            return Err(BundleError::Tampered(p()).into());
        }
        let mut h = Sha256::new();
        h.update(&header[..44]);
        h.update(body);
        if h.finalize().as_slice() != &header[44..76] {
            return Err(BundleError::Tampered(p()).into());
        }
        let from_kiosk = Uuid::from_slice(&header[12..28]).map(|u| u.to_string()).unwrap_or_default();
        let invalid = |reason: String| StoreError::from(BundleError::Invalid { path: p(), reason });
        let (tables, rest): (Tables, &[u8]) =
            postcard::take_from_bytes(body).map_err(|e| invalid(format!("name tables: {e}")))?;
        for k in &tables.kiosks {
            Uuid::parse_str(k).map_err(|_| invalid(format!("kiosk id {k:?} is not a UUID")))?;
        }
        let store_path = self.path.clone();
        let mut report =
            ImportReport { path: p(), from_kiosk: from_kiosk.clone(), responses: 0, checks: 0, duplicates: 0 };
        // Every row id the import writes comes from tables it looked up or filled in the same
        // transaction, so foreign keys hold by construction; checking them costs two index
        // seeks per answer. They are switched off for the import only (the pragma cannot
        // change inside a transaction) and always switched back on.
        // A larger page cache for the import keeps a big merge from spilling dirty pages to
        // the WAL before commit; pages are allocated only as needed.
        self.conn
            .execute_batch("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;")
            .map_err(|e| super::classify(e, &store_path))?;
        // Decoding and validating run on a second thread, a batch ahead of the inserts, so
        // a bulk import uses both cores; any error from either side rolls everything back.
        let records = rest;
        let tables = &tables;
        let result = self.write(|s, tx| {
            let mut agg = Aggregates::default();
            std::thread::scope(|scope| -> Result<()> {
                let (send, batches) = std::sync::mpsc::sync_channel::<Result<Vec<Decoded>>>(4);
                scope.spawn(move || {
                    let mut rest = records;
                    let mut i = 0u64;
                    while i < count {
                        let mut batch = Vec::with_capacity(DECODE_BATCH);
                        while batch.len() < DECODE_BATCH && i < count {
                            match decode_record(rest, tables, i, &invalid) {
                                Ok((record, next)) => {
                                    batch.push(record);
                                    rest = next;
                                }
                                Err(e) => {
                                    let _ = send.send(Err(e));
                                    return;
                                }
                            }
                            i += 1;
                        }
                        // The receiver is gone only when the inserting side failed.
                        if send.send(Ok(batch)).is_err() {
                            return;
                        }
                    }
                    if !rest.is_empty() {
                        let _ =
                            send.send(Err(invalid(format!("{} bytes after the last of {count} records", rest.len()))));
                    }
                });
                let mut writer = ResponseWriter::new(tx)?;
                // Row ids of the bundle's kiosks and events, looked up as records name them.
                let mut kiosk_rows: Vec<Option<i64>> = vec![None; tables.kiosks.len()];
                let mut event_rows: Vec<Option<i64>> = vec![None; tables.events.len()];
                let mut done = 0u64;
                for batch in batches {
                    for record in batch? {
                        if done.is_multiple_of(4096) {
                            progress(done, count);
                        }
                        done += 1;
                        match record {
                            Decoded::Response(Head { kiosk, event, mut response }) => {
                                response.kiosk = match kiosk_rows[kiosk] {
                                    Some(row) => row,
                                    None => *kiosk_rows[kiosk].insert(s.kiosk_row_of(tx, &tables.kiosks[kiosk])?),
                                };
                                response.event = match event_rows[event] {
                                    Some(row) => row,
                                    None => *event_rows[event].insert(s.event_row(tx, &tables.events[event])?),
                                };
                                writer.push(s, &mut agg, response)?;
                            }
                            Decoded::Check(check) => {
                                let new = s.insert_check(tx, &check)?;
                                report.checks += u64::from(new);
                                report.duplicates += u64::from(!new);
                            }
                        }
                    }
                }
                writer.finish(s, &mut agg)?;
                report.responses = writer.added;
                report.duplicates += writer.duplicates;
                if done != count {
                    return Err(invalid(format!("{done} of {count} records could be read")));
                }
                Ok(())
            })?;
            agg.flush(s, tx)?;
            let event = AuditEvent::Import {
                from_kiosk: from_kiosk.clone(),
                responses: report.responses,
                checks: report.checks,
                duplicates: report.duplicates,
            };
            audit::append(tx, &s.kiosk_id, &event, SystemTime::now())?;
            progress(count, count);
            Ok(())
        });
        let restored = self.conn.execute_batch(super::PRAGMAS);
        result.map_err(|e| super::reclassify(e, &store_path))?;
        restored.map_err(|e| super::classify(e, &store_path))?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use rekry_core::survey::{Answer, CatalogueId, Response, Value};

    use super::*;
    use crate::storage::{NewResponse, ReportFilter};

    /// Deterministic varied responses: different events, days, answer sets, flags.
    fn responses(n: usize) -> Vec<NewResponse> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut below = move |n: u64| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
        };
        (0..n)
            .map(|_| {
                let mut r = Response::new(CatalogueId::JobFair);
                r.push(Answer::new("recommend", Value::Score(below(11) as i32)).unwrap()).unwrap();
                if below(3) > 0 {
                    r.push(Answer::new("treatment", Value::Score(1 + below(10) as i32)).unwrap()).unwrap();
                }
                if below(2) > 0 {
                    r.push(Answer::new("would_apply", Value::Yes(below(2) == 0)).unwrap()).unwrap();
                }
                NewResponse {
                    event: ["Höstmässan", "Vårmässan", "Reception"][below(3) as usize].into(),
                    response: r,
                    lang: if below(2) == 0 { Lang::Sv } else { Lang::En },
                    complete: true,
                    flags: ResponseFlags { repeated_presses: (below(15) == 0) as u32 * 2, too_fast: below(20) == 0 },
                    at: UNIX_EPOCH + Duration::from_secs(1_795_428_451 - below(90 * 86_400)),
                }
            })
            .collect()
    }

    fn id(i: usize) -> [u8; 16] {
        *Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + i as u128).as_bytes()
    }

    fn import(store: &mut Store, bytes: &[u8]) -> ImportReport {
        let report = store.import_bundle_bytes(Path::new("test.bundle"), bytes, &mut |_, _| {}).unwrap();
        assert!(store.foreign_keys_enabled().unwrap());
        report
    }

    fn foreign_key_violations(store: &Store) -> i64 {
        store.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap()
    }

    fn answer_rows(store: &Store) -> i64 {
        store.conn.query_row("SELECT count(*) FROM answers", [], |r| r.get(0)).unwrap()
    }

    /// Rows already stored and rows repeated inside the bundle, scattered through several
    /// multi-row statements: exactly the new ones go in, with their answers and counts.
    #[test]
    fn duplicates_scattered_through_a_bundle_are_skipped_row_by_row() {
        let n = 3 * super::super::bulk::RESPONSES_PER_STATEMENT + 41;
        let all = responses(n);
        let kiosk = Uuid::new_v4();
        let dir = tempfile::tempdir().unwrap();

        // Reference: every response imported once into an empty store.
        let mut whole = Store::open(&dir.path().join("whole.sqlite3")).unwrap();
        let unique = encode_with_ids(kiosk, all.iter().enumerate().map(|(i, r)| (id(i), r))).unwrap();
        let r = import(&mut whole, &unique);
        assert_eq!((r.responses, r.duplicates), (n as u64, 0));

        // A store with responses of its own, then every third response, then a bundle of all
        // of them in which every fifth is repeated right away and every seventh at the end.
        let mut merged = Store::open(&dir.path().join("merged.sqlite3")).unwrap();
        let own = responses(5);
        for r in &own {
            merged.save_response(r).unwrap();
        }
        let thirds =
            encode_with_ids(kiosk, all.iter().enumerate().filter(|(i, _)| i % 3 == 0).map(|(i, r)| (id(i), r)))
                .unwrap();
        let first = import(&mut merged, &thirds);
        let already = n.div_ceil(3) as u64;
        assert_eq!((first.responses, first.duplicates), (already, 0));
        let mut mixed: Vec<([u8; 16], &NewResponse)> = Vec::new();
        for (i, r) in all.iter().enumerate() {
            mixed.push((id(i), r));
            if i % 5 == 0 {
                mixed.push((id(i), r));
            }
        }
        for (i, r) in all.iter().enumerate().filter(|(i, _)| i % 7 == 0) {
            mixed.push((id(i), r));
        }
        let repeats = (mixed.len() - n) as u64;
        let mixed = encode_with_ids(kiosk, mixed.into_iter()).unwrap();
        let second = import(&mut merged, &mixed);
        assert_eq!((second.responses, second.duplicates), (n as u64 - already, already + repeats));
        assert_eq!(merged.response_count().unwrap(), (n + own.len()) as u64);
        assert!((0..n).all(|i| merged.has_response(&Uuid::from_bytes(id(i))).unwrap()));
        assert!(merged.aggregates_consistent().unwrap());
        assert_eq!(foreign_key_violations(&merged), 0);

        // The imported figures are the reference's: take the store's own responses out by
        // filtering on the bundle's kiosk.
        for include_flagged in [false, true] {
            let f = ReportFilter {
                kiosk: Some(kiosk.to_string()),
                include_flagged,
                ..ReportFilter::all(CatalogueId::JobFair)
            };
            assert_eq!(merged.report(&f).unwrap(), whole.report(&f).unwrap());
        }
        let own_answers: usize = own.iter().map(|r| r.response.answers.len()).sum();
        assert_eq!(answer_rows(&merged), answer_rows(&whole) + own_answers as i64);

        // Importing again changes nothing; the store goes on saving and exporting normally.
        let before = merged.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap();
        let again = import(&mut merged, &mixed);
        assert_eq!((again.responses, again.duplicates), (0, n as u64 + repeats));
        assert_eq!(merged.report(&ReportFilter::all(CatalogueId::JobFair)).unwrap(), before);
        merged.save_response(&own[0]).unwrap();
        assert!(merged.aggregates_consistent().unwrap());
        let mut copy = Store::open(&dir.path().join("copy.sqlite3")).unwrap();
        let r = import(&mut copy, &merged.bundle_bytes().unwrap());
        assert_eq!(r.responses, (n + own.len() + 1) as u64);
        let all_filter = ReportFilter { include_flagged: true, ..ReportFilter::all(CatalogueId::JobFair) };
        assert_eq!(copy.report(&all_filter).unwrap().tally, merged.report(&all_filter).unwrap().tally);
        assert_eq!(answer_rows(&copy), answer_rows(&merged));
        assert_eq!(foreign_key_violations(&copy), 0);
    }
}

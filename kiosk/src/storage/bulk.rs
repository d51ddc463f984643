//! Bulk inserts for bundle imports: many rows per statement.
//!
//! One statement run per response (and another for its answers) spent most of an import in
//! SQLite's per-statement work: binding, starting and halting the VM, opening a statement
//! journal. Here responses go in [`RESPONSES_PER_STATEMENT`] at a time and answers
//! [`ANSWERS_PER_STATEMENT`] at a time, so that work is paid once per few hundred rows.
//!
//! Row ids are assigned here, counting on from the largest id present when the writer was
//! made; the writer lives inside the import's write transaction, so no other writer can take
//! them. A response whose UUID is already stored is skipped by `ON CONFLICT (uuid) DO
//! NOTHING` exactly as a single-row insert skips it; which rows of a statement went in is
//! read back by id (only when some did not), and only their answers and aggregate counts
//! are written. A skipped row leaves its id unused, which SQLite allows like any deleted
//! row's.

use rekry_core::Lang;
use rekry_core::survey::{CatalogueId, MAX_ANSWERS};
use rusqlite::{Connection, Statement};

use super::{Aggregates, CountKey, Ids, ResponseFlags, Result, StoreError, day_of_bucket};

/// Responses bound into one `INSERT` (10 parameters each).
pub(super) const RESPONSES_PER_STATEMENT: usize = 256;
/// Answers bound into one `INSERT` (3 parameters each).
pub(super) const ANSWERS_PER_STATEMENT: usize = 512;

/// A response ready to insert: row ids of its kiosk and event, and its answers as (position
/// in the catalogue, stored value 0–10), already checked against the catalogue.
#[derive(Debug, Clone)]
pub(super) struct BulkResponse {
    pub uuid: [u8; 16],
    pub kiosk: i64,
    pub event: i64,
    pub catalogue: CatalogueId,
    pub lang: Lang,
    pub bucket: i64,
    pub complete: bool,
    pub flags: ResponseFlags,
    pub answers: heapless::Vec<(u8, u8), MAX_ANSWERS>,
}

/// `head` followed by `n` copies of `row` separated by commas, then `tail`.
fn multi_row_sql(head: &str, row: &str, n: usize, tail: &str) -> String {
    let mut sql = String::with_capacity(head.len() + n * (row.len() + 2) + tail.len() + 2);
    sql.push_str(head);
    for i in 0..n {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql.push(' ');
    sql.push_str(tail);
    sql
}

/// An `INSERT … VALUES (row), (row), …` run `per` rows at a time, with a statement of the
/// exact size for a shorter last chunk.
struct MultiInsert<'c> {
    conn: &'c Connection,
    head: &'static str,
    row: &'static str,
    tail: &'static str,
    /// Parameters per row.
    width: usize,
    per: usize,
    full: Option<Statement<'c>>,
}

impl<'c> MultiInsert<'c> {
    fn new(
        conn: &'c Connection,
        head: &'static str,
        row: &'static str,
        tail: &'static str,
        width: usize,
        per: usize,
    ) -> MultiInsert<'c> {
        MultiInsert { conn, head, row, tail, width, per, full: None }
    }

    /// Inserts `rows`; `bind(stmt, first_parameter, index, row)` binds one row's parameters
    /// from `first_parameter` (1-based) on. Returns the number of rows inserted.
    fn run<T>(
        &mut self,
        rows: &[T],
        mut bind: impl FnMut(&mut Statement<'c>, usize, usize, &T) -> Result<()>,
    ) -> Result<usize> {
        let mut changed = 0;
        for (c, chunk) in rows.chunks(self.per).enumerate() {
            let mut short;
            let stmt = if chunk.len() == self.per {
                match &mut self.full {
                    Some(s) => s,
                    full => full.insert(self.conn.prepare(&multi_row_sql(self.head, self.row, self.per, self.tail))?),
                }
            } else {
                short = self.conn.prepare(&multi_row_sql(self.head, self.row, chunk.len(), self.tail))?;
                &mut short
            };
            for (i, row) in chunk.iter().enumerate() {
                bind(stmt, i * self.width + 1, c * self.per + i, row)?;
            }
            changed += stmt.raw_execute()?;
        }
        Ok(changed)
    }
}

/// Inserts imported responses, their answers and their aggregate counts, many rows per
/// statement. Call [`finish`](Self::finish) before committing.
pub(super) struct ResponseWriter<'c> {
    conn: &'c Connection,
    responses: MultiInsert<'c>,
    answers: MultiInsert<'c>,
    /// The id the next response gets.
    next_id: i64,
    pending: Vec<BulkResponse>,
    answer_rows: Vec<[i64; 3]>,
    /// Question row ids per catalogue and position, looked up once per import.
    questions: Vec<(CatalogueId, Vec<Option<i64>>)>,
    /// Responses inserted so far.
    pub added: u64,
    /// Responses skipped so far because their UUID was already stored.
    pub duplicates: u64,
}

impl<'c> ResponseWriter<'c> {
    /// A writer inside the write transaction `conn`.
    pub fn new(conn: &'c Connection) -> Result<ResponseWriter<'c>> {
        let max: Option<i64> = conn.query_row("SELECT max(id) FROM responses", [], |r| r.get(0))?;
        let next_id = max
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| StoreError::Damaged("response row ids are exhausted".into()))?;
        Ok(ResponseWriter {
            conn,
            responses: MultiInsert::new(
                conn,
                "INSERT INTO responses (id, uuid, kiosk, event, catalogue, lang, bucket, complete, repeated_presses, \
                 too_fast) VALUES",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "ON CONFLICT (uuid) DO NOTHING",
                10,
                RESPONSES_PER_STATEMENT,
            ),
            answers: MultiInsert::new(
                conn,
                "INSERT INTO answers (response, question, value) VALUES",
                "(?, ?, ?)",
                "",
                3,
                ANSWERS_PER_STATEMENT,
            ),
            next_id,
            pending: Vec::with_capacity(RESPONSES_PER_STATEMENT),
            answer_rows: Vec::with_capacity(2 * ANSWERS_PER_STATEMENT),
            questions: Vec::new(),
            added: 0,
            duplicates: 0,
        })
    }

    /// Queues a response; it is written by this call or a later one.
    pub fn push(&mut self, ids: &mut Ids, agg: &mut Aggregates, r: BulkResponse) -> Result<()> {
        self.pending.push(r);
        if self.pending.len() >= RESPONSES_PER_STATEMENT {
            self.write_pending(ids, agg)?;
        }
        Ok(())
    }

    /// Writes everything queued.
    pub fn finish(&mut self, ids: &mut Ids, agg: &mut Aggregates) -> Result<()> {
        self.write_pending(ids, agg)?;
        let rows = std::mem::take(&mut self.answer_rows);
        self.answers.run(&rows, bind_answer)?;
        Ok(())
    }

    fn question_row(&mut self, ids: &mut Ids, catalogue: CatalogueId, pos: u8) -> Result<i64> {
        let pos = usize::from(pos);
        let i = match self.questions.iter().position(|(c, _)| *c == catalogue) {
            Some(i) => i,
            None => {
                self.questions.push((catalogue, vec![None; catalogue.catalogue().questions.len()]));
                self.questions.len() - 1
            }
        };
        let slot = self.questions[i]
            .1
            .get_mut(pos)
            .ok_or_else(|| StoreError::InvalidResponse(format!("question #{pos} is not in {catalogue}")))?;
        match slot {
            Some(id) => Ok(*id),
            None => {
                let id = ids.question_row(self.conn, catalogue, pos)?;
                *slot = Some(id);
                Ok(id)
            }
        }
    }

    fn write_pending(&mut self, ids: &mut Ids, agg: &mut Aggregates) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let first = self.next_id;
        let last = i64::try_from(pending.len())
            .ok()
            .and_then(|n| first.checked_add(n - 1))
            .ok_or_else(|| StoreError::Damaged("response row ids are exhausted".into()))?;
        let changed = self.responses.run(&pending, |stmt, at, i, r| {
            stmt.raw_bind_parameter(at, first + i as i64)?;
            stmt.raw_bind_parameter(at + 1, r.uuid.as_slice())?;
            stmt.raw_bind_parameter(at + 2, r.kiosk)?;
            stmt.raw_bind_parameter(at + 3, r.event)?;
            stmt.raw_bind_parameter(at + 4, r.catalogue.as_str())?;
            stmt.raw_bind_parameter(at + 5, r.lang.code())?;
            stmt.raw_bind_parameter(at + 6, r.bucket)?;
            stmt.raw_bind_parameter(at + 7, r.complete)?;
            stmt.raw_bind_parameter(at + 8, r.flags.repeated_presses)?;
            stmt.raw_bind_parameter(at + 9, r.flags.too_fast)?;
            Ok(())
        })?;
        // Which rows went in: all (the usual case), none (a re-import), or some, read back.
        let inserted: Vec<bool> = if changed == pending.len() {
            vec![true; pending.len()]
        } else if changed == 0 {
            vec![false; pending.len()]
        } else {
            let mut mask = vec![false; pending.len()];
            let mut stmt = self.conn.prepare_cached("SELECT id FROM responses WHERE id BETWEEN ?1 AND ?2")?;
            let mut rows = stmt.query([first, last])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                if let Some(m) = usize::try_from(id - first).ok().and_then(|i| mask.get_mut(i)) {
                    *m = true;
                }
            }
            mask
        };
        let mut last_used = None;
        for (i, (r, new)) in pending.iter().zip(&inserted).enumerate() {
            if !*new {
                self.duplicates += 1;
                continue;
            }
            self.added += 1;
            let id = first + i as i64;
            last_used = Some(id);
            let key = CountKey {
                catalogue: r.catalogue,
                event: r.event,
                kiosk: r.kiosk,
                day: day_of_bucket(r.bucket),
                complete: r.complete,
                flagged: r.flags.any(),
            };
            agg.count(key, r.flags, &r.answers)?;
            for &(pos, value) in &r.answers {
                let q = self.question_row(ids, r.catalogue, pos)?;
                self.answer_rows.push([id, q, i64::from(value)]);
            }
        }
        if let Some(id) = last_used {
            self.next_id = id + 1;
        }
        if self.answer_rows.len() >= ANSWERS_PER_STATEMENT {
            let full = self.answer_rows.len() / ANSWERS_PER_STATEMENT * ANSWERS_PER_STATEMENT;
            self.answers.run(&self.answer_rows[..full], bind_answer)?;
            self.answer_rows.drain(..full);
        }
        self.pending = pending;
        self.pending.clear();
        Ok(())
    }
}

fn bind_answer(stmt: &mut Statement<'_>, at: usize, _: usize, row: &[i64; 3]) -> Result<()> {
    stmt.raw_bind_parameter(at, row[0])?;
    stmt.raw_bind_parameter(at + 1, row[1])?;
    stmt.raw_bind_parameter(at + 2, row[2])?;
    Ok(())
}

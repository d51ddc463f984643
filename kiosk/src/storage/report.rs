//! Reports from the aggregate tables.
//!
//! Every insert maintains `answer_counts` and `response_counts` (counts per catalogue, day,
//! event, kiosk, completeness, flag, question and value) in its own transaction, so a report
//! sums at most a few rows per day and value instead of scanning every answer: over a
//! million responses it takes milliseconds. The figures themselves (NPS, intervals, shares,
//! target status, suppression) all come from `rekry-core`.

use std::collections::HashMap;

use rekry_core::Date;
use rekry_core::indicators::{IndicatorRow, Tertial, evaluate, is_suppressed};
use rekry_core::nps::NpsTally;
use rekry_core::satisfaction::{RatingTally, YesNoTally};
use rekry_core::survey::{CatalogueId, QuestionTally, SurveyTally};
use rusqlite::ToSql;

use super::{Result, Store, StoreError};

/// What to report on. `None` means all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportFilter {
    /// Only this event.
    pub event: Option<String>,
    /// Only this kiosk (its id).
    pub kiosk: Option<String>,
    /// Only this tertial.
    pub tertial: Option<Tertial>,
    /// Only this day (UTC).
    pub day: Option<Date>,
    /// Include flagged responses (repeated presses, too-fast sessions) in the figures.
    pub include_flagged: bool,
    /// The catalogue reported.
    pub catalogue: CatalogueId,
}

impl ReportFilter {
    /// Everything for `catalogue`, flagged responses excluded.
    pub fn all(catalogue: CatalogueId) -> ReportFilter {
        ReportFilter { event: None, kiosk: None, tertial: None, day: None, include_flagged: false, catalogue }
    }
}

/// What a breakdown groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Breakdown {
    /// Per event.
    Event,
    /// Per kiosk.
    Kiosk,
    /// Per tertial.
    Tertial,
}

/// Counts of flagged responses (always counted, whether included in the figures or not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct FlaggedCounts {
    /// Responses with any flag.
    pub responses: u64,
    /// Sum of repeated presses.
    pub repeated_presses: u64,
    /// Too-fast sessions.
    pub too_fast: u64,
    /// Whether they are included in the figures.
    pub included: bool,
}

/// One row of a breakdown.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BreakdownRow {
    /// The event name, kiosk id or tertial ("2026 T3").
    pub key: String,
    /// Complete responses in the figures.
    pub responses: u64,
    /// Partial responses (reported apart).
    pub partial: u64,
    /// Flagged responses (counted whether included or not).
    pub flagged: u64,
    /// Fewer than [`MIN_REPORT_CELL`](rekry_core::indicators::MIN_REPORT_CELL) responses: the tally is withheld.
    pub suppressed: bool,
    /// The tally, `None` when suppressed.
    pub tally: Option<SurveyTally>,
    /// Core's evaluation against the targets (suppresses small cells itself).
    pub indicators: Vec<IndicatorRow>,
}

/// A report: core's tally and indicator rows for the filter, flagged and partial counts,
/// and breakdowns per event, kiosk and tertial.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    /// The filter used.
    pub filter: ReportFilter,
    /// Complete responses in the figures.
    pub responses: u64,
    /// Fewer than [`MIN_REPORT_CELL`](rekry_core::indicators::MIN_REPORT_CELL) responses: `tally` is withheld (empty).
    pub suppressed: bool,
    /// Tally of complete responses (flagged ones only if included).
    pub tally: SurveyTally,
    /// Core's evaluation of `tally` against the targets.
    pub indicators: Vec<IndicatorRow>,
    /// Partial responses (a candidate walked away), reported apart.
    pub partial: u64,
    /// Tally of partial responses; withheld when fewer than [`MIN_REPORT_CELL`](rekry_core::indicators::MIN_REPORT_CELL).
    pub partial_tally: SurveyTally,
    /// Flagged responses.
    pub flagged: FlaggedCounts,
    /// Per event.
    pub by_event: Vec<BreakdownRow>,
    /// Per kiosk.
    pub by_kiosk: Vec<BreakdownRow>,
    /// Per tertial.
    pub by_tertial: Vec<BreakdownRow>,
}

/// Counts for one report cell, indexed by the catalogue's question order. Plain arrays, so
/// summing hundreds of thousands of aggregate rows into four breakdowns costs little; the
/// core tallies are built once at the end.
#[derive(Debug, Clone)]
struct Cell {
    responses: u64,
    partial: u64,
    flagged: u64,
    counts: Vec<[u64; 11]>,
    partial_counts: Vec<[u64; 11]>,
}

impl Cell {
    fn new(questions: usize) -> Cell {
        Cell { responses: 0, partial: 0, flagged: 0, counts: vec![[0; 11]; questions], partial_counts: Vec::new() }
    }

    fn add_answer(&mut self, complete: bool, question: usize, value: i64, n: u64) {
        let counts = if complete {
            &mut self.counts
        } else {
            if self.partial_counts.is_empty() {
                self.partial_counts = vec![[0; 11]; self.counts.len()];
            }
            &mut self.partial_counts
        };
        if let Some(slot) =
            counts.get_mut(question).and_then(|c| usize::try_from(value).ok().and_then(|v| c.get_mut(v)))
        {
            *slot += n;
        }
    }
}

/// Builds core's tally from a cell's counts (slot = NPS score, rating, or 0/1 for no/yes).
fn tally(catalogue: CatalogueId, responses: u64, counts: &[[u64; 11]]) -> Result<SurveyTally> {
    let overflow = || StoreError::Damaged("a count does not fit a tally (over 4 billion answers)".into());
    let mut t = SurveyTally::new(catalogue);
    t.add_responses(u32::try_from(responses).map_err(|_| overflow())?).map_err(|_| overflow())?;
    for (q, c) in catalogue.catalogue().questions.iter().zip(counts) {
        let mut small = [0u32; 11];
        for (s, &v) in small.iter_mut().zip(c) {
            *s = u32::try_from(v).map_err(|_| overflow())?;
        }
        let Some(slot) = t.question_mut(q.id) else { continue };
        *slot = match slot {
            QuestionTally::Nps(_) => QuestionTally::Nps(NpsTally::from_counts(small)),
            QuestionTally::Rating(_) => {
                let mut r = [0u32; 10];
                r.copy_from_slice(&small[1..]);
                QuestionTally::Rating(RatingTally::from_counts(r))
            }
            QuestionTally::YesNo(_) => QuestionTally::YesNo(YesNoTally { yes: small[1], no: small[0] }),
        };
    }
    Ok(t)
}

impl Store {
    /// Builds a report for `filter`. Cells with fewer than [`MIN_REPORT_CELL`](rekry_core::indicators::MIN_REPORT_CELL) responses are
    /// suppressed (core's constant; core's `evaluate` suppresses indicator cells).
    ///
    /// Without a day filter the per-tertial aggregate tables are read, with one the per-day
    /// ones; either way one scan of each table fills the whole report and its breakdowns.
    pub fn report(&self, filter: &ReportFilter) -> Result<Report> {
        let catalogue = filter.catalogue;
        let questions = catalogue.catalogue().questions;
        // Database question ids → catalogue positions.
        let mut qpos: HashMap<i64, usize> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached("SELECT id, name FROM questions WHERE catalogue = ?1")?;
            let mut rows = stmt.query([catalogue.as_str()])?;
            while let Some(r) = rows.next()? {
                let name: String = r.get(1)?;
                if let Some(pos) = questions.iter().position(|q| q.id == name) {
                    qpos.insert(r.get(0)?, pos);
                }
            }
        }
        let names = |sql: &str| -> Result<HashMap<i64, String>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let events = names("SELECT id, name FROM events")?;
        let kiosks = names("SELECT id, uuid FROM kiosks")?;

        // The range of the time column: periods (year × 10 + tertial) or Unix days.
        let (table_suffix, unit, lo, hi) = match (filter.day, filter.tertial) {
            (Some(d), t) => {
                let day = super::unix_day(d);
                let in_tertial = t.is_none_or(|t| t.contains(d));
                // A day outside the requested tertial selects nothing: an empty range.
                if in_tertial { ("counts", "day", day, day) } else { ("counts", "day", 1, 0) }
            }
            (None, Some(t)) => {
                let p = i64::from(t.year) * 10 + i64::from(t.number);
                ("totals", "period", p, p)
            }
            (None, None) => ("totals", "period", i64::MIN, i64::MAX),
        };
        let cat = catalogue.as_str();
        let include = filter.include_flagged;
        let params: [&dyn ToSql; 6] = [&cat, &filter.event, &filter.kiosk, &lo, &hi, &include];
        let where_ = format!(
            "catalogue = ?1 AND {unit} BETWEEN ?4 AND ?5 \
             AND (?2 IS NULL OR event = (SELECT id FROM events WHERE name = ?2)) \
             AND (?3 IS NULL OR kiosk = (SELECT id FROM kiosks WHERE uuid = ?3))"
        );
        let tertial_of = |t: i64| -> i64 { if unit == "day" { super::period_of_day(t) } else { t } };

        let nq = questions.len();
        let mut whole = Cell::new(nq);
        let mut by_event: HashMap<i64, Cell> = HashMap::new();
        let mut by_kiosk: HashMap<i64, Cell> = HashMap::new();
        let mut by_period: HashMap<i64, Cell> = HashMap::new();
        let mut flagged_total = FlaggedCounts { included: include, ..FlaggedCounts::default() };

        let sql = format!(
            "SELECT event, kiosk, {unit}, complete, flagged, n, repeated_presses, too_fast \
             FROM response_{table_suffix} WHERE {where_}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(&params[..5])?;
        while let Some(r) = rows.next()? {
            let (event, kiosk, time): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let complete: bool = r.get(3)?;
            let flagged: bool = r.get(4)?;
            let n = r.get::<_, i64>(5)?.max(0) as u64;
            if flagged {
                flagged_total.responses += n;
                flagged_total.repeated_presses += r.get::<_, i64>(6)?.max(0) as u64;
                flagged_total.too_fast += r.get::<_, i64>(7)?.max(0) as u64;
            }
            let period = tertial_of(time);
            for cell in [
                &mut whole,
                by_event.entry(event).or_insert_with(|| Cell::new(nq)),
                by_kiosk.entry(kiosk).or_insert_with(|| Cell::new(nq)),
                by_period.entry(period).or_insert_with(|| Cell::new(nq)),
            ] {
                if flagged {
                    cell.flagged += n;
                    if !include {
                        continue;
                    }
                }
                if complete {
                    cell.responses += n;
                } else {
                    cell.partial += n;
                }
            }
        }
        drop(rows);

        let sql = format!(
            "SELECT event, kiosk, {unit}, complete, question, value, n \
             FROM answer_{table_suffix} WHERE {where_} AND (?6 OR flagged = 0)"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(&params[..])?;
        while let Some(r) = rows.next()? {
            let (event, kiosk, time): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let complete: bool = r.get(3)?;
            let Some(&q) = qpos.get(&r.get::<_, i64>(4)?) else { continue };
            let value: i64 = r.get(5)?;
            let n = r.get::<_, i64>(6)?.max(0) as u64;
            whole.add_answer(complete, q, value, n);
            if complete {
                let period = tertial_of(time);
                for cell in [by_event.get_mut(&event), by_kiosk.get_mut(&kiosk), by_period.get_mut(&period)]
                    .into_iter()
                    .flatten()
                {
                    cell.add_answer(true, q, value, n);
                }
            }
        }
        drop(rows);

        let responses = whole.responses;
        let full = tally(catalogue, responses, &whole.counts)?;
        let indicators = evaluate(&full, None).to_vec();
        let suppressed = is_suppressed(responses);
        let withheld = |n: u64, counts: &[[u64; 11]]| -> Result<SurveyTally> {
            if is_suppressed(n) { tally(catalogue, n, &[]) } else { tally(catalogue, n, counts) }
        };
        let rows = |cells: HashMap<i64, Cell>, key: &dyn Fn(i64) -> String| -> Result<Vec<BreakdownRow>> {
            let mut out = Vec::with_capacity(cells.len());
            for (k, cell) in cells {
                let t = tally(catalogue, cell.responses, &cell.counts)?;
                let suppressed = is_suppressed(cell.responses);
                out.push(BreakdownRow {
                    key: key(k),
                    responses: cell.responses,
                    partial: cell.partial,
                    flagged: cell.flagged,
                    suppressed,
                    indicators: evaluate(&t, None).to_vec(),
                    tally: (!suppressed).then_some(t),
                });
            }
            out.sort_by(|a, b| a.key.cmp(&b.key));
            Ok(out)
        };
        let by_event = rows(by_event, &|id| events.get(&id).cloned().unwrap_or_default())?;
        let by_kiosk = rows(by_kiosk, &|id| kiosks.get(&id).cloned().unwrap_or_default())?;
        let by_tertial = rows(by_period, &|p| Tertial { year: (p / 10) as u16, number: (p % 10) as u8 }.to_string())?;
        Ok(Report {
            filter: filter.clone(),
            responses,
            suppressed,
            tally: withheld(responses, &whole.counts)?,
            indicators,
            partial: whole.partial,
            partial_tally: withheld(whole.partial, &whole.partial_counts)?,
            flagged: flagged_total,
            by_event,
            by_kiosk,
            by_tertial,
        })
    }
}

//! Reports from the aggregate tables.
//!
//! Every insert maintains `answer_counts` and `response_counts` (counts per catalogue, day,
//! event, kiosk, completeness, flag, question and value) in its own transaction, so a report
//! sums at most a few rows per day and value instead of scanning every answer: over a
//! million responses it takes milliseconds. The figures themselves (NPS, intervals, shares,
//! target status, suppression) all come from `rekry-core`.

use std::collections::BTreeMap;

use rekry_core::Date;
use rekry_core::indicators::{IndicatorRow, MIN_REPORT_CELL, Tertial, evaluate};
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
    /// Fewer than [`MIN_REPORT_CELL`] responses: the tally is withheld.
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
    /// Fewer than [`MIN_REPORT_CELL`] responses: `tally` is withheld (empty).
    pub suppressed: bool,
    /// Tally of complete responses (flagged ones only if included).
    pub tally: SurveyTally,
    /// Core's evaluation of `tally` against the targets.
    pub indicators: Vec<IndicatorRow>,
    /// Partial responses (a candidate walked away), reported apart.
    pub partial: u64,
    /// Tally of partial responses; withheld when fewer than [`MIN_REPORT_CELL`].
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

/// Adds `n` answers of `value` to question `name`'s tally.
fn add(tally: &mut SurveyTally, name: &str, value: i64, n: i64) -> Result<()> {
    let overflow = || StoreError::Damaged("a count does not fit a tally (over 4 billion answers)".into());
    let n = u32::try_from(n).map_err(|_| overflow())?;
    let Some(q) = tally.question_mut(name) else {
        // A question no longer in the catalogue: nothing to report it against.
        return Ok(());
    };
    let bump = |slot: &mut u32| -> Result<()> {
        *slot = slot.checked_add(n).ok_or_else(overflow)?;
        Ok(())
    };
    match q {
        QuestionTally::Nps(t) => {
            let mut c = *t.counts();
            if let Some(slot) = usize::try_from(value).ok().and_then(|i| c.get_mut(i)) {
                bump(slot)?;
            }
            *t = NpsTally::from_counts(c);
        }
        QuestionTally::Rating(t) => {
            let mut c = *t.counts();
            if let Some(slot) = usize::try_from(value - 1).ok().and_then(|i| c.get_mut(i)) {
                bump(slot)?;
            }
            *t = RatingTally::from_counts(c);
        }
        QuestionTally::YesNo(t) => {
            let mut next = YesNoTally { yes: t.yes, no: t.no };
            bump(if value != 0 { &mut next.yes } else { &mut next.no })?;
            *t = next;
        }
    }
    Ok(())
}

struct Cell {
    tally: SurveyTally,
    partial: u64,
    flagged: u64,
}

impl Store {
    /// Builds a report for `filter`. Cells with fewer than [`MIN_REPORT_CELL`] responses are
    /// suppressed (core's constant; core's `evaluate` suppresses indicator cells).
    pub fn report(&self, filter: &ReportFilter) -> Result<Report> {
        let catalogue = filter.catalogue;
        let (mut lo, mut hi) = (i64::MIN, i64::MAX);
        if let Some(t) = filter.tertial {
            let (Some(a), Some(b)) = (t.first_day(), t.last_day()) else {
                return Err(StoreError::InvalidTime(format!("no such tertial {t}")));
            };
            lo = lo.max(super::unix_day(a));
            hi = hi.min(super::unix_day(b));
        }
        if let Some(d) = filter.day {
            let d = super::unix_day(d);
            lo = lo.max(d);
            hi = hi.min(d);
        }
        let cat = catalogue.as_str();
        let include = filter.include_flagged;
        let params: [&dyn ToSql; 6] = [&cat, &filter.event, &filter.kiosk, &lo, &hi, &include];
        const WHERE: &str = "c.catalogue = ?1 \
            AND (?2 IS NULL OR c.event = (SELECT id FROM events WHERE name = ?2)) \
            AND (?3 IS NULL OR c.kiosk = (SELECT id FROM kiosks WHERE uuid = ?3)) \
            AND c.day BETWEEN ?4 AND ?5";

        // Groups: key column expression for each breakdown, and "" for the whole report.
        let groups: [(&str, &str); 4] = [
            ("''", ""),
            ("(SELECT name FROM events WHERE id = c.event)", "event"),
            ("(SELECT uuid FROM kiosks WHERE id = c.kiosk)", "kiosk"),
            ("c.day", "day"),
        ];
        let mut cells: Vec<BTreeMap<String, Cell>> = Vec::new();
        let mut flagged_total = FlaggedCounts { included: include, ..FlaggedCounts::default() };
        let mut partial_tally = SurveyTally::new(catalogue);
        for (i, (key_expr, _)) in groups.iter().enumerate() {
            let mut map: BTreeMap<String, Cell> = BTreeMap::new();
            let key_of = |raw: rusqlite::types::Value| -> String {
                match raw {
                    rusqlite::types::Value::Integer(day) => Tertial::of(super::date_of_unix_day(day)).to_string(),
                    rusqlite::types::Value::Text(s) => s,
                    _ => String::new(),
                }
            };
            // Response counts: every flag state, so flagged ones are counted even when excluded.
            let sql = format!(
                "SELECT {key_expr}, c.complete, c.flagged, sum(c.n), sum(c.repeated_presses), sum(c.too_fast) \
                 FROM response_counts c WHERE {WHERE} GROUP BY 1, 2, 3"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(&params[..5])?;
            while let Some(r) = rows.next()? {
                let key = key_of(r.get(0)?);
                let complete: bool = r.get(1)?;
                let flagged: bool = r.get(2)?;
                let n = r.get::<_, i64>(3)?.max(0) as u64;
                let cell = map.entry(key).or_insert_with(|| Cell {
                    tally: SurveyTally::new(catalogue),
                    partial: 0,
                    flagged: 0,
                });
                if flagged {
                    cell.flagged += n;
                    if i == 0 {
                        flagged_total.responses += n;
                        flagged_total.repeated_presses += r.get::<_, i64>(4)?.max(0) as u64;
                        flagged_total.too_fast += r.get::<_, i64>(5)?.max(0) as u64;
                    }
                }
                if flagged && !include {
                    continue;
                }
                if complete {
                    cell.tally.add_responses(u32::try_from(n).unwrap_or(u32::MAX)).map_err(|_| {
                        StoreError::Damaged("a count does not fit a tally (over 4 billion responses)".into())
                    })?;
                } else {
                    cell.partial += n;
                    if i == 0 {
                        let _ = partial_tally.add_responses(u32::try_from(n).unwrap_or(u32::MAX));
                    }
                }
            }
            drop(rows);
            let sql = format!(
                "SELECT {key_expr}, c.complete, q.name, c.value, sum(c.n) \
                 FROM answer_counts c JOIN questions q ON q.id = c.question \
                 WHERE {WHERE} AND (?6 OR c.flagged = 0) GROUP BY 1, 2, c.question, c.value"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(&params[..])?;
            while let Some(r) = rows.next()? {
                let key = key_of(r.get(0)?);
                let complete: bool = r.get(1)?;
                let name: String = r.get(2)?;
                let value: i64 = r.get(3)?;
                let n: i64 = r.get(4)?;
                if complete {
                    let cell = map.entry(key).or_insert_with(|| Cell {
                        tally: SurveyTally::new(catalogue),
                        partial: 0,
                        flagged: 0,
                    });
                    add(&mut cell.tally, &name, value, n)?;
                } else if i == 0 {
                    add(&mut partial_tally, &name, value, n)?;
                }
            }
            cells.push(map);
        }

        let mut cells = cells.into_iter();
        let whole = cells.next().unwrap_or_default().into_values().next();
        let tally = whole.as_ref().map_or_else(|| SurveyTally::new(catalogue), |c| c.tally.clone());
        let partial = whole.as_ref().map_or(0, |c| c.partial);
        let responses = u64::from(tally.responses());
        let indicators = evaluate(&tally, None).to_vec();
        let suppressed = responses > 0 && responses < MIN_REPORT_CELL;
        let withhold = |t: SurveyTally| {
            let n = u64::from(t.responses());
            if n > 0 && n < MIN_REPORT_CELL {
                let mut empty = SurveyTally::new(t.catalogue());
                let _ = empty.add_responses(t.responses());
                empty
            } else {
                t
            }
        };
        let rows = |map: BTreeMap<String, Cell>| -> Vec<BreakdownRow> {
            map.into_iter()
                .map(|(key, cell)| {
                    let n = u64::from(cell.tally.responses());
                    let suppressed = n > 0 && n < MIN_REPORT_CELL;
                    BreakdownRow {
                        key,
                        responses: n,
                        partial: cell.partial,
                        flagged: cell.flagged,
                        suppressed,
                        indicators: evaluate(&cell.tally, None).to_vec(),
                        tally: (!suppressed).then_some(cell.tally),
                    }
                })
                .collect()
        };
        let by_event = rows(cells.next().unwrap_or_default());
        let by_kiosk = rows(cells.next().unwrap_or_default());
        // Days were keyed by their tertial, so the days of one tertial share a cell.
        let by_tertial = rows(cells.next().unwrap_or_default());
        Ok(Report {
            filter: filter.clone(),
            responses,
            suppressed,
            tally: withhold(tally),
            indicators,
            partial,
            partial_tally: withhold(partial_tally),
            flagged: flagged_total,
            by_event,
            by_kiosk,
            by_tertial,
        })
    }
}

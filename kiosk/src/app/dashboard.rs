//! The results dashboard: NPS with its 95 % interval and target, answers needed for a useful
//! margin, core's NPS gauge and 0–10 histogram drawn into Slint images, satisfaction and yes/no shares
//! against the targets, flagged and partial counts; for today, this event or this tertial.
//! Every figure comes from the store's report (core's tallies and indicators).

use embedded_graphics::Drawable;
use embedded_graphics::mono_font::iso_8859_1::{FONT_7X13, FONT_10X20};
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::{Point, Size};
use embedded_graphics::primitives::Rectangle;
use rekry_core::Lang;
use rekry_core::graphics::{Canvas, NpsGauge, ScoreHistogram, Theme};
use rekry_core::indicators::{Indicator, Tertial, is_suppressed, target};
use rekry_core::nps::NpsTally;
use rekry_core::stats::TargetStatus;
use rekry_core::survey::QuestionKind;
use slint::{ComponentHandle, Image, ModelRc, Rgb8Pixel, SharedPixelBuffer, VecModel};

use super::ui;
use crate::config::Config;
use crate::storage::{ReportFilter, Store};

/// A margin (± points) narrow enough to act on.
pub const USEFUL_MARGIN: f64 = 10.0;
/// Width of the gauge in canvas pixels. Core draws with pixel fonts; the page shows each
/// gauge pixel as 2×2 (`image-rendering: pixelated`), which keeps the value large and sharp.
pub const GAUGE_WIDTH: u32 = 266;
/// Histogram size in pixels, shown 1:1 with a 7×13 label font so that the category names fit
/// under their bars in Swedish too.
pub const HISTOGRAM_SIZE: (u32, u32) = (532, 290);

fn t(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    rekry_core::Text::new(sv, en).get(lang)
}

/// What the dashboard shows.
#[derive(Debug, Clone, Default)]
pub struct View {
    period: String,
    nps: String,
    interval: String,
    target: String,
    status: String,
    status_kind: String,
    answers: String,
    needed: String,
    histogram: Option<Canvas>,
    gauge: Option<Canvas>,
    rows: Vec<ui::Row>,
    flagged: String,
    updated: String,
}

fn status_kind(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::Met => "met",
        TargetStatus::Missed => "not-met",
        TargetStatus::Undecided => "uncertain",
        TargetStatus::NoData => "none",
    }
}

/// Draws core's 0–10 histogram of `tally` (bars coloured by category, counts, scores and
/// category names) into an RGB canvas.
pub fn histogram(tally: &NpsTally, lang: Lang) -> Option<Canvas> {
    let (w, h) = HISTOGRAM_SIZE;
    let mut canvas = Canvas::new(w, h, Rgb888::new(255, 255, 255))?;
    let theme: Theme<'_, Rgb888> = Theme::light().with_lang(lang).with_fonts(&FONT_10X20, &FONT_7X13);
    let bounds = Rectangle::new(Point::zero(), Size::new(w, h));
    ScoreHistogram::new(tally, bounds, theme).with_category_labels(true).draw(&mut canvas).ok()?;
    Some(canvas)
}

/// Draws core's NPS gauge of `tally`: the value, the 95 % interval as a band on the −100…100
/// scale, and the target line with its status.
pub fn gauge(tally: &NpsTally, target: f64, lang: Lang) -> Option<Canvas> {
    let theme: Theme<'_, Rgb888> = Theme::light().with_lang(lang);
    let (w, h) = (GAUGE_WIDTH, NpsGauge::<Rgb888>::preferred_height(&theme));
    let mut canvas = Canvas::new(w, h, Rgb888::new(255, 255, 255))?;
    let bounds = Rectangle::new(Point::zero(), Size::new(w, h));
    NpsGauge::of_tally(tally, bounds, theme).with_target(Some(target)).draw(&mut canvas).ok()?;
    Some(canvas)
}

/// Builds the view for `period` ("today", "event" or "tertial").
pub fn build(store: &Store, config: &Config, period: &str, lang: Lang) -> View {
    let today = crate::storage::today();
    let mut filter = ReportFilter::all(config.catalogue);
    match period {
        "event" => filter.event = Some(config.event.clone()),
        "tertial" => filter.tertial = Some(Tertial::of(today)),
        _ => filter.day = Some(today),
    }
    let mut view = View { period: period.into(), ..View::default() };
    let report = match store.report(&filter) {
        Ok(r) => r,
        Err(e) => {
            view.nps = "–".into();
            view.answers = e.to_string();
            return view;
        }
    };
    let nps_target = target(Indicator::Nps).threshold;
    let tally = report.tally.nps("recommend").copied().unwrap_or_default();
    let summary = tally.summary();
    view.nps = summary.nps.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    view.interval = match (summary.interval95, summary.margin95) {
        (Some(ci), Some(m)) => {
            format!("{} {:.1} … {:.1}  (±{:.1})", t(lang, "95 % intervall", "95 % interval"), ci.low, ci.high, m)
        }
        _ => t(lang, "Inga svar ännu", "No answers yet").into(),
    };
    view.target = format!("{} {nps_target:.0}", t(lang, "Mål", "Target"));
    let status = tally.target_status(nps_target);
    view.status = status.text().get(lang).into();
    view.status_kind = status_kind(status).into();
    view.answers = format!(
        "{} {} · {} {}",
        summary.n,
        t(lang, "svar", "answers"),
        report.partial,
        t(lang, "ofullständiga (räknas separat)", "partial (counted apart)")
    );
    view.needed = match tally.answers_needed(USEFUL_MARGIN) {
        Some(0) => {
            format!("{} ±{USEFUL_MARGIN:.0}", t(lang, "Felmarginalen är redan under", "The margin is already under"))
        }
        Some(more) => format!(
            "{} {more} {} ±{USEFUL_MARGIN:.0}",
            t(lang, "Ungefär", "About"),
            t(lang, "svar till behövs för en felmarginal under", "more answers are needed for a margin under")
        ),
        None => String::new(),
    };
    view.histogram = histogram(&tally, lang);
    view.gauge = gauge(&tally, nps_target, lang);
    view.rows = report
        .indicators
        .iter()
        .filter(|r| r.indicator != Indicator::Nps && r.indicator != Indicator::ResponseRate)
        .map(|r| {
            let tgt = target(r.indicator);
            let value = if r.suppressed {
                t(lang, "dolt", "hidden").to_string()
            } else {
                r.value.map(|v| format!("{:.1} %", v.as_f64())).unwrap_or_else(|| "–".into())
            };
            ui::Row {
                name: tgt.name.get(lang).into(),
                value: value.into(),
                target: format!("{} ≥ {:.0} %", t(lang, "mål", "target"), r.target).into(),
                status: r.status.text().get(lang).into(),
                status_kind: status_kind(r.status).into(),
                n: format!("n = {}", r.n).into(),
            }
        })
        .collect();
    // Yes/no questions have no target of their own: their share of yes with its interval.
    for q in config.catalogue.catalogue().questions.iter().filter(|q| q.kind == QuestionKind::YesNo) {
        let Some(tally) = report.tally.yes_no(q.id) else { continue };
        let share = tally.yes_share();
        let hidden = report.suppressed || is_suppressed(share.n);
        let (value, status) = match (hidden, share.percent(), share.interval95()) {
            (true, _, _) => (t(lang, "dolt", "hidden").to_string(), String::new()),
            (false, Some(p), Some(ci)) => (format!("{:.1} %", p.as_f64()), format!("{:.0}–{:.0} %", ci.low, ci.high)),
            _ => ("–".to_string(), String::new()),
        };
        view.rows.push(ui::Row {
            name: format!("{} {}", q.text.get(lang), t(lang, "(andel ja)", "(share yes)")).into(),
            value: value.into(),
            target: t(lang, "inget mål", "no target").into(),
            status: status.into(),
            status_kind: "none".into(),
            n: format!("n = {}", share.n).into(),
        });
    }
    view.flagged = format!(
        "{}: {} ({} {}, {} {}) — {}",
        t(lang, "Flaggade svar", "Flagged responses"),
        report.flagged.responses,
        report.flagged.repeated_presses,
        t(lang, "upprepade tryck", "repeated presses"),
        report.flagged.too_fast,
        t(lang, "för snabba", "too fast"),
        if report.flagged.included {
            t(lang, "medräknade", "included")
        } else {
            t(lang, "inte medräknade", "not included")
        }
    );
    view.updated = format!(
        "{} · {}",
        config.event,
        t(
            lang,
            "uppdateras automatiskt · rutor med färre än 5 svar döljs",
            "updates live · cells with fewer than 5 answers are hidden"
        ),
    );
    view
}

impl View {
    /// Puts the view on screen.
    pub fn apply(&self, window: &ui::AppWindow) {
        let d = window.global::<ui::Dashboard<'_>>();
        d.set_period(self.period.as_str().into());
        d.set_nps(self.nps.as_str().into());
        d.set_nps_interval(self.interval.as_str().into());
        d.set_nps_target(self.target.as_str().into());
        d.set_nps_status(self.status.as_str().into());
        d.set_nps_status_kind(self.status_kind.as_str().into());
        d.set_answers(self.answers.as_str().into());
        d.set_answers_needed(self.needed.as_str().into());
        if let Some(c) = &self.histogram {
            d.set_histogram(image(c));
        }
        if let Some(c) = &self.gauge {
            d.set_gauge(image(c));
        }
        d.set_rows(ModelRc::new(VecModel::from(self.rows.clone())));
        d.set_flagged(self.flagged.as_str().into());
        d.set_updated(self.updated.as_str().into());
    }
}

fn image(canvas: &Canvas) -> Image {
    let buffer =
        SharedPixelBuffer::<Rgb8Pixel>::clone_from_slice(canvas.as_rgb_bytes(), canvas.width(), canvas.height());
    Image::from_rgb8(buffer)
}

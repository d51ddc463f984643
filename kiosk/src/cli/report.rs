//! Human-readable report text (and the PNG drawing, from core's graphics).

use std::io::Write;
use std::path::Path;

use rekry_core::indicators::{IndicatorRow, MIN_REPORT_CELL, target};
use rekry_core::survey::{QuestionKind, QuestionTally, SurveyTally};
use rekry_core::{Lang, stats::Interval};

use crate::storage::{BreakdownRow, Report};

fn interval(i: Option<Interval>) -> String {
    i.map_or_else(|| "—".to_owned(), |i| i.to_string())
}

fn indicator_line(out: &mut dyn Write, row: &IndicatorRow) -> std::io::Result<()> {
    let t = target(row.indicator);
    let unit = if row.indicator == rekry_core::indicators::Indicator::Nps { "" } else { " %" };
    let value = match (row.suppressed, row.value) {
        (true, _) => format!("suppressed (n < {MIN_REPORT_CELL})"),
        (false, Some(v)) => format!("{v}{unit}"),
        (false, None) => "no answers".to_owned(),
    };
    writeln!(
        out,
        "  {:<44} {:>14}  95% CI {:<14} n={:<6} target ≥ {}{unit}: {}",
        t.name.get(Lang::En),
        value,
        interval(row.interval),
        row.n,
        t.threshold,
        row.status
    )
}

fn bar(count: u32, max: u32) -> String {
    let width = if max == 0 { 0 } else { (u64::from(count) * 40).div_ceil(u64::from(max)) as usize };
    "█".repeat(width)
}

fn questions(out: &mut dyn Write, tally: &SurveyTally) -> std::io::Result<()> {
    let catalogue = tally.catalogue().catalogue();
    for (q, t) in catalogue.questions.iter().zip(tally.questions()) {
        match (q.kind, t) {
            (QuestionKind::Nps, QuestionTally::Nps(n)) => {
                let s = n.summary();
                writeln!(out, "\n{} ({}), n={}", q.id, q.text.get(Lang::En), s.n)?;
                if let Some(nps) = s.nps {
                    writeln!(
                        out,
                        "  NPS {nps}  95% CI {}  margin ±{:.1}  promoters {} · passives {} · detractors {}",
                        interval(s.interval95),
                        s.margin95.unwrap_or(0.0),
                        s.promoters,
                        s.passives,
                        s.detractors
                    )?;
                    if let Some(more) = n.answers_needed(5.0).filter(|&m| m > 0) {
                        writeln!(out, "  {more} more answers would bring the margin under ±5 points")?;
                    }
                }
                let max = n.counts().iter().copied().max().unwrap_or(0);
                for (score, &c) in n.counts().iter().enumerate() {
                    writeln!(out, "  {score:>2} {c:>7} {}", bar(c, max))?;
                }
            }
            (QuestionKind::Rating, QuestionTally::Rating(r)) => {
                let s = r.satisfied();
                let share = s.percent().map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
                let mean = r.mean().map_or_else(|| "—".to_owned(), |m| format!("{m:.1}"));
                writeln!(
                    out,
                    "{:<22} satisfied (6–10) {share:>8}  95% CI {:<14} mean {mean:>4}  n={}",
                    q.id,
                    interval(s.interval95()),
                    r.n()
                )?;
            }
            (QuestionKind::YesNo, QuestionTally::YesNo(y)) => {
                let s = y.yes_share();
                let share = s.percent().map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
                writeln!(out, "{:<22} yes {share:>8}  95% CI {:<14} n={}", q.id, interval(s.interval95()), y.n())?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn breakdown(out: &mut dyn Write, title: &str, rows: &[BreakdownRow]) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nPer {title}")?;
    for row in rows {
        let nps = row.indicators.iter().find(|r| r.indicator == rekry_core::indicators::Indicator::Nps);
        let figure = match nps {
            _ if row.suppressed => format!("suppressed (n < {MIN_REPORT_CELL})"),
            Some(r) => match r.value {
                Some(v) => format!("NPS {v} {}", interval(r.interval)),
                None => "NPS —".to_owned(),
            },
            None => "—".to_owned(),
        };
        writeln!(
            out,
            "  {:<38} responses {:>7}  partial {:>5}  flagged {:>5}  {figure}",
            row.key, row.responses, row.partial, row.flagged
        )?;
    }
    Ok(())
}

/// Writes the report as text.
pub fn print(out: &mut dyn Write, r: &Report) -> std::io::Result<()> {
    let f = &r.filter;
    let mut scope = vec![format!("catalogue {}", f.catalogue)];
    if let Some(e) = &f.event {
        scope.push(format!("event {e}"));
    }
    if let Some(k) = &f.kiosk {
        scope.push(format!("kiosk {k}"));
    }
    if let Some(t) = f.tertial {
        scope.push(format!("tertial {t}"));
    }
    if let Some(d) = f.day {
        scope.push(format!("day {d}"));
    }
    writeln!(out, "Rekry report — {}", scope.join(", "))?;
    writeln!(
        out,
        "Responses: {} complete, {} partial (reported apart); flagged: {} ({} repeated presses, {} too fast) — {}",
        r.responses,
        r.partial,
        r.flagged.responses,
        r.flagged.repeated_presses,
        r.flagged.too_fast,
        if r.flagged.included { "included" } else { "excluded (use --include-flagged)" }
    )?;
    writeln!(out, "\nAgainst targets")?;
    for row in &r.indicators {
        indicator_line(out, row)?;
    }
    if r.suppressed {
        writeln!(out, "\nFewer than {MIN_REPORT_CELL} responses: distributions suppressed.")?;
    } else if r.responses > 0 {
        questions(out, &r.tally)?;
    }
    breakdown(out, "event", &r.by_event)?;
    breakdown(out, "kiosk", &r.by_kiosk)?;
    breakdown(out, "tertial", &r.by_tertial)?;
    Ok(())
}

/// Width and height of `report --png`.
const PNG_SIZE: (u32, u32) = (800, 600);

/// Draws core's NPS gauge (with the target) and score histogram to a PNG file, written to a
/// temporary file and renamed. A suppressed report (fewer than 5 answers) draws nothing.
pub fn write_png(r: &Report, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    use embedded_graphics::Drawable;
    use embedded_graphics::pixelcolor::Rgb888;
    use embedded_graphics::prelude::{Point, RgbColor, Size};
    use embedded_graphics::primitives::Rectangle;
    use rekry_core::graphics::{Canvas, NpsSummaryView, Theme};

    if r.suppressed {
        return Err(format!("fewer than {MIN_REPORT_CELL} responses: the chart is suppressed, no PNG written").into());
    }
    let question = r.tally.catalogue().catalogue().questions.iter().find(|q| q.kind == QuestionKind::Nps);
    let Some(tally) = question.and_then(|q| r.tally.nps(q.id)) else {
        return Err("this catalogue has no NPS question to draw".into());
    };
    let (w, h) = PNG_SIZE;
    let mut canvas = Canvas::new(w, h, Rgb888::WHITE).ok_or("cannot allocate the canvas")?;
    let theme: Theme<'_, Rgb888> = Theme::light().with_lang(Lang::En);
    let target = target(rekry_core::indicators::Indicator::Nps).threshold;
    NpsSummaryView::new(tally, Rectangle::new(Point::zero(), Size::new(w, h)), theme)
        .with_target(Some(target))
        .draw(&mut canvas)
        .map_err(|_| "drawing failed")?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".rekry-report.{}.png.tmp", std::process::id()));
    let result = (|| -> Result<(), Box<dyn std::error::Error>> {
        let file = std::fs::File::create(&tmp)?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(canvas.as_rgb_bytes())?;
        writer.finish()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| format!("{}: {e}", path.display()).into())
}

//! Prints an NPS report for a CSV of 0–10 scores.
//!
//! ```text
//! cargo run -p rekry-examples --example nps_report -- scores.csv
//! printf '10\n9\n7\n3\n' | cargo run -p rekry-examples --example nps_report
//! ```
//!
//! Input: one score per line, or a header with a `score` column; blank lines and `#` comments
//! are skipped (see `rekry_examples::read_scores`). Output: n, NPS to one decimal, the Wald
//! margin and the adjusted-Wald 95 % interval, the three categories with percentages, the
//! distribution 0–10, sample warnings, the status against the target (70 unless
//! `--target T`) and how many more answers a ±5 margin needs.
//!
//! Bad rows are listed on stderr with their line numbers and make the exit code 2, unless
//! `--skip-bad` is given. Exit codes: 0 report printed, 1 input or output error, 2 bad rows or
//! bad usage.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use rekry_core::nps::{Category, NpsTally, Score};
use rekry_core::stats::{SMALL_SAMPLE, Sample, TargetStatus};
use rekry_examples::{MAX_REPORTED, ScoreFile, open_input, read_scores};

/// The margin of error the "answers needed" line aims at, in NPS points.
const WANTED_MARGIN: f64 = 5.0;
/// Widest distribution bar, in characters.
const BAR_WIDTH: u64 = 40;

#[derive(Debug)]
struct Options {
    input: Option<String>,
    skip_bad: bool,
    target: f64,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options { input: None, skip_bad: false, target: 70.0 };
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--skip-bad" => o.skip_bad = true,
            "--target" => {
                let v = args.next().ok_or("--target needs a value")?;
                o.target = v
                    .parse::<f64>()
                    .ok()
                    .filter(|t| (-100.0..=100.0).contains(t))
                    .ok_or_else(|| format!("--target {v:?}: a number from -100 to 100"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            _ if o.input.is_none() => o.input = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    Ok(o)
}

fn pct(part: u64, n: u64) -> String {
    match rekry_core::stats::Tenths::percent(i64::try_from(part).unwrap_or(i64::MAX), n) {
        Some(t) => format!("{:>5} %", t.to_string()),
        None => "    – ".into(),
    }
}

/// The report text for `tally` against `target`.
fn report(tally: &NpsTally, target: f64) -> String {
    let s = tally.summary();
    let mut out = String::new();
    // Writing to a String cannot fail.
    let mut w = |args: std::fmt::Arguments<'_>| {
        let _ = out.write_fmt(args);
    };
    w(format_args!("answers     n = {}\n", s.n));
    let Some(nps) = s.nps else {
        w(format_args!("NPS         no answers (an empty tally has no NPS, not an NPS of 0)\n"));
        w(format_args!("target {target}   {}\n", TargetStatus::NoData));
        return out;
    };
    w(format_args!("NPS         {nps}\n"));
    if let (Some(m), Some(wald)) = (s.margin95, tally.wald95()) {
        w(format_args!("Wald 95 %   ±{m:.1}  {wald}\n"));
    }
    if let Some(ci) = s.interval95 {
        w(format_args!("adjusted-Wald 95 % interval  {ci}\n"));
    }
    w(format_args!("\n"));
    for (category, count) in
        [(Category::Promoter, s.promoters), (Category::Passive, s.passives), (Category::Detractor, s.detractors)]
    {
        let name = format!("{}s", category.label());
        w(format_args!("{name:<11} {count:>10}  {}\n", pct(count, s.n)));
    }

    w(format_args!("\ndistribution\n"));
    let max = tally.counts().iter().copied().max().map_or(0, u64::from);
    for score in Score::all() {
        let count = u64::from(tally.count(score));
        // Rounded to the nearest character, but any answer shows at least one.
        let len = (count * BAR_WIDTH + max / 2).checked_div(max).map_or(0, |l| l.max(u64::from(count > 0)));
        let bar = "#".repeat(usize::try_from(len).unwrap_or(0));
        w(format_args!("{:>3} | {bar:<40} {count:>10}  {}\n", score.value(), pct(count, s.n)));
    }

    w(format_args!("\n"));
    match s.sample {
        Sample::Small => w(format_args!(
            "warning: small sample (n < {SMALL_SAMPLE}); the Wald margin is unreliable, use the adjusted-Wald interval\n"
        )),
        _ if s.margin95 == Some(0.0) => {
            w(format_args!("warning: every answer is in one category, so the Wald margin is 0; it is not certainty\n"))
        }
        _ => {}
    }
    let status = tally.target_status(target);
    let why = match status {
        TargetStatus::Met => "the whole 95 % interval is at or above the target",
        TargetStatus::Missed => "the whole 95 % interval is below the target",
        TargetStatus::Undecided => "the 95 % interval straddles the target; more answers are needed",
        TargetStatus::NoData => "no answers",
    };
    w(format_args!("target {target}   {status} ({why})\n"));
    match tally.answers_needed(WANTED_MARGIN) {
        Some(0) => w(format_args!("margin      already within ±{WANTED_MARGIN}\n")),
        Some(more) => {
            w(format_args!("margin      about {more} more answers for ±{WANTED_MARGIN} (if they split like these)\n"))
        }
        None => {}
    }
    out
}

fn print_bad_rows(file: &ScoreFile) {
    for bad in &file.bad_rows {
        eprintln!("line {}: {}", bad.line, bad.reason);
    }
    if file.bad_total > MAX_REPORTED as u64 {
        eprintln!("… and {} more bad rows", file.bad_total - MAX_REPORTED as u64);
    }
}

fn main() -> ExitCode {
    let o = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("nps_report: {e}");
            }
            eprintln!("usage: nps_report [FILE|-] [--skip-bad] [--target T]");
            return ExitCode::from(2);
        }
    };
    let name = o.input.as_deref().unwrap_or("stdin");
    let file = match open_input(o.input.as_deref()).and_then(read_scores) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("nps_report: {name}: {e}");
            return ExitCode::FAILURE;
        }
    };
    print_bad_rows(&file);
    let text = report(&file.tally, o.target);
    // Not println!: it panics when stdout is closed early (`nps_report big.csv | head`).
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("nps_report: {e}");
        }
        return ExitCode::FAILURE;
    }
    if file.bad_total > 0 && !o.skip_bad {
        eprintln!("nps_report: {} bad rows in {name} (pass --skip-bad to ignore them)", file.bad_total);
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_report() {
        let r = report(&rekry_examples::sample_tally(), 70.0);
        assert!(r.contains("NPS         86.4\n"), "{r}");
        assert!(r.contains("promoters          110   88.0 %"), "{r}");
        assert!(r.contains("target 70   met"), "{r}");
        assert!(r.contains(" 10 | ########################################         60   48.0 %"), "{r}");
        assert!(!r.contains("small sample"));
    }

    #[test]
    fn empty_and_small() {
        let r = report(&NpsTally::new(), 70.0);
        assert!(r.contains("no answers") && !r.contains("NPS         0"), "{r}");
        let small = read_scores(&b"10\n9\n3\n"[..]).unwrap();
        let r = report(&small.tally, 70.0);
        assert!(r.contains("warning: small sample"), "{r}");
        assert!(r.contains("undecided"), "{r}");
    }

    #[test]
    fn arguments() {
        let args = |a: &[&str]| parse_args(a.iter().map(|s| s.to_string()));
        assert!(args(&["--target", "200"]).is_err());
        assert!(args(&["--bogus"]).is_err());
        let o = args(&["-", "--skip-bad", "--target", "50"]).unwrap();
        assert_eq!((o.input.as_deref(), o.skip_bad, o.target), (Some("-"), true, 50.0));
    }
}

//! Checks an identity document's MRZ or a personnummer, as reception staff would.
//!
//! ```text
//! cargo run -p rekry-examples --example id_check -- 811218-9876
//! cargo run -p rekry-examples --example id_check -- --today 2010-06-01 \
//!     'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
//! printf '%s\n' 'I<UTOD231458907<<<<<<<<<<<<<<<' '7408122F1204159UTO<<<<<<<<<<<6' \
//!     'ERIKSSON<<ANNA<MARIA<<<<<<<<<<' | cargo run -p rekry-examples --example id_check
//! ```
//!
//! Arguments are joined as lines; without any, the MRZ or number is read from stdin (as a
//! keyboard-wedge scanner types it). Today's date is `--today YYYY-MM-DD` or the system
//! clock (UTC). Exit code 0 when the document or number is valid, 1 when it is not or the
//! input cannot be read.

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use rekry_core::date::Date;
use rekry_core::idcheck::mrz::{self, MrzReport, MrzSex};
use rekry_core::idcheck::personnummer::{Kind, Personnummer, PersonnummerError, Sex, classify};
use rekry_core::text::Lang;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("id_check: {message}");
            eprintln!("usage: id_check [--today YYYY-MM-DD] [MRZ LINES… | PERSONNUMMER]  (or input on stdin)");
            ExitCode::FAILURE
        }
    }
}

/// Whether the input was valid; `Err` for input that cannot be checked at all.
fn run() -> Result<bool, String> {
    let mut today = None;
    let mut parts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--today" {
            let value = args.next().ok_or("--today needs a date YYYY-MM-DD")?;
            today = Some(Date::parse(&value).map_err(|e| format!("--today {value:?}: {e}"))?);
        } else if let Some(value) = arg.strip_prefix("--today=") {
            today = Some(Date::parse(value).map_err(|e| format!("--today {value:?}: {e}"))?);
        } else if arg == "-h" || arg == "--help" {
            return Err("checks an MRZ (2 or 3 lines) or a personnummer".into());
        } else {
            parts.push(arg);
        }
    }
    let today = match today {
        Some(d) => d,
        None => system_today()?,
    };
    let input = if parts.is_empty() {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read stdin: {e}"))?;
        s
    } else {
        parts.join("\n")
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("no input: give MRZ lines or a personnummer".into());
    }
    println!("Date checked against: {today}");
    // A personnummer is at most 13 characters; an MRZ at least 60.
    if trimmed.chars().count() <= 13 { Ok(check_personnummer(trimmed, today)) } else { Ok(check_mrz(trimmed, today)) }
}

/// Today in UTC from the system clock.
fn system_today() -> Result<Date, String> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970; pass --today YYYY-MM-DD")?
        .as_secs();
    let days = i32::try_from(secs / 86_400).map_err(|_| "the system clock is out of range")?;
    let epoch = Date::new(1970, 1, 1).map_err(|e| e.to_string())?;
    Ok(epoch.add_days(days))
}

fn check_personnummer(input: &str, today: Date) -> bool {
    match Personnummer::parse(input, today) {
        Ok(p) => {
            let kind = match p.kind() {
                Kind::Samordningsnummer => "samordningsnummer (coordination number)",
                _ => "personnummer",
            };
            println!("VALID {kind}: {} (short form {})", p.long(), p.short(today));
            println!("  date of birth: {} (age {})", p.birth_date(), p.age(today));
            println!("  legal sex: {}", sex_word(p.sex()));
            true
        }
        Err(e) => {
            if classify(input, today) == Ok(Kind::Interim) {
                println!("NOT VALID: interim number, not issued by Skatteverket and not proof of identity");
            } else {
                println!("NOT VALID: {e}");
            }
            println!("  {}", e.text().get(Lang::Sv));
            if let PersonnummerError::Character { position, .. } | PersonnummerError::Separator { position, .. } = e {
                println!("  {input}");
                println!("  {}^", " ".repeat(usize::from(position).saturating_sub(1)));
            }
            false
        }
    }
}

fn check_mrz(input: &str, today: Date) -> bool {
    let r = mrz::parse(input, today);
    let valid = r.is_valid();
    println!("{}", if valid { "VALID document MRZ" } else { "NOT VALID" });
    if let Some(format) = r.format {
        print_fields(&r, format);
    }
    if !r.checks.is_empty() {
        println!("Check digits:");
        for c in &r.checks {
            println!(
                "  [{}] {:<16} line {}, column {:>2}: expected {}, found {:?}",
                if c.ok { " ok " } else { "FAIL" },
                c.field.to_string(),
                c.line,
                c.column,
                c.expected,
                c.found
            );
        }
    }
    if !r.issues.is_empty() {
        println!("Problems:");
        for issue in &r.issues {
            println!("  {issue}");
            println!("      {}", issue.kind.text().get(Lang::Sv));
        }
        if r.issues_omitted > 0 {
            println!("  … and {} more", r.issues_omitted);
        }
    }
    if !r.warnings.is_empty() {
        println!("Warnings (look, but not a failure):");
        for w in &r.warnings {
            println!("  {w}");
            println!("      {}", w.text().get(Lang::Sv));
        }
    }
    valid
}

fn print_fields(r: &MrzReport, format: mrz::Format) {
    let kind = match r.document_kind() {
        Some(k) => format!(
            "{} ({})",
            k.name().get(Lang::En),
            if k.is_identity_document() {
                "an approved identity document"
            } else {
                "not an approved identity document"
            }
        ),
        None => "not in the catalogue of approved documents".into(),
    };
    println!(
        "Document: {format}, code {:?}, issued by {:?}: {kind}",
        r.document_code.as_str(),
        r.issuing_state.as_str()
    );
    println!("  name: {}, {}", r.surname, r.given_names);
    println!("  document number: {}", r.document_number);
    println!("  nationality: {}", r.nationality);
    match r.date_of_birth {
        Some(d) => println!("  date of birth: {d}"),
        None => println!("  date of birth: unreadable or unknown"),
    }
    let sex = match r.sex {
        Some(MrzSex::Female) => "female",
        Some(MrzSex::Male) => "male",
        Some(MrzSex::Unspecified) => "unspecified",
        None => "unreadable",
    };
    println!("  sex: {sex}");
    match (r.date_of_expiry, r.expired) {
        (Some(d), Some(true)) => println!("  expiry: {d} — EXPIRED"),
        (Some(d), _) => println!("  expiry: {d} (valid through this date)"),
        (None, _) => println!("  expiry: unreadable"),
    }
    if let Some(p) = r.personnummer {
        println!("  personnummer: {} (valid; legal sex {})", p.long(), sex_word(p.sex()));
    }
}

fn sex_word(s: Sex) -> &'static str {
    match s {
        Sex::Female => "female",
        Sex::Male => "male",
    }
}

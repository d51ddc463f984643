//! The binding's functions as plain Rust: inputs in, JSON text out.
//!
//! Every JavaScript function of the package is one function here; the `#[wasm_bindgen]`
//! exports only move strings and numbers across the boundary. Because this module has no
//! WebAssembly types it compiles natively too, which is how the end-to-end tests compare the
//! real `.wasm` with native `rekry-core` (see `tests/` in the workspace).
//!
//! Results are JSON text whose shapes are documented in the package's `index.d.ts`. Input
//! that cannot be read (a wrong type, a number that is not an integer, an unknown catalogue)
//! is a [`BindError`], which JavaScript receives as a thrown `TypeError` or `RangeError`;
//! problems with the *content* (a mistyped personnummer, an out-of-range answer) are part of
//! the result. No function here panics.
//!
//! ```
//! use rekry_core::Date;
//! use rekry_wasm::api;
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! assert_eq!(
//!     api::validate_personnummer("811218-9876", today),
//!     r#"{"valid":true,"kind":"personnummer","normalized":"19811218-9876","birthDate":"1981-12-18","sex":"male"}"#
//! );
//! assert_eq!(api::nps_category(9.0).unwrap(), r#""promoter""#);
//! assert!(api::nps_category(11.0).is_err());
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use rekry_core::Date;
use rekry_core::idcheck::checklist::{self, Checklist, ItemKind, Reason, Role};
use rekry_core::idcheck::documents::CitizenshipGroup;
use rekry_core::idcheck::mrz::{self, CheckField, IssueKind, MrzSex, Warning};
use rekry_core::idcheck::personnummer::{self, Personnummer, PersonnummerError, Sex};
use rekry_core::nps::{NpsTally, Score};
use rekry_core::rules::job_ad::{self, Ground, JobAd, Location, PayInfo, RuleId, RuleSet, Severity};
use rekry_core::stats::Sample;
use rekry_core::survey::{Answer, CatalogueId, Completeness, MAX_ANSWERS, Problem, Response, Value};
use rekry_core::text::{Lang, Quoted, Text};

use crate::json::{self, Json, Obj};

/// Longest string (in UTF-16 code units, as JavaScript counts) the package passes to the
/// WebAssembly module; longer input is a `RangeError` before it is copied.
pub const MAX_INPUT_LEN: usize = 1 << 20;
/// Most scores [`compute_nps`] takes in one call.
pub const MAX_SCORES: usize = 1 << 22;

/// Which JavaScript error a [`BindError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `TypeError`: the input has the wrong type or shape.
    Type,
    /// `RangeError`: the input has the right type but a value the function cannot take.
    Range,
}

/// Input the binding cannot read; thrown in JavaScript as a `TypeError` or `RangeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindError {
    /// The kind of JavaScript error.
    pub kind: ErrorKind,
    /// The message.
    pub message: String,
}

impl BindError {
    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> BindError {
        BindError { kind: ErrorKind::Type, message: message.into() }
    }

    /// A `RangeError`.
    pub fn range_error(message: impl Into<String>) -> BindError {
        BindError { kind: ErrorKind::Range, message: message.into() }
    }
}

impl core::fmt::Display for BindError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let name = match self.kind {
            ErrorKind::Type => "TypeError",
            ErrorKind::Range => "RangeError",
        };
        write!(f, "{name}: {}", self.message)
    }
}

impl core::error::Error for BindError {}

/// The result of a binding function: JSON text, or an error to throw.
pub type BindResult = Result<String, BindError>;

/// Encodes a result as one string for the boundary: JSON text as it is, an error as `!T` or
/// `!R` followed by the message (JSON text never starts with `!`).
///
/// ```
/// use rekry_wasm::api::{BindError, encode};
/// assert_eq!(encode(Ok("true".into())), "true");
/// assert_eq!(encode(Err(BindError::range_error("too big"))), "!Rtoo big");
/// ```
pub fn encode(result: BindResult) -> String {
    match result {
        Ok(json) => json,
        Err(e) => {
            let tag = match e.kind {
                ErrorKind::Type => "!T",
                ErrorKind::Range => "!R",
            };
            let mut s = String::with_capacity(tag.len() + e.message.len());
            s.push_str(tag);
            s.push_str(&e.message);
            s
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A date packed as `year · 10000 + month · 100 + day`, as the package passes "today" from
/// JavaScript's clock.
pub fn date_from_ymd(ymd: u32) -> Result<Date, BindError> {
    let year = u16::try_from(ymd / 10_000).unwrap_or(u16::MAX);
    // Both are below 100, so the casts are lossless.
    let month = (ymd / 100 % 100) as u8;
    let day = (ymd % 100) as u8;
    Date::new(year, month, day).map_err(|e| BindError::range_error(format!("today: {e}")))
}

/// `date` packed as `year · 10000 + month · 100 + day`.
pub fn ymd(date: Date) -> u32 {
    u32::from(date.year()) * 10_000 + u32::from(date.month()) * 100 + u32::from(date.day())
}

/// Parses a caller's `today` (`YYYY-MM-DD`), with core's rules.
pub fn parse_today(text: &str) -> Result<Date, BindError> {
    Date::parse(text).map_err(|e| BindError::range_error(format!("today must be a date written YYYY-MM-DD: {e}")))
}

/// [`parse_today`] for the boundary: the packed date as decimal text, or an error.
pub fn check_today(text: &str) -> BindResult {
    parse_today(text).map(|d| ymd(d).to_string())
}

/// `"{path} must be {expected}, got {type}"`, the `TypeError` for a JSON value of the wrong
/// type (one copy of the message's code).
fn wrong_type(path: core::fmt::Arguments<'_>, expected: &str, got: &Json) -> BindError {
    BindError::type_error(format!("{path} must be {expected}, got {}", got.type_name()))
}

/// `"{what} \"{id}\": expected one of {known, …}"`, the `RangeError` for an unknown id.
fn unknown(what: core::fmt::Arguments<'_>, id: &str, known: &mut dyn Iterator<Item = &str>) -> BindError {
    let mut message = format!("{what} {}: expected one of ", Quoted(id));
    for (i, item) in known.enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(item);
    }
    BindError::range_error(message)
}

fn text_obj(out: &mut String, t: Text) {
    let mut o = Obj::new(out);
    o.str("sv", t.sv).str("en", t.en);
    o.end();
}

fn date_str(d: Date) -> heapless::String<10> {
    // `YYYY-MM-DD` by hand: `Date`'s Display goes through core::fmt's padding, which is
    // slow on the hot path of `validatePersonnummer`.
    let (y, m, day) = (d.year(), d.month(), d.day());
    let digit = |v: u16| char::from(b'0' + (v % 10) as u8);
    let mut s = heapless::String::new();
    for c in [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(u16::from(m) / 10),
        digit(u16::from(m)),
        '-',
        digit(u16::from(day) / 10),
        digit(u16::from(day)),
    ] {
        let _ = s.push(c);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Personnummer

fn kind_str(kind: personnummer::Kind) -> &'static str {
    match kind {
        personnummer::Kind::Personnummer => "personnummer",
        personnummer::Kind::Samordningsnummer => "samordningsnummer",
        personnummer::Kind::Interim => "interim",
    }
}

fn pnr_error_code(e: &PersonnummerError) -> &'static str {
    match e {
        PersonnummerError::Empty => "empty",
        PersonnummerError::Length { .. } => "length",
        PersonnummerError::Character { .. } => "character",
        PersonnummerError::Separator { .. } => "separator",
        PersonnummerError::PlusUnder100 { .. } => "plus-under-100",
        PersonnummerError::Century { .. } => "century",
        PersonnummerError::Month { .. } => "month",
        PersonnummerError::Day { .. } => "day",
        PersonnummerError::BirthNumber000 => "birth-number-000",
        PersonnummerError::Checksum { .. } => "checksum",
        PersonnummerError::InFuture { .. } => "in-future",
        PersonnummerError::Interim { .. } => "interim",
    }
}

/// `validatePersonnummer(input, today)`.
///
/// Valid: `{valid: true, kind, normalized, birthDate, sex}`. Invalid: `{valid: false, kind?,
/// error, errorCode, errorText: {sv, en}}`, with `kind: "interim"` for an interim number.
pub fn validate_personnummer(input: &str, today: Date) -> String {
    let mut out = String::with_capacity(128);
    let mut o = Obj::new(&mut out);
    match Personnummer::parse(input, today) {
        Ok(p) => {
            o.bool("valid", true)
                .str("kind", kind_str(p.kind()))
                .str("normalized", p.long().as_str())
                .str("birthDate", date_str(p.birth_date()).as_str())
                .str(
                    "sex",
                    match p.sex() {
                        Sex::Female => "female",
                        Sex::Male => "male",
                    },
                );
        }
        Err(e) => {
            o.bool("valid", false);
            if matches!(e, PersonnummerError::Interim { .. }) {
                o.str("kind", kind_str(personnummer::Kind::Interim));
            }
            o.str("error", &e.to_string()).str("errorCode", pnr_error_code(&e));
            text_obj(o.key("errorText"), e.text());
        }
    }
    o.end();
    out
}

/// The fast path of `validatePersonnummer` for a valid number, without JSON: the long form
/// (13 bytes) and the birth date (10 bytes) written into `out`, and a code with bit 0 set
/// (valid), bit 1 for a samordningsnummer and bit 2 for male. `0` means "not valid": the
/// caller then asks [`validate_personnummer`] for the error.
///
/// ```
/// use rekry_core::Date;
/// let mut out = [0u8; 23];
/// let code = rekry_wasm::api::personnummer_fast("811218-9876", Date::new(2026, 11, 23).unwrap(), &mut out);
/// assert_eq!(code, 0b101);
/// assert_eq!(&out, b"19811218-98761981-12-18");
/// ```
pub fn personnummer_fast(input: &str, today: Date, out: &mut [u8; 23]) -> u32 {
    let Ok(p) = Personnummer::parse(input, today) else {
        return 0;
    };
    let long = p.long();
    let birth = date_str(p.birth_date());
    for (slot, b) in out.iter_mut().zip(long.as_bytes().iter().chain(birth.as_bytes())) {
        *slot = *b;
    }
    let kind = u32::from(p.kind() == personnummer::Kind::Samordningsnummer) << 1;
    let sex = u32::from(p.sex() == Sex::Male) << 2;
    1 | kind | sex
}

// ---------------------------------------------------------------------------------------------
// MRZ

fn check_field_id(f: CheckField) -> &'static str {
    match f {
        CheckField::DocumentNumber => "documentNumber",
        CheckField::DateOfBirth => "birthDate",
        CheckField::DateOfExpiry => "expiryDate",
        CheckField::OptionalData => "optionalData",
        CheckField::Composite => "composite",
    }
}

fn issue_code(k: &IssueKind) -> &'static str {
    match k {
        IssueKind::Empty => "empty",
        IssueKind::LineCount { .. } => "line-count",
        IssueKind::LineLength { .. } => "line-length",
        IssueKind::UnbrokenLength { .. } => "unbroken-length",
        IssueKind::IllegalCharacter { .. } => "illegal-character",
        IssueKind::ProbableDigit { .. } => "probable-digit",
        IssueKind::NotDigit { .. } => "not-digit",
        IssueKind::ProbableLetter { .. } => "probable-letter",
        IssueKind::NotLetter { .. } => "not-letter",
        IssueKind::DocumentCode { .. } => "document-code",
        IssueKind::Month { .. } => "month",
        IssueKind::Day { .. } => "day",
        IssueKind::Sex { .. } => "sex",
        IssueKind::CheckDigit { .. } => "check-digit",
        IssueKind::DocumentNumberContinuation => "document-number-continuation",
        IssueKind::NameMissing => "name-missing",
        IssueKind::Expired { .. } => "expired",
        IssueKind::Personnummer(_) => "personnummer",
    }
}

fn warning_code(w: &Warning) -> &'static str {
    match w {
        Warning::PersonnummerDateDiffers { .. } => "personnummer-date-differs",
        Warning::PersonnummerMissing => "personnummer-missing",
        Warning::BirthDateUnknown => "birth-date-unknown",
        Warning::NamesMayBeTruncated => "names-may-be-truncated",
    }
}

/// `parseMrz(text, today)`: every field core read, every check digit, errors and warnings.
pub fn parse_mrz(text: &str, today: Date) -> String {
    let r = mrz::parse(text, today);
    let mut out = String::with_capacity(1024);
    let mut o = Obj::new(&mut out);
    o.bool("valid", r.is_valid());
    if let Some(format) = r.format {
        o.str("format", &format.to_string());
    }
    o.str_nonempty("documentCode", &r.document_code)
        .str_nonempty("issuingState", &r.issuing_state)
        .str_nonempty("documentNumber", &r.document_number)
        .str_nonempty("optionalData", &r.optional_data)
        .str_nonempty("optionalData2", &r.optional_data_2)
        .str_nonempty("surname", &r.surname)
        .str_nonempty("givenNames", &r.given_names)
        .str_nonempty("nationality", &r.nationality);
    if let Some(d) = r.date_of_birth {
        o.str("birthDate", &date_str(d));
    }
    if let Some(sex) = r.sex {
        o.str(
            "sex",
            match sex {
                MrzSex::Female => "female",
                MrzSex::Male => "male",
                MrzSex::Unspecified => "unspecified",
            },
        );
    }
    if let Some(d) = r.date_of_expiry {
        o.str("expiryDate", &date_str(d));
    }
    if let Some(e) = r.expired {
        o.bool("expired", e);
    }
    if let Some(p) = r.personnummer {
        o.str("personnummer", &p.long());
    }
    o.bool("checksPassed", r.checks_passed());
    {
        let a = o.key("checks");
        a.push('[');
        for (i, c) in r.checks.iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut co = Obj::new(a);
            co.str("field", check_field_id(c.field));
            text_obj(co.key("name"), c.field.text());
            let mut found = [0u8; 4];
            co.int("line", i64::from(c.line))
                .int("column", i64::from(c.column))
                .int("expected", i64::from(c.expected))
                .str("found", c.found.encode_utf8(&mut found))
                .bool("ok", c.ok);
            co.end();
        }
        a.push(']');
    }
    {
        let a = o.key("warnings");
        a.push('[');
        for (i, w) in r.warnings.iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut wo = Obj::new(a);
            wo.str("code", warning_code(w)).str("message", &w.to_string());
            text_obj(wo.key("text"), w.text());
            wo.end();
        }
        a.push(']');
    }
    {
        let a = o.key("errors");
        a.push('[');
        for (i, issue) in r.issues.iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut io = Obj::new(a);
            io.str("code", issue_code(&issue.kind))
                .int("line", i64::from(issue.line))
                .int("column", i64::from(issue.column))
                .str("message", &issue.to_string());
            text_obj(io.key("text"), issue.kind.text());
            io.end();
        }
        a.push(']');
    }
    o.int("errorsOmitted", i64::from(r.issues_omitted));
    o.end();
    out
}

// ---------------------------------------------------------------------------------------------
// NPS

fn score(value: f64, what: &dyn Fn() -> String) -> Result<Score, BindError> {
    if !json::is_whole(value) {
        let mut got = String::new();
        json::write_f64(&mut got, value);
        if got == "null" {
            got = if value.is_nan() { "NaN".into() } else { "an infinity".into() };
        }
        return Err(BindError::range_error(format!("{}: NPS score must be an integer 0–10, got {got}", what())));
    }
    // Finite integral values beyond i64 saturate, and core rejects them as out of range.
    Score::from_i64(value as i64).map_err(|e| BindError::range_error(format!("{}: {e}", what())))
}

/// `npsCategory(score)`: `"promoter"`, `"passive"` or `"detractor"` as a JSON string.
pub fn nps_category(value: f64) -> BindResult {
    let s = score(value, &|| "npsCategory".to_string())?;
    let mut out = String::with_capacity(12);
    json::write_str(&mut out, s.category().label());
    Ok(out)
}

/// `computeNps(scores)`: the NPS of 0–10 answers with its uncertainty.
///
/// `{nps, npsText, n, promoters, passives, detractors, counts, margin95, interval95, sample}`.
/// An empty list gives `n: 0`, `nps`, `npsText`, `margin95` and `interval95` all `null`, and
/// `sample: "empty"` (never NaN).
pub fn compute_nps(scores: &[f64]) -> BindResult {
    if scores.len() > MAX_SCORES {
        return Err(BindError::range_error(format!("at most {MAX_SCORES} scores per call, got {}", scores.len())));
    }
    let mut tally = NpsTally::new();
    for (i, &v) in scores.iter().enumerate() {
        let s = score(v, &|| format!("scores[{i}]"))?;
        tally.record(s).map_err(|e| BindError::range_error(e.to_string()))?;
    }
    let summary = tally.summary();
    let mut out = String::with_capacity(256);
    let mut o = Obj::new(&mut out);
    match summary.nps {
        Some(nps) => {
            let text = nps.to_string();
            o.raw("nps", &text).str("npsText", &text);
        }
        None => {
            o.null("nps").null("npsText");
        }
    }
    o.int("n", summary.n as i64)
        .int("promoters", summary.promoters as i64)
        .int("passives", summary.passives as i64)
        .int("detractors", summary.detractors as i64);
    {
        let a = o.key("counts");
        a.push('[');
        for (i, c) in tally.counts().iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            json::write_int(a, i64::from(*c));
        }
        a.push(']');
    }
    match summary.margin95 {
        Some(m) => o.num("margin95", m),
        None => o.null("margin95"),
    };
    match summary.interval95 {
        Some(ci) => {
            let a = o.key("interval95");
            a.push('[');
            json::write_f64(a, ci.low);
            a.push(',');
            json::write_f64(a, ci.high);
            a.push(']');
        }
        None => {
            o.null("interval95");
        }
    }
    o.str(
        "sample",
        match summary.sample {
            Sample::Empty => "empty",
            Sample::Small => "small",
            Sample::Adequate => "adequate",
        },
    );
    o.end();
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Survey

fn catalogue_id(id: &str) -> Result<CatalogueId, BindError> {
    CatalogueId::parse(id)
        .ok_or_else(|| unknown(format_args!("unknown catalogue"), id, &mut CatalogueId::ALL.iter().map(|c| c.as_str())))
}

fn lang(code: &str) -> Result<Lang, BindError> {
    Lang::from_code(code)
        .ok_or_else(|| unknown(format_args!("unknown language"), code, &mut Lang::ALL.iter().map(|l| l.code())))
}

fn value_json(out: &mut String, v: Value) {
    match v {
        Value::Score(n) => json::write_int(out, i64::from(n)),
        Value::Yes(b) => out.push_str(if b { "true" } else { "false" }),
    }
}

/// `surveyCatalogue(id, lang)`: a catalogue's questions in one language.
///
/// `{id, lang, title, questions: [{id, kind, text, required, condition?: {question, equals},
/// scale?: {min, max, minLabel, maxLabel}, source}]}`.
pub fn survey_catalogue(id: &str, lang_code: &str) -> BindResult {
    let c = catalogue_id(id)?.catalogue();
    let lang = lang(lang_code)?;
    let mut out = String::with_capacity(4096);
    let mut o = Obj::new(&mut out);
    o.str("id", c.id.as_str()).str("lang", lang.code()).str("title", c.title.get(lang));
    let a = o.key("questions");
    a.push('[');
    for (i, q) in c.questions.iter().enumerate() {
        if i > 0 {
            a.push(',');
        }
        let mut qo = Obj::new(a);
        qo.str("id", q.id).str("kind", q.kind.as_str()).str("text", q.text.get(lang)).bool("required", q.required);
        if let Some(cond) = q.condition {
            let mut co = Obj::new(qo.key("condition"));
            co.str("question", cond.question);
            value_json(co.key("equals"), cond.equals);
            co.end();
        }
        if let (Some((min, max)), Some((low, high))) = (q.kind.range(), q.scale_labels) {
            let mut so = Obj::new(qo.key("scale"));
            so.int("min", i64::from(min))
                .int("max", i64::from(max))
                .str("minLabel", low.get(lang))
                .str("maxLabel", high.get(lang));
            so.end();
        }
        qo.str("source", q.source);
        qo.end();
    }
    a.push(']');
    o.end();
    Ok(out)
}

fn parse_input(text: &str, what: &str) -> Result<Json, BindError> {
    json::parse(text).map_err(|e| BindError::type_error(format!("{what}: {e}")))
}

fn answer_value(v: &Json, path: &dyn Fn() -> String) -> Result<Value, BindError> {
    match v {
        Json::Bool(b) => Ok(Value::Yes(*b)),
        Json::Num(n) if json::is_whole(*n) => {
            if *n >= f64::from(i32::MIN) && *n <= f64::from(i32::MAX) {
                Ok(Value::Score(*n as i32))
            } else {
                let mut got = String::new();
                json::write_f64(&mut got, *n);
                Err(BindError::range_error(format!("{}: {got} is not a 32-bit integer", path())))
            }
        }
        other => Err(BindError::type_error(format!(
            "{}: expected an integer or a boolean, got {}",
            path(),
            match other {
                Json::Num(_) => "a fraction",
                _ => other.type_name(),
            }
        ))),
    }
}

fn push_answer(r: &mut Response, question: &str, value: Value, path: &dyn Fn() -> String) -> Result<(), BindError> {
    let answer = Answer::new(question, value).map_err(|e| BindError::range_error(format!("{}: {e}", path())))?;
    r.push(answer).map_err(|e| BindError::range_error(format!("answers: {e}")))
}

/// Reads a response from `{catalogue, answers, partial?}`; `answers` is an array of
/// `{question, value}` or an object `{questionId: value}`.
fn read_response(v: &Json) -> Result<(Response, Completeness), BindError> {
    if !matches!(v, Json::Obj(_)) {
        return Err(wrong_type(format_args!("response"), "an object", v));
    }
    check_keys(v, "response", &["catalogue", "answers", "partial"])?;
    let catalogue = match v.get("catalogue") {
        Some(Json::Str(s)) => catalogue_id(s)?,
        Some(other) => {
            return Err(wrong_type(format_args!("response.catalogue"), "a string", other));
        }
        None => return Err(BindError::type_error("response.catalogue is missing")),
    };
    let completeness = match v.get("partial") {
        None | Some(Json::Bool(false)) => Completeness::Complete,
        Some(Json::Bool(true)) => Completeness::Partial,
        Some(other) => {
            return Err(wrong_type(format_args!("response.partial"), "a boolean", other));
        }
    };
    let mut r = Response::new(catalogue);
    match v.get("answers") {
        Some(Json::Arr(items)) => {
            if items.len() > MAX_ANSWERS {
                return Err(BindError::range_error(format!(
                    "response.answers: at most {MAX_ANSWERS} answers, got {}",
                    items.len()
                )));
            }
            for (i, item) in items.iter().enumerate() {
                let path = || format!("response.answers[{i}]");
                let q = match item.get("question") {
                    Some(Json::Str(s)) => s,
                    _ => return Err(BindError::type_error(format!("{}.question must be a string", path()))),
                };
                let value =
                    item.get("value").ok_or_else(|| BindError::type_error(format!("{}.value is missing", path())))?;
                let value = answer_value(value, &|| format!("{}.value", path()))?;
                push_answer(&mut r, q, value, &path)?;
            }
        }
        Some(Json::Obj(members)) => {
            if members.len() > MAX_ANSWERS {
                return Err(BindError::range_error(format!(
                    "response.answers: at most {MAX_ANSWERS} answers, got {}",
                    members.len()
                )));
            }
            for (q, value) in members {
                let path = || format!("response.answers[{}]", Quoted(q));
                let value = answer_value(value, &path)?;
                push_answer(&mut r, q, value, &path)?;
            }
        }
        Some(other) => {
            return Err(wrong_type(format_args!("response.answers"), "an array or an object", other));
        }
        None => return Err(BindError::type_error("response.answers is missing")),
    }
    Ok((r, completeness))
}

fn problem_json(out: &mut String, p: &Problem) {
    let mut o = Obj::new(out);
    o.str("problem", p.code()).str("question", p.question()).str("message", &p.to_string());
    match p {
        Problem::UnknownQuestion { index, .. } | Problem::Duplicate { index, .. } => {
            o.int("index", i64::from(*index));
        }
        Problem::OutOfRange { value, min, max, .. } => {
            o.int("value", i64::from(*value)).int("min", i64::from(*min)).int("max", i64::from(*max));
        }
        Problem::WrongType { expected, .. } => {
            o.str("expected", expected.as_str());
        }
        Problem::ConditionNotMet { depends_on, .. } => {
            o.str("dependsOn", depends_on);
        }
        Problem::MissingRequired { .. } => {}
    }
    o.end();
}

/// `validateResponse(response)` with the response as JSON text.
///
/// `{valid, catalogue, partial, problems: [{problem, question, message, …}], applicable:
/// [questionId], next: questionId | null}`: `applicable` lists the questions that apply
/// given the answers (a conditional question appears once its condition holds) and `next`
/// is the first applicable question without an answer.
pub fn validate_response(json_text: &str) -> BindResult {
    let v = parse_input(json_text, "response")?;
    let (r, completeness) = read_response(&v)?;
    let catalogue = r.catalogue.catalogue();
    let result = r.validate(completeness);
    let mut out = String::with_capacity(512);
    let mut o = Obj::new(&mut out);
    o.bool("valid", result.is_ok())
        .str("catalogue", r.catalogue.as_str())
        .bool("partial", completeness == Completeness::Partial);
    {
        let a = o.key("problems");
        a.push('[');
        if let Err(problems) = &result {
            for (i, p) in problems.iter().enumerate() {
                if i > 0 {
                    a.push(',');
                }
                problem_json(a, p);
            }
        }
        a.push(']');
    }
    {
        let a = o.key("applicable");
        a.push('[');
        let mut first = true;
        for q in catalogue.questions.iter().filter(|q| catalogue.applies(q, &r.answers)) {
            if !first {
                a.push(',');
            }
            first = false;
            json::write_str(a, q.id);
        }
        a.push(']');
    }
    match catalogue.next_question(&r.answers) {
        Some(q) => o.str("next", q.id),
        None => o.null("next"),
    };
    o.end();
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// ID checklist

fn checklist_warning_id(w: checklist::Warning) -> &'static str {
    match w {
        checklist::Warning::PersonnummerDateDiffers => "personnummer-date-differs",
        checklist::Warning::DocumentNumberFormatUnexpected => "document-number-format-unexpected",
        checklist::Warning::DocumentKindDiffers => "document-kind-differs",
        checklist::Warning::DocumentExpiresSoon => "document-expires-soon",
    }
}

fn role(id: &str) -> Result<Role, BindError> {
    Role::from_id(id)
        .ok_or_else(|| unknown(format_args!("unknown role profile"), id, &mut Role::ALL.iter().map(|r| r.id())))
}

/// `roleProfiles()`: every role profile, `[{id, name: {sv, en}}]`, for a role picker.
pub fn role_profiles() -> String {
    let mut out = String::with_capacity(1024);
    out.push('[');
    for (i, r) in Role::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut o = Obj::new(&mut out);
        o.str("id", r.id());
        text_obj(o.key("name"), r.name());
        o.end();
    }
    out.push(']');
    out
}

fn opt_str<'a>(v: &'a Json, key: &str, what: &str) -> Result<Option<&'a str>, BindError> {
    match v.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Str(s)) => Ok(Some(s)),
        Some(other) => Err(wrong_type(format_args!("{what}.{key}"), "a string", other)),
    }
}

fn opt_date(v: &Json, key: &str, what: &str) -> Result<Option<Date>, BindError> {
    opt_str(v, key, what)?
        .map(|s| Date::parse(s).map_err(|e| BindError::range_error(format!("{what}.{key}: {e}"))))
        .transpose()
}

fn check_keys(v: &Json, what: &str, allowed: &[&str]) -> Result<(), BindError> {
    let members = match v {
        Json::Obj(m) => m,
        Json::Null => return Ok(()),
        other => return Err(wrong_type(format_args!("{what}"), "an object", other)),
    };
    for (k, _) in members {
        if !allowed.contains(&k.as_str()) {
            let mut message = format!("{what}: unknown property {} (expected ", Quoted(k));
            for (i, key) in allowed.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(key);
            }
            message.push(')');
            return Err(BindError::type_error(message));
        }
    }
    Ok(())
}

/// `idChecklist(roleProfile, options)`: the pre-employment checklist of a role, with an
/// identity document's MRZ applied when given.
///
/// `options` (JSON, may be `null`): `{citizenship?: "swedish" | "eu-eea-swiss" | "other",
/// mrz?: string, issueDate?: "YYYY-MM-DD", require?: [itemKind], today?: "YYYY-MM-DD"}`;
/// `options.today` (else `today`) is the date the checklist is opened and the MRZ judged on.
pub fn id_checklist(role_id: &str, options_json: &str, today: Date) -> BindResult {
    let role = role(role_id)?;
    let options = parse_input(options_json, "options")?;
    check_keys(&options, "options", &["citizenship", "mrz", "issueDate", "require", "today"])?;
    let today = opt_date(&options, "today", "options")?.unwrap_or(today);
    let group = match opt_str(&options, "citizenship", "options")? {
        None => CitizenshipGroup::Swedish,
        Some(id) => CitizenshipGroup::ALL.into_iter().find(|g| g.id() == id).ok_or_else(|| {
            let known = &mut CitizenshipGroup::ALL.iter().map(|g| g.id());
            unknown(format_args!("options.citizenship: unknown group"), id, known)
        })?,
    };
    let issue_date = opt_date(&options, "issueDate", "options")?;
    let mut list = Checklist::new(role, group, today);
    match options.get("require") {
        None | Some(Json::Null) => {}
        Some(Json::Arr(kinds)) => {
            for (i, k) in kinds.iter().enumerate() {
                let id = k.as_str().ok_or_else(|| wrong_type(format_args!("options.require[{i}]"), "a string", k))?;
                let kind = ItemKind::ALL.into_iter().find(|kind| kind.id() == id).ok_or_else(|| {
                    let known = &mut ItemKind::ALL.iter().map(|k| k.id());
                    unknown(format_args!("options.require[{i}]: unknown item"), id, known)
                })?;
                list.require(kind).map_err(|e| BindError::range_error(format!("options.require[{i}] ({id}): {e}")))?;
            }
        }
        Some(other) => {
            return Err(wrong_type(format_args!("options.require"), "an array", other));
        }
    }
    if let Some(text) = opt_str(&options, "mrz", "options")? {
        let report = mrz::parse(text, today);
        list.apply_mrz(&report, issue_date, today);
    }

    let mut out = String::with_capacity(4096);
    let mut o = Obj::new(&mut out);
    {
        let mut ro = Obj::new(o.key("role"));
        ro.str("id", role.id());
        text_obj(ro.key("name"), role.name());
        ro.end();
    }
    {
        let mut co = Obj::new(o.key("citizenship"));
        co.str("id", group.id());
        text_obj(co.key("label"), group.label());
        co.end();
    }
    o.str("today", &date_str(today));
    let decision = list.decision();
    o.str("outcome", decision.outcome.id());
    text_obj(o.key("outcomeText"), decision.outcome.text());
    {
        let a = o.key("deciding");
        a.push('[');
        for (i, k) in decision.deciding.iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            json::write_str(a, k.id());
        }
        a.push(']');
    }
    if let Some(doc) = list.document() {
        let mut d = Obj::new(o.key("document"));
        d.str("id", doc.id());
        text_obj(d.key("name"), doc.name());
        d.end();
    }
    {
        let a = o.key("items");
        a.push('[');
        for (i, item) in list.items().iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut io = Obj::new(a);
            io.str("kind", item.kind.id());
            text_obj(io.key("name"), item.kind.name());
            text_obj(io.key("instruction"), item.kind.instruction());
            io.str("requirement", item.requirement.id())
                .bool("required", item.is_required())
                .str("state", item.state.id())
                .str("reason", reason_id(item.reason));
            text_obj(io.key("reasonText"), item.reason.text());
            if let Some(spec) = list.spec(item.kind) {
                if let Some(from) = spec.from {
                    io.str("from", &date_str(from));
                }
                if let Some(kind) = spec.extract {
                    let info = kind.info();
                    let mut eo = Obj::new(io.key("extract"));
                    eo.str("kind", kind.id());
                    text_obj(eo.key("name"), info.name);
                    eo.int("maxAgeMonths", i64::from(info.max_age_months));
                    eo.end();
                }
                if let Some(register) = spec.register {
                    let mut ro = Obj::new(io.key("register"));
                    ro.str("id", register.id());
                    text_obj(ro.key("name"), register.info().name);
                    ro.end();
                }
                io.str("source", spec.source);
            }
            io.end();
        }
        a.push(']');
    }
    {
        let a = o.key("warnings");
        a.push('[');
        for (i, w) in list.warnings().iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut wo = Obj::new(a);
            wo.str("code", checklist_warning_id(*w));
            text_obj(wo.key("text"), w.text());
            wo.end();
        }
        a.push(']');
    }
    o.end();
    Ok(out)
}

fn reason_id(r: Reason) -> &'static str {
    match r {
        Reason::AwaitingCheck => "awaiting-check",
        Reason::CheckedByStaff => "checked-by-staff",
        Reason::DocumentApproved => "document-approved",
        Reason::DocumentExpired => "document-expired",
        Reason::DocumentNotApproved => "document-not-approved",
        Reason::NotAnIdentityDocument => "not-an-identity-document",
        Reason::DocumentNotForCitizenship => "document-not-for-citizenship",
        Reason::IssueDateMissing => "issue-date-missing",
        Reason::IssuedBeforeCutoff => "issued-before-cutoff",
        Reason::MrzCheckFailed => "mrz-check-failed",
        Reason::MrzUnreadable => "mrz-unreadable",
        Reason::NotShown => "not-shown",
        Reason::ExtractValid => "extract-valid",
        Reason::ExtractTooOld => "extract-too-old",
        Reason::ExtractWrongType => "extract-wrong-type",
        Reason::DateInFuture => "date-in-future",
        Reason::InRegister => "in-register",
        Reason::NotInRegister => "not-in-register",
        Reason::DiplomaVerified => "diploma-verified",
        Reason::DiplomaNotVerified => "diploma-not-verified",
        Reason::RightToWorkShown => "right-to-work-shown",
        Reason::CopyNotFiled => "copy-not-filed",
        Reason::NoRightToWork => "no-right-to-work",
        Reason::NotARightToWorkDocument => "not-a-right-to-work-document",
        Reason::ExemptFromWorkPermit => "exempt-from-work-permit",
        Reason::FreeMovement => "free-movement",
        Reason::ReferencesTaken => "references-taken",
        Reason::ReferencesNegative => "references-negative",
        Reason::NotYetInForce => "not-yet-in-force",
        Reason::NotRequiredByEmployer => "not-required-by-employer",
        Reason::InformationGiven => "information-given",
        Reason::SeeCaseFile => "see-case-file",
        Reason::MrzInvalid => "mrz-invalid",
    }
}

// ---------------------------------------------------------------------------------------------
// Job ads

fn rule_id(r: RuleId) -> &'static str {
    match r {
        RuleId::PayMissing => "pay-missing",
        RuleId::PayTransparencyComing => "pay-transparency-coming",
        RuleId::PayInvalid => "pay-invalid",
        RuleId::PayHistoryQuestion => "pay-history-question",
        RuleId::DiscriminationGround => "discrimination-ground",
        RuleId::PersonalLetter => "personal-letter",
        RuleId::GenderedTitle => "gendered-title",
    }
}

fn severity_id(s: Severity) -> &'static str {
    match s {
        Severity::Notice => "notice",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn ground_id(g: Ground) -> &'static str {
    match g {
        Ground::Sex => "sex",
        Ground::TransgenderIdentity => "transgender-identity",
        Ground::Ethnicity => "ethnicity",
        Ground::Religion => "religion",
        Ground::Disability => "disability",
        Ground::SexualOrientation => "sexual-orientation",
        Ground::Age => "age",
    }
}

fn sek(v: &Json, path: &str) -> Result<u32, BindError> {
    match v {
        Json::Num(n) if json::is_whole(*n) && *n >= 0.0 && *n <= f64::from(u32::MAX) => Ok(*n as u32),
        Json::Num(_) => Err(BindError::range_error(format!("{path} must be a whole number of SEK 0–{}", u32::MAX))),
        other => Err(wrong_type(format_args!("{path}"), "a number", other)),
    }
}

fn read_pay(v: Option<&Json>) -> Result<Option<PayInfo>, BindError> {
    let v = match v {
        None | Some(Json::Null) => return Ok(None),
        Some(v) => v,
    };
    check_keys(v, "ad.pay", &["starting", "min", "max"])?;
    match (v.get("starting"), v.get("min"), v.get("max")) {
        (Some(s), None, None) => Ok(Some(PayInfo::Starting(sek(s, "ad.pay.starting")?))),
        (None, Some(min), Some(max)) => {
            Ok(Some(PayInfo::Range { min: sek(min, "ad.pay.min")?, max: sek(max, "ad.pay.max")? }))
        }
        _ => Err(BindError::type_error("ad.pay must be {starting} or {min, max}")),
    }
}

/// `checkJobAd(ad)` with the ad as JSON text.
///
/// `ad`: `{title, text?, pay?: {starting} | {min, max} | null, screeningQuestions?: string[],
/// asksForPersonalLetter?: boolean, publicationDate?: "YYYY-MM-DD" (default today),
/// payTransparencyFrom?: "YYYY-MM-DD" (default core's)}`. Result: `{findings: [{rule,
/// severity, message: {sv, en}, source, location: {kind, index?}, ground?, term?}], omitted,
/// worst, hasErrors, counts: {error, warning, notice}}`.
pub fn check_job_ad(ad_json: &str, today: Date) -> BindResult {
    let v = parse_input(ad_json, "ad")?;
    if !matches!(v, Json::Obj(_)) {
        return Err(wrong_type(format_args!("ad"), "an object", &v));
    }
    check_keys(
        &v,
        "ad",
        &[
            "title",
            "text",
            "pay",
            "screeningQuestions",
            "asksForPersonalLetter",
            "publicationDate",
            "payTransparencyFrom",
        ],
    )?;
    let title = opt_str(&v, "title", "ad")?.unwrap_or("");
    let text = opt_str(&v, "text", "ad")?.unwrap_or("");
    let pay = read_pay(v.get("pay"))?;
    let mut questions: Vec<&str> = Vec::new();
    match v.get("screeningQuestions") {
        None | Some(Json::Null) => {}
        Some(Json::Arr(items)) => {
            for (i, q) in items.iter().enumerate() {
                questions.push(
                    q.as_str().ok_or_else(|| wrong_type(format_args!("ad.screeningQuestions[{i}]"), "a string", q))?,
                );
            }
        }
        Some(other) => {
            return Err(wrong_type(format_args!("ad.screeningQuestions"), "an array", other));
        }
    }
    let asks_for_personal_letter = match v.get("asksForPersonalLetter") {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        Some(other) => {
            return Err(wrong_type(format_args!("ad.asksForPersonalLetter"), "a boolean", other));
        }
    };
    let publication_date = opt_date(&v, "publicationDate", "ad")?.unwrap_or(today);
    let mut rules = RuleSet::default();
    if let Some(from) = opt_date(&v, "payTransparencyFrom", "ad")? {
        rules.pay_transparency_from = from;
    }
    let ad = JobAd { title, text, pay, screening_questions: &questions, asks_for_personal_letter, publication_date };
    let findings = job_ad::check(&ad, &rules);

    let mut out = String::with_capacity(1024);
    let mut o = Obj::new(&mut out);
    {
        let a = o.key("findings");
        a.push('[');
        for (i, f) in findings.iter().enumerate() {
            if i > 0 {
                a.push(',');
            }
            let mut fo = Obj::new(a);
            fo.str("rule", rule_id(f.rule)).str("severity", severity_id(f.severity));
            text_obj(fo.key("message"), f.message);
            fo.str("source", f.source);
            {
                let mut lo = Obj::new(fo.key("location"));
                match f.location {
                    Location::Title => lo.str("kind", "title"),
                    Location::Pay => lo.str("kind", "pay"),
                    Location::Ad => lo.str("kind", "ad"),
                    Location::Question(i) => lo.str("kind", "question").int("index", i64::from(i)),
                };
                lo.end();
            }
            if let Some(g) = f.ground {
                let mut go = Obj::new(fo.key("ground"));
                go.str("id", ground_id(g));
                text_obj(go.key("name"), g.name());
                go.end();
            }
            if let Some(term) = f.term {
                fo.str("term", term);
            }
            fo.end();
        }
        a.push(']');
    }
    o.int("omitted", i64::from(findings.omitted));
    match findings.worst() {
        Some(s) => o.str("worst", severity_id(s)),
        None => o.null("worst"),
    };
    o.bool("hasErrors", findings.has_errors());
    {
        let mut co = Obj::new(o.key("counts"));
        for s in [Severity::Error, Severity::Warning, Severity::Notice] {
            co.int(severity_id(s), findings.count(s) as i64);
        }
        co.end();
    }
    o.end();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn personnummer_shapes() {
        let ok = json::parse(&validate_personnummer("701063-2391", today())).unwrap();
        assert_eq!(ok.get("kind").unwrap().as_str(), Some("samordningsnummer"));
        let bad = json::parse(&validate_personnummer("811218-9875", today())).unwrap();
        assert_eq!(bad.get("errorCode").unwrap().as_str(), Some("checksum"));
        let interim = json::parse(&validate_personnummer("19900101-T123", today())).unwrap();
        assert_eq!(interim.get("kind").unwrap().as_str(), Some("interim"));
        assert_eq!(interim.get("valid").unwrap().as_bool(), Some(false));
    }

    #[test]
    fn empty_nps_has_no_nan() {
        let s = compute_nps(&[]).unwrap();
        assert!(s.contains(r#""nps":null"#) && s.contains(r#""interval95":null"#), "{s}");
        assert!(!s.contains("NaN"));
        let v = json::parse(&compute_nps(&[10.0, 9.0, 3.0]).unwrap()).unwrap();
        assert_eq!(v.get("nps").unwrap().as_f64(), Some(33.3));
        for bad in [f64::NAN, f64::INFINITY, -1.0, 10.5, 1e300, -0.5] {
            assert!(compute_nps(&[bad]).is_err(), "{bad}");
            assert!(nps_category(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn responses() {
        let v =
            validate_response(r#"{"catalogue":"candidate","answers":{"recommend":9,"overall":8,"took_tests":true}}"#)
                .unwrap();
        let v = json::parse(&v).unwrap();
        assert_eq!(v.get("valid").unwrap().as_bool(), Some(true));
        assert_eq!(v.get("next").unwrap().as_str(), Some("knew_whom"));
        let applicable = v.get("applicable").unwrap().as_array().unwrap();
        assert!(applicable.iter().any(|q| q.as_str() == Some("tests_info")));
        for bad in [
            "1",
            "{}",
            r#"{"catalogue":"x","answers":[]}"#,
            r#"{"catalogue":"job-fair","answers":[{"question":"recommend","value":1.5}]}"#,
            r#"{"catalogue":"job-fair","answers":{"recommend":1e20}}"#,
            r#"{"catalogue":"job-fair","answers":[],"extra":1}"#,
            "not json",
        ] {
            assert!(validate_response(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn catalogue_in_both_languages() {
        for id in ["job-fair", "candidate"] {
            for l in ["sv", "en"] {
                let v = json::parse(&survey_catalogue(id, l).unwrap()).unwrap();
                assert!(!v.get("questions").unwrap().as_array().unwrap().is_empty());
            }
        }
        assert_eq!(survey_catalogue("nope", "sv").unwrap_err().kind, ErrorKind::Range);
        assert_eq!(survey_catalogue("job-fair", "de").unwrap_err().kind, ErrorKind::Range);
    }

    #[test]
    fn checklists_and_ads() {
        let v = json::parse(&id_checklist("teacher", "null", today()).unwrap()).unwrap();
        assert_eq!(v.get("outcome").unwrap().as_str(), Some("incomplete"));
        assert!(id_checklist("astronaut", "{}", today()).is_err());
        assert!(id_checklist("teacher", r#"{"citizenship":"martian"}"#, today()).is_err());
        assert!(id_checklist("teacher", r#"{"color":1}"#, today()).is_err());
        let v = json::parse(
            &check_job_ad(r#"{"title":"Brandman","screeningQuestions":["Hur gammal är du?"]}"#, today()).unwrap(),
        )
        .unwrap();
        assert!(!v.get("findings").unwrap().as_array().unwrap().is_empty());
        assert!(check_job_ad(r#"{"title":"x","pay":{"min":-1,"max":2}}"#, today()).is_err());
        assert!(check_job_ad("[]", today()).is_err());
        assert!(json::parse(&role_profiles()).is_ok());
    }

    #[test]
    fn date_text_matches_core() {
        for d in [Date::new(1, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap(), today()] {
            assert_eq!(date_str(d).as_str(), d.to_string());
        }
    }

    /// Ids and property names from the caller are quoted with core's [`Quoted`]: as `{:?}`
    /// for ordinary text, control characters escaped, other characters as they are.
    #[test]
    fn messages_quote_ids_with_core_quoted() {
        let e = id_checklist("astro\"naut\n", "{}", today()).unwrap_err();
        assert!(e.message.contains(r#"role profile "astro\"naut\n": expected one of"#), "{}", e.message);
        let e = id_checklist("te\u{301}acher\u{200b}\u{7f}", "{}", today()).unwrap_err();
        assert!(e.message.contains("role profile \"te\u{301}acher\u{200b}\\u{7f}\": expected one of"), "{}", e.message);
        let e = id_checklist("teacher", r#"{"c\u00f6lor\t":1}"#, today()).unwrap_err();
        assert!(e.message.contains(r#"unknown property "cölor\t" (expected "#), "{}", e.message);
    }

    #[test]
    fn dates() {
        assert_eq!(date_from_ymd(20261123).unwrap(), today());
        assert!(date_from_ymd(20260230).is_err());
        assert!(date_from_ymd(u32::MAX).is_err());
        assert_eq!(check_today("2026-11-23").unwrap(), "20261123");
        assert!(check_today("2026-11-31").is_err());
    }
}

//! End-to-end tests across Rekry's crates (`rekry-e2e`, not published).
//!
//! The corpus here drives `tests/wasm_consistency.rs`: every [`Case`] is run natively through
//! [`rekry_wasm::api`] (which calls `rekry-core`) and, in Node, through the compiled
//! WebAssembly package `wasm/pkg`; the two JSON results must be identical.
//!
//! ```
//! let cases = rekry_e2e::corpus();
//! assert!(cases.len() > 1000);
//! let first = &cases[0];
//! let native = rekry_e2e::run_native(first);
//! assert!(native.is_object());
//! ```
#![deny(missing_docs)]

use rekry_core::Date;
use rekry_wasm::api::{self, BindError, ErrorKind};
use serde_json::{Value, json};

/// The date every case is judged on.
pub const TODAY: &str = "2026-11-23";

/// One call of the JavaScript API, with its arguments as JavaScript would pass them.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The JavaScript function, such as `"validatePersonnummer"`.
    pub function: &'static str,
    /// Its arguments.
    pub args: Vec<Value>,
}

impl Case {
    fn new(function: &'static str, args: Vec<Value>) -> Case {
        Case { function, args }
    }

    /// The case as `{"fn": …, "args": […]}` for the Node runner.
    pub fn to_json(&self) -> Value {
        json!({ "fn": self.function, "args": self.args })
    }
}

/// A small deterministic generator (64-bit LCG), so the corpus is the same on every run.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A value below `n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
const TD1: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
const TD2: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

fn personnummer_cases(rng: &mut Lcg, out: &mut Vec<Case>) {
    let fixed = [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        " 811218-9876\n",
        "811218-9875",
        "701063-2391",
        "19900101-T123",
        "261123+9876",
        "19261123+9876",
        "000000-0000",
        "811318-9876",
        "810230-9876",
        "811218-0006",
        "811218–9876",
        "811218987é",
        "",
        "   ",
        "20991231-1234",
        "abc",
        "12345678901234567890",
    ];
    for s in fixed {
        out.push(Case::new("validatePersonnummer", vec![json!(s), json!(TODAY)]));
    }
    let chars = b"0123456789-+ T";
    for _ in 0..600 {
        let form = rng.below(4);
        let s: String = match form {
            // Plausible numbers: random date parts and digits.
            0 | 1 => {
                let long = form == 1;
                let year = if long { 1900 + rng.below(130) } else { rng.below(100) };
                let month = rng.below(14);
                let day = rng.below(93);
                let tail = rng.below(10000);
                let sep = ["-", "+", ""][rng.below(3) as usize];
                if long {
                    format!("{year:04}{month:02}{day:02}{sep}{tail:04}")
                } else {
                    format!("{year:02}{month:02}{day:02}{sep}{tail:04}")
                }
            }
            // Noise from the characters numbers are made of.
            _ => (0..rng.below(15)).map(|_| chars[rng.below(chars.len() as u64) as usize] as char).collect(),
        };
        out.push(Case::new("validatePersonnummer", vec![json!(s), json!(TODAY)]));
    }
}

fn mrz_cases(rng: &mut Lcg, out: &mut Vec<Case>) {
    for (mrz, today) in [(TD3, "2010-06-01"), (TD3, TODAY), (TD1, "2010-06-01"), (TD2, "2010-06-01")] {
        out.push(Case::new("parseMrz", vec![json!(mrz), json!(today)]));
        out.push(Case::new("parseMrz", vec![json!(mrz.to_lowercase()), json!(today)]));
        out.push(Case::new("parseMrz", vec![json!(mrz.replace('\n', "")), json!(today)]));
        out.push(Case::new("parseMrz", vec![json!(mrz.replace('\n', "\r\n")), json!(today)]));
    }
    for junk in ["", "\n\n", "P<", "<<<<", "I<SWE"] {
        out.push(Case::new("parseMrz", vec![json!(junk), json!(TODAY)]));
    }
    let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<OIBSZ a-";
    for _ in 0..400 {
        let base = [TD3, TD1, TD2][rng.below(3) as usize];
        let mut bytes = base.as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            let i = rng.below(bytes.len() as u64) as usize;
            if bytes[i] != b'\n' {
                bytes[i] = alphabet[rng.below(alphabet.len() as u64) as usize];
            }
        }
        let text = String::from_utf8(bytes).unwrap_or_default();
        out.push(Case::new("parseMrz", vec![json!(text), json!("2010-06-01")]));
    }
}

fn nps_cases(rng: &mut Lcg, out: &mut Vec<Case>) {
    for s in [0.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, -1.0, 8.5, 1e300] {
        out.push(Case::new("npsCategory", vec![json!(s)]));
    }
    out.push(Case::new("computeNps", vec![json!([])]));
    out.push(Case::new("computeNps", vec![json!([10, 9, 3.5])]));
    out.push(Case::new("computeNps", vec![json!([10, 9, 12])]));
    for _ in 0..200 {
        let n = rng.below(200);
        let bias = rng.below(11);
        let scores: Vec<u64> = (0..n).map(|_| if rng.below(2) == 0 { bias } else { rng.below(11) }).collect();
        out.push(Case::new("computeNps", vec![json!(scores)]));
    }
}

fn survey_cases(rng: &mut Lcg, out: &mut Vec<Case>) {
    for id in ["job-fair", "candidate", "nope"] {
        for lang in ["sv", "en", "EN", "de"] {
            out.push(Case::new("surveyCatalogue", vec![json!(id), json!(lang)]));
        }
    }
    let ids = [
        "recommend",
        "would_apply",
        "treatment",
        "knew_whom",
        "overall",
        "took_tests",
        "tests_info",
        "availability",
        "unknown",
        "ad_clear",
    ];
    for _ in 0..300 {
        let catalogue = ["job-fair", "candidate"][rng.below(2) as usize];
        let answers: Vec<Value> = (0..rng.below(8))
            .map(|_| {
                let q = ids[rng.below(ids.len() as u64) as usize];
                let v = match rng.below(3) {
                    0 => json!(rng.below(2) == 0),
                    _ => json!(rng.below(13) as i64 - 1),
                };
                json!({ "question": q, "value": v })
            })
            .collect();
        let mut response = json!({ "catalogue": catalogue, "answers": answers });
        if rng.below(3) == 0 {
            response["partial"] = json!(true);
        }
        out.push(Case::new("validateResponse", vec![response]));
    }
    out.push(Case::new("validateResponse", vec![json!({"catalogue": "job-fair", "answers": {"recommend": 9}})]));
    out.push(Case::new("validateResponse", vec![json!({"catalogue": "job-fair", "answers": {"recommend": 9.5}})]));
    out.push(Case::new("validateResponse", vec![json!({"catalogue": "x", "answers": []})]));
    out.push(Case::new("validateResponse", vec![json!({"answers": []})]));
}

fn checklist_cases(out: &mut Vec<Case>) {
    out.push(Case::new("roleProfiles", vec![]));
    let roles: Vec<String> = match serde_json::from_str::<Value>(&api::role_profiles()) {
        Ok(Value::Array(a)) => a.iter().filter_map(|r| r["id"].as_str().map(String::from)).collect(),
        _ => Vec::new(),
    };
    for role in roles.iter().map(String::as_str).chain(["astronaut"]) {
        for citizenship in ["swedish", "eu-eea-swiss", "other"] {
            out.push(Case::new("idChecklist", vec![json!(role), json!({"citizenship": citizenship, "today": TODAY})]));
        }
        for mrz in [TD3, TD1, "junk"] {
            out.push(Case::new("idChecklist", vec![json!(role), json!({"mrz": mrz, "today": "2010-06-01"})]));
        }
        out.push(Case::new(
            "idChecklist",
            vec![json!(role), json!({"require": ["criminal-record"], "today": TODAY, "issueDate": "2009-01-01"})],
        ));
    }
}

fn job_ad_cases(rng: &mut Lcg, out: &mut Vec<Case>) {
    let titles = ["Brandman", "Sjuksköterska", "Lärare", "Kassörska", "Undersköterska", "Ombudsman", ""];
    let questions = [
        "Vad är din nuvarande lön?",
        "Hur gammal är du?",
        "Vilket är ditt löneanspråk?",
        "Har du barn?",
        "Vilken religion har du?",
        "Har du körkort?",
        "Vad tjänade du på ditt förra jobb?",
        "Är du gravid?",
    ];
    for _ in 0..150 {
        let title = titles[rng.below(titles.len() as u64) as usize];
        let qs: Vec<&str> = (0..rng.below(4)).map(|_| questions[rng.below(questions.len() as u64) as usize]).collect();
        let pay = match rng.below(4) {
            0 => Value::Null,
            1 => json!({"starting": 30000 + rng.below(20000)}),
            2 => json!({"min": 30000 + rng.below(20000), "max": 30000 + rng.below(20000)}),
            _ => json!({"starting": 0}),
        };
        let date = ["2026-06-01", "2027-01-01", "2027-02-01"][rng.below(3) as usize];
        out.push(Case::new(
            "checkJobAd",
            vec![json!({
                "title": title,
                "text": format!("Vi söker en {title}."),
                "pay": pay,
                "screeningQuestions": qs,
                "asksForPersonalLetter": rng.below(2) == 0,
                "publicationDate": date,
            })],
        ));
    }
    out.push(Case::new("checkJobAd", vec![json!({"title": "x", "pay": {"min": -1, "max": 2}})]));
    out.push(Case::new(
        "checkJobAd",
        vec![json!({"title": "x", "payTransparencyFrom": "2026-07-01", "publicationDate": "2026-08-01"})],
    ));
}

/// The whole corpus, the same on every run.
pub fn corpus() -> Vec<Case> {
    let mut rng = Lcg::new(0x5EED_2026);
    let mut out = Vec::new();
    personnummer_cases(&mut rng, &mut out);
    mrz_cases(&mut rng, &mut out);
    nps_cases(&mut rng, &mut out);
    survey_cases(&mut rng, &mut out);
    checklist_cases(&mut out);
    job_ad_cases(&mut rng, &mut out);
    out
}

fn error_json(e: &BindError) -> Value {
    let kind = match e.kind {
        ErrorKind::Type => "TypeError",
        ErrorKind::Range => "RangeError",
    };
    json!({ "error": { "type": kind, "message": e.message } })
}

fn date(v: &Value) -> Result<Date, BindError> {
    api::parse_today(v.as_str().unwrap_or(TODAY))
}

fn text(v: Option<&Value>) -> String {
    v.map(Value::to_string).unwrap_or_else(|| "null".into())
}

/// Runs a case natively: `rekry_wasm::api` over native `rekry-core`. The result is the JSON
/// value JavaScript would get, or `{"error": {"type", "message"}}` for a thrown error.
pub fn run_native(case: &Case) -> Value {
    let arg = |i: usize| case.args.get(i).cloned().unwrap_or(Value::Null);
    let s = |i: usize| arg(i).as_str().unwrap_or_default().to_string();
    let today = date(&json!(TODAY)).map_err(|e| error_json(&e));
    let result: Result<String, BindError> = match case.function {
        "validatePersonnummer" => date(&arg(1)).map(|d| api::validate_personnummer(&s(0), d)),
        "parseMrz" => date(&arg(1)).map(|d| api::parse_mrz(&s(0), d)),
        "npsCategory" => api::nps_category(arg(0).as_f64().unwrap_or(f64::NAN)),
        "computeNps" => {
            let scores: Vec<f64> = arg(0)
                .as_array()
                .map(|a| a.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect())
                .unwrap_or_default();
            api::compute_nps(&scores)
        }
        "surveyCatalogue" => api::survey_catalogue(&s(0), &s(1)),
        "validateResponse" => api::validate_response(&text(case.args.first())),
        "roleProfiles" => Ok(api::role_profiles()),
        "idChecklist" => match &today {
            Ok(d) => api::id_checklist(&s(0), &text(case.args.get(1)), *d),
            Err(e) => return e.clone(),
        },
        "checkJobAd" => match &today {
            Ok(d) => api::check_job_ad(&text(case.args.first()), *d),
            Err(e) => return e.clone(),
        },
        other => return json!({ "error": { "type": "Error", "message": format!("unknown function {other}") } }),
    };
    match result {
        Ok(text) => serde_json::from_str(&text)
            .unwrap_or_else(|e| json!({ "error": { "type": "InvalidJson", "message": e.to_string(), "text": text } })),
        Err(e) => error_json(&e),
    }
}

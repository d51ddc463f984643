//! The compiled WebAssembly package, run in Node, gives exactly the JSON that native
//! `rekry-core` gives (through `rekry_wasm::api`) for every case of the corpus; and the native
//! side agrees with `rekry-core` called directly.
//!
//! Needs `node` and a built `wasm/pkg` (`scripts/build-wasm.sh`). Without them the comparison
//! is skipped with a message, unless `REKRY_E2E_REQUIRE_WASM=1` (set by `scripts/test-wasm.sh`),
//! which makes it fail instead.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use rekry_core::Date;
use rekry_core::idcheck::{mrz, personnummer::Personnummer};
use rekry_core::nps::{NpsTally, Score};
use rekry_e2e::{TODAY, corpus, run_native};
use serde_json::Value;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Numbers as `f64`, so that `25.0` (Rust's text) and `25` (JavaScript's) compare equal, as
/// they are the same JSON number.
fn canonical(v: &Value) -> Value {
    match v {
        Value::Number(n) => n.as_f64().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number),
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), canonical(v))).collect()),
        other => other.clone(),
    }
}

fn required() -> bool {
    std::env::var("REKRY_E2E_REQUIRE_WASM").is_ok_and(|v| v == "1")
}

#[test]
fn wasm_in_node_matches_native_core() {
    let root = workspace();
    let pkg = root.join("wasm/pkg/index.js");
    let node_ok = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !pkg.exists() || !node_ok {
        let why = if node_ok { "wasm/pkg is not built (run scripts/build-wasm.sh)" } else { "node is not installed" };
        assert!(!required(), "REKRY_E2E_REQUIRE_WASM=1 but {why}");
        eprintln!("skipping the wasm comparison: {why}");
        return;
    }

    let cases = corpus();
    let input = Value::Array(cases.iter().map(|c| c.to_json()).collect()).to_string();
    let mut child = Command::new("node")
        .arg(root.join("tests/wasm-runner.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start node");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write corpus");
    let output = child.wait_with_output().expect("node runs");
    assert!(output.status.success(), "node exited with {}", output.status);
    let wasm: Vec<Value> = serde_json::from_slice(&output.stdout).expect("node prints JSON");
    assert_eq!(wasm.len(), cases.len());

    let mut mismatches = 0;
    let mut per_function = std::collections::BTreeMap::<&str, usize>::new();
    for (case, from_wasm) in cases.iter().zip(&wasm) {
        *per_function.entry(case.function).or_default() += 1;
        let native = run_native(case);
        assert!(native.get("error").is_none_or(|e| e["type"] != "InvalidJson"), "{case:?}: {native}");
        if canonical(&native) != canonical(from_wasm) {
            mismatches += 1;
            if mismatches <= 5 {
                eprintln!(
                    "MISMATCH {}({})\n  native: {native}\n  wasm:   {from_wasm}",
                    case.function,
                    Value::Array(case.args.clone())
                );
            }
        }
    }
    eprintln!("compared {} cases: {per_function:?}", cases.len());
    assert_eq!(mismatches, 0, "{mismatches} of {} cases differ between wasm and native", cases.len());
}

#[test]
fn native_binding_reports_what_core_computes() {
    let today = Date::parse(TODAY).unwrap();
    for case in corpus() {
        let out = run_native(&case);
        match case.function {
            "validatePersonnummer" => {
                let input = case.args[0].as_str().unwrap();
                let day = Date::parse(case.args[1].as_str().unwrap()).unwrap();
                match Personnummer::parse(input, day) {
                    Ok(p) => {
                        assert_eq!(out["valid"], true);
                        assert_eq!(out["normalized"], p.long().as_str());
                        assert_eq!(out["birthDate"], p.birth_date().to_string());
                    }
                    Err(e) => {
                        assert_eq!(out["valid"], false);
                        assert_eq!(out["error"], e.to_string());
                    }
                }
            }
            "parseMrz" => {
                let day = Date::parse(case.args[1].as_str().unwrap()).unwrap();
                let report = mrz::parse(case.args[0].as_str().unwrap(), day);
                assert_eq!(out["valid"], report.is_valid());
                assert_eq!(out["checks"].as_array().unwrap().len(), report.checks.len());
                assert_eq!(out["errors"].as_array().unwrap().len(), report.issues.len());
                assert_eq!(out["surname"].as_str().unwrap_or(""), report.surname.as_str());
            }
            "computeNps" => {
                let scores: Option<Vec<Score>> = case.args[0]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().filter(|f| f.fract() == 0.0).and_then(|f| Score::from_i64(f as i64).ok()))
                    .collect();
                match scores {
                    Some(scores) => {
                        let tally = NpsTally::from_scores(&scores).unwrap();
                        assert_eq!(out["n"], tally.n());
                        match tally.nps() {
                            Some(nps) => assert_eq!(out["npsText"], nps.to_string()),
                            None => assert!(out["nps"].is_null() && out["interval95"].is_null()),
                        }
                    }
                    None => assert_eq!(out["error"]["type"], "RangeError"),
                }
            }
            _ => {}
        }
    }
    let _ = today;
}

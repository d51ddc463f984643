//! Crash test: a writer process stores responses in a loop and prints each id only after
//! its commit; it is killed with SIGKILL at random moments, over and over, against the same
//! database. Afterwards every acknowledged response must be present and
//! `PRAGMA integrity_check` must say `ok`.
//!
//! Runs 50 kills by default; `REKRY_CRASH_RUNS=500` for the long version.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Rng;
use rekry_kiosk::storage::Store;
use uuid::Uuid;

#[test]
fn sigkill_never_loses_an_acknowledged_response() {
    let runs: u32 = std::env::var("REKRY_CRASH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rekry-kiosk.sqlite3");
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut rng = Rng(seed);
    let mut acknowledged: Vec<Uuid> = Vec::new();
    let started = Instant::now();
    let mut killed_early = 0;
    for run in 0..runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rekry-kiosk"))
            .arg("--data-dir")
            .arg(dir.path())
            .arg("crash-writer")
            .env_remove("REKRY_CONFIG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut ids = Vec::new();
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // A line cut off by the kill is not an acknowledgement we can read; only
                // whole ids count (the writer prints them after commit, so fewer is safe).
                if let Ok(id) = Uuid::parse_str(line.trim()) {
                    ids.push(id);
                }
            }
            ids
        });
        // Kill anywhere from during start-up (open, migration) to deep into the loop.
        let delay = match rng.below(10) {
            0 => rng.below(3_000),
            1..=2 => rng.below(15_000),
            _ => 20_000 + rng.below(150_000),
        };
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().expect("SIGKILL the writer"); // Child::kill sends SIGKILL on Unix
        let status = child.wait().unwrap();
        let ids = reader.join().unwrap();
        if ids.is_empty() {
            killed_early += 1;
        }
        if let Some(code) = status.code() {
            // The writer never exits on its own; if it did, it failed: show why.
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            panic!("run {run}: writer exited with {code}: {err}");
        }
        acknowledged.extend(ids);

        let store = Store::open(&db).unwrap_or_else(|e| panic!("run {run}: reopen failed: {e}"));
        assert_eq!(store.integrity_check(), Ok(()), "run {run}");
        for id in &acknowledged {
            assert!(store.has_response(id).unwrap(), "run {run}: acknowledged response {id} is missing");
        }
        // Every response on disk is one the writer had at least committed; the count can
        // exceed the acknowledgements only by commits whose id had not been printed yet
        // (at most one per run).
        let stored = store.response_count().unwrap();
        assert!(stored >= acknowledged.len() as u64);
        assert!(stored <= acknowledged.len() as u64 + u64::from(run + 1), "run {run}: {stored} stored");
        assert!(store.aggregates_consistent().unwrap(), "run {run}: aggregates out of step");
    }
    eprintln!(
        "crash test: {runs} SIGKILLs in {:.1} s, {} acknowledged responses all present, integrity ok \
         ({killed_early} kills before the first acknowledgement; seed {seed})",
        started.elapsed().as_secs_f64(),
        acknowledged.len()
    );
    assert!(acknowledged.len() as u32 > runs, "the writer hardly wrote anything");
}

//! Helpers shared by the storage and CLI tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rekry_core::Lang;
use rekry_core::survey::{Answer, CatalogueId, Response, Value};
use rekry_kiosk::storage::{NewResponse, ResponseFlags, Store};

/// 2026-11-23 10:07:31 UTC.
pub fn t0() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_428_451)
}

/// A small deterministic generator (xorshift64*), so tests need no extra crate.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A valid job-fair response with the given NPS score and some follow-ups.
pub fn job_fair(score: i32, treatment: Option<i32>, apply: Option<bool>) -> Response {
    let mut r = Response::new(CatalogueId::JobFair);
    r.push(Answer::new("recommend", Value::Score(score)).unwrap()).unwrap();
    if let Some(t) = treatment {
        r.push(Answer::new("treatment", Value::Score(t)).unwrap()).unwrap();
    }
    if let Some(a) = apply {
        r.push(Answer::new("would_apply", Value::Yes(a)).unwrap()).unwrap();
    }
    r
}

pub fn new_response(event: &str, response: Response, at: SystemTime) -> NewResponse {
    NewResponse { event: event.into(), response, lang: Lang::Sv, complete: true, flags: ResponseFlags::default(), at }
}

/// A random response (complete or partial, flagged or not) spread over `days` days.
pub fn random_response(rng: &mut Rng, events: &[&str], days: u64) -> NewResponse {
    let score = rng.below(11) as i32;
    let treatment = (rng.below(3) > 0).then(|| 1 + rng.below(10) as i32);
    let apply = (rng.below(2) > 0).then(|| rng.below(2) == 0);
    let complete = rng.below(10) > 0;
    let response = if complete || rng.below(2) == 0 {
        job_fair(score, treatment, apply)
    } else {
        let mut r = Response::new(CatalogueId::JobFair);
        r.push(Answer::new("would_apply", Value::Yes(true)).unwrap()).unwrap();
        r
    };
    NewResponse {
        event: events[rng.below(events.len() as u64) as usize].into(),
        response,
        lang: if rng.below(2) == 0 { Lang::Sv } else { Lang::En },
        complete,
        flags: ResponseFlags { repeated_presses: (rng.below(20) == 0) as u32 * 3, too_fast: rng.below(25) == 0 },
        at: t0() - Duration::from_secs(rng.below(days * 86_400)),
    }
}

pub fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.sqlite3");
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

/// SHA-256-free fingerprint of a file: its bytes (tests compare small files whole).
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

/// Runs `mount` and reports whether it worked (tests run as root; skip otherwise).
pub fn mount(args: &[&str]) -> bool {
    std::process::Command::new("mount")
        .args(args)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn umount(path: &Path) {
    let _ = std::process::Command::new("umount").arg(path).status();
}

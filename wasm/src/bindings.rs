//! The `wasm_bindgen` exports: few and plain, because every export costs glue in
//! `rekry_wasm.js` and a shim in the `.wasm`.
//!
//! - [`call`]: every function that takes strings and a number, selected by an operation code,
//!   one string out (see [`api::encode`]).
//! - [`compute_nps`]: the scores as a `Float64Array`.
//! - [`pnr_buffers`] and [`pnr_fast`]: the allocation-free fast path of
//!   `validatePersonnummer`.
//!
//! The package's `index.js` wraps these; they are not the public JavaScript API.

use alloc::string::String;
use core::sync::atomic::{AtomicU8, Ordering};

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api;

// Operation codes of `call`, mirrored in `index.js`.
const VALIDATE_PERSONNUMMER: u32 = 0;
const PARSE_MRZ: u32 = 1;
const CHECK_TODAY: u32 = 2;
const NPS_CATEGORY: u32 = 3;
const SURVEY_CATALOGUE: u32 = 4;
const VALIDATE_RESPONSE: u32 = 5;
const ROLE_PROFILES: u32 = 6;
const ID_CHECKLIST: u32 = 7;
const CHECK_JOB_AD: u32 = 8;

/// One function of the package, by operation code: `a` and `b` are its string arguments
/// (unused ones empty) and `n` its number, `today` packed as `yyyymmdd` for the functions that
/// take a date, or the score of `npsCategory`.
#[wasm_bindgen]
pub fn call(op: u32, a: &str, b: &str, n: f64) -> String {
    // `n` is a whole yyyymmdd from index.js whenever it is a date.
    let today = || api::date_from_ymd(n as u32);
    api::encode(match op {
        VALIDATE_PERSONNUMMER => today().map(|d| api::validate_personnummer(a, d)),
        PARSE_MRZ => today().map(|d| api::parse_mrz(a, d)),
        CHECK_TODAY => api::check_today(a),
        NPS_CATEGORY => api::nps_category(n),
        SURVEY_CATALOGUE => api::survey_catalogue(a, b),
        VALIDATE_RESPONSE => api::validate_response(a),
        ROLE_PROFILES => Ok(api::role_profiles()),
        ID_CHECKLIST => today().and_then(|d| api::id_checklist(a, b, d)),
        CHECK_JOB_AD => today().and_then(|d| api::check_job_ad(a, d)),
        _ => Err(api::BindError::type_error("unknown operation")),
    })
}

/// `computeNps`.
#[wasm_bindgen]
pub fn compute_nps(scores: &[f64]) -> String {
    api::encode(api::compute_nps(scores))
}

/// The fast path's buffers: JavaScript writes short ASCII input into the first 32 bytes
/// (which saves an allocation and a copy per call) and reads the result from the next 23
/// (see [`api::personnummer_fast`]). Atomics only so that a `static` can be written without
/// `unsafe`; on wasm32 they are plain loads and stores.
static PNR: [AtomicU8; 32 + 23] = [const { AtomicU8::new(0) }; 32 + 23];

/// Address of the fast path's buffers in linear memory: 32 bytes of input, then 23 of output.
#[wasm_bindgen]
pub fn pnr_buffers() -> u32 {
    PNR.as_ptr() as usize as u32
}

/// `validatePersonnummer` fast path for a valid number: [`api::personnummer_fast`] on the
/// first `len` bytes of the input buffer (ASCII written by `index.js`), its output in the
/// output buffer; 0 when not valid or when `len` or `today` is out of range.
#[wasm_bindgen]
pub fn pnr_fast(len: u32, today: u32) -> u32 {
    let Ok(today) = api::date_from_ymd(today) else {
        return 0;
    };
    let mut bytes = [0u8; 32];
    for (b, slot) in bytes.iter_mut().zip(&PNR) {
        *b = slot.load(Ordering::Relaxed);
    }
    let Some(input) = bytes.get(..len as usize).and_then(|b| core::str::from_utf8(b).ok()) else {
        return 0;
    };
    let mut out = [0u8; 23];
    let code = api::personnummer_fast(input, today, &mut out);
    for (slot, b) in PNR.iter().skip(32).zip(out) {
        slot.store(b, Ordering::Relaxed);
    }
    code
}

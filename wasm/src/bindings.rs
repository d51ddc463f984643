//! The `wasm_bindgen` exports: strings and numbers in, one string out (see [`api::encode`]).
//!
//! The package's `index.js` wraps these; they are not the public JavaScript API.

use std::sync::atomic::{AtomicU8, Ordering};

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api;

// `validatePersonnummer`; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn validate_personnummer(input: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).map(|d| api::validate_personnummer(input, d)))
}

// The fast path's output buffer (see [`api::personnummer_fast`]); atomics only so that a
// `static` can be written without `unsafe` (on wasm32 they are plain loads and stores).
static PNR_OUT: [AtomicU8; 23] = [const { AtomicU8::new(0) }; 23];

// Address of the fast path's 23-byte output buffer in linear memory.
#[wasm_bindgen]
pub fn personnummer_out() -> u32 {
    PNR_OUT.as_ptr() as usize as u32
}

// `validatePersonnummer` fast path for valid numbers: the code of
// [`api::personnummer_fast`], output in [`personnummer_out`]; 0 when not valid.
#[wasm_bindgen]
pub fn personnummer_fast(input: &str, today: u32) -> u32 {
    let Ok(today) = api::date_from_ymd(today) else {
        return 0;
    };
    let mut out = [0u8; 23];
    let code = api::personnummer_fast(input, today, &mut out);
    for (slot, b) in PNR_OUT.iter().zip(out) {
        slot.store(b, Ordering::Relaxed);
    }
    code
}

// The fast path's input buffer: JavaScript writes short ASCII input here directly, which
// saves an allocation and a copy per call.
static PNR_IN: [AtomicU8; 32] = [const { AtomicU8::new(0) }; 32];

// Address of the fast path's 32-byte input buffer in linear memory.
#[wasm_bindgen]
pub fn personnummer_in() -> u32 {
    PNR_IN.as_ptr() as usize as u32
}

// [`personnummer_fast`] on the first `len` bytes of the input buffer (ASCII written by
// `index.js`); 0 when not valid or when `len` is out of range.
#[wasm_bindgen]
pub fn personnummer_fast_in(len: u32, today: u32) -> u32 {
    let mut bytes = [0u8; 32];
    for (b, slot) in bytes.iter_mut().zip(&PNR_IN) {
        *b = slot.load(Ordering::Relaxed);
    }
    let Some(input) = bytes.get(..len as usize).and_then(|b| std::str::from_utf8(b).ok()) else {
        return 0;
    };
    personnummer_fast(input, today)
}

// `parseMrz`; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn parse_mrz(text: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).map(|d| api::parse_mrz(text, d)))
}

// Checks a caller's `today` (`YYYY-MM-DD`) and packs it as `yyyymmdd`.
#[wasm_bindgen]
pub fn check_today(text: &str) -> String {
    api::encode(api::check_today(text))
}

// `npsCategory`.
#[wasm_bindgen]
pub fn nps_category(score: f64) -> String {
    api::encode(api::nps_category(score))
}

// `computeNps`.
#[wasm_bindgen]
pub fn compute_nps(scores: &[f64]) -> String {
    api::encode(api::compute_nps(scores))
}

// `surveyCatalogue`.
#[wasm_bindgen]
pub fn survey_catalogue(id: &str, lang: &str) -> String {
    api::encode(api::survey_catalogue(id, lang))
}

// `validateResponse`, the response as JSON text.
#[wasm_bindgen]
pub fn validate_response(response: &str) -> String {
    api::encode(api::validate_response(response))
}

// `roleProfiles`.
#[wasm_bindgen]
pub fn role_profiles() -> String {
    api::role_profiles()
}

// `idChecklist`, the options as JSON text; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn id_checklist(role_profile: &str, options: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).and_then(|d| api::id_checklist(role_profile, options, d)))
}

// `checkJobAd`, the ad as JSON text; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn check_job_ad(ad: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).and_then(|d| api::check_job_ad(ad, d)))
}

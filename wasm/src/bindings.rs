//! The `wasm_bindgen` exports: strings and numbers in, one string out (see [`api::encode`]).
//!
//! The package's `index.js` wraps these; they are not the public JavaScript API.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::api;

/// `validatePersonnummer`; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn validate_personnummer(input: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).map(|d| api::validate_personnummer(input, d)))
}

/// `parseMrz`; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn parse_mrz(text: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).map(|d| api::parse_mrz(text, d)))
}

/// Checks a caller's `today` (`YYYY-MM-DD`) and packs it as `yyyymmdd`.
#[wasm_bindgen]
pub fn check_today(text: &str) -> String {
    api::encode(api::check_today(text))
}

/// `npsCategory`.
#[wasm_bindgen]
pub fn nps_category(score: f64) -> String {
    api::encode(api::nps_category(score))
}

/// `computeNps`.
#[wasm_bindgen]
pub fn compute_nps(scores: &[f64]) -> String {
    api::encode(api::compute_nps(scores))
}

/// `surveyCatalogue`.
#[wasm_bindgen]
pub fn survey_catalogue(id: &str, lang: &str) -> String {
    api::encode(api::survey_catalogue(id, lang))
}

/// `validateResponse`, the response as JSON text.
#[wasm_bindgen]
pub fn validate_response(response: &str) -> String {
    api::encode(api::validate_response(response))
}

/// `roleProfiles`.
#[wasm_bindgen]
pub fn role_profiles() -> String {
    api::role_profiles()
}

/// `idChecklist`, the options as JSON text; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn id_checklist(role_profile: &str, options: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).and_then(|d| api::id_checklist(role_profile, options, d)))
}

/// `checkJobAd`, the ad as JSON text; `today` packed as `yyyymmdd`.
#[wasm_bindgen]
pub fn check_job_ad(ad: &str, today: u32) -> String {
    api::encode(api::date_from_ymd(today).and_then(|d| api::check_job_ad(ad, d)))
}

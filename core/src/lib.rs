//! # rekry-core
//!
//! The rules of candidate feedback and identity verification in Swedish municipal
//! recruitment, written once: Net Promoter Score and satisfaction math with honest margins of
//! error, the survey catalogues in Swedish and English, the unit's targets and tertials, ICAO
//! MRZ and personnummer validation, role-based pre-employment checklists and job-ad checks.
//!
//! `#![no_std]`, no allocation, no I/O and no clock: callers pass today's date. The same
//! crate runs in the `rekry-kiosk` touchscreen app, in the browser through `rekry-wasm`, and
//! on a microcontroller.
//!
//! ```
//! use rekry_core::nps::{NpsTally, Score};
//!
//! let mut tally = NpsTally::new();
//! for s in [10, 9, 9, 8, 7, 10, 3, 9, 10, 6] {
//!     tally.record(Score::new(s).unwrap()).unwrap();
//! }
//! let nps = tally.nps().expect("ten answers");
//! assert_eq!(nps.to_string(), "40.0");          // 6 promoters, 2 detractors of 10
//! let ci = tally.interval95().unwrap();          // adjusted-Wald 95 % interval
//! assert!(ci.low < 40.0 && 40.0 < ci.high);
//! ```
//!
//! ## Modules
//!
//! | module | what it holds |
//! | --- | --- |
//! | [`nps`] | 0–10 scores, categories, tallies, NPS with Wald and adjusted-Wald intervals |
//! | [`satisfaction`] | 1–10 ratings, yes/no answers, shares with Wilson intervals |
//! | [`survey`] | the `job-fair` and `candidate` catalogues and response validation |
//! | [`indicators`] | the unit's targets, tertials, evaluation against targets |
//! | [`idcheck`] | approved documents, MRZ, personnummer, role checklists, check records |
//! | [`rules`] | recruitment rules such as job-ad checks |
//! | [`wire`] | versioned postcard and JSON encodings (features `postcard`, `json`) |
//! | `graphics` | embedded-graphics NPS gauge and score histogram (feature `graphics`) |
//!
//! ## Features
//!
//! All optional; with none the crate needs only `core`.
//!
//! - `alloc`, `std`: conveniences that need an allocator, and `std::error::Error`.
//! - `serde`: serde derives on every wire type.
//! - `postcard`, `json`: the wire formats (both `no_std`, no allocation).
//! - `graphics`: embedded-graphics drawables.
#![no_std]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
#[allow(unused_extern_crates)] // used by the `graphics` canvas when both features are on
extern crate alloc;
#[cfg(any(feature = "std", test))]
extern crate std;

pub mod date;
#[cfg(feature = "graphics")]
pub mod graphics;
pub mod idcheck;
pub mod indicators;
pub mod nps;
pub mod rules;
pub mod satisfaction;
pub mod stats;
pub mod survey;
pub mod text;
#[cfg(any(feature = "postcard", feature = "json"))]
pub mod wire;

pub use date::Date;
pub use text::{Lang, Text};

//! # rekry-kiosk
//!
//! The Rekry kiosk: a touchscreen app where candidates give anonymous feedback and reception
//! staff verify identity documents, with a durable SQLite store and a command-line tool for
//! reports, exports, merges, retention and the audit log.
//!
//! - [`storage`]: the one module that owns every SQL statement ([`storage::Store`]).
//! - [`config`]: the TOML configuration and the data directory.
//! - [`cli`]: the `rekry-kiosk` subcommands.
//! - [`app`]: the Slint touchscreen app.
//!
//! Every rule (NPS, shares, targets, suppression of small cells, response validation)
//! comes from `rekry-core`; this crate stores, counts and shows.
//!
//! Licence: GPL-3.0-only (Slint's royalty-free licence does not cover embedded devices).

pub mod app;
pub mod cli;
pub mod config;
pub mod storage;

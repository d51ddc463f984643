//! End-to-end tests across Rekry's crates (`rekry-e2e`, not published).
//!
//! The tests live in `tests/tests/`; this library holds the shared corpus.
#![deny(missing_docs)]

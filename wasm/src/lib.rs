//! # rekry-wasm
//!
//! The WebAssembly binding of [`rekry_core`] for municipal web forms: the same personnummer,
//! MRZ, NPS, survey, checklist and job-ad rules as the kiosk, in the browser and in Node, as
//! an ES module with TypeScript types (`wasm/pkg`, built by `scripts/build-wasm.sh`).
//!
//! The binding is thin. Core does all the work; this crate only turns JavaScript values into
//! core's types and core's results into JSON:
//!
//! - [`api`] holds one plain-Rust function per JavaScript function. It has no WebAssembly
//!   types, so it compiles natively too, and the end-to-end tests compare the compiled
//!   `.wasm` with native core through it.
//! - [`json`] is a small JSON reader and writer (smaller than `serde_json` in a `.wasm`).
//! - On `wasm32`, a private module exports the functions with `wasm_bindgen`; the package's
//!   hand-written `index.js` checks JavaScript types, supplies today's date and turns the
//!   results into objects and thrown `TypeError`s / `RangeError`s. Another private module is
//!   the `.wasm`'s allocator (the crate is `no_std` there).
//!
//! Nothing here panics on any input: every conversion is checked and every error is a value.
//!
//! ```
//! use rekry_core::Date;
//! use rekry_wasm::api;
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! let json = api::validate_personnummer("811218-9875", today);
//! assert!(json.starts_with(r#"{"valid":false,"error":"wrong check digit 5: expected 6""#));
//!
//! let nps = api::compute_nps(&[10.0, 9.0, 8.0, 3.0]).unwrap();
//! assert!(nps.starts_with(r#"{"nps":25.0,"npsText":"25.0","n":4,"#));
//! ```
#![deny(missing_docs)]
// In the `.wasm`, `core` and `alloc` only: std's runtime (dlmalloc, the panic hook and panic
// message formatting) was about 4 KB of the gzipped module. Natively (tests, rekry-e2e) std
// is there as usual.
#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

pub mod api;
pub mod json;

#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod heap;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: heap::Heap = heap::Heap;

/// Nothing in the binding panics (see above), but the compiler cannot prove it for every
/// bounds check; if one ever failed, the module traps, and JavaScript sees a
/// `WebAssembly.RuntimeError`, as it would with std's `panic = "abort"`.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

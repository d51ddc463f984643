//! Puts `memory.x` where the linker finds it and passes cortex-m-rt's `link.x`.
//!
//! `.cargo/config.toml` passes `-Tlink.x`, but cargo reads that file relative to the directory
//! it runs in, so `cargo build --manifest-path examples/firmware/Cargo.toml` from the
//! repository root would link without a linker script. Here the flags are added when the
//! rustflags lack them (passing the script twice would define every symbol twice).

use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("memory.x"), include_bytes!("memory.x")).expect("OUT_DIR is writable");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    println!("cargo:rerun-if-changed=build.rs");
    let rustflags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let bare_metal = env::var("TARGET").is_ok_and(|t| t.starts_with("thumb"));
    if bare_metal && !rustflags.contains("-Tlink.x") {
        println!("cargo:rustc-link-arg-bins=--nmagic");
        println!("cargo:rustc-link-arg-bins=-Tlink.x");
    }
}

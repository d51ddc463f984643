//! `rekry-kiosk`: starts the touchscreen app, or runs a subcommand (see `--help`).

use std::process::ExitCode;

fn main() -> ExitCode {
    rekry_kiosk::cli::main()
}

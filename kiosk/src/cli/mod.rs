//! The `rekry-kiosk` command line.
//!
//! With no subcommand it starts the touchscreen app. Subcommands print human-readable text by
//! default and JSON with `--json`. Errors are one line on stderr with a non-zero exit code.

mod report;

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use clap::{Parser, Subcommand, ValueEnum};
use rekry_core::Date;
use rekry_core::indicators::Tertial;
use rekry_core::survey::CatalogueId;

use crate::config::{Config, Paths};
use crate::storage::{AuditEvent, ReportFilter, Store};

type CliResult<T = ExitCode> = Result<T, Box<dyn std::error::Error>>;

/// Rekry kiosk: anonymous candidate feedback and staff ID checks on a touchscreen, with
/// reports, exports and merges from the command line.
///
/// Run without a subcommand to start the touchscreen app.
#[derive(Debug, Parser)]
#[command(name = "rekry-kiosk", version, about, long_about)]
pub struct Cli {
    /// Data directory holding the database (default: the platform's, e.g.
    /// ~/.local/share/rekry-kiosk).
    #[arg(long, global = true, value_name = "DIR", env = "REKRY_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file (default: config.toml in --data-dir if given, else the platform's
    /// config directory, e.g. ~/.config/rekry-kiosk/config.toml).
    #[arg(long, global = true, value_name = "FILE", env = "REKRY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Start the app full screen (kiosk use).
    #[arg(long)]
    pub fullscreen: bool,
    /// What to do; nothing starts the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// NPS with its interval, the score distribution, satisfaction and yes/no shares against
    /// the targets, per event, kiosk and tertial. Cells with fewer than 5 answers are
    /// suppressed; flagged responses are shown and excluded unless --include-flagged.
    Report(ReportArgs),
    /// Export every response and ID check: csv or json for people and spreadsheets, bundle for
    /// importing on another kiosk or at the office.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (written to a temporary file and renamed, so it is never half-written).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge bundles exported by other kiosks, each in one transaction. Importing a bundle
    /// twice changes nothing; a truncated, tampered or newer-version bundle is rejected whole.
    Import {
        /// Bundle files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Set the staff PIN (6–12 digits, not a repeated digit or a run like 123456). Read
    /// without echo from the terminal, or one line from standard input when piped.
    SetPin,
    /// Delete ID checks and redact audit details older than their retention periods (from the
    /// configuration), and log that it did.
    Purge {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The audit log.
    Audit {
        /// What to do with it.
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Store responses in a loop and print each id after its commit (crash testing).
    #[command(hide = true)]
    CrashWriter {
        /// Stop after this many (0: never).
        #[arg(long, default_value_t = 0)]
        count: u64,
    },
}

/// `audit` actions.
#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Verify the hash chain; reports the first broken link and exits non-zero if there is one.
    Verify {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the latest entries.
    List {
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One row per answer.
    Csv,
    /// One document with every response and check.
    Json,
    /// Compact, checksummed bundle for `import`.
    Bundle,
}

/// `report` options.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Only this event.
    #[arg(long)]
    pub event: Option<String>,
    /// Only this kiosk (its id).
    #[arg(long)]
    pub kiosk: Option<String>,
    /// Only this tertial, e.g. "2026 T3" or 2026-T3.
    #[arg(long, value_parser = parse_tertial)]
    pub tertial: Option<Tertial>,
    /// Only this day (UTC), e.g. 2026-11-23.
    #[arg(long, value_parser = parse_date)]
    pub day: Option<Date>,
    /// Include flagged responses (repeated presses, too-fast sessions) in the figures.
    #[arg(long)]
    pub include_flagged: bool,
    /// Survey catalogue (default: the configuration's).
    #[arg(long, value_parser = parse_catalogue)]
    pub catalogue: Option<CatalogueId>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also draw the NPS gauge and score histogram to this PNG file.
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
}

fn parse_tertial(s: &str) -> Result<Tertial, String> {
    Tertial::parse(s).ok_or_else(|| format!("\"{s}\" is not a tertial; write it like \"2026 T3\""))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| format!("\"{s}\": {e}; write it like 2026-11-23"))
}

fn parse_catalogue(s: &str) -> Result<CatalogueId, String> {
    CatalogueId::parse(s).ok_or_else(|| format!("\"{s}\" is not a catalogue; use job-fair or candidate"))
}

/// Runs the command line; the binary's `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One line, whatever the error.
            let msg = e.to_string().replace('\n', " ");
            eprintln!("rekry-kiosk: error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn open_existing(paths: &Paths) -> CliResult<Store> {
    if !paths.database.exists() {
        return Err(
            format!("no database at {} (use --data-dir to point at a kiosk's data)", paths.database.display()).into()
        );
    }
    Ok(Store::open(&paths.database)?)
}

fn open_or_create(paths: &Paths) -> CliResult<Store> {
    create_data_dir(&paths.data_dir)?;
    Ok(Store::open(&paths.database)?)
}

/// Creates the data directory (and parents) if missing; a new one is private to the user
/// (0700 on Unix), since it holds ID check records and the audit log.
fn create_data_dir(dir: &Path) -> CliResult<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| format!("cannot create data directory {}: {e}", dir.display()).into())
}

fn print_json(value: &impl serde::Serialize) -> CliResult<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> CliResult {
    let paths = Paths::resolve(cli.data_dir.as_deref(), cli.config.as_deref())?;
    let config = Config::load(&paths.config)?;
    let Some(command) = cli.command else {
        create_data_dir(&paths.data_dir)?;
        crate::app::run(crate::app::AppOptions {
            data_dir: paths.data_dir.clone(),
            database: paths.database.clone(),
            config_path: paths.config.clone(),
            config,
            fullscreen: cli.fullscreen,
        })?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Report(args) => {
            let store = open_existing(&paths)?;
            let filter = ReportFilter {
                event: args.event,
                kiosk: args.kiosk,
                tertial: args.tertial,
                day: args.day,
                include_flagged: args.include_flagged,
                catalogue: args.catalogue.unwrap_or(config.catalogue),
            };
            let report = store.report(&filter)?;
            if let Some(png) = &args.png {
                report::write_png(&report, png)?;
            }
            if args.json {
                print_json(&report)?;
            } else {
                let mut out = std::io::stdout().lock();
                report::print(&mut out, &report)?;
            }
        }
        Command::Export { format, out, json } => {
            let mut store = open_existing(&paths)?;
            let (name, records) = match format {
                ExportFormat::Csv => ("csv", store.export_csv(&out)?),
                ExportFormat::Json => ("json", store.export_json(&out)?),
                ExportFormat::Bundle => ("bundle", store.export_bundle(&out)?),
            };
            store.audit(AuditEvent::Export { format: name.into(), records })?;
            if json {
                print_json(&serde_json::json!({ "format": name, "records": records, "out": out }))?;
            } else {
                println!("exported {records} records as {name} to {}", out.display());
            }
        }
        Command::Import { files, json } => {
            let mut store = open_or_create(&paths)?;
            let mut reports = Vec::new();
            for file in &files {
                let bar = indicatif::ProgressBar::new(0);
                if !std::io::stderr().is_terminal() {
                    bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
                }
                bar.set_style(
                    indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({per_sec})")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                bar.set_message(file.display().to_string());
                let result = store.import_bundle(file, &mut |done, total| {
                    bar.set_length(total);
                    bar.set_position(done);
                });
                bar.finish_and_clear();
                let r = result?;
                if !json {
                    println!(
                        "{}: {} new responses, {} new ID checks, {} already present (from kiosk {})",
                        file.display(),
                        r.responses,
                        r.checks,
                        r.duplicates,
                        r.from_kiosk
                    );
                }
                reports.push(r);
            }
            if json {
                print_json(&reports)?;
            }
        }
        Command::SetPin => {
            let pin = read_pin()?;
            let mut store = open_or_create(&paths)?;
            store.set_pin(&pin)?;
            println!("staff PIN set");
        }
        Command::Purge { json } => {
            let mut store = open_existing(&paths)?;
            let r = config.retention;
            let report = store.purge(r.id_checks_days, r.audit_details_days, SystemTime::now())?;
            if json {
                print_json(&report)?;
            } else {
                println!(
                    "purged {} ID checks older than {} days; redacted details of {} audit entries older than {} days",
                    report.checks_deleted, r.id_checks_days, report.details_redacted, r.audit_details_days
                );
            }
        }
        Command::Audit { action: AuditAction::Verify { json } } => {
            let store = open_existing(&paths)?;
            let report = store.verify_audit()?;
            if json {
                print_json(&report)?;
            }
            if let Some(b) = &report.first_break {
                if !json {
                    eprintln!("rekry-kiosk: audit chain broken at entry {}: {}", b.seq, b.reason);
                }
                return Ok(ExitCode::from(3));
            }
            if !json {
                println!(
                    "audit chain intact: {} entries ({} with details redacted by purge), head {}",
                    report.entries,
                    report.redacted,
                    report.head.as_deref().unwrap_or("(empty)")
                );
            }
        }
        Command::Audit { action: AuditAction::List { limit, json } } => {
            let store = open_existing(&paths)?;
            let entries = store.audit_entries(limit)?;
            if json {
                print_json(&entries)?;
            } else {
                for e in entries {
                    println!("{:>6}  {}  {:<18} {}", e.seq, e.at, e.kind, e.details.as_deref().unwrap_or("(redacted)"));
                }
            }
        }
        Command::CrashWriter { count } => crash_writer(&paths, &config, count)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn read_pin() -> CliResult<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let pin = rpassword::prompt_password("New staff PIN (6–12 digits): ")?;
        let again = rpassword::prompt_password("Repeat the PIN: ")?;
        if pin != again {
            return Err("the two PINs differ; nothing was changed".into());
        }
        Ok(pin.trim().to_owned())
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        Ok(line.trim().to_owned())
    }
}

/// Stores responses in a loop, printing each id only after its commit, so a test that kills
/// this process knows exactly which responses were acknowledged.
fn crash_writer(paths: &Paths, config: &Config, count: u64) -> CliResult<()> {
    use rekry_core::Lang;
    use rekry_core::survey::{Answer, Response, Value};

    use crate::storage::{NewResponse, ResponseFlags};
    let mut store = open_or_create(paths)?;
    let mut out = std::io::stdout().lock();
    let mut i = 0u64;
    while count == 0 || i < count {
        let mut response = Response::new(CatalogueId::JobFair);
        response.push(Answer::new("recommend", Value::Score((i % 11) as i32))?)?;
        response.push(Answer::new("would_apply", Value::Yes(i.is_multiple_of(2)))?)?;
        let r = NewResponse {
            event: config.event.clone(),
            response,
            lang: Lang::Sv,
            complete: true,
            flags: ResponseFlags { repeated_presses: u32::from(i.is_multiple_of(7)), too_fast: false },
            at: SystemTime::now(),
        };
        let id = store.save_response(&r)?;
        writeln!(out, "{id}")?;
        out.flush()?;
        i += 1;
    }
    Ok(())
}

/// The data directory a command line resolves to (for tests and the app).
pub fn resolve_paths(data_dir: Option<&Path>, config: Option<&Path>) -> CliResult<Paths> {
    Ok(Paths::resolve(data_dir, config)?)
}

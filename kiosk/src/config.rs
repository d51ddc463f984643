//! The kiosk's configuration file (TOML).
//!
//! Every setting has a default, so a missing file is a working configuration. A bad setting
//! is reported with the file name and the line it is on. Unknown keys are errors too, so a
//! typo (`inactivity_reset_sec`) is caught instead of silently ignored.
//!
//! ```toml
//! event = "Jobbmässan Stockholm 2026"
//! catalogue = "job-fair"          # or "candidate"
//! languages = ["sv", "en"]        # offered on the start screen, first is the default
//! partial_answers = "keep"        # or "discard": what happens to a half-finished answer
//!
//! [inactivity]
//! warning_secs = 20               # show a countdown after this long without a touch
//! reset_secs = 30                 # then go back to the start screen
//!
//! [retention]
//! id_checks_days = 90             # ID check records are purged after this many days
//! audit_details_days = 365        # audit entries keep their details this long
//! ```

use std::path::{Path, PathBuf};

use rekry_core::Lang;
use rekry_core::survey::CatalogueId;
use serde::{Deserialize, Serialize};

/// What happens to a half-finished answer when the kiosk resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartialPolicy {
    /// Store it as a partial response (reported apart).
    #[default]
    Keep,
    /// Drop it.
    Discard,
}

/// Inactivity timeouts of the candidate screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Inactivity {
    /// Seconds without a touch before the countdown warning.
    pub warning_secs: u32,
    /// Seconds without a touch before the reset to the start screen.
    pub reset_secs: u32,
}

impl Default for Inactivity {
    fn default() -> Self {
        Inactivity { warning_secs: 20, reset_secs: 30 }
    }
}

/// Retention periods for personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// Days an ID check record is kept.
    pub id_checks_days: u32,
    /// Days an audit entry keeps its details (the hash chain itself is kept).
    pub audit_details_days: u32,
}

impl Default for Retention {
    fn default() -> Self {
        // A check matters until the hire is settled; a quarter covers a recruitment round.
        // Audit details serve a yearly review.
        Retention { id_checks_days: 90, audit_details_days: 365 }
    }
}

/// The kiosk's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The event responses are filed under.
    pub event: String,
    /// The survey asked.
    pub catalogue: CatalogueId,
    /// Languages offered, the first being the default.
    pub languages: Vec<Lang>,
    /// Keep or discard half-finished answers.
    pub partial_answers: PartialPolicy,
    /// Inactivity timeouts.
    pub inactivity: Inactivity,
    /// Retention periods.
    pub retention: Retention,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            event: "Rekry".into(),
            catalogue: CatalogueId::JobFair,
            languages: vec![Lang::Sv, Lang::En],
            partial_answers: PartialPolicy::Keep,
            inactivity: Inactivity::default(),
            retention: Retention::default(),
        }
    }
}

/// Why a configuration could not be loaded or saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A bad setting, with the line it is on (1-based).
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the bad setting.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file exists but cannot be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        reason: String,
    },
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes().iter().take(offset).filter(|&&b| b == b'\n').count() + 1
}

/// Finds the line of `key = …` (first occurrence) for cross-field errors.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

impl Config {
    /// Loads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError::Io { path: path.to_path_buf(), reason: e.to_string() }),
        }
    }

    /// Parses configuration text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            ConfigError::Invalid { path: path.to_path_buf(), line, message: e.message().trim().to_owned() }
        })?;
        let invalid = |key: &str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: line_of_key(text, key),
            message,
        };
        config.check().map_err(|(key, message)| invalid(key, message))?;
        Ok(config)
    }

    /// Cross-field checks; returns the offending key and a message.
    fn check(&self) -> Result<(), (&'static str, String)> {
        if self.event.trim().is_empty() {
            return Err(("event", "`event` must not be empty".into()));
        }
        if self.languages.is_empty() {
            return Err(("languages", "`languages` must list at least one of \"sv\", \"en\"".into()));
        }
        if self.inactivity.warning_secs == 0 {
            return Err(("warning_secs", "`warning_secs` must be at least 1".into()));
        }
        if self.inactivity.reset_secs <= self.inactivity.warning_secs {
            return Err((
                "reset_secs",
                format!(
                    "`reset_secs` ({}) must be longer than `warning_secs` ({})",
                    self.inactivity.reset_secs, self.inactivity.warning_secs
                ),
            ));
        }
        Ok(())
    }

    /// Writes the configuration to `path` atomically (temporary file, sync, rename), for the
    /// settings screen. Refuses an invalid configuration.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        use std::io::Write;
        let io = |e: std::io::Error| ConfigError::Io { path: path.to_path_buf(), reason: e.to_string() };
        self.check().map_err(|(_, message)| ConfigError::Invalid { path: path.to_path_buf(), line: 0, message })?;
        let text = toml::to_string_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = dir.join(format!(".config.toml.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(io)
    }
}

/// Where the kiosk keeps its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The database file in it.
    pub database: PathBuf,
    /// The configuration file.
    pub config: PathBuf,
}

/// Database file name inside the data directory.
pub const DATABASE_FILE: &str = "rekry-kiosk.sqlite3";
/// Configuration file name.
pub const CONFIG_FILE: &str = "config.toml";

impl Paths {
    /// The platform's directories (XDG on Linux: `~/.local/share/rekry-kiosk`,
    /// `~/.config/rekry-kiosk/config.toml`), overridden by `data_dir` and `config`. With
    /// `data_dir` given and no `config`, the configuration lives in the data directory, so
    /// one directory holds a whole kiosk.
    pub fn resolve(data_dir: Option<&Path>, config: Option<&Path>) -> Result<Paths, ConfigError> {
        let dirs = || {
            directories::ProjectDirs::from("se", "Rekry", "rekry-kiosk").ok_or_else(|| ConfigError::Io {
                path: PathBuf::from("~"),
                reason: "no home directory found; pass --data-dir".into(),
            })
        };
        let (data_dir, config) = match (data_dir, config) {
            (Some(d), Some(c)) => (d.to_path_buf(), c.to_path_buf()),
            (Some(d), None) => (d.to_path_buf(), d.join(CONFIG_FILE)),
            (None, Some(c)) => (dirs()?.data_dir().to_path_buf(), c.to_path_buf()),
            (None, None) => {
                let dirs = dirs()?;
                (dirs.data_dir().to_path_buf(), dirs.config_dir().join(CONFIG_FILE))
            }
        };
        Ok(Paths { database: data_dir.join(DATABASE_FILE), data_dir, config })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults() {
        let c = Config::load(Path::new("/nonexistent/rekry/config.toml")).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!((c.inactivity.warning_secs, c.inactivity.reset_secs), (20, 30));
    }

    #[test]
    fn full_file_parses() {
        let text = "event = \"Mässan\"\ncatalogue = \"candidate\"\nlanguages = [\"en\"]\npartial_answers = \"discard\"\n\
                    [inactivity]\nwarning_secs = 15\nreset_secs = 25\n[retention]\nid_checks_days = 30\n";
        let c = Config::parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(c.catalogue, CatalogueId::Candidate);
        assert_eq!(c.languages, [Lang::En]);
        assert_eq!(c.partial_answers, PartialPolicy::Discard);
        assert_eq!(c.inactivity, Inactivity { warning_secs: 15, reset_secs: 25 });
        assert_eq!(c.retention, Retention { id_checks_days: 30, audit_details_days: 365 });
    }

    #[test]
    fn bad_setting_names_its_line() {
        let text = "event = \"x\"\n\ncatalogue = \"jobfair\"\n";
        let e = Config::parse(text, Path::new("c.toml")).unwrap_err();
        let ConfigError::Invalid { line, message, .. } = &e else { panic!("{e}") };
        assert_eq!(*line, 3, "{e}");
        assert!(message.contains("jobfair") || message.contains("variant"), "{message}");
        assert!(e.to_string().starts_with("c.toml:3: "), "{e}");
    }

    #[test]
    fn unknown_key_and_cross_field_errors_name_their_line() {
        let e = Config::parse("event = \"x\"\n[inactivity]\nreset_sec = 5\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().starts_with("c.toml:3: "), "{e}");
        let e = Config::parse("[inactivity]\nwarning_secs = 30\nreset_secs = 10\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().starts_with("c.toml:3: ") && e.to_string().contains("longer"), "{e}");
        let e = Config::parse("languages = []\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().starts_with("c.toml:1: "), "{e}");
    }

    #[test]
    fn paths_keep_a_whole_kiosk_in_one_data_dir() {
        let p = Paths::resolve(Some(Path::new("/srv/kiosk")), None).unwrap();
        assert_eq!(p.database, Path::new("/srv/kiosk").join(DATABASE_FILE));
        assert_eq!(p.config, Path::new("/srv/kiosk/config.toml"));
        let p = Paths::resolve(Some(Path::new("/srv/kiosk")), Some(Path::new("/etc/rekry.toml"))).unwrap();
        assert_eq!(p.config, Path::new("/etc/rekry.toml"));
        // Without --data-dir, the platform's directories (XDG on Linux).
        if let Ok(p) = Paths::resolve(None, None) {
            assert!(p.data_dir.ends_with("rekry-kiosk"), "{p:?}");
            assert!(p.config.ends_with("rekry-kiosk/config.toml"), "{p:?}");
        }
    }

    #[test]
    fn save_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        let mut c =
            Config { event: "Höstmässan \"2026\"".into(), catalogue: CatalogueId::Candidate, ..Config::default() };
        c.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), c);
        c.inactivity.reset_secs = 1;
        assert!(c.save(&path).is_err());
    }
}

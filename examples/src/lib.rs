//! Helpers the examples share: reading NPS scores from a CSV file or stdin.
//!
//! `nps_report` and `gauge_png` read the same input, so the rules live here once:
//!
//! - one score 0–10 per line, or a header line with a `score` column (separated by `,`, `;`
//!   or tabs; other columns are ignored);
//! - blank lines and lines starting with `#` are skipped; a UTF-8 byte-order mark and `\r\n`
//!   line ends are accepted; fields may be quoted;
//! - anything else is a [`BadRow`] with its 1-based line number and the reason.
//!
//! Reading is bounded: lines longer than [`MAX_LINE`] bytes are reported, not buffered, and at
//! most [`MAX_REPORTED`] bad rows are kept (all are counted), so a huge or binary file costs
//! constant memory and never panics.
//!
//! ```
//! use rekry_examples::read_scores;
//! let input = "# kiosk 3\nscore,kiosk\n10,a\n9,b\n\n11,c\nsix,d\n";
//! let file = read_scores(input.as_bytes()).unwrap();
//! assert_eq!(file.tally.n(), 2);
//! assert_eq!(file.bad_total, 2);
//! assert_eq!(file.bad_rows[0].line, 6);
//! assert_eq!(file.bad_rows[0].reason, "11 is outside 0–10");
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader};

use rekry_core::nps::{NpsTally, Score};

/// Longest line read, in bytes; longer lines are bad rows.
pub const MAX_LINE: usize = 4096;
/// Most bad rows kept with their reasons (the rest are only counted).
pub const MAX_REPORTED: usize = 100;

/// A line that is not a valid score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based line number.
    pub line: u64,
    /// What is wrong, for a person.
    pub reason: String,
}

/// What [`read_scores`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreFile {
    /// The valid scores.
    pub tally: NpsTally,
    /// The first [`MAX_REPORTED`] bad rows.
    pub bad_rows: Vec<BadRow>,
    /// Every bad row, counted.
    pub bad_total: u64,
    /// Lines read, including blank lines and comments.
    pub lines: u64,
}

impl ScoreFile {
    fn bad(&mut self, line: u64, reason: impl Into<String>) {
        self.bad_total += 1;
        if self.bad_rows.len() < MAX_REPORTED {
            self.bad_rows.push(BadRow { line, reason: reason.into() });
        }
    }
}

/// Where the score column is once the first content line has been seen.
#[derive(Debug, Clone, Copy)]
enum Layout {
    Unknown,
    Single,
    Column { separator: char, index: usize },
}

/// Opens `path` for reading, or stdin for `None` or `"-"`.
pub fn open_input(path: Option<&str>) -> io::Result<Box<dyn BufRead>> {
    match path {
        None | Some("-") => Ok(Box::new(io::stdin().lock())),
        Some(p) => Ok(Box::new(BufReader::new(File::open(p)?))),
    }
}

/// Parses one field as a score: an integer 0–10, surrounding spaces and quotes allowed.
pub fn parse_score(field: &str) -> Result<Score, String> {
    let f = unquote(field.trim());
    if f.is_empty() {
        return Err("empty score".into());
    }
    match f.parse::<i64>() {
        Ok(v) => Score::from_i64(v).map_err(|_| format!("{v} is outside 0–10")),
        Err(_) => Err(format!("{:?} is not a whole number 0–10", shorten(f))),
    }
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).map_or(s, str::trim)
}

/// At most 40 characters of `s`, for error messages about garbage input.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

fn header_layout(line: &str) -> Option<Layout> {
    let separator = [',', ';', '\t'].into_iter().find(|&c| line.contains(c));
    let Some(separator) = separator else {
        return unquote(line.trim()).eq_ignore_ascii_case("score").then_some(Layout::Single);
    };
    line.split(separator)
        .position(|f| unquote(f.trim()).eq_ignore_ascii_case("score"))
        .map(|index| Layout::Column { separator, index })
}

/// Reads scores from `reader` (see the [crate docs](crate) for the format).
///
/// Only I/O errors are errors; bad content is reported in [`ScoreFile::bad_rows`].
pub fn read_scores<R: BufRead>(mut reader: R) -> io::Result<ScoreFile> {
    let mut file = ScoreFile::default();
    let mut layout = Layout::Unknown;
    let mut buf = Vec::with_capacity(256);
    loop {
        let (ended, too_long) = read_line_bounded(&mut reader, &mut buf)?;
        if ended && buf.is_empty() && !too_long {
            break;
        }
        file.lines += 1;
        let n = file.lines;
        if too_long {
            file.bad(n, format!("line longer than {MAX_LINE} bytes"));
        } else {
            let bytes = if n == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf[..] };
            match std::str::from_utf8(bytes) {
                Err(_) => file.bad(n, "not valid UTF-8 text"),
                Ok(text) => read_line(&mut file, &mut layout, n, text),
            }
        }
        if ended {
            break;
        }
    }
    Ok(file)
}

fn read_line(file: &mut ScoreFile, layout: &mut Layout, n: u64, text: &str) {
    let text = text.trim();
    if text.is_empty() || text.starts_with('#') {
        return;
    }
    if let Layout::Unknown = layout {
        if let Some(found) = header_layout(text) {
            *layout = found;
            return;
        }
        // No header: one score per line. A first line that is neither a header nor a score
        // is reported like any other bad row.
        *layout = Layout::Single;
    }
    let field = match *layout {
        Layout::Column { separator, index } => match text.split(separator).nth(index) {
            Some(f) => f,
            None => return file.bad(n, format!("no value in the score column (column {})", index + 1)),
        },
        _ => text,
    };
    match parse_score(field) {
        Ok(score) => {
            if file.tally.record(score).is_err() {
                file.bad(n, "too many answers for one score (over 4,294,967,295)");
            }
        }
        Err(reason) => file.bad(n, reason),
    }
}

/// Reads one line into `buf` (without the `\n` or `\r\n`), keeping at most [`MAX_LINE`]
/// bytes. Returns (end of input reached, line was too long).
fn read_line_bounded<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>) -> io::Result<(bool, bool)> {
    buf.clear();
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((true, too_long));
        }
        let (chunk, used, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        if !too_long {
            if buf.len() + chunk.len() > MAX_LINE {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        if done {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok((false, too_long));
        }
    }
}

/// The sample tally the examples use without input: the recruitment unit's 2025 result,
/// 110 promoters, 13 passives and 2 detractors of 125 (NPS 86.4).
pub fn sample_tally() -> NpsTally {
    NpsTally::from_counts([1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &[u8]) -> ScoreFile {
        read_scores(s).unwrap()
    }

    #[test]
    fn plain_scores_with_comments_and_blank_lines() {
        let f = read(b"# header comment\n10\n\n 9 \r\n0\n# 3\n");
        assert_eq!(f.tally.n(), 3);
        assert_eq!(f.bad_total, 0);
        assert_eq!(f.lines, 6);
    }

    #[test]
    fn header_with_score_column() {
        let f = read(b"\xEF\xBB\xBFkiosk;\"Score\"\nA;7\nB;\"8\"\nC\n");
        assert_eq!(f.tally.n(), 2);
        assert_eq!(f.bad_rows, [BadRow { line: 4, reason: "no value in the score column (column 2)".into() }]);
    }

    #[test]
    fn bad_rows_have_line_numbers() {
        let f = read(b"5\n-1\n7.5\n\xFF\xFE\n10");
        assert_eq!(f.tally.n(), 2);
        let lines: Vec<u64> = f.bad_rows.iter().map(|b| b.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert_eq!(f.bad_rows[0].reason, "-1 is outside 0–10");
    }

    #[test]
    fn huge_lines_and_garbage_are_bounded() {
        let mut input = vec![b'x'; MAX_LINE * 3];
        input.extend_from_slice(b"\n9\n");
        input.extend((0..=255u8).cycle().take(100_000));
        let f = read(&input);
        assert_eq!(f.bad_rows[0], BadRow { line: 1, reason: format!("line longer than {MAX_LINE} bytes") });
        assert_eq!(f.tally.n(), 1);
        assert!(f.bad_rows.len() <= MAX_REPORTED);
    }

    #[test]
    fn empty_input_is_empty() {
        assert_eq!(read(b""), ScoreFile::default());
        assert_eq!(read(b"\n\n").tally.n(), 0);
    }

    #[test]
    fn a_header_without_score_is_a_bad_row() {
        let f = read(b"name,rating\nx,9\n");
        assert_eq!(f.tally.n(), 0);
        assert_eq!(f.bad_total, 2);
    }
}

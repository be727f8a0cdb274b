//! Reading RON data files with errors a person can act on: the file, line, column and what is
//! wrong. Shared by the bundled assets, the app's own data and (later) plan files.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Largest file accepted from outside (plan files); anything bigger is refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Largest file of the app's own we read (history grows about 0.6 MB a year of daily use).
pub const MAX_OWN_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Why a data file could not be used: the file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", self.file, self.place())]
pub struct DataFileError {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the text.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Every problem found in a file (or in the files read together), each located, in order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines())]
pub struct FileProblems(pub Vec<DataFileError>);

impl FileProblems {
    pub fn one(problem: DataFileError) -> Self {
        Self(vec![problem])
    }

    /// One `FILE:LINE:COL: message` line per problem.
    pub fn lines(&self) -> String {
        self.0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl From<DataFileError> for FileProblems {
    fn from(problem: DataFileError) -> Self {
        Self::one(problem)
    }
}

impl std::ops::Deref for FileProblems {
    type Target = [DataFileError];

    fn deref(&self) -> &[DataFileError] {
        &self.0
    }
}

impl IntoIterator for FileProblems {
    type Item = DataFileError;
    type IntoIter = std::vec::IntoIter<DataFileError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a FileProblems {
    type Item = &'a DataFileError;
    type IntoIter = std::slice::Iter<'a, DataFileError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl DataFileError {
    /// `:LINE:COL` when the problem has a place, or nothing.
    fn place(&self) -> String {
        self.position
            .map(|(line, col)| format!(":{line}:{col}"))
            .unwrap_or_default()
    }

    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            message: message.into(),
        }
    }

    pub fn at(file: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            position: Some((line, col)),
            message: message.into(),
        }
    }
}

/// Check raw bytes are a plausible text file from outside (at most 1 MiB) and return the text.
pub fn text_from_bytes<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataFileError> {
    text_within(file, bytes, MAX_FILE_BYTES)
}

/// The same check with a size limit of the caller's choosing.
pub fn text_within<'a>(
    file: &str,
    bytes: &'a [u8],
    max_bytes: usize,
) -> Result<&'a str, DataFileError> {
    if bytes.len() > max_bytes {
        return Err(DataFileError::new(
            file,
            format!(
                "the file is {} bytes; files over {} ({max_bytes} bytes) are refused",
                bytes.len(),
                limit_text(max_bytes)
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            return Err(DataFileError::at(
                file,
                line,
                col,
                "the file is not UTF-8 text (save it as UTF-8)",
            ));
        }
    };
    // Some editors start UTF-8 files with a byte-order mark: it is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DataFileError::new(file, "the file is empty"));
    }
    Ok(text)
}

/// "1 MiB" for a limit in bytes.
fn limit_text(max_bytes: usize) -> String {
    format!("{} MiB", max_bytes / (1024 * 1024))
}

/// Parse RON text into `T`, mapping errors to the file, line and column.
pub fn parse_ron<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataFileError> {
    ron::from_str(text).map_err(|err| {
        let (line, col) = (err.span.start.line, err.span.start.col);
        let message = match &err.code {
            ron::Error::Message(message) => date_problem(message)
                .map(
                    |problem| match super::ron_spans::SpanIndex::build(text).path_at(line, col) {
                        Some(path) => format!("{path}: {problem}"),
                        None => problem,
                    },
                )
                .unwrap_or_else(|| describe_ron_error(&err.code)),
            code => describe_ron_error(code),
        };
        DataFileError::at(file, line, col, message)
    })
}

/// A date or time that chrono could not read, in words a person can act on; `None` for any
/// other message.
fn date_problem(message: &str) -> Option<String> {
    let why = match message {
        "input is out of range" => "a part of it is out of range (such as 30 February or hour 25)",
        "input contains invalid characters" => "it has characters a date or time cannot have",
        "premature end of input" => "it is cut short",
        "trailing input" => "it has extra characters at the end",
        "no possible date and time matching input"
        | "input is not enough for unique date and time" => "it is incomplete",
        _ => return None,
    };
    Some(format!(
        "not a real date or time: {why}; write dates as 2026-12-01 and times as 2026-12-01T07:30:00+01:00"
    ))
}

/// Reads just the schema version of a file, whatever else it holds.
#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

/// The schema version when the text opens with it, as every file the app writes does:
/// `(` then `schema_version:` and digits, then `,` or `)`, with only whitespace between.
fn leading_version(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("schema_version")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if digits == 0 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Parse a versioned RON file: refuse versions newer than `current` (written by a newer app),
/// and hand older ones to `migrate` (text, found version) before parsing as `T`.
pub fn parse_versioned<T: DeserializeOwned>(
    file: &str,
    text: &str,
    current: u32,
    migrate: impl FnOnce(&str, u32) -> Result<String, DataFileError>,
) -> Result<T, DataFileError> {
    // The app's own files begin with their version: read it there rather than parsing the
    // whole file twice (half of reading a ten-year history). Anything else is probed in full.
    let probe = match leading_version(text) {
        Some(schema_version) => VersionProbe { schema_version },
        None => parse_ron(file, text).map_err(|mut err: DataFileError| {
            // The probe's own type name means nothing to the person reading the message.
            err.message = err
                .message
                .replace("struct `VersionProbe`", "a record `(schema_version: …, …)`");
            err
        })?,
    };
    // Where the version stands, so the message can point at it.
    let at_version =
        |message: String| match super::ron_spans::SpanIndex::build(text).find("schema_version") {
            Some((line, col)) => DataFileError::at(file, line, col, message),
            None => DataFileError::new(file, message),
        };
    match probe.schema_version {
        v if v == current => parse_ron(file, text),
        0 => Err(at_version(
            "schema_version: 0 is not a version Strongback has ever written (they start at 1)"
                .to_owned(),
        )),
        v if v > current => Err(at_version(format!(
            "schema_version: {v} is newer than this version of Strongback understands ({current}); update the app"
        ))),
        v => {
            let migrated = migrate(text, v)?;
            parse_ron(file, &migrated)
        }
    }
}

/// Read a regular file of at most `max_bytes`. The size is checked before reading, and the
/// read stops past the limit, so a huge file, a device or a FIFO is refused without reading
/// it all (or waiting on it).
pub fn read_bounded(path: &Path, max_bytes: usize) -> Result<Vec<u8>, DataFileError> {
    use std::io::Read as _;
    let name = path.display().to_string();
    let cannot_read =
        |err: std::io::Error| DataFileError::new(&name, format!("cannot read: {err}"));
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(DataFileError::new(
            &name,
            "not a regular file (a folder, device or pipe cannot be read as one)",
        ));
    }
    let too_big = |bytes: u64| {
        DataFileError::new(
            &name,
            format!(
                "the file is {bytes} bytes; files over {} ({max_bytes} bytes) are refused",
                limit_text(max_bytes)
            ),
        )
    };
    if metadata.len() > max_bytes as u64 {
        return Err(too_big(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() > max_bytes {
        // It grew while being read.
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Read one of the app's own files (or a days file from outside, with `max_bytes` set to
/// [`MAX_FILE_BYTES`]) from disk, through [`read_bounded`] and [`parse_versioned`].
pub fn read_versioned<T: DeserializeOwned>(
    path: &Path,
    max_bytes: usize,
    current: u32,
    migrate: impl FnOnce(&str, u32) -> Result<String, DataFileError>,
) -> Result<T, DataFileError> {
    let name = path.display().to_string();
    let bytes = read_bounded(path, max_bytes)?;
    let text = text_within(&name, &bytes, max_bytes)?;
    parse_versioned(&name, text, current, migrate)
}

/// Pretty RON for files people may open in an editor.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new().depth_limit(6))
}

/// For files whose only version so far is the current one: an older version cannot exist.
pub fn no_older_versions(file: &str) -> impl FnOnce(&str, u32) -> Result<String, DataFileError> {
    let file = file.to_owned();
    move |_, found| {
        Err(DataFileError::new(
            &file,
            format!("schema_version {found} is not a version Strongback has ever written"),
        ))
    }
}

fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error;
    // " in `Exercise`" when RON knows the enclosing type.
    let within = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    match code {
        Error::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", within(outer))
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; allowed: `{}`",
            within(outer),
            expected.join("`, `")
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not allowed{}; use one of `{}`",
            within(outer),
            expected.join("`, `")
        ),
        // In the person's words, not the parser's settings.
        Error::ExceededRecursionLimit => {
            "values are nested too deeply here; a Strongback file is only a few levels deep"
                .to_owned()
        }
        Error::IntegerOutOfBounds => "this number is too large for its field".to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn parser_limits_are_said_in_plain_words() {
        let deep = describe_ron_error(&ron::Error::ExceededRecursionLimit);
        assert!(deep.contains("nested too deeply"), "{deep}");
        assert!(!deep.contains("recursion_limit"), "{deep}");
        let big = describe_ron_error(&ron::Error::IntegerOutOfBounds);
        assert!(big.contains("too large for its field"), "{big}");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let text = text_within("f.ron", "\u{feff}(a: 1)".as_bytes(), 100).expect("read");
        assert_eq!(text, "(a: 1)");
    }
}

#[cfg(test)]
mod tests {
    use super::leading_version;

    #[test]
    fn the_leading_version_is_read_only_where_the_app_writes_it() {
        assert_eq!(
            leading_version("(\n    schema_version: 2,\n days: [])"),
            Some(2)
        );
        assert_eq!(leading_version("  ( schema_version :7 )"), Some(7));
        // Anything else goes to the full parse, which says what is wrong and where.
        assert_eq!(leading_version("(days: [], schema_version: 2)"), None);
        assert_eq!(leading_version("(schema_version: 2x, days: [])"), None);
        assert_eq!(leading_version("(schema_version: -1)"), None);
        assert_eq!(leading_version("(schema_version: 99999999999)"), None);
        assert_eq!(leading_version("// note\n(schema_version: 2)"), None);
        assert_eq!(leading_version("(schema_version: )"), None);
    }

    #[test]
    fn a_date_out_of_range_names_its_field_and_the_fix() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Dated {
            date: chrono::NaiveDate,
        }
        let err = super::parse_ron::<Dated>("days.ron", "(\n    date: \"2026-02-30\",\n)")
            .expect_err("30 February is no date");
        assert_eq!(err.position.map(|(line, _)| line), Some(2), "{err:?}");
        assert!(
            err.message.starts_with("date: not a real date"),
            "{}",
            err.message
        );
        assert!(err.message.contains("30 February"), "{}", err.message);
        assert!(
            !err.message.contains("input is out of range"),
            "{}",
            err.message
        );
        let err = super::parse_ron::<Dated>("days.ron", "(date: \"2026-12-01x\")")
            .expect_err("trailing characters");
        assert!(err.message.contains("extra characters"), "{}", err.message);
    }
}

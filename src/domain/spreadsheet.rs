//! Spreadsheets in and out, as CSV that Excel and LibreOffice open with accents intact:
//! UTF-8 with a byte-order mark, CRLF line ends, every cell quoted, and a leading
//! `= + - @` neutralised so that a spreadsheet never runs someone's text as a formula.
//! Reading accepts what those programs save: with or without the mark, comma-, semicolon-
//! or tab-separated (Excel in much of Europe saves with semicolons).

use std::borrow::Cow;

/// A CSV file being written.
pub struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Sheet {
    /// A sheet whose first row is `headers` (in words: people read them).
    pub fn new(headers: &[&str]) -> Self {
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .from_writer("\u{feff}".as_bytes().to_vec());
        // Writing to memory cannot fail.
        let _ = writer.write_record(headers);
        Self { writer }
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let cells: Vec<Cow<'_, str>> = cells
            .into_iter()
            .map(|cell| Cow::Owned(neutralised(cell.as_ref()).into_owned()))
            .collect();
        let _ = self.writer.write_record(cells.iter().map(|c| c.as_bytes()));
    }

    pub fn finish(self) -> String {
        let bytes = self.writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// A cell's text with a leading formula character defused by a quote.
fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell as a person meant it: the quote [`Sheet`] put before a formula character is
/// taken off again, so an exported file imports unchanged.
fn restored(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("row {row}: {message}")]
    Malformed { row: usize, message: String },
    #[error("the file has more than {0} rows")]
    TooLong(usize),
}

/// A CSV file read: its header row and the rows under it, each with its row number as a
/// spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads a CSV file of at most `max_rows` rows under its header; cells are trimmed and
/// blank rows skipped.
pub fn read(text: &str, max_rows: usize) -> Result<Table, ReadError> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    if first_line.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    // Rows are counted as records: a cell spanning lines is one row, as in a spreadsheet;
    // wholly empty lines (which spreadsheets do not save) are not counted.
    for (index, record) in reader.records().enumerate() {
        let row = index + 1;
        let record = record.map_err(|err| ReadError::Malformed {
            row,
            message: match err.kind() {
                csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".to_string(),
                _ => "cannot be read as CSV (a quote left open?)".to_string(),
            },
        })?;
        let cells: Vec<String> = record
            .iter()
            .map(|cell| restored(cell.trim()).to_string())
            .collect();
        if headers.is_none() {
            headers = Some(cells);
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if rows.len() == max_rows {
            return Err(ReadError::TooLong(max_rows));
        }
        rows.push((row, cells));
    }
    Ok(Table {
        headers: headers.ok_or(ReadError::Empty)?,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_has_a_byte_order_mark_crlf_and_no_formulas() {
        let mut sheet = Sheet::new(&["Given name", "Organization"]);
        sheet.row(["Ñúñez, \"Ama\"", "=HYPERLINK(\"x\")"]);
        sheet.row(["-1", "+33 ONG"]);
        assert_eq!(
            sheet.finish(),
            "\u{feff}\"Given name\",\"Organization\"\r\n\
             \"Ñúñez, \"\"Ama\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n\
             \"'-1\",\"'+33 ONG\"\r\n"
        );
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let mut sheet = Sheet::new(&["A", "B"]);
        sheet.row(["=1+1", "line\nbreak, and \"quotes\""]);
        let table = read(&sheet.finish(), 10).unwrap();
        assert_eq!(table.headers, ["A", "B"]);
        assert_eq!(
            table.rows,
            [(
                2,
                vec![
                    "=1+1".to_string(),
                    "line\nbreak, and \"quotes\"".to_string()
                ]
            )]
        );
    }

    #[test]
    fn semicolons_and_tabs_are_read_too_and_blank_rows_skipped() {
        let table = read("Given name;Family name\r\nAna;PÉREZ\r\n;\r\nLi;WEI\r\n", 10).unwrap();
        assert_eq!(table.headers, ["Given name", "Family name"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            table.rows[1],
            (4, vec!["Li".to_string(), "WEI".to_string()])
        );
        let table = read("A\tB\n1\t2\n", 10).unwrap();
        assert_eq!(table.rows[0].1, ["1", "2"]);
    }

    #[test]
    fn empty_and_long_files_are_refused() {
        assert_eq!(read("", 10), Err(ReadError::Empty));
        assert_eq!(read("\u{feff}\r\n", 10), Err(ReadError::Empty));
        assert_eq!(read("A\n1\n2\n3\n", 2), Err(ReadError::TooLong(2)));
    }
}

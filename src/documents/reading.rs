//! What the library reads out of an uploaded PDF: its words, so that search finds what is
//! only inside the file, and its first page as a small picture for the document's page.
//!
//! The words come from `pdf-extract`, the picture from `hayro` (both pure Rust). A PDF is
//! whatever an organizer uploaded, so it is read where it can do no harm: in a short-lived
//! `roundtable read-pdf` process (the program `serve` also typesets in, see
//! [`crate::pdf::child`]), given only the file on its standard input, killed after
//! [`TIME_LIMIT`]; a parser that panics, loops or swells takes only that process down.
//! A process that chose no program (tests, a library user) reads in itself, off the async
//! threads, a panic caught. A PDF that cannot be read is still kept: it only has no words
//! and no picture.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

/// The most text kept of one PDF (characters): about 300 pages of prose.
pub const TEXT_MAX: usize = 1_000_000;
/// The width of a thumbnail, in pixels.
pub const THUMBNAIL_WIDTH: f32 = 240.0;
/// The longest a reading may take.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What was read of a PDF.
#[derive(Debug, Default, PartialEq)]
pub struct Reading {
    /// Its words, spaces and lines tidied, at most [`TEXT_MAX`] characters.
    pub text: String,
    /// Its first page as a PNG [`THUMBNAIL_WIDTH`] pixels wide, when it could be drawn.
    pub thumbnail: Option<Vec<u8>>,
}

/// How many PDFs are read at once (each reader holds a PDF of up to `documents.max_mb`).
static READERS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// Reads a PDF: in a child process when `serve` chose a program, else here; two at a
/// time at most.
pub async fn read(pdf: axum::body::Bytes) -> Reading {
    let Ok(_turn) = READERS.acquire().await else {
        return Reading::default();
    };
    match crate::pdf::child::program() {
        Some(program) => match in_child(program, &pdf).await {
            Ok(reading) => reading,
            Err(err) => {
                tracing::warn!(error = %err, "an uploaded PDF could not be read");
                Reading::default()
            }
        },
        None => tokio::task::spawn_blocking(move || read_here(&pdf))
            .await
            .unwrap_or_default(),
    }
}

/// Reads a PDF in this process; what panics or fails is left out.
pub fn read_here(pdf: &[u8]) -> Reading {
    let text = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(pdf).ok()
    }))
    .ok()
    .flatten()
    .map(|text| tidy(&text))
    .unwrap_or_default();
    let thumbnail = catch_unwind(AssertUnwindSafe(|| first_page(pdf)))
        .ok()
        .flatten();
    Reading { text, thumbnail }
}

/// The text with runs of blanks made one space and blank lines one line break, cut at
/// [`TEXT_MAX`] characters.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(TEXT_MAX));
    let mut count = 0;
    // No NUL or other control character (what a font without a map to Unicode gives):
    // PostgreSQL refuses NUL in text.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    for line in text.lines() {
        let words = line.split_whitespace();
        let mut first = true;
        for word in words {
            let sep = if first && !out.is_empty() {
                "\n"
            } else if first {
                ""
            } else {
                " "
            };
            first = false;
            count += sep.len() + word.chars().count();
            if count > TEXT_MAX {
                return out;
            }
            out.push_str(sep);
            out.push_str(word);
        }
    }
    out
}

/// The first page drawn [`THUMBNAIL_WIDTH`] wide on white, as a PNG.
fn first_page(pdf: &[u8]) -> Option<Vec<u8>> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;

    let pdf = Pdf::new(pdf.to_vec()).ok()?;
    let pages = pdf.pages();
    let page = pages.first()?;
    let (width, height) = page.render_dimensions();
    if !(width.is_finite() && height.is_finite()) || width < 1.0 || height < 1.0 {
        return None;
    }
    // A page far taller than wide would make a huge picture: at most three widths tall.
    let scale = THUMBNAIL_WIDTH / width;
    if height * scale > THUMBNAIL_WIDTH * 3.0 {
        return None;
    }
    let cache = hayro::RenderCache::new();
    let pixmap = hayro::render(
        page,
        &cache,
        &InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    pixmap.into_png().ok()
}

async fn in_child(program: &std::path::Path, pdf: &[u8]) -> Result<Reading, String> {
    let mut child = tokio::process::Command::new(program)
        .arg("read-pdf")
        .env_clear()
        .env("MALLOC_ARENA_MAX", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|err| format!("could not start {}: {err}", program.display()))?;
    let mut stdin = child.stdin.take().ok_or("no input to the reader")?;
    let output = tokio::time::timeout(TIME_LIMIT, async {
        // The child reads its whole input before it writes: hand it over, then wait.
        stdin
            .write_all(pdf)
            .await
            .map_err(|err| format!("could not hand the PDF over: {err}"))?;
        drop(stdin);
        child
            .wait_with_output()
            .await
            .map_err(|err| format!("lost the reading process: {err}"))
    })
    .await
    .map_err(|_| format!("nothing read after {} s", TIME_LIMIT.as_secs()))??;
    if !output.status.success() {
        return Err(format!("the reading process ended with {}", output.status));
    }
    decode(&output.stdout).ok_or_else(|| "the reading process wrote nonsense".to_string())
}

/// The child's answer: the text's length in 8 bytes (little-endian), the text, then the
/// PNG (nothing when there is no thumbnail).
fn encode(reading: &Reading) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + reading.text.len());
    out.extend_from_slice(&(reading.text.len() as u64).to_le_bytes());
    out.extend_from_slice(reading.text.as_bytes());
    if let Some(png) = &reading.thumbnail {
        out.extend_from_slice(png);
    }
    out
}

fn decode(bytes: &[u8]) -> Option<Reading> {
    let length = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
    let text = bytes.get(8..8usize.checked_add(length)?)?;
    let png = &bytes[8 + length..];
    Some(Reading {
        text: String::from_utf8(text.to_vec()).ok()?,
        thumbnail: png.starts_with(b"\x89PNG\r\n\x1a\n").then(|| png.to_vec()),
    })
}

/// `roundtable read-pdf`: reads a PDF on stdin, writes what was read of it on stdout.
pub fn run() -> anyhow::Result<()> {
    use std::io::{Read, Write};
    let mut pdf = Vec::new();
    std::io::stdin().read_to_end(&mut pdf)?;
    let reading = read_here(&pdf);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&encode(&reading))?;
    stdout.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_tidied_and_cut() {
        assert_eq!(
            tidy("  Policy   memo\n\n\n Next   steps \n"),
            "Policy memo\nNext steps"
        );
        assert_eq!(tidy("focal\0point\u{7}s"), "focal point s");
        let long = "word ".repeat(TEXT_MAX);
        assert!(tidy(&long).chars().count() <= TEXT_MAX);
    }

    #[test]
    fn what_the_child_writes_is_read_back() {
        for reading in [
            Reading::default(),
            Reading {
                text: "Lamprière".into(),
                thumbnail: Some(b"\x89PNG\r\n\x1a\nrest".to_vec()),
            },
        ] {
            assert_eq!(decode(&encode(&reading)), Some(reading));
        }
        assert_eq!(decode(b"\xff\xff\xff\xff\xff\xff\xff\xffabc"), None);
        assert_eq!(decode(b"abc"), None);
    }

    #[test]
    fn a_broken_pdf_reads_as_nothing() {
        assert_eq!(read_here(b"%PDF-1.7\nnot really"), Reading::default());
        assert_eq!(read_here(b""), Reading::default());
    }
}

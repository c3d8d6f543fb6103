//! Typesetting in a child process. Typst takes a few hundred megabytes while it lays out
//! a long synthesis, and a process's allocator keeps most of that once it is done; so
//! `serve` hands each PDF to a short-lived `roundtable typeset TEMPLATE`, which reads the
//! job's data on its standard input and writes the PDF on its standard output, and whose
//! memory goes back to the system when it exits. A process that never chose a program
//! (the tests, a library user) typesets in itself, off the async threads.
//!
//! The child is the same program (`/proc/self/exe` where there is one, so that an upgrade
//! replacing the file on disk does not change what runs) and is given only the job: no
//! configuration, no database, no secret.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use super::{Job, PdfError, Template};

/// The program typesetting is handed to, when one was chosen.
static PROGRAM: OnceLock<PathBuf> = OnceLock::new();
/// The longest a typesetting may take (a 360-session synthesis takes under 2 s).
const TIME_LIMIT: Duration = Duration::from_secs(300);
/// The line by which a typesetting process tells its peak memory, last on its stderr.
const PEAK_RSS: &str = "peak-rss-kb: ";
/// The largest peak memory a typesetting process has told, in KiB.
static LARGEST_CHILD_KB: AtomicU64 = AtomicU64::new(0);

/// From now on, every PDF of this process is typeset by `program typeset TEMPLATE`.
/// Chosen once; later calls change nothing.
pub fn typeset_in_children(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

/// The program chosen to typeset (and to read uploaded PDFs) in, if one was.
pub fn program() -> Option<&'static Path> {
    PROGRAM.get().map(PathBuf::as_path)
}

/// This program, to be run again as a typesetting process.
pub fn this_program() -> Option<PathBuf> {
    let proc = Path::new("/proc/self/exe");
    if proc.exists() {
        return Some(proc.to_path_buf());
    }
    std::env::current_exe().ok()
}

/// The largest peak memory (resident set) any typesetting process has had, in bytes.
pub fn largest_child_rss() -> u64 {
    LARGEST_CHILD_KB.load(Ordering::Relaxed) * 1024
}

/// Typesets a job: in a child process when a program was chosen, else in this one.
pub async fn typeset(job: Job) -> Result<Vec<u8>, PdfError> {
    let template = job.template().name();
    let (pdf, warnings) = match PROGRAM.get() {
        Some(program) => in_child(program, &job).await?,
        None => tokio::task::spawn_blocking(move || job.typeset_here())
            .await
            .map_err(|err| PdfError::Child(format!("the typesetting task failed: {err}")))??,
    };
    for warning in &warnings {
        tracing::warn!(template, %warning, "PDF typesetting warning");
    }
    Ok(pdf)
}

async fn in_child(program: &Path, job: &Job) -> Result<(Vec<u8>, Vec<String>), PdfError> {
    let failed = |what: &str, err: std::io::Error| PdfError::Child(format!("{what}: {err}"));
    let mut child = tokio::process::Command::new(program)
        .arg("typeset")
        .arg(job.template().name())
        .env_clear()
        // One malloc arena: Typst lays pages out on a few threads, and an arena per thread
        // leaves ~10% more memory taken at the peak, for no measurable time (a 178-page
        // synthesis: 204 MB instead of 225 MB, 0.78 s either way).
        .env("MALLOC_ARENA_MAX", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|err| failed(&format!("could not start {}", program.display()), err))?;
    // The child reads all of its input before it writes anything.
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(job.data())
            .await
            .map_err(|err| failed("could not hand over the data", err))?;
    }
    let output = tokio::time::timeout(TIME_LIMIT, child.wait_with_output())
        .await
        .map_err(|_| PdfError::Child(format!("no PDF after {} s", TIME_LIMIT.as_secs())))?
        .map_err(|err| failed("lost the typesetting process", err))?;
    let mut lines = Vec::new();
    for line in String::from_utf8_lossy(&output.stderr).lines() {
        match line.strip_prefix(PEAK_RSS).and_then(|kb| kb.parse().ok()) {
            Some(kb) => {
                LARGEST_CHILD_KB.fetch_max(kb, Ordering::Relaxed);
            }
            None if !line.trim().is_empty() => lines.push(line.to_string()),
            None => {}
        }
    }
    if !output.status.success() {
        return Err(PdfError::Child(if lines.is_empty() {
            format!("it ended with {}", output.status)
        } else {
            lines.join("; ")
        }));
    }
    if !output.stdout.starts_with(b"%PDF-") {
        return Err(PdfError::Child("it wrote no PDF".into()));
    }
    Ok((output.stdout, lines))
}

/// `roundtable typeset TEMPLATE`: reads a job's data on stdin, writes the PDF on stdout,
/// each warning and then its peak memory on stderr.
pub fn run(template: &str) -> anyhow::Result<()> {
    use std::io::{Read, Write};
    let template = Template::from_name(template)
        .ok_or_else(|| anyhow::anyhow!("no template is called {template:?}"))?;
    let mut data = Vec::new();
    std::io::stdin().read_to_end(&mut data)?;
    let (pdf, warnings) = Job::new(template, data).typeset_here()?;
    let mut stderr = std::io::stderr().lock();
    for warning in warnings {
        // One line each: the parent reads stderr by lines.
        writeln!(stderr, "{}", warning.replace('\n', " "))?;
    }
    if let Some(kb) = peak_rss_kb() {
        writeln!(stderr, "{PEAK_RSS}{kb}")?;
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&pdf)?;
    stdout.flush()?;
    Ok(())
}

/// This process's peak resident set, in KiB (Linux).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

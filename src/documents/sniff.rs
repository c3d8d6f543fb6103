//! What a file is, from its first bytes and never from its name: the library takes PDF,
//! Word (DOCX), OpenDocument text (ODT), Excel (XLSX), PNG and JPEG, recognised by the
//! `infer` crate (which looks inside the ZIP container for the office formats). A file
//! called `memo.pdf` that is a program, or anything else, is refused with what it is.

/// A kind of file the library takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Docx,
    Odt,
    Xlsx,
    Png,
    Jpeg,
}

/// How many first bytes are enough to tell (the office formats name their parts in the
/// ZIP's first entries).
pub const HEAD: usize = 64 * 1024;

impl FileType {
    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }

    /// The extension a download is named with.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Docx => "docx",
            FileType::Odt => "odt",
            FileType::Xlsx => "xlsx",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
        }
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Docx => "Word document",
            FileType::Odt => "OpenDocument text",
            FileType::Xlsx => "Excel spreadsheet",
            FileType::Png => "PNG image",
            FileType::Jpeg => "JPEG image",
        }
    }

    pub fn from_content_type(value: &str) -> Option<Self> {
        [
            FileType::Pdf,
            FileType::Docx,
            FileType::Odt,
            FileType::Xlsx,
            FileType::Png,
            FileType::Jpeg,
        ]
        .into_iter()
        .find(|t| t.content_type() == value)
    }
}

/// Why a file is refused: what it turned out to be, in words for the person uploading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAccepted {
    #[error("the file is empty")]
    Empty,
    #[error(
        "this file is {0}, not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says"
    )]
    Other(String),
    #[error(
        "this file is not a PDF, Word, OpenDocument, Excel, PNG or JPEG file, whatever its name says"
    )]
    Unknown,
}

/// What the file starting with `head` is, if the library takes it.
pub fn sniff(head: &[u8]) -> Result<FileType, NotAccepted> {
    if head.is_empty() {
        return Err(NotAccepted::Empty);
    }
    let Some(kind) = infer::get(head) else {
        return Err(NotAccepted::Unknown);
    };
    match kind.mime_type() {
        "application/pdf" => Ok(FileType::Pdf),
        "image/png" => Ok(FileType::Png),
        "image/jpeg" => Ok(FileType::Jpeg),
        other => FileType::from_content_type(other).ok_or_else(|| {
            NotAccepted::Other(match kind.matcher_type() {
                infer::MatcherType::App => format!("a program ({})", kind.extension()),
                _ => format!("a .{} file", kind.extension()),
            })
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ZIP whose first entry is `name`, as office files begin.
    fn zip_with(name: &str, extra: &[u8]) -> Vec<u8> {
        let mut out = b"PK\x03\x04".to_vec();
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(extra);
        out
    }

    #[test]
    fn files_are_told_by_their_content() {
        assert_eq!(
            sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            Ok(FileType::Pdf)
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok(FileType::Png));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0\0\x10JFIF\0"), Ok(FileType::Jpeg));
        assert_eq!(
            sniff(&zip_with("word/document.xml", b"")),
            Ok(FileType::Docx)
        );
        assert_eq!(sniff(&zip_with("xl/workbook.xml", b"")), Ok(FileType::Xlsx));
        assert_eq!(
            sniff(&zip_with(
                "mimetype",
                b"application/vnd.oasis.opendocument.text"
            )),
            Ok(FileType::Odt)
        );
    }

    #[test]
    fn a_program_or_anything_else_is_refused_whatever_its_name() {
        let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
        elf.resize(128, 0);
        let refused = sniff(&elf).unwrap_err();
        assert!(refused.to_string().contains("a program"), "{refused}");
        let mut exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".to_vec();
        exe.resize(128, 0);
        assert!(matches!(sniff(&exe), Err(NotAccepted::Other(_))));
        assert_eq!(sniff(b"just some words"), Err(NotAccepted::Unknown));
        assert_eq!(sniff(b""), Err(NotAccepted::Empty));
        // A ZIP that is no office document.
        assert!(sniff(&zip_with("notes.txt", b"hello")).is_err());
    }
}

//! A plain paper typeset for the library (`templates/documents/paper.typ`): what the demo
//! files from the seeds (the Stanley Foundation's memo, the civil society report of the
//! roundtables...) so that they are real PDFs, with words inside them that search finds.

use serde::Serialize;

use crate::pdf::{Job, PdfError, Template};

/// A paper: a title, a line saying whose and when, and sections.
#[derive(Debug, Clone, Serialize)]
pub struct Paper {
    /// What it is, printed above the title ("Policy memo").
    pub kind: String,
    pub title: String,
    /// "The Stanley Foundation, 25 September 2012".
    pub byline: String,
    /// Its language (`en`, `es`), for hyphenation.
    pub lang: String,
    pub sections: Vec<Section>,
}

/// A section: an optional heading, paragraphs, then numbered items.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

impl Paper {
    /// The paper as a PDF, typeset where every PDF is.
    pub async fn typeset(&self) -> Result<Vec<u8>, PdfError> {
        crate::pdf::child::typeset(Job::of(Template::Paper, self)?).await
    }

    /// The paper as a PDF, typeset in this thread.
    pub fn typeset_here(&self) -> Result<Vec<u8>, PdfError> {
        Job::of(Template::Paper, self)?
            .typeset_here()
            .map(|(pdf, _)| pdf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_is_typeset_and_its_words_are_read_back_with_its_first_page() {
        let paper = Paper {
            kind: "Policy memo".into(),
            title: "Mr Luc LAMPRIÈRE on the Responsibility to Protect".into(),
            byline: "The Stanley Foundation, 25 September 2012".into(),
            lang: "en".into(),
            sections: vec![Section {
                heading: "Next steps".into(),
                paragraphs: vec!["Governments should appoint a focal point.".into()],
                items: vec!["Convene the focal points network".into()],
            }],
        };
        let pdf = paper.typeset_here().unwrap();
        let read = super::super::reading::read_here(&pdf);
        assert!(read.text.contains("LAMPRIÈRE"), "{}", read.text);
        assert!(read.text.contains("focal point"), "{}", read.text);
        let png = read.thumbnail.expect("a thumbnail");
        assert!(png.starts_with(b"\x89PNG"));
        // 240 pixels wide: the width is at bytes 16..20 of the IHDR chunk.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 240);
    }
}

//! Gzip for a page that differs per visitor only by its form token, without compressing
//! the page for each visitor.
//!
//! A deflate stream is a sequence of blocks, the last one marked final. Each part of the
//! page between two places of the token is compressed once, on its own, ending on a sync
//! flush (byte-aligned, not final), the last part finished; a part never refers back
//! before its own start. A visitor's copy is then the gzip header, the parts with the
//! visitor's token between them as stored (uncompressed) blocks, and the trailer: the
//! CRC-32 of the whole, combined from the parts' own, and the length.

use axum::body::Bytes;
use flate2::{Compress, Compression, FlushCompress, Status};

/// The gzip header: deflate, no name, no time, unknown system (RFC 1952, 2.3).
const HEADER: [u8; 10] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];

/// One part of a page, compressed.
struct Part {
    deflated: Vec<u8>,
    crc: crc32fast::Hasher,
    len: usize,
}

/// A page's parts around its form tokens, each compressed once.
pub struct Spliced {
    parts: Vec<Part>,
}

impl Spliced {
    /// Compresses the parts (at least one) of a page cut at its form tokens.
    pub fn new(parts: &[Bytes], level: u32) -> Self {
        let last = parts.len().saturating_sub(1);
        let parts = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let mut crc = crc32fast::Hasher::new();
                crc.update(part);
                Part {
                    deflated: deflate(part, level, i == last),
                    crc,
                    len: part.len(),
                }
            })
            .collect();
        Self { parts }
    }

    /// The gzip stream of the page with `token` in every place it was cut.
    pub fn with(&self, token: &str) -> Bytes {
        let token = token.as_bytes();
        let size: usize = self.parts.iter().map(|p| p.deflated.len()).sum();
        let mut out =
            Vec::with_capacity(HEADER.len() + size + self.parts.len() * (token.len() + 5) + 8);
        out.extend_from_slice(&HEADER);
        let mut token_crc = crc32fast::Hasher::new();
        token_crc.update(token);
        let mut crc = crc32fast::Hasher::new();
        let mut len = 0usize;
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                stored_block(&mut out, token);
                crc.combine(&token_crc);
                len += token.len();
            }
            out.extend_from_slice(&part.deflated);
            crc.combine(&part.crc);
            len += part.len;
        }
        out.extend_from_slice(&crc.finalize().to_le_bytes());
        // ISIZE is the length modulo 2^32 (RFC 1952).
        out.extend_from_slice(&((len & 0xffff_ffff) as u32).to_le_bytes());
        Bytes::from(out)
    }
}

/// A stored block, not final, at a byte boundary (where a sync flush leaves the stream):
/// the block header's three bits padded to a byte, then LEN and its complement.
fn stored_block(out: &mut Vec<u8>, data: &[u8]) {
    for chunk in data.chunks(usize::from(u16::MAX)) {
        let len = u16::try_from(chunk.len()).unwrap_or(u16::MAX);
        out.push(0);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
}

/// Raw deflate of `data` on its own: ends on a sync flush, or finished when `last`.
fn deflate(data: &[u8], level: u32, last: bool) -> Vec<u8> {
    let mut compress = Compress::new(Compression::new(level), false);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    let mut out = Vec::with_capacity(data.len() / 2 + 1024);
    loop {
        let consumed = usize::try_from(compress.total_in()).unwrap_or(data.len());
        let Ok(status) = compress.compress_vec(&data[consumed.min(data.len())..], &mut out, flush)
        else {
            break;
        };
        let all_in = usize::try_from(compress.total_in()).is_ok_and(|n| n == data.len());
        // Done when the stream ended, or (a sync flush) all is in and room was left over.
        if status == Status::StreamEnd || (!last && all_in && out.len() < out.capacity()) {
            break;
        }
        out.reserve(out.capacity().max(1024));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn each_visitor_gets_a_valid_gzip_of_the_page_with_their_token() {
        let page = "<html><body>".repeat(200)
            + "<input name=csrf value=\"TOKEN\">"
            + &"<p>Accra roundtable</p>".repeat(300)
            + "<form><input value=\"TOKEN\"></form></body></html>";
        let parts: Vec<Bytes> = page
            .split("TOKEN")
            .map(|p| Bytes::copy_from_slice(p.as_bytes()))
            .collect();
        assert_eq!(parts.len(), 3);
        let spliced = Spliced::new(&parts, 6);
        for token in ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", "x", ""] {
            let bytes = spliced.with(token);
            assert_eq!(gunzip(&bytes), page.replace("TOKEN", token).into_bytes());
            assert!(bytes.len() < page.len() / 5, "{} bytes", bytes.len());
        }
    }

    #[test]
    fn a_page_without_a_token_is_one_finished_part() {
        let page = Bytes::from_static(b"<p>no form here</p>");
        let bytes = Spliced::new(std::slice::from_ref(&page), 6).with("ignored");
        assert_eq!(gunzip(&bytes), page.to_vec());
    }

    #[test]
    fn parts_larger_than_the_output_guess_are_compressed_whole() {
        // Random-looking bytes do not shrink: the output outgrows its first guess.
        let noise: Vec<u8> = (0u32..200_000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let parts = vec![Bytes::from(noise.clone()), Bytes::from(noise.clone())];
        let bytes = Spliced::new(&parts, 6).with("T");
        let mut expected = noise.clone();
        expected.push(b'T');
        expected.extend_from_slice(&noise);
        assert_eq!(gunzip(&bytes), expected);
    }
}

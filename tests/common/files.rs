//! Files as the library's tests upload them.

/// A small PDF, as uploaded.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A program (an ELF executable's first bytes, then zeros) of `len` bytes: what a file
/// named `.pdf` may really be.
pub fn program(len: usize) -> Vec<u8> {
    let mut program = b"\x7fELF\x02\x01\x01\0".to_vec();
    program.resize(len, 0);
    program
}

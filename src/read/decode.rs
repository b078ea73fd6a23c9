//! Text encodings that are not legacy Vietnamese ones: UTF-16, which
//! Notepad calls "Unicode" and Word offers as "Unicode text".

/// The text of a UTF-16 file: with a byte-order mark, or without one when
/// it is plainly UTF-16 (every other byte zero, as ASCII letters, digits
/// and line ends are). `None` for anything else.
pub fn utf16(bytes: &[u8]) -> Option<String> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => {
            let little = looks_utf16(bytes)?;
            (bytes, little)
        }
    };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    // A BOM-less guess that decodes to control characters was not UTF-16.
    (!text.contains('\0')).then_some(text)
}

/// `Some(true)` little-endian, `Some(false)` big-endian: at least 3 in 10 of
/// the first 4 KB's two-byte units have one zero byte, always on the same side.
fn looks_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 8 || head.len() % 2 != 0 {
        return None;
    }
    let pairs = head.len() / 2;
    let odd_zero = head.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let even_zero = head.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    let both = head.chunks_exact(2).filter(|p| p[0] == 0 && p[1] == 0).count();
    if both > 0 {
        return None;
    }
    if odd_zero * 10 >= pairs * 3 && even_zero == 0 {
        Some(true)
    } else if even_zero * 10 >= pairs * 3 && odd_zero == 0 {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str, bom: bool) -> Vec<u8> {
        let mut b = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn utf16_with_and_without_a_mark() {
        let t = "# Biên bản hội nghị\r\nCơ quan: BTV\r\n";
        assert_eq!(utf16(&le(t, true)).as_deref(), Some(t));
        assert_eq!(utf16(&le(t, false)).as_deref(), Some(t));
        let mut be = vec![0xFE, 0xFF];
        be.extend(t.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(utf16(&be).as_deref(), Some(t));
        assert_eq!(utf16(b"plain text, not utf-16"), None);
        assert_eq!(utf16(&[0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 0]), None);
    }
}

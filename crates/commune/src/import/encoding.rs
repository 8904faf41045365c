//! Naming the legacy Vietnamese encoding of a CSV file that is not UTF-8, so the officer is told
//! what the file is and how to convert it rather than "not UTF-8". Windows-1258 (what Excel's
//! plain "CSV" writes on a Vietnamese Windows) and TCVN3/ABC (the `.Vn` fonts) are still common;
//! they are told apart by where their marked letters sit: TCVN3 puts ă â ê ô ơ ư đ and most toned
//! letters in 0xA1–0xBF and above, bytes Windows-1258 spends on symbols (¡ ¢ £ … ¿) that text
//! hardly uses, while Windows-1258 writes tones as combining bytes (0xCC 0xEC 0xD2 0xDE 0xF2)
//! after a letter and its letters in 0xC0–0xFF. Only a guess, said as one: the message asks
//! for UTF-8 either way.

/// The encoding a non-UTF-8 text seems to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    Windows1258,
    Tcvn3,
    /// Some other single-byte or legacy encoding (VNI, Latin-1, …).
    Other,
}

impl LegacyEncoding {
    pub const ALL: [LegacyEncoding; 3] = [
        LegacyEncoding::Windows1258,
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Other,
    ];

    /// The stable key messages are built from (`commune_import_encoding_<key>`).
    pub fn key(self) -> &'static str {
        match self {
            LegacyEncoding::Windows1258 => "windows_1258",
            LegacyEncoding::Tcvn3 => "tcvn3",
            LegacyEncoding::Other => "other",
        }
    }
}

/// Windows-1258's combining tone marks: grave, acute, hook above, tilde, dot below.
const CP1258_TONES: [u8; 5] = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2];

/// Guesses the encoding of bytes that are not UTF-8 (see the module doc).
pub fn guess_legacy_encoding(bytes: &[u8]) -> LegacyEncoding {
    let (mut n_high, mut n_tcvn_low, mut n_cp1258_tones, mut n_cp1258_letters) = (0, 0, 0, 0);
    let mut previous = b' ';
    for &b in bytes.iter().take(1 << 20) {
        if b >= 0x80 {
            n_high += 1;
            if (0xA1..=0xBF).contains(&b) {
                n_tcvn_low += 1;
            } else if CP1258_TONES.contains(&b)
                && (previous.is_ascii_alphabetic() || previous >= 0xC0)
            {
                n_cp1258_tones += 1;
            } else if b >= 0xC0 {
                n_cp1258_letters += 1;
            }
        }
        previous = b;
    }
    if n_high == 0 {
        LegacyEncoding::Other
    } else if n_tcvn_low * 3 >= n_high {
        LegacyEncoding::Tcvn3
    } else if n_cp1258_tones > 0 || n_cp1258_letters * 2 >= n_high {
        LegacyEncoding::Windows1258
    } else {
        LegacyEncoding::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_and_windows_1258_are_told_apart() {
        // "Nông thôn;Trung du và miền núi phía Bắc" in TCVN3: ô = 0xAB, à = 0xB5, ề = 0xD2,
        // ú = 0xF3, í = 0xDD, ắ = 0xBE.
        let tcvn3 = b"khu_vuc;vung\nN\xABng th\xABn;Trung du v\xB5 mi\xD2n n\xF3i ph\xDDa B\xBEc\n";
        assert_eq!(guess_legacy_encoding(tcvn3), LegacyEncoding::Tcvn3);
        // The same in Windows-1258: ô = 0xF4, à = a + 0xCC, ề = ê (0xEA) + 0xCC, ú = 0xFA,
        // í = 0xED, ắ = ă (0xE3) + 0xEC.
        let cp1258 =
            b"khu_vuc;vung\nN\xF4ng th\xF4n;Trung du va\xCC mi\xEA\xCCn n\xFAi ph\xEDa B\xE3\xECc\n";
        assert_eq!(guess_legacy_encoding(cp1258), LegacyEncoding::Windows1258);
        assert_eq!(guess_legacy_encoding(b"plain"), LegacyEncoding::Other);
    }
}

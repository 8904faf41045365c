//! Folding a name as people write it into the form the alias tables are keyed on: lower case,
//! Vietnamese letters without their marks (`đ` as `d`, precomposed or combining marks alike),
//! every run of other characters (spaces, punctuation, `/`, `-`) as one `_`, none at either end.
//! "Trung du và miền núi phía Bắc", "trung du va mien nui phia bac" and "TRUNG-DU VÀ MIỀN NÚI
//! PHÍA BẮC" all fold to `trung_du_va_mien_nui_phia_bac`. Shared with `build.rs`, which folds
//! the aliases of `data/columns.toml` the same way and refuses two that fold alike.

/// Each base letter followed by its marked forms (lower case; upper case is lowered first).
const MARKED: [(char, &str); 6] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
];

/// The letter without its Vietnamese marks (already lower case).
fn base(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == 'đ' {
        return 'd';
    }
    for (letter, marked) in MARKED {
        if marked.contains(c) {
            return letter;
        }
    }
    c
}

/// Whether `c` is a combining mark (U+0300–U+036F: what a decomposed "ế" carries after its "e").
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The folded form of `text` (see the module doc).
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining(c) {
            continue;
        }
        let c = base(c);
        if c.is_alphanumeric() {
            if gap && !folded.is_empty() {
                folded.push('_');
            }
            gap = false;
            folded.push(c);
        } else {
            gap = true;
        }
    }
    folded
}

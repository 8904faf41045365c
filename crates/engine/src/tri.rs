//! Three-valued (Kleene) logic for answers that may be unknown, and answer paths that name the
//! unknown answers a result depends on.

use std::fmt;

/// A truth value that may be unknown. Ordered No < Unknown < Yes, so `max` is OR and `min` is AND.
/// Held as 0, 1, 2 so that the logic is arithmetic rather than branches: answers vary from one
/// household to the next, and a mispredicted branch costs more than the sum (this logic runs a
/// few hundred times per household of a batch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub(crate) enum Tri {
    No = 0,
    Unknown = 1,
    Yes = 2,
}

impl Tri {
    /// 0 → No, 1 → Unknown, 2 (or 3) → Yes: the identity on the representation.
    #[inline]
    fn from_level(n: u8) -> Tri {
        match n & 3 {
            0 => Tri::No,
            1 => Tri::Unknown,
            _ => Tri::Yes,
        }
    }
    /// Yes when both hold, No when neither, Unknown when only `maybe` does (`surely` implies
    /// `maybe`).
    #[inline]
    pub fn from_bounds(surely: bool, maybe: bool) -> Tri {
        Tri::from_level(surely as u8 + maybe as u8)
    }
    #[inline]
    pub fn from_bool(b: bool) -> Tri {
        Tri::from_level(2 * b as u8)
    }
    /// `None` (unanswered) is unknown.
    pub fn from_opt(b: Option<bool>) -> Tri {
        b.map_or(Tri::Unknown, Tri::from_bool)
    }
    /// Applies a test to an optional answer.
    pub fn test<T>(answer: Option<T>, f: impl FnOnce(T) -> bool) -> Tri {
        answer.map_or(Tri::Unknown, |a| Tri::from_bool(f(a)))
    }
    pub fn and(self, other: Tri) -> Tri {
        self.min(other)
    }
    pub fn or(self, other: Tri) -> Tri {
        self.max(other)
    }
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        Tri::from_level(2 - self as u8)
    }
    /// The value that covers both possibilities (for evaluating one rule over a range of facts).
    pub fn join(self, other: Tri) -> Tri {
        if self == other {
            self
        } else {
            Tri::Unknown
        }
    }
    pub fn is_yes(self) -> bool {
        self == Tri::Yes
    }
    pub fn is_unknown(self) -> bool {
        self == Tri::Unknown
    }
}

/// A count whose exact value may be unknown: at least `lo`, at most `hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CountRange {
    pub lo: u32,
    pub hi: u32,
}

impl CountRange {
    pub fn exact(n: u32) -> CountRange {
        CountRange { lo: n, hi: n }
    }
    /// Adds one member's contribution.
    pub fn add(&mut self, t: Tri) {
        self.lo += (t == Tri::Yes) as u32;
        self.hi += (t != Tri::No) as u32;
    }
    /// An optional count, capped (counts above `cap` behave like `cap`).
    pub fn from_opt(n: Option<u32>, cap: u32) -> CountRange {
        match n {
            Some(n) => CountRange::exact(n.min(cap)),
            None => CountRange { lo: 0, hi: cap },
        }
    }
    pub fn is_exact(self) -> bool {
        self.lo == self.hi
    }
    /// Whether the count is at least `k`.
    pub fn at_least(self, k: u32) -> Tri {
        Tri::from_bounds(self.lo >= k, self.hi >= k)
    }
}

/// The path of one answer in the household record, as formats.md names it (`members[2].birth_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum AnswerPath {
    Field(&'static str),
    Member(u16, &'static str),
}

impl AnswerPath {
    /// The path as a string, built without the formatting machinery (paths of unknown answers are
    /// rendered for every undetermined household of a batch).
    pub fn render(self) -> String {
        match self {
            AnswerPath::Field(name) => name.to_string(),
            AnswerPath::Member(i, name) => {
                let mut s = String::with_capacity(14 + name.len());
                s.push_str("members[");
                let mut digits = [0u8; 5];
                let mut n = i;
                let mut k = digits.len();
                loop {
                    k -= 1;
                    digits[k] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                for d in &digits[k..] {
                    s.push(*d as char);
                }
                s.push_str("].");
                s.push_str(name);
                s
            }
        }
    }
}

impl fmt::Display for AnswerPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerPath::Field(name) => f.write_str(name),
            AnswerPath::Member(i, name) => write!(f, "members[{i}].{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_tables() {
        use Tri::*;
        assert_eq!(Yes.and(Unknown), Unknown);
        assert_eq!(No.and(Unknown), No);
        assert_eq!(Yes.or(Unknown), Yes);
        assert_eq!(No.or(Unknown), Unknown);
        assert_eq!(Unknown.not(), Unknown);
        assert_eq!(Yes.join(No), Unknown);
        assert_eq!(No.join(No), No);
    }

    #[test]
    fn count_ranges_accumulate_unknowns() {
        let mut c = CountRange::default();
        c.add(Tri::Yes);
        c.add(Tri::Unknown);
        c.add(Tri::No);
        assert_eq!(c, CountRange { lo: 1, hi: 2 });
        assert_eq!(c.at_least(1), Tri::Yes);
        assert_eq!(c.at_least(2), Tri::Unknown);
        assert_eq!(c.at_least(3), Tri::No);
        assert_eq!(CountRange::from_opt(None, 3), CountRange { lo: 0, hi: 3 });
        assert_eq!(CountRange::from_opt(Some(9), 3), CountRange::exact(3));
    }

    #[test]
    fn paths_render_like_the_record() {
        assert_eq!(
            AnswerPath::Member(2, "birth_date").to_string(),
            "members[2].birth_date"
        );
        assert_eq!(
            AnswerPath::Field("housing.roof").to_string(),
            "housing.roof"
        );
    }
}

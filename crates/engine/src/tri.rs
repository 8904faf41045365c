//! Three-valued (Kleene) logic for answers that may be unknown, and answer paths that name the
//! unknown answers a result depends on.

use std::fmt;

/// A truth value that may be unknown. Ordered No < Unknown < Yes, so `max` is OR and `min` is AND.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Tri {
    No,
    Unknown,
    Yes,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
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
        match self {
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
            Tri::Yes => Tri::No,
        }
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
        match t {
            Tri::Yes => {
                self.lo += 1;
                self.hi += 1;
            }
            Tri::Unknown => self.hi += 1,
            Tri::No => {}
        }
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
        if self.lo >= k {
            Tri::Yes
        } else if self.hi < k {
            Tri::No
        } else {
            Tri::Unknown
        }
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

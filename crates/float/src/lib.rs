//! A compact reader and writer of `f64`, for the web build: `parse` reads JSON numbers, `display`
//! and `display_exp` write what `{}` and `{:e}` write. `str::parse`, `Display` and `LowerExp` stay
//! in the native build; in the web build the household crates call them through `f64_text`, `f64_exp_text` and
//! mucsong-json's reader, which keeps the standard library's float tables (powers of five for reading, cached
//! powers of ten for writing: 18 KB gzip with their code, measured 2026-12-03) out of the household page.
//!
//! `str::parse::<f64>` rounds every input correctly, with Eisel-Lemire's algorithm and its
//! 10 KB table of powers of five, which gzip cannot shrink: about 11 KB of the household page's
//! 250 KB first load (measured 2026-12-03). The numbers a household record holds (heights,
//! weights, areas, kWh) have few digits and small exponents, where one multiplication or
//! division of two exact floats is correctly rounded too (Clinger's fast path): there this
//! reader gives exactly what `str::parse` gives (tested against it below). Beyond it (more
//! than 19 significant digits, a mantissa above 2^53 or an exponent beyond ±22, far outside
//! every field's range) the result is within a few units in the last place, not always the
//! nearest float; the native build (the command-line tool, whose output is compared byte for
//! byte) keeps `str::parse`.

/// Powers of ten that are exact floats.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a number in JSON's grammar (`-`, digits, `.` digits, `e` sign digits), already checked
/// by the caller; `None` when it is beyond f64's range (an error in JSON, as in serde_json).
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, mut i) = match bytes.first() {
        Some(b'-') => (true, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0u32; // significant digits kept in `mantissa`
    let mut exponent: i64 = 0; // the value is mantissa × 10^exponent
    let mut truncated = false;
    let mut in_fraction = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if mantissa == 0 && b == b'0' {
                    // A leading zero: only moves the point.
                    if in_fraction {
                        exponent -= 1;
                    }
                } else if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    digits += 1;
                    if in_fraction {
                        exponent -= 1;
                    }
                } else {
                    truncated |= b != b'0';
                    if !in_fraction {
                        exponent += 1;
                    }
                }
            }
            b'.' => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let mut e: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
            i += 1;
        }
        exponent += sign * e;
    }
    // Trailing zeros (`1500000`, `2.50`) into the exponent: more numbers in the fast path.
    while !truncated && mantissa != 0 && mantissa.is_multiple_of(10) {
        mantissa /= 10;
        exponent += 1;
    }
    let value = if mantissa == 0 {
        0.0
    } else if truncated {
        approximate(mantissa, exponent)
    } else {
        // Both operands exact in the fast path: one correctly rounded operation.
        scaled(mantissa, exponent)
    };
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

/// mantissa × 10^exponent, close to the nearest float (not always it).
fn approximate(mantissa: u64, exponent: i64) -> f64 {
    let mut x = mantissa as f64;
    let mut e = exponent.clamp(-400, 400);
    while e > 22 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
    }
    if e < 0 {
        x / EXACT_POWERS[(-e) as usize]
    } else {
        x * EXACT_POWERS[e as usize]
    }
}

/// mantissa × 10^exponent as the reader computes it (exact, one rounding, in the fast path).
fn scaled(mantissa: u64, exponent: i64) -> f64 {
    if mantissa <= 1 << 53 && (-22..=22).contains(&exponent) {
        let power = EXACT_POWERS[exponent.unsigned_abs() as usize];
        if exponent < 0 {
            mantissa as f64 / power
        } else {
            mantissa as f64 * power
        }
    } else {
        approximate(mantissa, exponent)
    }
}

/// 10^e as a float (exact up to 10^22).
fn power_of_ten(e: i64) -> f64 {
    scaled(1, e)
}

/// The shortest digits of a finite `x > 0` that read back as `x` (through `parse`): `(m, k)` with
/// `x = m × 10^k`, `m` without trailing zeros. For the numbers households type (few digits, far
/// from the float range's ends) these are the digits `{}` writes.
fn shortest(x: f64) -> (u64, i64) {
    // The decimal exponent of the first digit: 10^e ≤ x < 10^(e+1).
    let mut e: i64 = 0;
    while e < 308 && power_of_ten(e + 1) <= x {
        e += 1;
    }
    while e > -324 && power_of_ten(e) > x {
        e -= 1;
    }
    let mut best = (0, 0);
    for digits in 1..=17 {
        let k = e - digits + 1;
        let m = if k < 0 {
            x * power_of_ten(-k)
        } else {
            x / power_of_ten(k)
        };
        let m = m.round() as u64;
        best = (m, k);
        if scaled(m, k) == x {
            break;
        }
    }
    let (mut m, mut k) = best;
    while m != 0 && m.is_multiple_of(10) {
        m /= 10;
        k += 1;
    }
    (m, k)
}

/// Sign, and the digits of `|x|` with their exponent; `None` for zero.
fn parts(x: f64) -> (&'static str, Option<(String, i64)>) {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let abs = x.abs();
    if abs == 0.0 {
        return (sign, None);
    }
    let (m, k) = shortest(abs);
    (sign, Some((m.to_string(), k)))
}

/// What `format!("{x}")` writes: the shortest digits that read back, never an exponent
/// (`0.0000001`, `1000000000000000000000`), `-0` for negative zero, `inf`, `-inf`, `NaN`.
pub fn display(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let (sign, digits) = parts(x);
    let Some((digits, k)) = digits else {
        return format!("{sign}0");
    };
    let n = digits.len() as i64;
    if k >= 0 {
        format!("{sign}{digits}{}", "0".repeat(k as usize))
    } else if -k < n {
        let (int, fraction) = digits.split_at((n + k) as usize);
        format!("{sign}{int}.{fraction}")
    } else {
        format!("{sign}0.{}{digits}", "0".repeat((-k - n) as usize))
    }
}

/// What `format!("{x:e}")` writes for a finite `x`: `1.5e16`, `1e-7`, `0e0`.
pub fn display_exp(x: f64) -> String {
    let (sign, digits) = parts(x);
    let Some((digits, k)) = digits else {
        return format!("{sign}0e0");
    };
    let exponent = k + digits.len() as i64 - 1;
    let (first, rest) = digits.split_at(1);
    if rest.is_empty() {
        format!("{sign}{first}e{exponent}")
    } else {
        format!("{sign}{first}.{rest}e{exponent}")
    }
}

/// `format!("{x}")` for an `f64`: the standard library's in the native build, `display`
/// (the same text, without the standard library's tables) in the web build.
pub fn f64_text(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return display(x);
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{x}");
}

/// `format!("{x:e}")` for a finite `f64`, as `f64_text` chooses.
pub fn f64_exp_text(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return display_exp(x);
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{x:e}");
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// A small deterministic generator of test inputs (xorshift64).
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    fn std(text: &str) -> Option<f64> {
        text.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    /// Within the fast path the reader is `str::parse`, bit for bit.
    #[test]
    fn household_numbers_read_as_std_reads_them() {
        let fixed = [
            "0",
            "-0",
            "0.0",
            "1",
            "12",
            "95.5",
            "36.6",
            "0.5",
            "0.1",
            "0.2",
            "0.3",
            "1000",
            "1234.567",
            "20.125",
            "1e3",
            "1E3",
            "2.5e-3",
            "1e22",
            "1e-22",
            "9007199254740992",
            "123456789012345678",
            "0.000001",
            "-12.75",
            "450000000",
            "2.718",
            "1e0",
            "00.5",
            "0.0000000000000000000000001",
        ];
        for text in fixed {
            assert_eq!(
                parse(text).map(f64::to_bits),
                std(text).map(f64::to_bits),
                "{text}"
            );
        }
        // Generated: up to 15 significant digits, the point anywhere, exponents to ±22.
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..200_000 {
            let n_digits = (next() % 15 + 1) as usize;
            let digits: String = (0..n_digits)
                .map(|_| (b'0' + (next() % 10) as u8) as char)
                .collect();
            let point = (next() % (n_digits as u64 + 1)) as usize;
            let mut text = format!("{}.{}", &digits[..point], &digits[point..]);
            if point == 0 {
                text.insert(0, '0');
            }
            if point == n_digits {
                text.pop();
            }
            if next().is_multiple_of(3) {
                let e = (next() % 15) as i64 - 7;
                text.push_str(&format!("e{e}"));
            }
            assert_eq!(
                parse(&text).map(f64::to_bits),
                std(&text).map(f64::to_bits),
                "{text}"
            );
        }
    }

    /// Beyond the fast path: close to `str::parse`, and out of range is `None` as there.
    #[test]
    fn long_and_far_numbers_are_close() {
        for text in [
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "123456789012345678901234567890",
            "0.1234567890123456789012345",
            "6.02214076e23",
            "1e-300",
            "9.999999999999999999e200",
        ] {
            let (got, want) = (parse(text).unwrap(), std(text).unwrap());
            assert!(
                ((got - want) / want).abs() < 1e-14,
                "{text}: {got} vs {want}"
            );
        }
        assert_eq!(parse("1e400"), None);
        assert_eq!(parse("-1e309"), None);
        assert_eq!(parse("1e-400"), Some(0.0));
    }

    /// The writer writes what `{}` and `{:e}` write, on the numbers households type and on
    /// generated ones up to 15 significant digits; what it writes reads back as the same float.
    #[test]
    fn display_writes_what_std_writes() {
        use super::{display, display_exp};
        let fixed = [
            0.0,
            -0.0,
            1.0,
            12.0,
            95.5,
            36.6,
            0.5,
            0.1,
            0.2,
            0.3,
            0.1 + 0.2,
            1000.0,
            1234.567,
            20.125,
            1e15,
            1e16,
            1e21,
            1e22,
            1.5e-7,
            1e-5,
            0.000001,
            -12.75,
            450000000.0,
            2.71,
            2.5e-3,
            9007199254740992.0,
            123456789.125,
            1.0 / 3.0,
            2.0 / 3.0,
            100.0 / 7.0,
        ];
        for x in fixed {
            assert_eq!(display(x), format!("{x}"), "{x:?}");
            assert_eq!(display_exp(x), format!("{x:e}"), "{x:?}");
        }
        for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            assert_eq!(display(x), format!("{x}"));
        }
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let n_digits = (next() % 15 + 1) as u32;
            let m = next() % 10u64.pow(n_digits);
            let k = (next() % 30) as i32 - 20;
            let x = std(&format!("{m}e{k}")).unwrap();
            assert_eq!(display(x), format!("{x}"), "{m}e{k}");
            assert_eq!(display_exp(x), format!("{x:e}"), "{m}e{k}");
            assert_eq!(parse(&display(x)), Some(x), "{m}e{k}");
        }
    }
}

//! Helpers shared by the integration-test modules.

/// `n` bytes of deterministic noise (a 64-bit linear congruential generator from `seed`), for
/// "random bytes are refused, never a panic" tests that must fail the same way on every run.
pub fn pseudo_random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

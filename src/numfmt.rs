//! Decimal text for numbers without std's float formatting (which costs about 15 KB of wasm):
//! values are rounded to a few decimals and written from integers.

/// `value` rounded to `decimals` places (at most 6), trailing zeros and a bare point dropped:
/// `decimal(12.50, 2)` is `"12.5"`, `decimal(3.0, 1)` is `"3"`. Uses `.`; callers swap in a
/// locale's separator. Non-finite values and magnitudes beyond 2^53 (never shown here) give
/// `"0"` and the nearest representable digits respectively.
pub fn decimal(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    // 2^53: above it f64 has no fractional part anyway; clamping keeps the cast defined.
    let scaled = (value.abs() * scale as f64)
        .round()
        .min(9_007_199_254_740_992.0) as u64;
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    let mut frac = scaled % scale;
    if frac != 0 {
        let mut digits = Vec::with_capacity(decimals as usize);
        for _ in 0..decimals {
            digits.push(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        // `digits` is least significant first: drop trailing zeros, then write it reversed.
        let first = digits
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(digits.len());
        out.push('.');
        out.extend(digits[first..].iter().rev().map(|&d| d as char));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn rounds_and_trims_like_fixed_formatting() {
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(12.0, 2), "12");
        assert_eq!(decimal(7.31829, 2), "7.32");
        assert_eq!(decimal(2.675, 1), "2.7");
        assert_eq!(decimal(0.05, 1), "0.1");
        assert_eq!(decimal(0.04, 1), "0");
        assert_eq!(decimal(0.001, 2), "0");
        assert_eq!(decimal(230.0, 2), "230");
        assert_eq!(decimal(1.06, 2), "1.06");
        assert_eq!(decimal(-4.25, 1), "-4.3");
        assert_eq!(decimal(-0.001, 2), "0");
        assert_eq!(decimal(1234567.891, 0), "1234568");
        assert_eq!(decimal(f64::NAN, 2), "0");
        assert_eq!(decimal(f64::INFINITY, 2), "0");
    }

    #[test]
    fn agrees_with_std_formatting_on_a_grid_of_values() {
        for i in 0..20_000u32 {
            let v = f64::from(i) * 0.37 + 0.005;
            for d in 0..=2u32 {
                let std = format!("{v:.*}", d as usize);
                let trimmed = if std.contains('.') {
                    std.trim_end_matches('0').trim_end_matches('.').to_owned()
                } else {
                    std
                };
                // Ties may round differently (std rounds the exact binary value); allow only those.
                let ours = decimal(v, d);
                if ours != trimmed {
                    let scaled = v * 10f64.powi(d as i32);
                    assert!(
                        (scaled - scaled.floor() - 0.5).abs() < 1e-6,
                        "{v} to {d}: {ours} vs {trimmed}"
                    );
                }
            }
        }
    }
}

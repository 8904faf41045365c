//! The dashboard as a CSV file (classes, indicators among all and among poor households,
//! Alkire–Foster H/A/M0, targets) and the empty summary-CSV templates. Both open in Excel: a BOM,
//! and — with Vietnamese headers — `;` between cells and a decimal comma, as Vietnamese Excel
//! expects; English uses `,` and a decimal point.

use super::targets::{TargetRow, TargetStatus};
use mucsong_batch::CommuneSummary;
use mucsong_formats::jsonl::UTF8_BOM;
use mucsong_formats::summary_csv::{HeaderLanguage, SummaryColumn};
use mucsong_i18n::{Locale, COMMUNE};

/// Summary CSV columns: (English, Vietnamese).
const COLUMNS: [(&str, &str); 8] = [
    ("section", "muc"),
    ("key", "ma"),
    ("label", "noi_dung"),
    ("households", "so_ho"),
    ("base", "mau_so"),
    ("share_percent", "ty_le_phan_tram"),
    ("target_percent", "chi_tieu_phan_tram"),
    ("status", "danh_gia"),
];

fn locale_of(language: HeaderLanguage) -> Locale {
    match language {
        HeaderLanguage::English => Locale::En,
        HeaderLanguage::Vietnamese => Locale::Vi,
    }
}

fn delimiter_of(language: HeaderLanguage) -> u8 {
    match language {
        HeaderLanguage::English => b',',
        HeaderLanguage::Vietnamese => b';',
    }
}

/// A percentage with two decimals, in the language's decimal style.
fn percent(share: Option<f64>, language: HeaderLanguage) -> String {
    share.map_or(String::new(), |s| {
        let text = format!("{:.2}", s * 100.0);
        match language {
            HeaderLanguage::English => text,
            HeaderLanguage::Vietnamese => text.replace('.', ","),
        }
    })
}

/// The dashboard's figures as CSV (with BOM).
pub fn summary_csv(
    summary: &CommuneSummary,
    targets: &[TargetRow],
    language: HeaderLanguage,
) -> Vec<u8> {
    let locale = locale_of(language);
    let mut out = UTF8_BOM.to_vec();
    let mut csv = csv::WriterBuilder::new()
        .delimiter(delimiter_of(language))
        .from_writer(&mut out);
    let pick = |(en, vi): (&'static str, &'static str)| match language {
        HeaderLanguage::English => en,
        HeaderLanguage::Vietnamese => vi,
    };
    let mut rows: Vec<[String; 8]> = Vec::new();
    let count = |n: u64| n.to_string();
    let n_all = summary.n_households;
    for (key, n, share) in [
        ("poor", summary.n_poor, summary.share_poor()),
        ("near_poor", summary.n_near_poor, summary.share_near_poor()),
        ("not_poor", summary.n_not_poor, summary.share_not_poor()),
        (
            "undetermined",
            summary.n_undetermined,
            summary.share_undetermined(),
        ),
    ] {
        rows.push([
            "class".into(),
            key.into(),
            COMMUNE.text(locale, &format!("commune_class_{key}")).into(),
            count(n),
            count(n_all),
            percent(share, language),
            String::new(),
            String::new(),
        ]);
    }
    rows.push([
        "rejected".into(),
        "rejected".into(),
        COMMUNE.text(locale, "commune_rejected_label").into(),
        count(summary.n_rejected),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    for (indicator, tally) in summary.indicators() {
        let label = COMMUNE.text(locale, &format!("commune_indicator_{}", indicator.key()));
        rows.push([
            "deprived_all".into(),
            indicator.key().into(),
            label.into(),
            count(tally.n_deprived),
            count(tally.n_known),
            percent(tally.share_deprived(), language),
            String::new(),
            String::new(),
        ]);
        rows.push([
            "deprived_poor".into(),
            indicator.key().into(),
            label.into(),
            count(tally.n_deprived_poor),
            count(tally.n_known_poor),
            percent(tally.share_deprived_poor(), language),
            String::new(),
            String::new(),
        ]);
    }
    for (key, value) in [
        ("h", summary.headcount_ratio()),
        ("a", summary.intensity()),
        ("m0", summary.adjusted_headcount_ratio()),
    ] {
        rows.push([
            "alkire_foster".into(),
            key.into(),
            COMMUNE
                .text(locale, &format!("commune_af_{key}_label"))
                .into(),
            String::new(),
            String::new(),
            percent(value, language),
            String::new(),
            String::new(),
        ]);
    }
    for row in targets {
        rows.push([
            "target".into(),
            row.def.key.into(),
            COMMUNE
                .text(locale, &format!("commune_target_{}", row.def.key))
                .into(),
            count(row.count.n_meeting),
            count(row.n_poor),
            percent(row.share_meeting(), language),
            percent(row.target_percent.map(|p| p / 100.0), language),
            match row.status {
                TargetStatus::NoTarget => String::new(),
                status => status.key().to_string(),
            },
        ]);
    }
    let header: Vec<&str> = COLUMNS.into_iter().map(pick).collect();
    csv.write_record(&header).expect("writing to memory");
    for row in rows {
        csv.write_record(&row).expect("writing to memory");
    }
    csv.flush().expect("writing to memory");
    drop(csv);
    out
}

/// An empty summary CSV (header line only, with BOM) in one header language, with every column
/// formats.md §3 lists.
pub fn template_csv(language: HeaderLanguage) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    let names: Vec<&str> = SummaryColumn::ALL
        .iter()
        .map(|c| c.name(language))
        .collect();
    out.extend(names.join(",").into_bytes());
    out.extend(b"\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::{compare, TargetTally, TargetValues};
    use mucsong_engine::{assess_summary, Area, Date, Indicator, SummaryRow};

    #[test]
    fn the_summary_has_classes_indicators_measures_and_targets_in_both_languages() {
        let mut summary = CommuneSummary::new();
        let mut tally = TargetTally::default();
        for (k, score) in [(0, 100), (1, 100), (2, 200)] {
            let mut row = SummaryRow {
                area: Some(Area::Rural),
                members: Some(2),
                score_a: Some(score),
                ..SummaryRow::default()
            };
            for (j, i) in Indicator::TWELVE.into_iter().enumerate() {
                row.indicators.insert(i, Some(j < 3 + k));
            }
            let result = assess_summary(&row, Date::new(2026, 6, 1).unwrap()).unwrap();
            summary.add(&result);
            tally.add(&result);
        }
        let targets = compare(&tally, &TargetValues::default());
        let en =
            String::from_utf8(summary_csv(&summary, &targets, HeaderLanguage::English)).unwrap();
        assert!(en.starts_with(
            "\u{feff}section,key,label,households,base,share_percent,target_percent,status\n"
        ));
        assert!(en.contains("class,poor,Poor,2,3,66.67,,\n"), "{en}");
        assert!(en.contains("deprived_poor,nutrition,"));
        assert!(en.contains("alkire_foster,a,"));
        // Two poor households, 3 and 4 of 12 deprived: A = 7/24 = 29.17 %.
        assert!(en.contains(",29.17,,\n"), "{en}");
        assert!(en.contains("target,water,"));
        let vi =
            String::from_utf8(summary_csv(&summary, &targets, HeaderLanguage::Vietnamese)).unwrap();
        assert!(vi.starts_with(
            "\u{feff}muc;ma;noi_dung;so_ho;mau_so;ty_le_phan_tram;chi_tieu_phan_tram;danh_gia\n"
        ));
        assert!(vi.contains("class;poor;Hộ nghèo;2;3;66,67;;\n"), "{vi}");
    }

    #[test]
    fn templates_hold_every_column_and_read_back_as_an_empty_summary_csv() {
        for language in [HeaderLanguage::English, HeaderLanguage::Vietnamese] {
            let bytes = template_csv(language);
            let reader = mucsong_formats::SummaryCsvReader::new(&bytes[..]).unwrap();
            assert_eq!(reader.columns(), &SummaryColumn::ALL[..]);
            assert_eq!(reader.layout().language, language);
        }
    }
}

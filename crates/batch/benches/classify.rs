//! Throughput benchmarks: the engine on realistic generated households (households/s), the JSON
//! Lines path from bytes to result lines (MB/s), and summary rows (rows/s), alone and through CSV.
//! Run with `cargo bench --profile cli -p mucsong-batch --bench classify` (native only).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use mucsong_generator as gen_households;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gen_households::Rng;
use mucsong_batch as batch;
use mucsong_engine::household::{Area, Region};
use mucsong_engine::{self as engine, AssessOptions, Date, HouseholdRecord, Indicator, SummaryRow};
use mucsong_formats::JsonLinesReader;
use std::hint::black_box;

const N: usize = 2_000;

fn households() -> Vec<HouseholdRecord> {
    (0..N as u64)
        .map(|i| gen_households::household(2026, i))
        .collect()
}

fn json_lines(records: &[HouseholdRecord]) -> Vec<u8> {
    records
        .iter()
        .flat_map(|r| (gen_households::json_line(r) + "\n").into_bytes())
        .collect()
}

fn summary_rows() -> Vec<SummaryRow> {
    let r = Rng::new(7);
    (0..N)
        .map(|i| {
            let area = if r.chance(70) {
                Area::Rural
            } else {
                Area::Urban
            };
            SummaryRow {
                id: Some(format!("ho-{i}")),
                area: Some(area),
                region: Some(if area == Area::Urban && r.chance(25) {
                    Region::CentrallyRunCity
                } else {
                    r.pick(&Region::ALL[..6])
                }),
                members: Some(r.range(1, 9) as u32),
                score_a: r.maybe(5, r.range(60, 260)),
                monthly_income_vnd: r.maybe(30, r.range(1, 40) * 500_000),
                indicators: Indicator::TWELVE
                    .into_iter()
                    .map(|i| (i, r.maybe(3, r.chance(25))))
                    .collect(),
            }
        })
        .collect()
}

fn summary_csv(rows: &[SummaryRow]) -> Vec<u8> {
    let mut text = String::from("ma_ho;khu_vuc;vung;so_nhan_khau;diem_a;thu_nhap_thang;viec_lam;phu_thuoc;dinh_duong;bhyt;giao_duc_nguoi_lon;di_hoc_tre_em;chat_luong_nha;dien_tich_nha;nuoc_sach;nha_tieu;internet;thiet_bi_thong_tin\n");
    for row in rows {
        let opt = |v: Option<String>| v.unwrap_or_default();
        text += &format!(
            "{};{};{};{};{};{}",
            opt(row.id.clone()),
            if row.area == Some(Area::Rural) {
                "nong_thon"
            } else {
                "thanh_thi"
            },
            opt(row.region.map(|r| r.key().to_string())),
            opt(row.members.map(|m| m.to_string())),
            opt(row.score_a.map(|a| a.to_string())),
            opt(row.monthly_income_vnd.map(|m| m.to_string())),
        );
        for v in row.indicators.values() {
            text += match v {
                Some(true) => ";1",
                Some(false) => ";0",
                None => ";",
            };
        }
        text += "\n";
    }
    text.into_bytes()
}

fn bench_engine(c: &mut Criterion) {
    let records = households();
    let options = AssessOptions::default();
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(N as u64));
    // With the explanation (what the apps show) and the result record alone (what batch runs
    // write): the same computation, the second keeping no reasons.
    group.bench_function(BenchmarkId::new("assess", "generated households"), |b| {
        b.iter(|| {
            for record in &records {
                let _ = black_box(engine::assess(black_box(record), &options));
            }
        })
    });
    group.bench_function(
        BenchmarkId::new("assess_result", "generated households"),
        |b| {
            b.iter(|| {
                for record in &records {
                    let _ = black_box(engine::assess_result(black_box(record), &options));
                }
            })
        },
    );
    // One realistic rural household of five (tests/it/fixtures), assessed N times.
    let realistic = mucsong_formats::parse_household(include_str!(
        "../../../tests/it/fixtures/realistic_household.json"
    ))
    .expect("the fixture is a valid household");
    group.bench_function(BenchmarkId::new("assess", "realistic household"), |b| {
        b.iter(|| {
            for _ in 0..N {
                let _ = black_box(engine::assess(black_box(&realistic), &options));
            }
        })
    });
    let rows = summary_rows();
    let date = Date::new(2026, 6, 1).unwrap();
    group.bench_function(BenchmarkId::new("assess_summary", "summary rows"), |b| {
        b.iter(|| {
            for row in &rows {
                let _ = black_box(engine::assess_summary(black_box(row), date));
            }
        })
    });
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let bytes = json_lines(&households());
    let options = AssessOptions::default();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("read_json_lines", |b| {
        b.iter(|| JsonLinesReader::new(black_box(&bytes[..])).count())
    });
    group.bench_function("classify_json_lines", |b| {
        b.iter(|| {
            batch::classify_json_lines(black_box(&bytes[..]), std::io::sink(), &options).unwrap()
        })
    });
    // Summary CSV in rows per second (the figure its goal is stated in).
    let csv = summary_csv(&summary_rows());
    group.throughput(Throughput::Elements(N as u64));
    let date = Date::new(2026, 6, 1).unwrap();
    group.bench_function("classify_summary_csv", |b| {
        b.iter(|| {
            batch::classify_summary_csv(black_box(&csv[..]), std::io::sink(), date, None)
                .1
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_engine, bench_batch);
criterion_main!(benches);

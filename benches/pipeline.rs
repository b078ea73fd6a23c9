//! Criterion micro-benchmarks: parsing one record, lowering it, the rules
//! on it (also with a roster), and the whole per-file check. `cargo bench`; the whole-archive
//! benchmark against ripgrep and markdownlint-cli2 is `bench/run.sh`.

use bienban::check::{check_bytes, Against, Options};
use bienban::common::i18n::Lang;
use bienban::model::facts::Facts;
use bienban::model::layout::{scan, Scan};
use bienban::model::lower::lower;
use bienban::regulation::profile::Profile;
use bienban::rules::{check_record, Context};
use bienban::syntax::parse::parse;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const RECORD: &str = include_str!("../samples/2021/bch/2021-12-bch-thuong-le-quy-4.md");

fn bench(c: &mut Criterion) {
    let profile = Profile::builtin();
    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Bytes(RECORD.len() as u64));
    g.bench_function("parse", |b| b.iter(|| parse(black_box(RECORD)).unwrap()));
    let lines = parse(RECORD).unwrap();
    let Scan::Record(title) = scan(RECORD) else { panic!("the benchmark record is a record") };
    g.bench_function("lower", |b| b.iter(|| lower(black_box(&lines), RECORD, &title, &profile)));
    let rec = lower(&lines, RECORD, &title, &profile);
    let cx = Context { profile: &profile, roster: None, lang: Lang::Vi };
    g.bench_function("rules", |b| {
        b.iter(|| {
            let facts = Facts::of(black_box(&rec), &profile, None);
            check_record(&rec, &facts, &cx)
        })
    });
    // The same, checked against the samples' roster (format 1.1).
    let roster = bienban::archive::roster::parse(
        std::path::Path::new("thanh-vien.toml"),
        "thanh-vien.toml",
        include_str!("../samples/thanh-vien.toml"),
        &profile,
        Lang::Vi,
    )
    .expect("the samples' roster");
    let cx_roster = Context { profile: &profile, roster: Some(&roster), lang: Lang::Vi };
    g.bench_function("rules_with_roster", |b| {
        b.iter(|| {
            let facts = Facts::of(black_box(&rec), &profile, Some(&roster));
            check_record(&rec, &facts, &cx_roster)
        })
    });
    g.bench_function("check_bytes", |b| {
        b.iter(|| check_bytes("r.md", black_box(RECORD.as_bytes()), Against::profile(&profile), Options::default()))
    });
    g.finish();
    c.bench_function("fold", |b| {
        b.iter(|| bienban::common::text::fold(black_box("Tổng số thành viên Ban Thường vụ Đảng ủy")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

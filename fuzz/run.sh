#!/usr/bin/env bash
# Fuzzes the whole pipeline (fuzz_targets/pipeline.rs), seeded with samples/.
# cargo-fuzz needs nightly-only compiler flags; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use them (no other toolchain can be installed here).
#   bash fuzz/run.sh [SECONDS]          (default 1800)
set -euo pipefail
cd "$(dirname "$0")"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
mkdir -p corpus/pipeline
for f in $(find ../samples ../tests/fixtures -name '*.md'); do
  cp "$f" "corpus/pipeline/seed_$(echo "$f" | tr '/.' '__')"
done
RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline corpus/pipeline -- \
  -max_total_time="${1:-1800}" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1

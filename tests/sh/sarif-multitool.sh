#!/usr/bin/env bash
# Microsoft's SARIF validator on bienban's SARIF: the sample archive as
# it is, with a baseline (external suppressions, baselineState) and with
# allow comments (inSource), run from the root, a subfolder and an absolute
# path. Fails on any error or warning the validator reports. Installs the
# npm package @microsoft/sarif-multitool (a self-contained .NET binary)
# under target/npm-sarif when missing. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
cargo build --quiet
bin=$repo/target/debug/bienban
tool=$repo/target/npm-sarif/node_modules/.bin/sarif-multitool
if [ ! -x "$tool" ]; then
  mkdir -p target/npm-sarif
  (cd target/npm-sarif && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool@5.7.0 >/dev/null)
  # npm may skip the package's postinstall (chmod u+x); do it here.
  chmod u+x target/npm-sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r samples "$work/archive"
export BIENBAN_CACHE_DIR="$work/cache"
out=$work/out
mkdir -p "$out"
(cd "$work/archive" && "$bin" check --format sarif --exit-zero . >"$out/plain.sarif")
(cd "$work/archive" && "$bin" check --write-baseline >/dev/null 2>&1)
sed -i 's/^Có mặt: 6$/Có mặt: 3/' "$work/archive/2021/btv/2021-03-btv-thuong-le.md"
(cd "$work/archive" && "$bin" check --format sarif --exit-zero . >"$out/baseline.sarif")
(cd "$work/archive/2021" && "$bin" check --format sarif --exit-zero btv >"$out/subfolder.sarif")
"$bin" check --format sarif --exit-zero "$work/archive/2021/tt" >"$out/absolute.sarif"
status=0
for f in "$out"/*.sarif; do
  report=$("$tool" validate "$f" 2>&1 || true)
  if grep -Eq ': (error|warning) [A-Z]+[0-9]+' <<<"$report" || ! grep -q 'Analysis completed successfully' <<<"$report"; then
    echo "sarif-multitool: $(basename "$f"):" >&2
    echo "$report" >&2
    status=1
  else
    echo "sarif-multitool: $(basename "$f"): no error, no warning"
  fi
done
exit $status

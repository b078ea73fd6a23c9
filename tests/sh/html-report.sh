#!/usr/bin/env bash
# The inspector's report in a real browser (run by .ci/run):
#   - installs Debian's chromium and poppler-utils, and (into target/npm)
#     playwright-core and html-validate from npm, when missing;
#   - writes the report of samples/ (an index of its two archives) and of a
#     hostile archive;
#   - loads every page headless: no console error, no network request,
#     every link resolves to a file of the report (tests/sh/html/browser.mjs);
#   - screenshots under target/html-report/shots/ (CI artifacts);
#   - prints the first archive's index to PDF (--print-to-pdf) and finds the Vietnamese
#     headings and the calendar's month names in it with pdftotext;
#   - proves the hostile record's script never ran;
#   - validates every page with html-validate (zero errors).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
out="$here/target/html-report"
npm_dir="$here/target/npm"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ "${#need_apt[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ! -d "$npm_dir/node_modules/playwright-core" ] || [ ! -d "$npm_dir/node_modules/html-validate" ]; then
  mkdir -p "$npm_dir"
  [ -f "$npm_dir/package.json" ] || echo '{"private": true}' > "$npm_dir/package.json"
  # playwright-core has no browser of its own: it drives Debian's chromium.
  (cd "$npm_dir" && npm install --no-audit --no-fund --silent playwright-core@1.65.2 html-validate@10.17.0)
fi

cargo build -q
bin="$here/target/debug/bienban"
rm -rf "$out"
mkdir -p "$out"

# The sample archives (samples/ and, nested, samples/khoi-doanh-nghiep-2023/):
# 9 + 6 errors, so exit 1, as `check`; an index of the two archives, each in
# its own folder.
set +e
"$bin" report --html "$out/samples" samples
code=$?
set -e
[ "$code" -eq 1 ] || { echo "report of samples/ should exit 1, got $code" >&2; exit 1; }
for a in 1-samples 2-khoi-doanh-nghiep-2023; do
  [ -f "$out/samples/$a/index.html" ] || { echo "no report of the archive $a" >&2; exit 1; }
  grep -qF "href=\"$a/index.html\"" "$out/samples/index.html" || { echo "the index does not link $a" >&2; exit 1; }
done

# A hostile archive: markup, event handlers and javascript: links in the
# record, and a file named <b>.md.
hostile_src="$(mktemp -d)"
trap 'rm -rf "$hostile_src"' EXIT
touch "$hostile_src/bienban.toml"
cat > "$hostile_src/<b>.md" <<'MD'
# Biên bản hội nghị Ban Thường vụ <script>document.title='PWNED';window.__pwned=1</script>

Cơ quan: Ban Thường vụ
Thời gian: 12/01/2021
Địa điểm: "><img src=x onerror="document.title='PWNED';document.body.dataset.pwned=1">
Chủ trì: Hoàng Văn Đức (Bí thư)

## Thành phần

Tổng số thành viên: 7
Có mặt: 4

## Nội dung

### 1. <a href="javascript:document.title='PWNED'">Xem</a> [liên kết](javascript:alert(1))

Số: </textarea><svg onload="window.__pwned=1">
Quyết định: <style>body{display:none}</style> Khen thưởng.
Loại việc: khen-thuong
Biểu quyết: nhất trí
MD
set +e
"$bin" report --html "$out/hostile" "$hostile_src"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "report of the hostile archive should exit 1 (quorum), got $code" >&2; exit 1; }
# Nothing written beside the reports but the reports.
extra="$(ls -A "$out")"
[ "$extra" = "$(printf 'hostile\nsamples')" ] || { echo "unexpected files in $out: $extra" >&2; exit 1; }

# The browser.
NPM_DIR="$npm_dir" node "$here/tests/sh/html/browser.mjs" "$out/samples" "$out/shots" "$out/hostile"

# Print the index to PDF, as an inspector would, and read it back.
profile_dir="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile_dir" --no-pdf-header-footer \
  --print-to-pdf="$out/shots/index.pdf" "file://$out/samples/1-samples/index.html" 2>/dev/null
rm -rf "$profile_dir"
pdftotext -layout "$out/shots/index.pdf" "$out/shots/index.txt"
missing=0
for want in "Báo cáo kiểm tra biên bản" "Tổng quan" "Lịch họp" "Tham dự" "Báo cáo lại và ủy quyền" "Phát hiện" \
  "Các biên bản" "Tháng 1" "Tháng 6" "Tháng 12" "Quý 4" "Điều 11.1"; do
  grep -qF "$want" "$out/shots/index.txt" || { echo "not in the printed index: $want" >&2; missing=1; }
done
[ "$missing" -eq 0 ] || exit 1
pages="$(pdfinfo "$out/shots/index.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
echo "printed index: ${pages:-?} A4 pages"

# Every page valid HTML.
cat > "$out/.htmlvalidate.json" <<'JSON'
{ "extends": ["html-validate:recommended"] }
JSON
mapfile -t files < <(find "$out/samples" "$out/hostile" -name '*.html' | sort)
"$npm_dir/node_modules/.bin/html-validate" --config "$out/.htmlvalidate.json" "${files[@]}"
echo "html-validate: ${#files[@]} pages, no errors"
echo "html report test: ok"

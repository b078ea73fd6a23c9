#!/usr/bin/env bash
# bienban's JUnit report read by the two Python parsers CI systems use,
# junitparser and xunitparser (PyPI, installed in a venv under
# target/py-junit when missing): on the sample archive and on a record full
# of characters XML 1.0 forbids, `tests` must be the number of files
# checked and `failures` the number of files with findings, in both
# parsers and in the counts the report itself declares. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet
bin=$PWD/target/debug/bienban
py=$PWD/target/py-junit/bin/python
if ! "$py" -c 'import junitparser, xunitparser' 2>/dev/null; then
  python3 -m venv target/py-junit
  target/py-junit/bin/pip install --quiet junitparser xunitparser
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BIENBAN_CACHE_DIR="$work/cache"
cp -r samples "$work/archive"
printf '# Biên bản hội nghị Ban Thường vụ \xef\xbf\xbe\x1b[2J\n\nCơ quan: Ban Thường vụ \xef\xbf\xbf\x01\nThời gian: 15/03/2021\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 3\n' >"$work/archive/2021/btv/hostile-\x1b.md"
cd "$work/archive"
"$bin" check --format junit . >"$work/report.xml" || true
"$bin" check --format json . >"$work/report.json" || true
"$py" - "$work/report.xml" "$work/report.json" <<'PY'
import json, sys
import junitparser, xunitparser
xml, js = sys.argv[1], sys.argv[2]
data = json.load(open(js))
files = data["files_checked"]
failed = len({d["path"] for d in data["diagnostics"]})
suites = list(junitparser.JUnitXml.fromfile(xml))
assert len(suites) == 1, suites
s = suites[0]
cases = list(s)
assert (s.tests, s.failures, s.errors) == (files, failed, 0), (s.tests, s.failures, s.errors, files, failed)
assert (len(cases), sum(1 for c in cases if c.result)) == (files, failed)
_, result = xunitparser.parse(open(xml, encoding="utf-8"))
assert (result.testsRun, len(result.failures), len(result.errors)) == (files, failed, 0), result
print(f"junitparser and xunitparser: {files} test cases, {failed} failures, as the JSON report counts")
PY

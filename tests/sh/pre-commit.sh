#!/usr/bin/env bash
# Runs the hooks exactly as users get them: fresh git repositories of
# minutes whose .pre-commit-config.yaml points at this repository.
# pre-commit builds bienban itself (language: rust), once for both hooks.
#   1. `pre-commit run --all-files`: a record below quorum fails `bienban`.
#   2. Real `git commit`s with the hooks installed:
#      - the cross-file case: deleting `Báo cáo lại: 02-QĐ/ĐU` from a BTV
#        record makes the TT record's urgent decision unreported; the
#        `bienban` hook, given only the BTV record, blocks the commit
#        because the finding involves it;
#      - the deletion case: `git rm` of a BTV record leaves a month with no
#        regular meeting; no file is passed, and `bienban-archive` blocks it.
# Needs `pre-commit` (PyPI) on PATH; .ci/run installs it. Tests the
# committed HEAD (pre-commit clones the repository at a revision).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$here" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
fail() { echo "pre-commit test: $*" >&2; exit 1; }

config() {
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: bienban
      - id: bienban-archive
YAML
}

new_repo() {
  cd "$work"
  git init -q "$1" && cd "$1"
  git config user.email ci@example.invalid && git config user.name ci
  config
}

# ── 1. run --all-files ──────────────────────────────────────────────────
new_repo repo
touch bienban.toml
cp "$here/samples/2021/btv/2021-01-btv-thuong-le.md" clean.md
cp "$here/samples/2021/btv/2021-04-btv-thuong-le.md" quorum.md   # 4 of 7 present
printf '# Ghi chú\n\nKhông phải biên bản.\n' > README.md
git add -A
set +e
out="$(pre-commit run --all-files 2>&1)"
code=$?
set -e
echo "$out" | tail -n 30
if [ "$code" -eq 0 ] || ! grep -q "bienban::quorum" <<<"$out"; then
  fail "expected the quorum error to fail the hook (exit $code)"
fi
# Without the faulty record, the hooks pass.
rm quorum.md
git add -A
pre-commit run --all-files

# ── 2. commits: the cross-file case and the deletion case ───────────────
new_repo archive
touch bienban.toml
mkdir -p btv tt
cp "$here/samples/2021/btv/2021-01-btv-thuong-le.md" btv/
cp "$here/samples/2021/tt/2021-02-03-tt-hoi-y.md" tt/       # urgent 02-QĐ/ĐU
cp "$here/samples/2021/btv/2021-02-btv-thuong-le.md" btv/   # Báo cáo lại: 02-QĐ/ĐU
cp "$here/samples/2021/btv/2021-03-btv-thuong-le.md" btv/
pre-commit install >/dev/null
git add -A
git commit -q -m "lưu trữ" || fail "the clean archive should commit"

# The cross-file case: only the BTV record changes.
sed -i '/^Báo cáo lại: 02-QĐ\/ĐU/d' btv/2021-02-btv-thuong-le.md
git add btv/2021-02-btv-thuong-le.md
set +e
out="$(git commit -m "bỏ báo cáo lại" 2>&1)"
code=$?
set -e
grep -E '(Passed|Failed|Skipped)$|bienban::|^ +╭─\[' <<<"$out" || true
[ "$code" -ne 0 ] || fail "deleting Báo cáo lại should block the commit"
grep -Eq '^bienban \(kiểm tra biên bản\)\.+Failed' <<<"$out" \
  || fail "the bienban hook (changed files) should fail on the cross-file finding"
grep -q "bienban::report-back" <<<"$out" || fail "expected report-back"
grep -q "tt/2021-02-03-tt-hoi-y.md" <<<"$out" || fail "the finding is on the TT record"
git checkout -q HEAD -- btv/2021-02-btv-thuong-le.md

# The deletion case: no file is passed; the whole-archive hook sees the gap.
git rm -q btv/2021-02-btv-thuong-le.md
set +e
out="$(git commit -m "xóa biên bản" 2>&1)"
code=$?
set -e
grep -E '(Passed|Failed|Skipped)$|bienban::|^ +╭─\[' <<<"$out" || true
[ "$code" -ne 0 ] || fail "git rm of a BTV record should block the commit"
grep -Eq '^bienban \(kiểm tra biên bản\)\.+\(no files to check\)Skipped' <<<"$out" \
  || fail "the bienban hook has no file to check on a deletion"
grep -Eq '^bienban \(cả lưu trữ / whole archive\)\.+Failed' <<<"$out" \
  || fail "the bienban-archive hook should fail on the deletion"
grep -q "bienban::meeting-frequency" <<<"$out" || fail "expected meeting-frequency (February has no BTV meeting)"
git reset -q --hard HEAD
# And an unrelated commit still passes both hooks.
printf '\nGhi chú thêm.\n' >> btv/2021-03-btv-thuong-le.md
git add -A
git commit -q -m "ghi chú" || fail "a harmless edit should commit"
echo "pre-commit test: ok"

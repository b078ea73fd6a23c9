#!/usr/bin/env bash
# Runs the hook exactly as users get it: a fresh git repository of minutes
# whose .pre-commit-config.yaml points at this repository, then
# `pre-commit run --all-files`. pre-commit builds bienban itself (language: rust).
# Needs `pre-commit` (PyPI) on PATH; .ci/run installs it.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$here" rev-parse HEAD)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
cd "$work"
git init -q repo && cd repo
git config user.email ci@example.invalid && git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: bienban
YAML
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
  echo "pre-commit test: expected the quorum error to fail the hook (exit $code)" >&2
  exit 1
fi
# Without the faulty record, the hook passes.
rm quorum.md
git add -A
pre-commit run --all-files
echo "pre-commit test: ok"

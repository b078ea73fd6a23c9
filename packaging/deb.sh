#!/usr/bin/env bash
# Builds a Debian package of bienban with cargo-deb, then checks it: installs
# it (dpkg, as root: in a container or CI machine), runs the installed binary
# on the sample archive, reads its manual page, and removes it again.
#
#   bash packaging/deb.sh            # build and check (needs root for dpkg -i)
#   NO_INSTALL=1 bash packaging/deb.sh   # build only
#
# cargo-deb is installed with `cargo install --locked` when missing (a few
# minutes on two cores, once). Not run by .ci/run: the release build and
# cargo-deb's own build take longer than the rest of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-deb >/dev/null 2>&1; then
  cargo install --locked cargo-deb
fi
cargo build --release --locked
out=target/packaging
rm -rf "$out"
mkdir -p "$out/completions"
./target/release/bienban --lang en man --out-dir "$out/man" >/dev/null
./target/release/bienban completions bash >"$out/completions/bienban.bash"
./target/release/bienban completions zsh >"$out/completions/_bienban"
./target/release/bienban completions fish >"$out/completions/bienban.fish"
deb=$(cargo deb --no-build --locked --strip 2>&1 | tail -n 1)
echo "built $deb"
dpkg-deb --info "$deb" | sed -n '1,20p'
dpkg-deb --contents "$deb" | grep -E 'usr/bin/bienban|man1/bienban-check.1|bash-completion' 
if [ -n "${NO_INSTALL:-}" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "not root: built, not installed (NO_INSTALL=1 to skip this check)" >&2
  exit 1
fi
dpkg -i "$deb"
trap 'dpkg -r bienban >/dev/null 2>&1 || true' EXIT
test "$(command -v bienban)" = /usr/bin/bienban
bienban --version
status=0
(cd samples && BIENBAN_CACHE_DIR=$(mktemp -d) bienban check --quiet --format short >/dev/null) || status=$?
test "$status" = 1   # the samples hold deliberate errors
# cargo-deb compresses manual pages.
test -f /usr/share/man/man1/bienban-check.1.gz
if command -v man >/dev/null 2>&1; then
  man -l /usr/share/man/man1/bienban-check.1.gz | grep -q 'EXIT STATUS'
fi
echo "the .deb installs, runs and documents itself"

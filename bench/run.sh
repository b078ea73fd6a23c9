#!/usr/bin/env bash
# Benchmark of bienban on a generated archive of 100,000 records (issue #5).
#
#   bench/run.sh            # install tools, build, generate, time, report
#   bench/run.sh verify     # only check that a generated archive is clean
#
# Environment (all optional):
#   ROUNDS=5          timed rounds of bienban and ripgrep (medians are reported)
#   MDL_ROUNDS=1      timed rounds of markdownlint-cli2 (it is slow)
#   MDL_TIMEOUT=1200  seconds allowed for one markdownlint-cli2 run on 100k;
#                     if its 10k time says it would take longer, or it times
#                     out, its 100k time is extrapolated linearly from 10k
#   MDL=0             skip markdownlint-cli2 altogether
#   MDL_HEAP_MB=8192  Node heap limit for markdownlint-cli2 (it keeps every file)
#   THREADS=N         pass --threads N to bienban (only if `check --help` has it)
#   SEED=5            generator seed;  BIG=100000, SMALL=10000: archive sizes
#   ONE_ROOT=1        also time the 100k archive as a single archive root
#   PRECOMMIT=1       the pre-commit scenario (needs ONE_ROOT=1): a git
#                     repository made from the one-root archive; one file
#                     changed, checked with a warm cache, beside
#                     `git status --porcelain` on the same tree
#   ROSTER=1          also time the 100k archive with a roster per organisation
#   HYPERFINE=1       also cross-check bienban and ripgrep with hyperfine
#   OUT=bench/out     where archives and results go (kept out of git)
set -euo pipefail
export LC_NUMERIC=C # a decimal point in $EPOCHREALTIME and awk

cd "$(dirname "$0")/.."
ROOT=$PWD
ROUNDS=${ROUNDS:-5}
MDL_ROUNDS=${MDL_ROUNDS:-1}
MDL_TIMEOUT=${MDL_TIMEOUT:-1200}
MDL=${MDL:-1}
SEED=${SEED:-5}
BIG=${BIG:-100000}
SMALL=${SMALL:-10000}
ONE_ROOT=${ONE_ROOT:-1}
PRECOMMIT=${PRECOMMIT:-1}
[ "$ONE_ROOT" = 1 ] || PRECOMMIT=0
ROSTER=${ROSTER:-1}
HYPERFINE=${HYPERFINE:-0}
OUT=${OUT:-bench/out}
TOOLS=bench/.tools
BB=./target/release/bienban
GEN=./target/release/examples/gen_archive
A_BIG=$OUT/a$((BIG / 1000))k
A_SMALL=$OUT/a$((SMALL / 1000))k
A_ONE=$OUT/a$((BIG / 1000))k-one-root
A_GIT=$OUT/a$((BIG / 1000))k-git
A_ROSTER=$OUT/a$((BIG / 1000))k-roster

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

# ── tools ────────────────────────────────────────────────────────────────
SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null && SUDO="sudo" || SUDO=""
fi
APT_UPDATED=0
apt_install() { # package…
    command -v apt-get >/dev/null || return 1
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
    if [ "$APT_UPDATED" = 0 ]; then
        APT_UPDATED=1
        $SUDO apt-get update -q >/dev/null 2>&1 || true
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
    fi
    return 1
}

install_tools() {
    export PATH="$ROOT/$TOOLS/bin:$ROOT/$TOOLS/node_modules/.bin:$PATH"
    if ! command -v rg >/dev/null; then
        log "installing ripgrep"
        apt_install ripgrep || cargo install --locked --root "$TOOLS" ripgrep || die "cannot install ripgrep"
    fi
    if [ ! -x /usr/bin/time ]; then
        log "installing GNU time"
        apt_install time || die "cannot install GNU time (Debian package 'time')"
    fi
    if [ "$MDL" = 1 ] && [ ! -x "$TOOLS/node_modules/.bin/markdownlint-cli2" ]; then
        log "installing markdownlint-cli2 into $TOOLS"
        command -v npm >/dev/null || apt_install nodejs npm || die "cannot install npm (needed for markdownlint-cli2)"
        mkdir -p "$TOOLS"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS" markdownlint-cli2 >/dev/null \
            || die "cannot install markdownlint-cli2"
    fi
    if [ "$HYPERFINE" = 1 ] && ! command -v hyperfine >/dev/null; then
        log "installing hyperfine"
        apt_install hyperfine || cargo install --locked --root "$TOOLS" hyperfine || { log "no hyperfine; skipping the cross-check"; HYPERFINE=0; }
    fi
}

# ── build and generate ───────────────────────────────────────────────────
# Others may rebuild target/release while this runs: time a frozen copy, and
# note which commit (and whether uncommitted changes) it was built from.
build() {
    log "building bienban and the generator (release)"
    cargo build --release --quiet --bin bienban --example gen_archive
    BUILT_AT=$(git rev-parse --short HEAD)
    local dirty
    # Only what goes into the binary counts (not, say, this folder's RESULTS.md).
    dirty=$(git status --porcelain --untracked-files=all -- src grammar profiles build.rs Cargo.toml Cargo.lock | wc -l)
    [ "$dirty" -gt 0 ] && BUILT_AT="$BUILT_AT (+ $dirty uncommitted changes in src/, grammar/, profiles/ or Cargo files)"
    mkdir -p "$OUT/bin"
    cp target/release/bienban "$OUT/bin/bienban"
    cp target/release/examples/gen_archive "$OUT/bin/gen_archive"
    BB=$OUT/bin/bienban
    GEN=$OUT/bin/gen_archive
    log "timing $BB, built from $BUILT_AT"
}

generate() { # dir records [generator flag…]
    local dir=$1 n=$2 stamp="$1.stamp" want
    shift 2
    want="seed=$SEED records=$n${*:+ $*} generator=$(sha256sum examples/gen_archive.rs | cut -c1-16)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$dir" ]; then
        log "$dir is up to date ($want)"
        return
    fi
    log "generating $dir ($n records, seed $SEED)"
    rm -rf "$dir" "$stamp"
    mkdir -p "$(dirname "$dir")"
    "$GEN" --out "$dir" --records "$n" --seed "$SEED" "$@" >&2
    echo "$want" >"$stamp"
}

# The same files, hard-linked, as one archive root (the organisations'
# bienban.toml removed): cross-record rules over 100,000 summaries at once.
one_root() {
    local stamp="$A_ONE.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(cat "$A_BIG.stamp")" ]; then return; fi
    log "making $A_ONE (hard links to $A_BIG, one bienban.toml at the top)"
    rm -rf "$A_ONE" "$stamp"
    cp -al "$A_BIG" "$A_ONE"
    find "$A_ONE" -mindepth 2 -name bienban.toml -delete
    cp "$A_BIG.stamp" "$stamp"
}

# The same files again (hard links), as a git repository with one commit:
# what a pre-commit hook runs in. A file the scenario changes is replaced
# (a new inode), never written in place: the other archives share its inode.
git_tree() {
    local stamp="$A_GIT.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(cat "$A_ONE.stamp")" ] && [ -d "$A_GIT/.git" ]; then
        git -C "$A_GIT" checkout -q -- . 2>/dev/null || true
        return
    fi
    log "making $A_GIT (hard links to $A_ONE, a git repository with one commit; takes a minute)"
    rm -rf "$A_GIT" "$stamp"
    cp -al "$A_ONE" "$A_GIT"
    git -C "$A_GIT" init -q
    git -C "$A_GIT" add -A
    git -C "$A_GIT" -c user.name=bench -c user.email=bench@localhost commit -q -m archive
    cp "$A_ONE.stamp" "$stamp"
}

# ── timing ───────────────────────────────────────────────────────────────
# Runs a command ROUNDS times under /usr/bin/time; exit status 0 or 1 is a
# normal outcome (findings), anything else fails. Prints "seconds maxrss_kb
# cpu_seconds" for every round, one a line.
timed() { # rounds cmd…
    local rounds=$1; shift
    local i t0 t1 rc tf
    tf=$(mktemp)
    for ((i = 1; i <= rounds; i++)); do
        [ -n "${BEFORE_ROUND:-}" ] && $BEFORE_ROUND
        t0=$EPOCHREALTIME
        set +e
        /usr/bin/time -f '%M %U %S' -o "$tf" "$@" >/dev/null 2>&1
        rc=$?
        set -e
        t1=$EPOCHREALTIME
        if [ "$rc" -gt 1 ]; then
            rm -f "$tf"
            printf "bench/run.sh: '%s' exited with status %s\n" "$*" "$rc" >&2
            return 3
        fi
        # seconds (wall), peak RSS (KB), CPU seconds (user + system)
        echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $(tail -n1 "$tf" | awk '{ printf "%s %.2f", $1, $2 + $3 }')"
    done
    rm -f "$tf"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$1" '{ print $c }'; }
maxof() { sort -n | tail -n1; }
fmt() { awk -v x="$1" -v d="${2:-2}" 'BEGIN { printf "%.*f", d, x }'; }
div() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b == 0) print "nan"; else printf "%.*f", d, a / b }'; }

archive_bytes() { find "$1" -name '*.md' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
archive_files() { find "$1" -name '*.md' -type f | wc -l; }

# bienban keeps its cache in the user's cache folder; here, one folder per
# archive under $OUT/cache (BIENBAN_CACHE_DIR), so that each can be cleared.
case "$OUT" in /*) CACHES="$OUT/cache" ;; *) CACHES="$ROOT/$OUT/cache" ;; esac
cache_of() { echo "$CACHES/$(basename "$1")"; }
clear_cache() { rm -rf "$(cache_of "$1")"; }
clear_big_cache() { clear_cache "$A_BIG"; }
clear_small_cache() { clear_cache "$A_SMALL"; }
# bb DIR ARGS…: bienban with DIR's cache folder.
# The binary by an absolute path (OUT may be relative or absolute).
bb_abs() { case "$BB" in /*) echo "$BB" ;; *) echo "$ROOT/$BB" ;; esac; }
bb() { local dir=$1; shift; env BIENBAN_CACHE_DIR="$(cache_of "$dir")" "$(bb_abs)" "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

warm() { # dir: read every file once so that all rounds start from the page cache
    find "$1" -type f -name '*.md' -print0 | xargs -0 cat >/dev/null
}

# ── verify: findings only where violations.tsv says ──────────────────────
verify() { # dir
    local dir=${1:-$A_SMALL} json
    json=$(mktemp)
    local args=(check --format json)
    # Never trust a cache left by another build of bienban here.
    "$BB" check --help 2>/dev/null | grep -q -- '--no-cache' && args+=(--no-cache)
    set +e
    "$BB" "${args[@]}" "$dir" >"$json"
    set -e
    local rc=0
    python3 - "$dir" "$json" <<'EOF' || rc=$?
import collections, json, sys
root, out = sys.argv[1].rstrip('/'), json.load(open(sys.argv[2]))
listed = {}
for line in open(root + '/violations.tsv'):
    if not line.startswith('#'):
        path, rule = line.rstrip('\n').split('\t')
        listed[root + '/' + path] = rule
by_rule = collections.Counter()
unexpected = []
for d in out['diagnostics']:
    ok = listed.get(d['path']) == d['rule']
    by_rule[(d['rule'], 'deliberate' if ok else 'UNEXPECTED')] += 1
    if not ok:
        unexpected.append(d)
found = {(d['path'], d['rule']) for d in out['diagnostics']}
missed = [(p, r) for p, r in listed.items() if (p, r) not in found]
print(f"{out['files_checked']} files checked, {len(listed)} deliberate violations listed")
for (rule, kind), n in sorted(by_rule.items()):
    print(f"  {rule:20} {kind:11} {n}")
print(f"  listed but not reported: {len(missed)}")
for d in unexpected[:10]:
    print(f"  UNEXPECTED {d['path']}:{d['line']} [{d['rule']}] {d['message']}")
for p, r in missed[:10]:
    print(f"  MISSED {p} [{r}]")
sys.exit(1 if unexpected or missed else 0)
EOF
    rm -f "$json"
    return $rc
}

if [ "${1:-}" = verify ]; then
    build
    generate "$A_SMALL" "$SMALL"
    verify "$A_SMALL"
    exit
fi

# ── main ─────────────────────────────────────────────────────────────────
install_tools
build
generate "$A_BIG" "$BIG"
generate "$A_SMALL" "$SMALL"
[ "$ONE_ROOT" = 1 ] && one_root
# The same records, each organisation with its roster (thanh-vien.toml) named
# in its bienban.toml: what checking against who the members were costs.
[ "$ROSTER" = 1 ] && generate "$A_ROSTER" "$BIG" --roster

BB_ARGS=(check --format json)
if [ -n "${THREADS:-}" ]; then
    if "$BB" check --help 2>/dev/null | grep -q -- '--threads'; then
        BB_ARGS+=(--threads "$THREADS")
    else
        log "THREADS=$THREADS ignored: this bienban has no --threads"
    fi
fi

RES=$OUT/results-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RES"
log "results in $RES"

log "checking that the 10k archive gives only its deliberate findings"
if verify "$A_SMALL" >"$RES/verify.txt"; then CLEAN=yes; else CLEAN=no; fi
cat "$RES/verify.txt" >&2
if [ "$ROSTER" = 1 ]; then
    log "checking that the archive with rosters gives only its deliberate findings"
    if verify "$A_ROSTER" >"$RES/verify-roster.txt"; then ROSTER_CLEAN=yes; else ROSTER_CLEAN=no; fi
    cat "$RES/verify-roster.txt" >&2
fi

# Three ways to run bienban on the same archive: a full check (--no-cache:
# every file parsed, nothing written), a first run with an empty cache (the
# default command, which also writes the cache), and a repeat run on
# an unchanged archive (the default command again: files known by their
# stat data, results and the archive rules' findings taken from the cache).
FULL_ARGS=("${BB_ARGS[@]}")
HAS_CACHE=0
if "$BB" check --help 2>/dev/null | grep -q -- '--no-cache'; then
    HAS_CACHE=1
    FULL_ARGS+=(--no-cache)
fi
LOAD_START=$(load)
# Caches left by earlier runs (maybe by another build) must not be reused.
clear_cache "$A_BIG"
clear_cache "$A_SMALL"
[ "$ONE_ROOT" = 1 ] && clear_cache "$A_ONE"
[ "$ROSTER" = 1 ] && clear_cache "$A_ROSTER"

log "warming the page cache"
warm "$A_BIG"
warm "$A_SMALL"
rg -c "Biểu quyết" "$A_BIG" >/dev/null || true
"$BB" "${FULL_ARGS[@]}" "$A_SMALL" >/dev/null || true

log "bienban, full check, on $A_BIG ($ROUNDS rounds)"
timed "$ROUNDS" "$BB" "${FULL_ARGS[@]}" "$A_BIG" | tee "$RES/bienban-full-big.txt" >&2
if [ "$ROSTER" = 1 ]; then
    warm "$A_ROSTER"
    log "bienban, full check, on $A_ROSTER ($ROUNDS rounds)"
    timed "$ROUNDS" "$BB" "${FULL_ARGS[@]}" "$A_ROSTER" | tee "$RES/bienban-roster-full.txt" >&2
fi
log "ripgrep on $A_BIG ($ROUNDS rounds)"
timed "$ROUNDS" rg -c "Biểu quyết" "$A_BIG" | tee "$RES/rg-big.txt" >&2
log "bienban, full check, on $A_SMALL ($ROUNDS rounds)"
timed "$ROUNDS" "$BB" "${FULL_ARGS[@]}" "$A_SMALL" | tee "$RES/bienban-full-small.txt" >&2
if [ "$HAS_CACHE" = 1 ]; then
    log "bienban, first run with an empty cache, on $A_BIG ($ROUNDS rounds)"
    BEFORE_ROUND=clear_big_cache timed "$ROUNDS" env BIENBAN_CACHE_DIR="$(cache_of "$A_BIG")" "$BB" "${BB_ARGS[@]}" "$A_BIG" | tee "$RES/bienban-first-big.txt" >&2
    log "bienban, repeat run (cache hit), on $A_BIG ($ROUNDS rounds)"
    timed "$ROUNDS" env BIENBAN_CACHE_DIR="$(cache_of "$A_BIG")" "$BB" "${BB_ARGS[@]}" "$A_BIG" | tee "$RES/bienban-repeat-big.txt" >&2
    log "bienban, repeat run (cache hit), on $A_SMALL ($ROUNDS rounds)"
    bb "$A_SMALL" "${BB_ARGS[@]}" "$A_SMALL" >/dev/null || true
    timed "$ROUNDS" env BIENBAN_CACHE_DIR="$(cache_of "$A_SMALL")" "$BB" "${BB_ARGS[@]}" "$A_SMALL" | tee "$RES/bienban-repeat-small.txt" >&2
fi
if [ "$ONE_ROOT" = 1 ]; then
    warm "$A_ONE"
    log "bienban on $A_ONE, one archive root: full check, then repeat runs ($ROUNDS rounds each)"
    timed "$ROUNDS" "$BB" "${FULL_ARGS[@]}" "$A_ONE" | tee "$RES/bienban-one-full.txt" >&2
    if [ "$HAS_CACHE" = 1 ]; then
        bb "$A_ONE" "${BB_ARGS[@]}" "$A_ONE" >/dev/null || true
        timed "$ROUNDS" env BIENBAN_CACHE_DIR="$(cache_of "$A_ONE")" "$BB" "${BB_ARGS[@]}" "$A_ONE" | tee "$RES/bienban-one-repeat.txt" >&2
    fi
fi

# ── pre-commit: one changed file in the one-root archive, as a git tree ──
# Run from the repository's top, as pre-commit runs hooks. Before each round
# the file gets new content (a new file renamed over it: its inode is shared
# with the other archives), so every round checks a change the cache has not
# seen: `text` appends a line (the record's cross-record summary stays the
# same, the archive rules' findings are reused), `date` moves the meeting by
# a day (its summary changes: every summary is decoded and the archive
# rules run again). git status sees the same change.
if [ "$PRECOMMIT" = 1 ] && [ "$HAS_CACHE" = 1 ]; then
    git_tree
    warm "$A_GIT"
    PC_FILE=$(git -C "$A_GIT" ls-files '*/btv/*.md' | awk '{ a[NR] = $0 } END { print a[int(NR / 2) + 1] }')
    [ -n "$PC_FILE" ] || PC_FILE=$(git -C "$A_GIT" ls-files '*.md' | head -1)
    PC_ORIG=$(mktemp)
    cp "$A_GIT/$PC_FILE" "$PC_ORIG"
    PC_ROUND=0
    change() { # text|date: new content for PC_FILE, through a rename
        PC_ROUND=$((PC_ROUND + 1))
        local tmp="$A_GIT/$PC_FILE.bench-tmp"
        case $1 in
        text) { cat "$PC_ORIG"; printf '\nĐồng chí thư ký ghi thêm (lần sửa %s).\n' "$PC_ROUND"; } >"$tmp" ;;
        date) awk -v n="$PC_ROUND" '!done && /^Thời gian:/ { if (match($0, /[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9]/)) { d = substr($0, RSTART, 2) + 0; d = (d + n - 1) % 28 + 1; $0 = substr($0, 1, RSTART - 1) sprintf("%02d", d) substr($0, RSTART + 2) } done = 1 } { print }' "$PC_ORIG" >"$tmp" ;;
        esac
        mv "$tmp" "$A_GIT/$PC_FILE"
    }
    change_text() { change text; }
    change_date() { change date; }
    restore() { cp "$PC_ORIG" "$A_GIT/$PC_FILE.bench-tmp" && mv "$A_GIT/$PC_FILE.bench-tmp" "$A_GIT/$PC_FILE"; }
    PC=(env -C "$A_GIT" BIENBAN_CACHE_DIR="$(cache_of "$A_GIT")" "$(bb_abs)" "${BB_ARGS[@]}")
    log "pre-commit scenario in $A_GIT: $PC_FILE"
    clear_cache "$A_GIT"
    "${PC[@]}" . >/dev/null || true # the cache, warm
    log "bienban, pre-commit, one file changed (text) ($ROUNDS rounds)"
    BEFORE_ROUND=change_text timed "$ROUNDS" "${PC[@]}" "$PC_FILE" | tee "$RES/pc-text.txt" >&2
    log "bienban, pre-commit, one file changed (its date) ($ROUNDS rounds)"
    BEFORE_ROUND=change_date timed "$ROUNDS" "${PC[@]}" "$PC_FILE" | tee "$RES/pc-date.txt" >&2
    log "git status --porcelain, one file changed ($ROUNDS rounds)"
    BEFORE_ROUND=change_text timed "$ROUNDS" git -C "$A_GIT" status --porcelain | tee "$RES/git-changed.txt" >&2
    restore
    git -C "$A_GIT" status --porcelain >/dev/null
    "${PC[@]}" . >/dev/null || true
    sleep 2 # past the racy window of the run that recorded the restored file
    "${PC[@]}" . >/dev/null || true
    log "bienban, repeat run of the whole tree, nothing changed ($ROUNDS rounds)"
    timed "$ROUNDS" "${PC[@]}" . | tee "$RES/pc-whole.txt" >&2
    log "git status --porcelain, nothing changed ($ROUNDS rounds)"
    timed "$ROUNDS" git -C "$A_GIT" status --porcelain | tee "$RES/git-clean.txt" >&2
    rm -f "$PC_ORIG"
fi

MDL_NOTE=""
if [ "$MDL" = 1 ]; then
    MDLBIN=$TOOLS/node_modules/.bin/markdownlint-cli2
    # Room for Node's heap: on 20,000 files markdownlint-cli2 already peaks near 1 GB.
    export NODE_OPTIONS="--max-old-space-size=${MDL_HEAP_MB:-8192}"
    log "markdownlint-cli2 on $A_SMALL ($MDL_ROUNDS rounds)"
    timed "$MDL_ROUNDS" "$MDLBIN" "$A_SMALL/**/*.md" | tee "$RES/mdl-small.txt" >&2
    mdl_small=$(col 1 <"$RES/mdl-small.txt" | median)
    estimate=$(awk -v t="$mdl_small" -v a="$SMALL" -v b="$BIG" 'BEGIN { printf "%.0f", t * b / a }')
    if [ "$estimate" -le "$MDL_TIMEOUT" ]; then
        log "markdownlint-cli2 on $A_BIG ($MDL_ROUNDS rounds, timeout ${MDL_TIMEOUT}s; ~${estimate}s expected)"
        if timed "$MDL_ROUNDS" timeout "$MDL_TIMEOUT" "$MDLBIN" "$A_BIG/**/*.md" >"$RES/mdl-big.txt"; then
            cat "$RES/mdl-big.txt" >&2
        else
            MDL_NOTE="markdownlint-cli2 failed or did not finish $BIG files within ${MDL_TIMEOUT}s (see above); its time is extrapolated linearly from $SMALL files"
            rm -f "$RES/mdl-big.txt"
        fi
    else
        MDL_NOTE="markdownlint-cli2 was timed on $SMALL files only (${mdl_small}s); its $BIG-file time is extrapolated linearly (×$((BIG / SMALL))), because it would take ~${estimate}s > MDL_TIMEOUT=${MDL_TIMEOUT}s"
    fi
    if [ ! -s "$RES/mdl-big.txt" ]; then
        awk -v t="$mdl_small" -v a="$SMALL" -v b="$BIG" 'BEGIN { printf "%.3f extrapolated\n", t * b / a }' >"$RES/mdl-big-extrapolated.txt"
    fi
fi

if [ "$HYPERFINE" = 1 ]; then
    log "hyperfine cross-check"
    hyperfine --style basic --runs "$ROUNDS" -i --export-markdown "$RES/hyperfine.md" \
        "$BB ${FULL_ARGS[*]} $A_BIG" "rg -c 'Biểu quyết' $A_BIG" >&2 || true
fi

# ── report ───────────────────────────────────────────────────────────────
files_big=$(archive_files "$A_BIG")
bytes_big=$(archive_bytes "$A_BIG")
files_small=$(archive_files "$A_SMALL")
mb=$(div "$bytes_big" 1000000 1)
LOAD_END=$(load)
med() { col 1 <"$RES/$1.txt" | median; }
rss() { div "$(col 2 <"$RES/$1.txt" | maxof)" 1024 0; }
row() { # label command file files
    local t
    t=$(med "$3")
    echo "| $1 | \`$2\` | $(fmt "$t") s | $(fmt "$(col 3 <"$RES/$3.txt" | median)") s | $(div "$4" "$t" 0) files, $(div "$(awk -v f="$4" -v F="$files_big" -v m="$mb" 'BEGIN { print m * f / F }')" "$t" 1) MB | $(rss "$3") MB |"
}
full=$(med bienban-full-big)
rg_t=$(med rg-big)
if [ "$MDL" = 1 ]; then
    if [ -s "$RES/mdl-big.txt" ]; then mdl=$(med mdl-big); mdl_how="measured"
    else mdl=$(col 1 <"$RES/mdl-big-extrapolated.txt"); mdl_how="extrapolated from $files_small files"; fi
fi
yes_no() { awk -v c="$1" 'BEGIN { print (c ? "yes" : "**no**") }'; }
cmp() { awk -v a="$1" -v b="$3" "BEGIN { print (a $2 b) }"; }
rel() { echo "${1#"$ROOT"/}"; }

{
    echo "## bienban benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- bienban: $BUILT_AT"
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $(free -h | awk '/^Mem:/ { print $2 }') RAM; $(rustc -V); load average $LOAD_START at the start, $LOAD_END at the end"
    echo "- archive: $files_big records, $mb MB, seed $SEED (\`cargo run --release --example gen_archive -- --out $A_BIG --records $BIG --seed $SEED\`); clean apart from its listed deliberate violations: $CLEAN"
    echo "- medians of $ROUNDS rounds (markdownlint-cli2: $MDL_ROUNDS), warm page cache; peak RSS is the largest of the rounds"
    [ -n "$MDL_NOTE" ] && echo "- note: $MDL_NOTE"
    echo
    echo "| what | command | median wall | median CPU (user+sys) | per second (wall) | peak RSS |"
    echo "|---|---|---:|---:|---:|---:|"
    row "bienban, full check (every file parsed), $files_big records" "bienban ${FULL_ARGS[*]} $A_BIG" bienban-full-big "$files_big"
    if [ "$HAS_CACHE" = 1 ]; then
        row "bienban, first run, empty cache (writes it)" "bienban ${BB_ARGS[*]} $A_BIG" bienban-first-big "$files_big"
        row "bienban, repeat run, unchanged archive (cache hit)" "bienban ${BB_ARGS[*]} $A_BIG" bienban-repeat-big "$files_big"
    fi
    row "bienban, full check, $files_small records" "bienban ${FULL_ARGS[*]} $A_SMALL" bienban-full-small "$files_small"
    [ "$HAS_CACHE" = 1 ] && row "bienban, repeat run, $files_small records" "bienban ${BB_ARGS[*]} $A_SMALL" bienban-repeat-small "$files_small"
    if [ "$ROSTER" = 1 ]; then
        row "bienban, full check, $files_big records with a roster per organisation (clean apart from its deliberate violations: $ROSTER_CLEAN)" "bienban ${FULL_ARGS[*]} $A_ROSTER" bienban-roster-full "$files_big"
    fi
    if [ "$ONE_ROOT" = 1 ]; then
        row "bienban, full check, $files_big records as one archive root" "bienban ${FULL_ARGS[*]} $A_ONE" bienban-one-full "$files_big"
        [ "$HAS_CACHE" = 1 ] && row "bienban, repeat run, one archive root" "bienban ${BB_ARGS[*]} $A_ONE" bienban-one-repeat "$files_big"
    fi
    if [ "$PRECOMMIT" = 1 ] && [ "$HAS_CACHE" = 1 ]; then
        row "bienban, pre-commit: one file changed (text), warm cache, one root" "cd $A_GIT && bienban ${BB_ARGS[*]} $PC_FILE" pc-text 1
        row "bienban, pre-commit: one file changed (its date: archive rules re-run)" "cd $A_GIT && bienban ${BB_ARGS[*]} $PC_FILE" pc-date 1
        row "bienban, repeat run of the whole git tree, nothing changed" "cd $A_GIT && bienban ${BB_ARGS[*]} ." pc-whole "$files_big"
        row "git status, one file changed" "git -C $A_GIT status --porcelain" git-changed "$files_big"
        row "git status, nothing changed" "git -C $A_GIT status --porcelain" git-clean "$files_big"
    fi
    row "ripgrep (floor: reading the files)" "rg -c \"Biểu quyết\" $A_BIG" rg-big "$files_big"
    if [ "$MDL" = 1 ]; then
        row "markdownlint-cli2, $files_small records" "markdownlint-cli2 \"$A_SMALL/**/*.md\"" mdl-small "$files_small"
        if [ "$mdl_how" = measured ]; then
            row "markdownlint-cli2, $files_big records" "markdownlint-cli2 \"$A_BIG/**/*.md\"" mdl-big "$files_big"
        else
            echo "| markdownlint-cli2, $files_big records | ($mdl_how) | ~$(fmt "$mdl" 0) s | | | |"
        fi
    fi
    echo
    full_rss=$(col 2 <"$RES/bienban-full-big.txt" | maxof)
    small_rss=$(col 2 <"$RES/bienban-full-small.txt" | maxof)
    echo "| target | full check | met | repeat run (cache) | met |"
    echo "|---|---|---|---|---|"
    if [ "$HAS_CACHE" = 1 ]; then
        rep=$(med bienban-repeat-big)
        rep_rss=$(col 2 <"$RES/bienban-repeat-big.txt" | maxof)
        rep_small_rss=$(col 2 <"$RES/bienban-repeat-small.txt" | maxof)
    else
        rep=$full rep_rss=$full_rss rep_small_rss=$small_rss
    fi
    two() { # label full-value full-ok repeat-value repeat-ok
        echo "| $1 | $2 | $(yes_no "$3") | $4 | $(yes_no "$5") |"
    }
    two "$files_big records in under 10 s" "$(fmt "$full") s" "$(cmp "$full" '<' 10)" "$(fmt "$rep") s" "$(cmp "$rep" '<' 10)"
    two "within 8× of ripgrep ($(fmt "$rg_t") s)" "$(div "$full" "$rg_t" 1)×" "$(cmp "$full" '<=' "$(awk -v r="$rg_t" 'BEGIN { print 8 * r }')")" \
        "$(div "$rep" "$rg_t" 1)×" "$(cmp "$rep" '<=' "$(awk -v r="$rg_t" 'BEGIN { print 8 * r }')")"
    if [ "$MDL" = 1 ]; then
        two "≥ 20× faster than markdownlint-cli2 ($(fmt "$mdl" 0) s, $mdl_how)" "$(div "$mdl" "$full" 1)×" "$(cmp "$mdl" '>=' "$(awk -v r="$full" 'BEGIN { print 20 * r }')")" \
            "$(div "$mdl" "$rep" 1)×" "$(cmp "$mdl" '>=' "$(awk -v r="$rep" 'BEGIN { print 20 * r }')")"
    fi
    if [ "$ROSTER" = 1 ]; then
        ros=$(med bienban-roster-full)
        echo "| full check with a roster per organisation within 10% of the check without | $(fmt "$ros") s (×$(div "$ros" "$full" 3)) | $(yes_no "$(cmp "$ros" '<=' "$(awk -v r="$full" 'BEGIN { print 1.1 * r }')")") | | |"
    fi
    two "peak memory under 300 MB" "$(div "$full_rss" 1024 0) MB" "$(cmp "$full_rss" '<' $((300 * 1024)))" "$(div "$rep_rss" 1024 0) MB" "$(cmp "$rep_rss" '<' $((300 * 1024)))"
    grow=$(div "$files_big" "$files_small" 0)
    two "memory sub-linear, $files_small → $files_big records (×$grow)" \
        "$(div "$small_rss" 1024 0) → $(div "$full_rss" 1024 0) MB (×$(div "$full_rss" "$small_rss" 1))" "$(cmp "$(div "$full_rss" "$small_rss" 3)" '<' "$grow")" \
        "$(div "$rep_small_rss" 1024 0) → $(div "$rep_rss" 1024 0) MB (×$(div "$rep_rss" "$rep_small_rss" 1))" "$(cmp "$(div "$rep_rss" "$rep_small_rss" 3)" '<' "$grow")"
    if [ "$PRECOMMIT" = 1 ] && [ "$HAS_CACHE" = 1 ]; then
        g1=$(med git-changed) g0=$(med git-clean)
        echo
        echo "| pre-commit target (issue 15) | bienban | git status --porcelain | ratio | met (≤ 2×) |"
        echo "|---|---:|---:|---:|---|"
        pc() { # label file git
            local t
            t=$(med "$2")
            echo "| $1 | $(fmt "$t") s | $(fmt "$3") s | $(div "$t" "$3" 2)× | $(yes_no "$(cmp "$t" '<=' "$(awk -v g="$3" 'BEGIN { print 2 * g }')")") |"
        }
        pc "one file changed (text), $files_big records, one root" pc-text "$g1"
        pc "one file changed (its date: archive rules re-run)" pc-date "$g1"
        pc "whole tree again, nothing changed" pc-whole "$g0"
        echo
        echo "Full check of the same $files_big records as one root (\`--no-cache\`): $(fmt "$(med bienban-one-full)") s, $(div "$(med bienban-one-full)" "$rg_t" 1)× ripgrep."
    fi
} | tee "$RES/summary.md"
echo >&2
log "raw timings and summary.md in $RES"

#!/usr/bin/env python3
"""Outside-in mutation run of the release binary (issue 12's acceptance run).

Takes the records of samples/ and tests/fixtures/, mutates them the way a
hostile archive would (random byte flips and splices, control characters —
ESC, OSC, BEL, CR, NUL, U+2028, U+FFFE —, lines longer than 65,536 columns,
thousands of numbers on one line, many items sharing one number, hostile
file names), runs `bienban check` on each mutant in the human and JSON
formats, and fails on:
  - a panic (exit status 101) or any status other than 0, 1, 2;
  - a run longer than --timeout seconds (default 10);
  - a raw control character in the human output (other than \\n, and the
    ESC of colour codes when colour is forced — it is not here).
Mutants that fail are kept in --keep (default target/outside-in/failures).

    python3 fuzz/outside-in.py --minutes 10 [--bin target/release/bienban]

Uses only the Python standard library.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTROLS = ["\x1b[2J", "\x1b]0;pwned\x07", "\x07", "\r", "\x00", "\u2028", "\ufffe", "\uffff", "\x1b[31m0 lỗi\x1b[0m", "\x9b"]
NAMES = ["a\nb.md", "::error::x.md", "##[error]y.md", "\x1b[2J.md", "<b>.md", "-rf.md", "e\r.md", "ok.md"]


def seeds():
    out = []
    for base in ("samples", "tests/fixtures"):
        for p in sorted((ROOT / base).rglob("*.md")):
            try:
                out.append(p.read_bytes())
            except OSError:
                pass
    return out


def mutate(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        kind = rng.randrange(9)
        at = rng.randrange(len(b) + 1) if b else 0
        if kind == 0 and b:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        elif kind == 1:  # control characters
            b[at:at] = rng.choice(CONTROLS).encode("utf-8", "surrogatepass")
        elif kind == 2:  # a line past 65,536 columns
            b[at:at] = ("x" * rng.randint(65_000, 140_000)).encode()
        elif kind == 3:  # thousands of numbers on one line
            nums = ", ".join(f"{i}-QĐ/ĐU" for i in range(rng.randint(1000, 9000)))
            b[at:at] = f"\nBáo cáo lại: {nums}\n".encode()
        elif kind == 4:  # many items sharing one number
            item = "\n### Việc\n\nSố: 15-QĐ/ĐU\nQuyết định: x\nBiểu quyết: 1 tán thành\n"
            b[at:at] = (item * rng.randint(200, 3000)).encode()
        elif kind == 5 and b:  # splice a piece of itself
            s = rng.randrange(len(b))
            e = min(len(b), s + rng.randint(1, 4000))
            b[at:at] = b[s:e]
        elif kind == 6 and b:  # cut
            e = min(len(b), at + rng.randint(1, 2000))
            del b[at:e]
        elif kind == 7:  # line ends
            b = bytearray(bytes(b).replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n"])))
        else:  # random bytes
            b[at:at] = os.urandom(rng.randint(1, 64))
    return bytes(b)


def raw_controls(text):
    return sorted({c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0})


def run(binary, folder, fmt, timeout):
    env = dict(os.environ, NO_COLOR="1", BIENBAN_CACHE_DIR=str(folder / ".." / "cache"))
    start = time.monotonic()
    try:
        p = subprocess.run(
            [binary, "check", "--color", "never", "--format", fmt, "."],
            cwd=folder, env=env, capture_output=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return "timeout", None, timeout
    return p.returncode, p, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--bin", default=str(ROOT / "target/release/bienban"))
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--keep", default=str(ROOT / "target/outside-in/failures"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = seeds()
    keep = Path(a.keep)
    deadline = time.monotonic() + a.minutes * 60
    runs = mutants = 0
    slowest = 0.0
    failures = []
    while time.monotonic() < deadline:
        mutants += 1
        with tempfile.TemporaryDirectory() as d:
            folder = Path(d) / "archive"
            folder.mkdir()
            if rng.random() < 0.5:
                (folder / "bienban.toml").write_text("")
            for k in range(rng.randint(1, 3)):
                name = rng.choice(NAMES) if rng.random() < 0.3 else f"r{k}.md"
                try:
                    (folder / name).write_bytes(mutate(rng, rng.choice(pool)))
                except OSError:
                    (folder / f"r{k}.md").write_bytes(mutate(rng, rng.choice(pool)))
            for fmt in ("human", "json"):
                runs += 1
                code, p, took = run(a.bin, folder, fmt, a.timeout)
                slowest = max(slowest, took)
                why = None
                if code == "timeout":
                    why = f"over {a.timeout} s"
                elif code not in (0, 1, 2):
                    why = f"exit {code}"
                elif fmt == "human":
                    bad = raw_controls(p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace"))
                    if bad:
                        why = f"raw control characters {[hex(ord(c)) for c in bad]}"
                elif fmt == "json":
                    try:
                        json.loads(p.stdout)
                    except ValueError:
                        why = "JSON output does not parse"
                if why:
                    dest = keep / f"{mutants}-{fmt}"
                    shutil.copytree(folder, dest, dirs_exist_ok=True)
                    failures.append((why, str(dest)))
                    print(f"FAIL {why}: kept in {dest}", flush=True)
    print(f"outside-in: {mutants} mutants, {runs} runs in {a.minutes} min (seed {a.seed}); "
          f"slowest run {slowest:.2f} s; {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

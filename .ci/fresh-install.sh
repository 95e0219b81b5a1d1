#!/usr/bin/env bash
# Keep pyproject's bounds honest: install claimcheck into a fresh venv with the newest versions they allow,
# fail if pip had to backtrack (try release after release of a package) to get there, then run the LLM
# replays and the offline CLI on those versions. It downloads what the venv needs (about 100 MB), so it
# takes a minute or few, depending on the network and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
# In memory when /dev/shm is there: the venv is ~600 MB of small files, and writing then deleting them on a
# busy disk took longer than the install itself.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then work=$(mktemp -d -p /dev/shm); else work=$(mktemp -d); fi
trap 'rm -rf "$work"' EXIT
python -m venv "$work/venv"
py="$work/venv/bin/python"

if ! "$py" -m pip install --no-compile --upgrade --upgrade-strategy eager '.[test]' >"$work/pip.log" 2>&1; then
  cat "$work/pip.log"
  exit 1
fi
# pip prints this when its resolver backtracks; an exact bound would have resolved at once.
if grep -q "is looking at multiple versions of" "$work/pip.log"; then
  grep "is looking at multiple versions of" "$work/pip.log" | sort -u
  echo "fresh install: pip backtracked; tighten the bounds above in pyproject.toml" >&2
  exit 1
fi
"$py" -m pip list 2>/dev/null | grep -iE '^(openai|instructor|jiter|httpx2|pydantic|spacy) ' | tr -s ' ' | paste -sd ','

# The installed package (not the source tree: cd away from it) with the newest allowed dependencies.
(
  cd "$work"
  "$work/venv/bin/claimcheck" --version
  printf 'The mayor said the bridge would reopen in May.\n' >article.txt
  "$work/venv/bin/claimcheck" extract article.txt --format jsonl --no-cache >claims.jsonl
  "$py" -c "import json, sys; assert json.load(open('claims.jsonl'))['claims'], 'no claim extracted'"
)
# LLM request shape and fault handling on the newest allowed openai/instructor, replayed from cassettes.
"$py" -m pytest -q -p no:cacheprovider tests/test_llm_cassettes.py tests/test_llm_faults.py
echo "fresh install with the newest allowed versions: $((SECONDS - start)) s"

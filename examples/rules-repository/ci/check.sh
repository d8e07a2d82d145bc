#!/usr/bin/env bash
# What every pull request runs, the same on GitHub Actions, on GitLab CI and on an analyst's machine:
#
#   ECA_CHECK="java -jar eca-wizard-engine-VERSION-cli.jar" ci/check.sh BASE_COMMIT [OUT_DIR]
#
# from the repository's root, which is the rules directory. It runs the gate a running service runs (every file
# compiles, every agency file is a sound row of evidence, every scenario passes), requires a scenario for every
# agency (unless ECA_REQUIRE_SCENARIOS=false), and writes, in OUT_DIR (check-out by default):
#   check.txt    the report: each problem at its file and line, the impact against BASE_COMMIT, the coverage
#   check.sarif  the problems as SARIF 2.1.0, for code review to show on the changed lines
#   comment.md   the pull request's comment: the outcome, what the change does for buyers, the coverage
# With decisions.log at the root (a sample of a service's decision log), the comment also says which of those
# decisions the change would answer differently. Exits 0 when the rules could go live, non-zero when not.
set -euo pipefail

base="${1:?usage: ci/check.sh BASE_COMMIT [OUT_DIR]}"
out="${2:-check-out}"
# The command that runs the check, split into words: "java -jar /path/to/eca-wizard-engine-VERSION-cli.jar".
read -r -a check <<< "${ECA_CHECK:?set ECA_CHECK to the command that runs the check}"

mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The target branch's rules, outside this directory so that they are not read as rules, named by their commit.
before="$scratch/$(git rev-parse --short "$base")"
mkdir "$before"
git archive "$base" | tar -x -C "$before"

options=(--rules .)
if [ "${ECA_REQUIRE_SCENARIOS:-true}" = true ]; then
  options+=(--require-scenarios)
fi
replay=()
if [ -f decisions.log ]; then
  replay=(--replay decisions.log)
fi

status=0
"${check[@]}" check "${options[@]}" --against "$before" > "$out/check.txt" || status=$?
"${check[@]}" check "${options[@]}" --format sarif > "$out/check.sarif" || true
# ${replay[@]+...}: an empty array is "unbound" to bash 3's set -u (macOS's /bin/bash).
"${check[@]}" check "${options[@]}" --against "$before" ${replay[@]+"${replay[@]}"} --format markdown \
  > "$out/comment.md" || true
cat "$out/check.txt"
exit "$status"

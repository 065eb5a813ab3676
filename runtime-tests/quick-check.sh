#!/bin/bash
# Quick triage: runs cases matching a glob with a memory limit, prints pass/fail counts;
# failures (name, status, first stderr line) go to $TMPDIR/fails.txt. The real test is
# `cargo test --release --test differential`.
# usage: run.sh [pattern] — runs each case with limits, prints pass/fail summary
mkdir -p ${TMPDIR:-/tmp}
cd $(git rev-parse --show-toplevel)/runtime-tests/cases
pass=0; fail=0; : > ${TMPDIR:-/tmp}/fails.txt
for f in ${1:-*}.py; do
  case "$f" in _*) continue;; esac
  n=${f%.py}
  exp_out="$n.out"; exp_err="$n.err"; exp_st=0; [ -f "$n.status" ] && exp_st=$(cat $n.status)
  out=$( (ulimit -v 4000000; PYTHONHASHSEED=0 timeout 10 $(git rev-parse --show-toplevel)/target/release/ember "$f" 2>${TMPDIR:-/tmp}/err.txt </dev/null); echo "ST=$?")
  st=${out##*ST=}; out=${out%ST=*}
  want=$(cat $exp_out; echo x); want=${want%x}
  wanterr=""; [ -f "$exp_err" ] && wanterr=$(cat $exp_err)
  goterr=$(sed "s#$(pwd)/##g" ${TMPDIR:-/tmp}/err.txt)
  if [ "$out" == "$want" ] && [ "$st" == "$exp_st" ] && [ "$goterr" == "$wanterr" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "$n st=$st $(head -c 150 ${TMPDIR:-/tmp}/err.txt | tr '\n' ' ')" >> ${TMPDIR:-/tmp}/fails.txt; fi
done
echo "pass=$pass fail=$fail"

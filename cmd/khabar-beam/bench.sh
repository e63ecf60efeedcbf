#!/usr/bin/env bash
# khabar-beam on prism against khabar parse -j 2, over the same files:
# the wall time of each, taken in turn RUNS times (5 unless told), then the
# medians and their ratio. The two outputs are compared once: the same
# records, in another order.
#
#   cmd/khabar-beam/bench.sh ARCHIVE [RUNS]
set -euo pipefail
archive=${1:?usage: bench.sh ARCHIVE [RUNS]}
runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/khabar" ./cmd/khabar)
(cd "$root/cmd/khabar-beam" && go build -o "$tmp/khabar-beam" .)
find "$archive" -name '*.txt' | sort > "$tmp/files"
echo "$(wc -l < "$tmp/files") files, $(du -sh "$archive" | cut -f1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
for i in $(seq "$runs"); do
  t0=$(now)
  "$tmp/khabar-beam" --input "$archive/**/*.txt" --output "$tmp/out/records" --errors "$tmp/out/errors" 2> "$tmp/beam.log"
  t1=$(now)
  "$tmp/khabar" parse -j 2 --split auto --jsonl --files-from "$tmp/files" -o "$tmp/khabar.jsonl" || [ $? -eq 1 ]
  t2=$(now)
  echo "$t0 $t1 $t2" | awk '{printf "run %d: khabar-beam %.2f s, khabar parse -j 2 %.2f s\n", '"$i"', $2-$1, $3-$2}' | tee -a "$tmp/times"
done

sort "$tmp/khabar.jsonl" > "$tmp/a"
cat "$tmp/out/records"-*.jsonl "$tmp/out/errors"-*.jsonl | sort > "$tmp/b"
if cmp -s "$tmp/a" "$tmp/b"; then echo "same records ($(wc -l < "$tmp/a"))"; else echo "records differ"; exit 1; fi

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
beam=$(awk '{print $4}' "$tmp/times" | median)
khabar=$(awk '{print $10}' "$tmp/times" | median)
awk -v b="$beam" -v k="$khabar" 'BEGIN {printf "median: khabar-beam %.2f s, khabar parse -j 2 %.2f s: %.2fx\n", b, k, b/k}'

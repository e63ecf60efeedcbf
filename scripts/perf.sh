#!/usr/bin/env bash
# perf.sh — measure khabar and print the performance table of README.md.
#
# Usage, from anywhere in the repository:
#
#   scripts/perf.sh                 # prints a Markdown table on stdout, progress on stderr
#   scripts/perf.sh > /tmp/perf.md  # then paste the table into README.md and docs/performance.md
#
# Each row sets a khabar figure beside an anchor measured in the same run:
#
#   BenchmarkParse           go test -bench in ./parse, median MB/s of 5 runs of 2 s;
#                            anchored to the goal of 100 MB/s (no other program
#                            does the same work, so this anchor is a target, not a run)
#   BenchmarkNormalize       go test -bench in ./parse/arabic, median MB/s of 5 runs of
#                            2 s, profiles default and search, against BenchmarkXTextNFC
#                            (x/text's NFC alone, same text, same go test run)
#   khabar normalize         hyperfine, on a 50 MB UTF-8 Arabic file made from
#                            testdata/ (needs hyperfine and uconv), against
#                            uconv -x '::NFKC;'
#   khabar batch             hyperfine, 10,000 numbered copies of testdata/seed.txt in 100
#                            folders, into a new tree and again with every output up to
#                            date (needs hyperfine), against cp -r of the same folder
#
# A row whose tool is missing reads "not measured (install X)". On Debian:
#   apt-get install -y hyperfine icu-devtools
#
# Scratch files go to a new folder under ${TMPDIR:-/tmp} (khabar-perf.XXXXXX), about
# 2 GB at the peak; the script removes it when it ends. Figures
# scatter on a busy machine: run it on a quiet one, and read the ± columns.
set -euo pipefail

cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/khabar-perf.XXXXXX")
trap 'rm -rf "$work"' EXIT

log() { echo "perf.sh: $*" >&2; }

# median reads numbers, one a line, and prints their median.
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.1f\n", m }'
}

# mbps NAME FILE prints the MB/s of every run of benchmark NAME in go test output FILE.
mbps() {
	awk -v name="$1" '$1 ~ "^" name "(-[0-9]+)?$" {
		for (i = 2; i < NF; i++) if ($(i + 1) == "MB/s") print $i }' "$2"
}

# speed K A: how khabar's throughput K compares with the anchor's A.
speed() {
	awk -v k="$1" -v a="$2" 'BEGIN {
		if (k >= a) printf "%.2f× faster\n", k / a; else printf "%.2f× slower\n", a / k }'
}

# hf_stat CSV N prints "mean sd" (seconds) of the N-th command (1-based) of a
# hyperfine CSV export.
hf_stat() {
	awk -F, -v n="$2" 'NR == n + 1 { print $2, $3 }' "$1"
}

# duration S: seconds as "123.4 ms" or "1.234 s".
duration() {
	awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms\n", s * 1000; else printf "%.3f s\n", s }'
}

# timed MEAN SD: "321.4 ms ± 17.7 ms".
timed() { echo "$(duration "$1") ± $(duration "$2")"; }

# time_ratio K SK A SA: khabar's time K±SK against the anchor's A±SA.
time_ratio() {
	awk -v k="$1" -v sk="$2" -v a="$3" -v sa="$4" 'BEGIN {
		e = sqrt((sk / k) ^ 2 + (sa / a) ^ 2)
		if (k <= a) { r = a / k; printf "%.2f ± %.2f× faster\n", r, r * e }
		else { r = k / a; printf "%.2f ± %.2f× slower\n", r, r * e } }'
}

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); }

log "building khabar"
go build -o "$work/khabar" ./cmd/khabar
khabar=$work/khabar

# 1. BenchmarkParse: the seed article, from bytes to its JSON record.
log "go test -bench BenchmarkParse (about 15 s)"
go test -run '^$' -bench 'BenchmarkParse$' -benchtime 2s -count 5 ./parse > "$work/parse.bench"
parse_mbps=$(mbps BenchmarkParse "$work/parse.bench" | median)
goal=100
row '`BenchmarkParse`: the seed article to its JSON record (median of 5)' \
	"$parse_mbps MB/s" "goal: $goal MB/s" "$(awk -v k="$parse_mbps" -v g=$goal 'BEGIN { printf "%.2f× the goal\n", k / g }')"

# 2. BenchmarkNormalize against x/text's NFC alone, in one go test run.
log "go test -bench BenchmarkNormalize (about 40 s)"
go test -run '^$' -bench 'BenchmarkNormalize$|BenchmarkXTextNFC$' -benchtime 2s -count 5 ./parse/arabic > "$work/arabic.bench"
nfc=$(mbps BenchmarkXTextNFC "$work/arabic.bench" | median)
for p in default search; do
	k=$(mbps "BenchmarkNormalize/$p" "$work/arabic.bench" | median)
	row "\`BenchmarkNormalize/$p\`: 1 MB of news text (median of 5)" \
		"$k MB/s" "\`BenchmarkXTextNFC\`, x/text's NFC alone: $nfc MB/s" "$(speed "$k" "$nfc")"
done

# 3. khabar normalize against ICU's uconv, on a 50 MB UTF-8 Arabic file: the
# seed and the 150 real dumps of testdata/, decoded to UTF-8 (a third are
# Windows-1256), repeated.
if ! command -v hyperfine > /dev/null; then
	row '`khabar normalize`, 50 MB of Arabic news' 'not measured (install hyperfine)' '`uconv -x '"'::NFKC;'"'`' ''
elif ! command -v uconv > /dev/null; then
	row '`khabar normalize`, 50 MB of Arabic news' 'not measured (install uconv: icu-devtools)' '`uconv -x '"'::NFKC;'"'`' ''
else
	log "khabar normalize against uconv (about 1 min)"
	{
		"$khabar" normalize --normalize none testdata/seed.txt
		find testdata/real/dumps -name '*.txt' -print0 | sort -z | xargs -0 "$khabar" normalize --normalize none
	} > "$work/one.txt"
	: > "$work/news50.txt"
	while [ "$(stat -c %s "$work/news50.txt")" -lt 50000000 ]; do cat "$work/one.txt" >> "$work/news50.txt"; done
	size=$(stat -c %s "$work/news50.txt")
	hyperfine --style basic --warmup 2 --runs 10 --export-csv "$work/normalize.csv" \
		"$khabar normalize $work/news50.txt > /dev/null" \
		"uconv -f utf-8 -t utf-8 -x '::NFKC;' $work/news50.txt > /dev/null" >&2
	read -r km ks < <(hf_stat "$work/normalize.csv" 1)
	read -r um us < <(hf_stat "$work/normalize.csv" 2)
	row "\`khabar normalize\`, $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }') MB of Arabic news (mean ± σ of 10)" \
		"$(timed "$km" "$ks")" "\`uconv -x '::NFKC;'\`: $(timed "$um" "$us")" "$(time_ratio "$km" "$ks" "$um" "$us")"
fi

# 4. khabar batch against cp -r: 10,000 numbered copies of the seed (each
# differs in its first line) in 100 folders. The trees of earlier runs are
# moved aside, not deleted: ext4 is slow to hand out inodes it has just
# freed, which would tax whichever command ran next.
if ! command -v hyperfine > /dev/null; then
	row '`khabar batch`, 10,000 files into a new tree' 'not measured (install hyperfine)' '`cp -r`' ''
	row '`khabar batch`, rerun, every output up to date' 'not measured (install hyperfine)' '`cp -r`' ''
else
	log "10,000 files for khabar batch"
	b=$work/batch
	mkdir -p "$b/trash"
	awk -v dir="$b/src" '
		{ line[NR] = $0 }
		END {
			for (i = 0; i < 10000; i++) {
				d = dir "/" int(i / 100)
				if (i % 100 == 0) system("mkdir -p " d)
				f = d "/" i ".txt"
				print line[1] " " i > f
				for (n = 2; n <= NR; n++) print line[n] > f
				close(f)
			}
		}' testdata/seed.txt
	srcmb=$(du -sb "$b/src" | awk '{ printf "%.0f", $1 / 1e6 }')
	"$khabar" batch "$b/src" -o "$b/kept" --quiet
	log "khabar batch against cp -r (about 1 min)"
	hyperfine --style basic --warmup 1 --runs 10 --export-csv "$b/batch.csv" \
		--prepare "mv $b/cp $b/trash/cp.\$(date +%s%N); mv $b/json $b/trash/json.\$(date +%s%N); true" \
		"cp -r $b/src $b/cp" \
		"$khabar batch $b/src -o $b/json --quiet" \
		"$khabar batch $b/src -o $b/kept --quiet" >&2
	read -r cm cs < <(hf_stat "$b/batch.csv" 1)
	read -r bm bs < <(hf_stat "$b/batch.csv" 2)
	read -r rrm rrs < <(hf_stat "$b/batch.csv" 3)
	row "\`khabar batch\`, 10,000 files ($srcmb MB, 100 folders) into a new tree (mean ± σ of 10)" \
		"$(timed "$bm" "$bs")" "\`cp -r\`: $(timed "$cm" "$cs")" "$(time_ratio "$bm" "$bs" "$cm" "$cs")"
	row '`khabar batch`, rerun over the same files, every output up to date' \
		"$(timed "$rrm" "$rrs")" "\`cp -r\`: $(timed "$cm" "$cs")" "$(time_ratio "$rrm" "$rrs" "$cm" "$cs")"
fi

echo '| measure | khabar | anchor | ratio |'
echo '|---|---|---|---|'
printf '%s\n' "${rows[@]}"
echo
echo "Measured by \`scripts/perf.sh\`: $(go env GOVERSION) $(go env GOOS)/$(go env GOARCH), $(nproc) CPUs$(
	awk -F': *' '/^model name/ { printf ", %s", $2; exit }' /proc/cpuinfo 2> /dev/null || true)."

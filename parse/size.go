package parse

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSize reads a byte count as --max-bytes takes it: 65536, 64KiB,
// 64MiB, 1GiB or 10MB (KiB, MiB and GiB are powers of 1024; KB, MB and
// GB of 1000).
func ParseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q (want a positive number of bytes, e.g. 65536 or 64MiB)", s)
	}
	return n * mult, nil
}

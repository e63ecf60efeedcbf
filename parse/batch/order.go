package batch

// comparePaths orders two slash paths from SRC as the walk meets them:
// by their names from the first, so that a folder's files come together
// right after its name. That is byte order with '/' before every other
// byte: "a/b.txt" comes before "a.txt" and "a-b/c.txt", which plain byte
// order puts first.
func comparePaths(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] == b[i] {
			continue
		}
		x, y := a[i], b[i]
		switch {
		case x == '/':
			return -1
		case y == '/':
			return 1
		case x < y:
			return -1
		}
		return 1
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// below reports whether the slash path p is dir or lies below it; every
// path lies below "", SRC itself.
func below(p, dir string) bool {
	return dir == "" || p == dir || len(p) > len(dir) && p[len(dir)] == '/' && p[:len(dir)] == dir
}

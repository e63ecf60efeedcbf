package parse

import (
	"sync"
	"unsafe"
)

// A document of up to pooledSize bytes read whole is read into a buffer
// that serves again once its record is built: a folder of small files, or
// a program parsing one article after another, then allocates no buffer
// per document. The record must then hold no string that shares the
// buffer: the assembler copies such strings out (see assembler.keep). A
// larger document keeps its own buffer, which its record's strings share
// rather than copy.
const pooledSize = 1 << 20

var rawPool = sync.Pool{New: func() any { return new([]byte) }}

// getRaw returns an empty pooled buffer with room for n bytes.
func getRaw(n int) *[]byte {
	b := rawPool.Get().(*[]byte)
	if cap(*b) < n {
		*b = make([]byte, 0, n)
	}
	*b = (*b)[:0]
	return b
}

// releaseRaw hands the buffer of d back to the pool, if it came from it.
// Nothing may read d.raw afterwards.
func releaseRaw(d *rawDoc) {
	if d.pooled == nil {
		return
	}
	rawPool.Put(d.pooled)
	d.pooled, d.raw = nil, nil
}

// within reports whether s lies in b.
func within(s string, b []byte) bool {
	if len(s) == 0 || len(b) == 0 {
		return false
	}
	p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= start && p < start+uintptr(len(b))
}

package main

import (
	"bytes"
	"fmt"
	"testing"
)

// TestSpool writes past the memory a spool holds, so that it goes on in
// its temp file, and reads back every byte in order.
func TestSpool(t *testing.T) {
	for _, n := range []int{0, 10, spoolMemory/20 + 1000} {
		var s spool
		var want bytes.Buffer
		for i := range n {
			fmt.Fprintf(&s, "line %d of a list printed once the run is over\n", i)
			fmt.Fprintf(&want, "line %d of a list printed once the run is over\n", i)
		}
		var got bytes.Buffer
		if _, err := s.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d lines: read back %d bytes, want %d", n, got.Len(), want.Len())
		}
		if (s.f != nil) != (want.Len() >= spoolMemory) {
			t.Errorf("%d lines (%d bytes): temp file %v", n, want.Len(), s.f != nil)
		}
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}
}

// Package steady marks the readers that package parse need not time.
package steady

import "io"

// Reader is a reader that never waits on another program: a regular
// file, bytes in memory, or a reader over them (khabar batch hands its
// files to parse.Parse in a shared *bufio.Reader). parse.Parse reads the
// Reader inside directly: with Options.Timeout, it times the reads of any
// reader it does not know cannot stall, on a goroutine of their own.
type Reader struct{ io.Reader }

package parse

import "time"

// With Options.Timeout, a document is built on another goroutine, so that
// the parse can give up on it. A goroutine started for each document
// would grow its stack anew each time to what the parse needs, which cost
// about a sixth of a batch run over small files; instead, a goroutine
// that has built a document waits a little for the next one, and ends
// when none comes.

// builderIdle is how long a goroutine waits for another document.
const builderIdle = 50 * time.Millisecond

// builds hands documents to the waiting goroutines.
var builds = make(chan func())

// runBuild runs f on a waiting goroutine, or on a new one.
func runBuild(f func()) {
	select {
	case builds <- f:
	default:
		go builder(f)
	}
}

// builder runs f, then the documents it is handed, until it waits
// builderIdle for one in vain.
func builder(f func()) {
	idle := time.NewTimer(builderIdle)
	defer idle.Stop()
	for {
		f()
		f = nil // nothing of the last document stays reachable while idle
		idle.Reset(builderIdle)
		select {
		case f = <-builds:
		case <-idle.C:
			return
		}
	}
}

// Package testhook holds the points where tests of khabar inject faults.
// Every hook is nil in the khabar binary and in library use.
package testhook

// BeforeAssemble, when set, is called with the decoded text of each
// document just before package parse classifies it and builds its record,
// inside the recover that turns a panic into an E_INTERNAL record. Tests
// set it (before starting a run, and reset it after) to make one document
// panic and check that the run goes on.
var BeforeAssemble func(text []byte)

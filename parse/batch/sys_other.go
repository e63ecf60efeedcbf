//go:build !unix

package batch

import (
	"bytes"
	"os"
)

// readAll reads the file name into b[:0], growing it as needed.
func readAll(name string, b []byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return b, err
	}
	defer f.Close()
	buf := bytes.NewBuffer(b[:0])
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

func dirFD(f *os.File) (int, error) { return -1, nil }

// writeTemp writes data to a new temp file in od and returns its name.
func (od *outDir) writeTemp(data []byte) (string, error) {
	f, name, err := createTemp(od.Root, ".")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		od.Remove(name)
		return "", err
	}
	return name, nil
}

func (od *outDir) rename(from, to string) error { return od.Rename(from, to) }

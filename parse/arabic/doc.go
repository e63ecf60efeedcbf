// Package arabic normalizes Arabic text as a golang.org/x/text transformer.
//
// A Normalizer applies the ops Options turn on. Each op is named after what
// it does:
//
//	newlines     CRLF, CR, U+2028, U+2029 → LF
//	nfc          Unicode NFC (composes ا و ي + U+0653–U+0655, orders marks)
//	presentation presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF → letters
//	controls     delete invisible controls (ZWNJ and ZWJ are kept)
//	spaces       other spaces and TAB → U+0020; collapse runs; trim line ends
//	tatweel      delete a kashida (a tatweel between two letters)
//	diacritics   delete harakat U+064B–U+0652 and U+0670
//	quranic      delete U+0610–U+061A, U+06D6–U+06ED, U+08D3–U+08FF
//	alef         أ إ آ ٱ → ا (never ى)
//	yeh          ى → ي
//	teh_marbuta  ة → ه
//	hamza        ؤ → و, ئ → ي
//	persian      ک → ك, ی → ي, ۀ ہ → ه, ے → ي
//	digits       U+0660–U+0669, U+06F0–U+06F9 → 0–9
//	punctuation  ، → , ؛ → ; ؟ → ? ٪ → % ٫ → . ٬ → ,
//
// The profiles None, Default and Search are the usual sets: Default changes
// nothing a reader sees, Search adds every lossy fold for matching.
//
// The output is defined as these steps over the whole text, repeated until
// the text no longer changes: newlines; presentation; controls, the space
// map, diacritics and quranic; tatweel (a kashida is a run of tatweels,
// with any marks among them, whose nearest base on each side is a letter:
// any Unicode letter but the tatweel); nfc; the letter folds alef to
// punctuation; collapsing and trimming spaces. So the output is a fixed
// point: normalizing it again changes nothing. In practice one pass over
// the input computes it: code points are looked up in a table and copied,
// and only the rare cluster around a mark, a tatweel or a presentation form
// goes through x/text's NFC.
//
// A Normalizer streams: between calls it holds at most one letter (which
// a following mark may change), one space, a count of tatweels, a few
// flags and, rarely, the end of a cluster of marks (below), and its output
// does not depend on how the input is cut. It is a
// transform.SpanningTransformer:
//
//	r := transform.NewReader(src, arabic.New(arabic.Default))
//
// String normalizes a string; Key folds a line for matching.
//
// Limits: none in practice, and a stream never stops. Runs of spaces,
// tatweels and invisible controls stream through transform.Reader's 4 KiB
// buffer, and so do runs of marks (cut where NFC itself inserts a
// combining grapheme joiner U+034F, after 30 of them). A cluster of marks
// is normalized whole however many deleted controls stand among its marks:
// when it runs past the end of the caller's buffer, the normalizer takes
// it in, drops its controls, and keeps its marks until the cluster ends,
// rather than cut it or report transform.ErrShortSrc with a full buffer.
// Only a cluster that NFC cannot cut, longer than that buffer (thousands
// of marks between a kashida and the next letter, or marks that have a
// decomposition), is held whole: memory then grows with it.
package arabic

package text

import (
	"fmt"
	"io"
	"os"
)

// LoadFile reads an article file ("-" for r, standard input) and loads it
// with Load, exactly as the browser loads a dropped file: same decoding,
// extraction and normalisation, so code-point offsets agree. Every command
// that reads an article uses it.
func LoadFile(path string, r io.Reader) (Article, []Notice, error) {
	name := path
	if path == "-" {
		name = "stdin"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return Article{}, nil, err
		}
		defer f.Close()
		r = f
	}
	// One byte past the limit, so that Load can say the file is too big.
	data, err := io.ReadAll(io.LimitReader(r, int64(MaxSize(name))+1))
	if err != nil {
		return Article{}, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return Load(name, data)
}

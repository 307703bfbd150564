package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// Limits on what a zip may hold, so that a small hostile archive cannot
// exhaust the browser's memory.
const (
	MaxZipFiles = 20000
	MaxZipBytes = 512 << 20 // uncompressed, all entries
	MaxFileSize = 50 << 20  // one entry
)

// IsZip reports whether a file is a zip archive, by name or by signature.
func IsZip(name string, data []byte) bool {
	return ext(name) == ".zip" || bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// Unzip returns the files of a zip archive, named by their path inside it
// and sorted by name. Folders, macOS resource forks (__MACOSX/, ._*) and
// hidden files are left out. An archive over the limits, or one that
// cannot be read, is refused whole.
func Unzip(data []byte) ([]File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a readable zip archive (%v)", err)
	}
	if len(zr.File) > MaxZipFiles {
		return nil, fmt.Errorf("holds %d files, over the limit of %d", len(zr.File), MaxZipFiles)
	}
	var out []File
	var total int64
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if f.FileInfo().IsDir() || hidden(name) {
			continue
		}
		if f.UncompressedSize64 > MaxFileSize {
			return nil, fmt.Errorf("%s is %d MB, over the %d MB limit", name, f.UncompressedSize64>>20, MaxFileSize>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		// The header's size may lie: read at most one byte past the limit.
		b, err := io.ReadAll(io.LimitReader(rc, MaxFileSize+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if len(b) > MaxFileSize {
			return nil, fmt.Errorf("%s is over the %d MB limit", name, MaxFileSize>>20)
		}
		if total += int64(len(b)); total > MaxZipBytes {
			return nil, fmt.Errorf("unpacks to more than %d MB", MaxZipBytes>>20)
		}
		out = append(out, File{Name: path.Clean(strings.TrimPrefix(name, "/")), Data: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// hidden reports system files that are no one's articles.
func hidden(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "__MACOSX" || strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return path.Base(name) == "Thumbs.db" || path.Base(name) == "desktop.ini"
}

// Zip writes files into a zip archive, deflated, in the order given.
func Zip(files []File) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

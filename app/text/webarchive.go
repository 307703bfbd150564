package text

import (
	"bytes"
	"encoding/binary"
	"errors"
	"path"
	"strings"
	"unicode/utf16"
)

// Safari saves a page ("File › Save As…", Format: Web Archive, its
// default) as a .webarchive: a binary property list whose
// WebMainResource holds the page's HTML (WebResourceData) and its
// encoding (WebResourceTextEncodingName), beside the images and styles in
// WebSubresources. Gloss reads that HTML as it reads a saved .html file.

// bplistMagic opens a binary property list.
const bplistMagic = "bplist00"

// isWebArchive reports whether a file is a page saved by Safari: by its
// extension, or a binary property list holding a WebMainResource.
func isWebArchive(name string, data []byte) bool {
	if strings.EqualFold(path.Ext(name), ".webarchive") {
		return true
	}
	return bytes.HasPrefix(data, []byte(bplistMagic)) && bytes.Contains(data, []byte("WebMainResource"))
}

var errNoWebArchive = errors.New("it is not a web archive Gloss can read (a binary property list with a WebMainResource)")

// unpackWebArchive returns the HTML of a page Safari saved and the charset
// it names ("" for none).
func unpackWebArchive(data []byte) (html []byte, charset string, err error) {
	p, err := openBplist(data)
	if err != nil {
		return nil, "", err
	}
	main, ok := p.dictValue(p.top, "WebMainResource")
	if !ok {
		return nil, "", errNoWebArchive
	}
	if mt, ok := p.dictValue(main, "WebResourceMIMEType"); ok {
		if s, _ := p.str(mt); s != "" && !strings.Contains(strings.ToLower(s), "html") {
			return nil, "", errors.New("its page is " + s + ", not a web page")
		}
	}
	d, ok := p.dictValue(main, "WebResourceData")
	if !ok {
		return nil, "", errNoWebArchive
	}
	html, ok = p.data(d)
	if !ok {
		return nil, "", errNoWebArchive
	}
	if enc, ok := p.dictValue(main, "WebResourceTextEncodingName"); ok {
		charset, _ = p.str(enc)
	}
	return html, charset, nil
}

// bplist reads the objects of a binary property list (Apple's format
// "bplist00": objects, an offset table, a 32-byte trailer). Only what a
// web archive needs is read: dictionaries, strings and data. Every read is
// bounds-checked: a damaged file gives an error, never a panic.
type bplist struct {
	b       []byte
	offsets []uint64 // of each object
	refSize int
	top     uint64
}

func openBplist(b []byte) (*bplist, error) {
	damaged := errors.New("its property list is damaged")
	if !bytes.HasPrefix(b, []byte(bplistMagic)) {
		if bytes.HasPrefix(bytes.TrimSpace(b), []byte("<?xml")) {
			return nil, errors.New("it is a web archive in the XML form, which Gloss does not read; save the page again from Safari")
		}
		return nil, errNoWebArchive
	}
	if len(b) < len(bplistMagic)+32 {
		return nil, damaged
	}
	tr := b[len(b)-32:]
	offSize, refSize := int(tr[6]), int(tr[7])
	n, top, table := binary.BigEndian.Uint64(tr[8:]), binary.BigEndian.Uint64(tr[16:]), binary.BigEndian.Uint64(tr[24:])
	if offSize < 1 || offSize > 8 || refSize < 1 || refSize > 8 || n == 0 || top >= n ||
		table >= uint64(len(b)) || n > (uint64(len(b))-table)/uint64(offSize) {
		return nil, damaged
	}
	p := &bplist{b: b, refSize: refSize, top: top, offsets: make([]uint64, n)}
	for i := range p.offsets {
		at := table + uint64(i*offSize)
		p.offsets[i] = beUint(b[at : at+uint64(offSize)])
		if p.offsets[i] >= table {
			return nil, damaged
		}
	}
	return p, nil
}

func beUint(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v
}

// object returns object ref's marker and, for a sized object (data,
// strings, arrays, dictionaries), its count and where its contents start.
func (p *bplist) object(ref uint64) (marker byte, count, at uint64, ok bool) {
	if ref >= uint64(len(p.offsets)) {
		return 0, 0, 0, false
	}
	at = p.offsets[ref]
	marker = p.b[at]
	count, at = uint64(marker&0x0f), at+1
	if count == 0x0f && marker>>4 != 0 {
		// The count is an integer object of its own: 0x1n, then 2^n bytes.
		if at >= uint64(len(p.b)) || p.b[at]>>4 != 1 {
			return 0, 0, 0, false
		}
		size := uint64(1) << (p.b[at] & 0x0f)
		if size > 8 || at+1+size > uint64(len(p.b)) {
			return 0, 0, 0, false
		}
		count, at = beUint(p.b[at+1:at+1+size]), at+1+size
	}
	return marker, count, at, true
}

// span returns n bytes at at, if the file holds them.
func (p *bplist) span(at, n uint64) ([]byte, bool) {
	if n > uint64(len(p.b)) || at > uint64(len(p.b))-n {
		return nil, false
	}
	return p.b[at : at+n], true
}

// str returns the string object ref (ASCII or UTF-16).
func (p *bplist) str(ref uint64) (string, bool) {
	m, n, at, ok := p.object(ref)
	if !ok {
		return "", false
	}
	switch m >> 4 {
	case 0x5: // ASCII
		b, ok := p.span(at, n)
		return string(b), ok
	case 0x6: // UTF-16 big-endian, n code units
		if n > uint64(len(p.b))/2 {
			return "", false
		}
		b, ok := p.span(at, 2*n)
		if !ok {
			return "", false
		}
		u := make([]uint16, n)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// data returns the data object ref.
func (p *bplist) data(ref uint64) ([]byte, bool) {
	m, n, at, ok := p.object(ref)
	if !ok || m>>4 != 0x4 {
		return nil, false
	}
	return p.span(at, n)
}

// dictValue returns the value under key in the dictionary object ref.
func (p *bplist) dictValue(ref uint64, key string) (uint64, bool) {
	m, n, at, ok := p.object(ref)
	if !ok || m>>4 != 0xd || n > uint64(len(p.b)) {
		return 0, false
	}
	refs, ok := p.span(at, 2*n*uint64(p.refSize))
	if !ok {
		return 0, false
	}
	rs := uint64(p.refSize)
	for i := uint64(0); i < n; i++ {
		if k, _ := p.str(beUint(refs[i*rs : (i+1)*rs])); k == key {
			return beUint(refs[(n+i)*rs : (n+i+1)*rs]), true
		}
	}
	return 0, false
}

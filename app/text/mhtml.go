package text

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"iter"
	"mime/quotedprintable"
	"path"
	"strings"
)

// A web page saved as one file — Chrome's and Edge's "Webpage, Single
// File" (.mhtml), the pages Chrome on Android downloads, Word's and
// Internet Explorer's .mht — is a MIME message (RFC 2557): the page's HTML
// is its root part, quoted-printable or base64, and the page's images,
// styles and frames follow as parts of their own. Gloss reads the root
// part's HTML as it reads a saved .html file.

// isMHTML reports whether a file is a page saved as MHTML: by its name's
// extension, else (unless named as text or Markdown) by a header block
// that declares a multipart/related message: a tool that saved it as
// .html, .eml or with no extension.
func isMHTML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".mhtml", ".mht":
		return true
	}
	if k := kindOfName(name); k == KindText || k == KindMarkdown {
		return false // the person said what it is
	}
	head, _, ok := cutHeader(data[:min(len(data), 16<<10)])
	if !ok {
		return false
	}
	media, _ := mediaType(header(head, "content-type"))
	return media == "multipart/related" && header(head, "mime-version") != ""
}

// errNoPage is the error of an MHTML file without an HTML part.
var errNoPage = errors.New("it holds no web page (no text/html part)")

// unpackMHTML returns the HTML of a page saved as MHTML, decoded from its
// transfer encoding, and the charset its part declares ("" for none). The
// root part is the one the message's "start" parameter names, else the
// first; when the root is not HTML, the first HTML part is the page.
func unpackMHTML(data []byte) (html []byte, charset string, err error) {
	head, body, ok := cutHeader(data)
	if !ok {
		return nil, "", errors.New("its MIME header has no end")
	}
	media, params := mediaType(header(head, "content-type"))
	if media == "" {
		return nil, "", errors.New("its MIME header has no Content-Type")
	}
	if strings.HasPrefix(media, "text/html") || media == "application/xhtml+xml" {
		// One part only: the message is the page.
		return decodePart(head, body)
	}
	boundary := params["boundary"]
	if !strings.HasPrefix(media, "multipart/") || boundary == "" {
		return nil, "", errNoPage
	}
	start := strings.Trim(params["start"], "<> ")
	var first []byte // the first HTML part, when the root is not one
	var firstHead string
	for i, part := range mimeParts(body, boundary) {
		ph, pb, ok := cutHeader(part)
		if !ok {
			continue
		}
		pm, _ := mediaType(header(ph, "content-type"))
		isHTML := pm == "text/html" || pm == "application/xhtml+xml"
		root := start == "" && i == 0 || start != "" && strings.Trim(header(ph, "content-id"), "<> ") == start
		if root && isHTML {
			return decodePart(ph, pb)
		}
		if isHTML && first == nil {
			first, firstHead = pb, ph
		}
	}
	if first == nil {
		return nil, "", errNoPage
	}
	return decodePart(firstHead, first)
}

// decodePart undoes a part's Content-Transfer-Encoding and returns its
// declared charset.
func decodePart(head string, body []byte) ([]byte, string, error) {
	_, params := mediaType(header(head, "content-type"))
	charset := params["charset"]
	switch strings.ToLower(strings.TrimSpace(header(head, "content-transfer-encoding"))) {
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
		if err != nil {
			return nil, "", errors.New("its page's quoted-printable encoding is damaged")
		}
		return out, charset, nil
	case "base64":
		clean := bytes.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
				return -1
			}
			return r
		}, body)
		out := make([]byte, base64.StdEncoding.DecodedLen(len(clean)))
		n, err := base64.StdEncoding.Decode(out, clean)
		if err != nil {
			return nil, "", errors.New("its page's base64 encoding is damaged")
		}
		return out[:n], charset, nil
	}
	// 7bit, 8bit, binary or none: the bytes as they are.
	return body, charset, nil
}

// cutHeader splits a MIME entity at the blank line that ends its header.
func cutHeader(data []byte) (head string, body []byte, ok bool) {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return "", nil, false
		}
		line := bytes.TrimRight(data[i:i+j], "\r")
		if len(line) == 0 {
			if i == 0 {
				// No header at all: a part that starts with its body.
				return "", data[i+j+1:], true
			}
			return string(data[:i]), data[i+j+1:], true
		}
		if i == 0 && bytes.IndexByte(line, ':') < 0 {
			return "", nil, false
		}
		i += j + 1
	}
	return "", nil, false
}

// header returns the value of the first field name in a MIME header,
// unfolded ("" when absent). name is lower case.
func header(head, name string) string {
	lines := strings.Split(head, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\r")
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.ToLower(strings.TrimSpace(k)) != name {
			continue
		}
		// Folded onto the next lines: they start with a space or a tab.
		for i+1 < len(lines) && len(lines[i+1]) > 0 && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
			i++
			v += " " + strings.TrimSpace(strings.TrimRight(lines[i], "\r"))
		}
		return strings.TrimSpace(v)
	}
	return ""
}

// mimeParts yields the parts of a multipart body, in order, between its
// boundary lines ("--boundary" at the start of a line), up to the closing
// "--boundary--"; a body cut short yields its last part as it is. It jumps
// from boundary to boundary, and stops when the loop does: the page is the
// first part of a saved page, before megabytes of its images.
func mimeParts(body []byte, boundary string) iter.Seq2[int, []byte] {
	delim := []byte("--" + boundary)
	return func(yield func(int, []byte) bool) {
		n := 0
		at := -1 // where the current part starts, once a delimiter was met
		for i := 0; i <= len(body); {
			// The next delimiter at a line's start.
			j := bytes.Index(body[i:], delim)
			if j < 0 {
				break
			}
			j += i
			if j > 0 && body[j-1] != '\n' {
				i = j + 1
				continue
			}
			lineEnd := len(body)
			if k := bytes.IndexByte(body[j:], '\n'); k >= 0 {
				lineEnd = j + k + 1
			}
			rest := bytes.TrimRight(body[j+len(delim):lineEnd], " \t\r\n")
			if len(rest) > 0 && !bytes.Equal(rest, []byte("--")) {
				i = j + 1 // a longer boundary that starts with this one
				continue
			}
			if at >= 0 {
				// The line break before a delimiter is the delimiter's.
				p := bytes.TrimSuffix(body[at:j], []byte("\n"))
				if !yield(n, bytes.TrimSuffix(p, []byte("\r"))) {
					return
				}
				n++
			}
			if len(rest) > 0 {
				return
			}
			at, i = lineEnd, lineEnd
		}
		if at >= 0 && at < len(body) {
			yield(n, body[at:])
		}
	}
}

// decodeSaved decodes the HTML of a page saved as one file: a byte order
// mark wins over the charset the file declares for it, which wins over the
// page's own <meta>, as with a page served over HTTP.
func decodeSaved(page []byte, charset string) (string, []Notice, error) {
	return decodeDeclared(page, true, charset)
}

// unpackSaved returns the HTML of a web page saved as one file (MHTML or
// Safari's web archive) and the charset the file declares for it; ok is
// false for any other file. what names the file's kind for a message.
func unpackSaved(name string, data []byte) (html []byte, charset, what string, ok bool, err error) {
	switch {
	case isMHTML(name, data):
		html, charset, err = unpackMHTML(data)
		return html, charset, "a web page saved as one file (MHTML)", true, err
	case isWebArchive(name, data):
		html, charset, err = unpackWebArchive(data)
		return html, charset, "a web page Safari saved (web archive)", true, err
	}
	return nil, "", "", false, nil
}

// mediaType splits a Content-Type value into its media type and its
// parameters, both names in lower case: `multipart/related;
// type="text/html"; boundary="--b"`. (Package mime's ParseMediaType, which
// also reads RFC 2231's continued and encoded parameters that no saved page
// uses, would add 18 KB of brotli to app.wasm.)
func mediaType(v string) (string, map[string]string) {
	media, rest, _ := strings.Cut(v, ";")
	params := map[string]string{}
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t;")
		k, after, ok := strings.Cut(rest, "=")
		if !ok {
			break
		}
		after = strings.TrimLeft(after, " \t")
		var val strings.Builder
		if strings.HasPrefix(after, `"`) {
			i := 1
			for ; i < len(after) && after[i] != '"'; i++ {
				if after[i] == '\\' && i+1 < len(after) {
					i++
				}
				val.WriteByte(after[i])
			}
			rest = after[min(i+1, len(after)):]
		} else {
			end := strings.IndexAny(after, "; \t")
			if end < 0 {
				end = len(after)
			}
			val.WriteString(after[:end])
			rest = after[end:]
		}
		params[strings.ToLower(strings.TrimSpace(k))] = val.String()
	}
	return strings.ToLower(strings.TrimSpace(media)), params
}

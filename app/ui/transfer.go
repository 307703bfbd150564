package ui

import (
	"strings"

	"gloss/app/format"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportDoc is the open article as the formats see it.
func (a *App) exportDoc() format.Doc {
	d, _ := a.s.ExportDoc()
	return d
}

func (a *App) export(name string) {
	if a.doc() == nil {
		return
	}
	x, err := a.s.Export(name)
	if err != nil {
		a.setError("Export failed: " + sentence(err.Error()) + " Nothing was exported.")
		return
	}
	// The file name says the format (session names it by extension only).
	if f, ok := format.ByName(name); ok {
		x.File = strings.TrimSuffix(x.File, f.Ext()) + exportKind(f.Name(), f.Ext()).suffix
	}
	if name == "brat" {
		// brat needs the text and annotation.conf beside the .ann: one zip,
		// as the library exports it, so nothing is left behind.
		z, err := a.s.BratZip()
		if err != nil {
			a.setError("Export failed: " + sentence(err.Error()) + " Nothing was exported.")
			return
		}
		x.Data = z
		u8 := app.Window().Get("Uint8Array").New(len(z))
		app.CopyBytesToJS(u8, z)
		glossJS().Call("downloadBytes", x.File, "application/zip", u8)
	} else {
		glossJS().Call("download", x.File, "application/octet-stream", string(x.Data))
	}
	if len(x.Omitted) > 0 {
		// A warning: a training file missing spans must not pass unseen.
		a.setError(x.Message() + sandboxNote())
		return
	}
	a.setNotice(x.Message() + sandboxNote())
}

// importFile reads annotations into the open article when the file's text
// is the article's (or the file carries no text), else as a new article.
// Nothing changes unless the whole file is good.
func (a *App) importFile(ctx app.Context, name string, data []byte) {
	prev := a.doc()
	im, err := a.s.Import(name, data)
	a.after(prev)
	switch {
	case err != nil:
		a.failed(err)
	case im.Warn:
		a.setError(im.Message)
	default:
		a.setNotice(im.Message)
	}
}

// kind is how the export menu names a format (by what reads it) and the
// end of its file name, which says the format: spaCy's and doccano's JSONL,
// IOB2 and BILOU CoNLL must not overwrite each other in a downloads folder.
type kind struct{ menu, suffix string }

// exportKinds are the formats Gloss names its own way, by format name.
var exportKinds = map[string]kind{
	"brat":  {"brat standoff (.brat.zip: .txt, .ann, annotation.conf)", ".brat.zip"},
	"w3c":   {"W3C Web Annotation (.jsonld: Hypothesis, Recogito)", ".w3c.jsonld"},
	"jsonl": {"doccano JSONL (.doccano.jsonl)", ".doccano.jsonl"},
	"spacy": {"spaCy JSONL (.spacy.jsonl: Prodigy, spaCy)", ".spacy.jsonl"},
	"conll": {"CoNLL IOB2 (.iob2.conll)", ".iob2.conll"},
	"bilou": {"CoNLL BILOU (.bilou.conll)", ".bilou.conll"},
	"csv":   {"CSV (.csv: spreadsheets)", ".csv"},
}

func exportKind(name, ext string) kind {
	if k, ok := exportKinds[name]; ok {
		return k
	}
	return kind{name + " (" + ext + ")", ext}
}

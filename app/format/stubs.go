package format

import "errors"

var errTodo = errors.New("not implemented yet")

type w3cFormat struct{}

func (w3cFormat) Name() string                               { return "w3c" }
func (w3cFormat) Ext() string                                { return ".jsonld" }
func (w3cFormat) Encode(Doc) ([]byte, error)                 { return nil, errTodo }
func (w3cFormat) Decode([]byte, string) (Doc, Report, error) { return Doc{}, Report{}, errTodo }

type jsonlFormat struct{ spacy bool }

func (f jsonlFormat) Name() string {
	if f.spacy {
		return "spacy"
	}
	return "jsonl"
}
func (jsonlFormat) Ext() string                                { return ".jsonl" }
func (jsonlFormat) Encode(Doc) ([]byte, error)                 { return nil, errTodo }
func (jsonlFormat) Decode([]byte, string) (Doc, Report, error) { return Doc{}, Report{}, errTodo }

type conllFormat struct{ bilou bool }

func (f conllFormat) Name() string {
	if f.bilou {
		return "bilou"
	}
	return "conll"
}
func (conllFormat) Ext() string                                { return ".conll" }
func (conllFormat) Encode(Doc) ([]byte, error)                 { return nil, errTodo }
func (conllFormat) Decode([]byte, string) (Doc, Report, error) { return Doc{}, Report{}, errTodo }

type csvFormat struct{}

func (csvFormat) Name() string                               { return "csv" }
func (csvFormat) Ext() string                                { return ".csv" }
func (csvFormat) Encode(Doc) ([]byte, error)                 { return nil, errTodo }
func (csvFormat) Decode([]byte, string) (Doc, Report, error) { return Doc{}, Report{}, errTodo }

func sniffTags(string) Format      { return CoNLL }
func looksLikeConll(string) bool  { return false }

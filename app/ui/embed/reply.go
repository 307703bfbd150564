package embed

import "encoding/json"

// Annotation is one labelled span in a reply; offsets are code points,
// 0-based, end excluded.
type Annotation struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Text  string `json:"text"`
	Note  string `json:"note,omitempty"`
}

// Hit is one search result; offsets are code points.
type Hit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Score int    `json:"score"`
}

// Entity is one candidate entity with every place it occurs.
type Entity struct {
	Text  string   `json:"text"`
	Label string   `json:"label,omitempty"`
	Count int      `json:"count"`
	Spans [][2]int `json:"spans"`
}

// Ready is sent once when the frame starts.
func Ready(version string) []byte {
	return encode(struct {
		Type     string `json:"type"`
		Version  string `json:"version"`
		Protocol int    `json:"protocol"`
	}{TypeReady, version, Protocol})
}

// Loaded answers gloss:load: doc is the article's id, chars its length in
// code points.
func Loaded(id, doc string, chars int) []byte {
	return encode(struct {
		Type  string `json:"type"`
		ID    string `json:"id,omitempty"`
		Doc   string `json:"doc"`
		Chars int    `json:"chars"`
	}{TypeLoaded, id, doc, chars})
}

// LoadedExisting answers a load whose text the library held already: the
// article kept (with its annotations) was opened instead of a copy stored.
func LoadedExisting(id, doc string, chars int) []byte {
	return encode(struct {
		Type     string `json:"type"`
		ID       string `json:"id,omitempty"`
		Doc      string `json:"doc"`
		Chars    int    `json:"chars"`
		Existing bool   `json:"existing"`
	}{TypeLoaded, id, doc, chars, true})
}

// Error answers any request that could not be carried out.
func Error(id, msg string) []byte {
	return encode(struct {
		Type    string `json:"type"`
		ID      string `json:"id,omitempty"`
		Message string `json:"message"`
	}{TypeError, id, msg})
}

// Annotations answers gloss:annotations.
func Annotations(id, doc string, as []Annotation) []byte {
	if as == nil {
		as = []Annotation{}
	}
	return encode(struct {
		Type        string       `json:"type"`
		ID          string       `json:"id,omitempty"`
		Doc         string       `json:"doc"`
		Annotations []Annotation `json:"annotations"`
	}{TypeAnnotations, id, doc, as})
}

// Results answers gloss:search.
func Results(id, query string, hits []Hit) []byte {
	if hits == nil {
		hits = []Hit{}
	}
	return encode(struct {
		Type  string `json:"type"`
		ID    string `json:"id,omitempty"`
		Query string `json:"query"`
		Hits  []Hit  `json:"hits"`
	}{TypeResults, id, query, hits})
}

// Entities answers gloss:entities.
func Entities(id string, ents []Entity) []byte {
	if ents == nil {
		ents = []Entity{}
	}
	for i := range ents {
		if ents[i].Spans == nil {
			ents[i].Spans = [][2]int{}
		}
	}
	return encode(struct {
		Type     string   `json:"type"`
		ID       string   `json:"id,omitempty"`
		Entities []Entity `json:"entities"`
	}{TypeEntities, id, ents})
}

// Exported answers gloss:export with the document in the asked format.
func Exported(id, format, data string) []byte {
	return encode(struct {
		Type   string `json:"type"`
		ID     string `json:"id,omitempty"`
		Format string `json:"format"`
		Data   string `json:"data"`
	}{TypeExported, id, format, data})
}

// Changed is sent after every change made in the frame.
func Changed(doc string, as []Annotation) []byte {
	if as == nil {
		as = []Annotation{}
	}
	return encode(struct {
		Type        string       `json:"type"`
		Doc         string       `json:"doc"`
		Annotations []Annotation `json:"annotations"`
	}{TypeChanged, doc, as})
}

func encode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Only strings, ints and slices of them: cannot fail.
		panic("embed: " + err.Error())
	}
	return b
}

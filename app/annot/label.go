package annot

import (
	"fmt"
	"strings"
)

// Label is one entry of a label set: its name and its colour (#rrggbb).
type Label struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// Labels is an ordered label set; a label's number key is its index plus one.
type Labels []Label

// DefaultLabels is the label set a new library starts with.
func DefaultLabels() Labels {
	return Labels{
		{Name: "PER", Color: "#e8590c"},
		{Name: "ORG", Color: "#1c7ed6"},
		{Name: "LOC", Color: "#2f9e44"},
		{Name: "MISC", Color: "#9c36b5"},
	}
}

// MaxLabelName is the longest label name accepted, in bytes.
const MaxLabelName = 40

// CheckName says what is wrong with a label name, or nil.
func CheckName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a label needs a name")
	case len(name) > MaxLabelName:
		return fmt.Errorf("label %.20q… is longer than %d characters", name, MaxLabelName)
	case strings.ContainsAny(name, "\t\n\r"):
		return fmt.Errorf("label %q has a tab or line break", name)
	}
	return nil
}

// CheckColor says what is wrong with a colour, or nil.
func CheckColor(c string) error {
	if !isColor(c) {
		return fmt.Errorf("colour %q is not of the form #rrggbb", c)
	}
	return nil
}

// isColor reports whether c is #rrggbb. Checked by hand, not with a regexp:
// the app compiled this one regexp at start, linking regexp's parser and
// Unicode tables and running their initialisers before the first render.
func isColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < len(c); i++ {
		if !isHex(c[i]) {
			return false
		}
	}
	return true
}

func isHex(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
}

// Index returns the position of the named label, or -1.
func (ls Labels) Index(name string) int {
	for i, l := range ls {
		if l.Name == name {
			return i
		}
	}
	return -1
}

// Color returns the named label's colour, or a neutral grey.
func (ls Labels) Color(name string) string {
	if i := ls.Index(name); i >= 0 {
		return ls[i].Color
	}
	return "#868e96"
}

// Add returns the set with l appended.
func (ls Labels) Add(l Label) (Labels, error) {
	l.Name = strings.TrimSpace(l.Name)
	if err := CheckName(l.Name); err != nil {
		return ls, err
	}
	if err := CheckColor(l.Color); err != nil {
		return ls, err
	}
	if ls.Index(l.Name) >= 0 {
		return ls, fmt.Errorf("label %q exists already", l.Name)
	}
	return append(ls[:len(ls):len(ls)], l), nil
}

// Rename returns the set with label from called to.
func (ls Labels) Rename(from, to string) (Labels, error) {
	to = strings.TrimSpace(to)
	i := ls.Index(from)
	if i < 0 {
		return ls, fmt.Errorf("no label %q", from)
	}
	if err := CheckName(to); err != nil {
		return ls, err
	}
	if j := ls.Index(to); j >= 0 && j != i {
		return ls, fmt.Errorf("label %q exists already", to)
	}
	out := append(Labels(nil), ls...)
	out[i].Name = to
	return out, nil
}

// Recolor returns the set with the named label's colour changed.
func (ls Labels) Recolor(name, color string) (Labels, error) {
	i := ls.Index(name)
	if i < 0 {
		return ls, fmt.Errorf("no label %q", name)
	}
	if err := CheckColor(color); err != nil {
		return ls, err
	}
	out := append(Labels(nil), ls...)
	out[i].Color = strings.ToLower(color)
	return out, nil
}

// Remove returns the set without the named label.
func (ls Labels) Remove(name string) Labels {
	var out Labels
	for _, l := range ls {
		if l.Name != name {
			out = append(out, l)
		}
	}
	return out
}

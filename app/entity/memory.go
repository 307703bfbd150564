package entity

import "slices"

// Memory is what a person has taught Gloss about names, across articles:
// the labels they gave, the suggestions they corrected and those they
// rejected. FindWith weighs it above every built-in clue, so Gloss learns
// without a model. Keys are folded names (Fold). The zero value
// is empty and ready to use.
type Memory struct {
	// Labels lists, per name and label, the articles (IDs, at most
	// maxVoteArticles) where the person labelled that name with that label.
	Labels map[string]map[string][]string `json:"labels,omitempty"`
	// Corrected holds the label a person chose over a suggestion; it beats
	// every other clue.
	Corrected map[string]string `json:"corrected,omitempty"`
	// Rejected holds suggestions the person turned down: the name is not
	// of that type.
	Rejected map[string]map[string]bool `json:"rejected,omitempty"`
	// changes counts the calls that may have changed it (Version).
	changes uint64
}

// Version counts the calls to Vote, Correct and Reject that may have
// changed m: while it stays the same, m holds the same, unless its maps
// were written directly or JSON decoded into it (whoever does that makes a
// new Memory, as package ui does). A build's options are compared through
// it instead of written out again (package ui's adopt).
func (m *Memory) Version() uint64 { return m.changes }

// maxVoteArticles is how many articles a vote remembers: more would not
// weigh more (votes count up to three) and would fill the storage.
const maxVoteArticles = 10

// Vote records that the person labelled name with label in the article
// with ID article; the same article counts once.
func (m *Memory) Vote(name, label, article string) {
	k := Fold(name)
	if k == "" || label == "" {
		return
	}
	m.changes++
	if m.Labels == nil {
		m.Labels = map[string]map[string][]string{}
	}
	if m.Labels[k] == nil {
		m.Labels[k] = map[string][]string{}
	}
	ids := m.Labels[k][label]
	if len(ids) >= maxVoteArticles || slices.Contains(ids, article) {
		return
	}
	m.Labels[k][label] = append(ids, article)
}

// Correct records that the person gave name the label instead of what was
// suggested; a later rejection of that label is forgotten.
func (m *Memory) Correct(name, label string) {
	k := Fold(name)
	if k == "" || label == "" {
		return
	}
	m.changes++
	if m.Corrected == nil {
		m.Corrected = map[string]string{}
	}
	m.Corrected[k] = label
	delete(m.Rejected[k], label)
}

// Reject records that name is not of type label: it stops being suggested
// as such.
func (m *Memory) Reject(name, label string) {
	k := Fold(name)
	if k == "" || label == "" {
		return
	}
	m.changes++
	if m.Rejected == nil {
		m.Rejected = map[string]map[string]bool{}
	}
	if m.Rejected[k] == nil {
		m.Rejected[k] = map[string]bool{}
	}
	m.Rejected[k][label] = true
	if m.Corrected[k] == label {
		delete(m.Corrected, k)
	}
}

// knows reports whether the person labelled or corrected the normalised
// name key.
func (m *Memory) knows(key string) bool {
	if m == nil {
		return false
	}
	_, c := m.Corrected[key]
	return c || len(m.Labels[key]) > 0
}

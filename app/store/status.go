package store

import "fmt"

// Status is where an article stands in the person's work on it, shown in
// the library listing. New articles are StatusToDo.
type Status string

// The statuses an article can have.
const (
	StatusToDo       Status = "todo"
	StatusInProgress Status = "in-progress"
	StatusDone       Status = "done"
)

// Statuses lists every status in the order of the work.
func Statuses() []Status { return []Status{StatusToDo, StatusInProgress, StatusDone} }

// String is the status as a person reads it: "to do", "in progress", "done".
func (s Status) String() string {
	switch s {
	case StatusInProgress:
		return "in progress"
	case StatusDone:
		return "done"
	}
	return "to do"
}

func checkStatus(s Status) error {
	switch s {
	case StatusToDo, StatusInProgress, StatusDone:
		return nil
	}
	return fmt.Errorf("status %.30q is not one of todo, in-progress, done", string(s))
}

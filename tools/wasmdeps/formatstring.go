package main

import (
	"fmt"
	"strconv"
)

// formatString is written into go-app's copy (formatstring.go), and its
// FormatString calls it, from this file's text: the copy runs the function
// tested here.
//
// formatString returns what fmt.Sprintf(format, v...) returns, and format
// itself when v is empty, as go-app's FormatString does. "%v" of one string
// or int, what go-app's DataSet and Aria write for every data- and aria-
// attribute (Gloss sets 118), is answered without fmt: its printer (~22 KB
// of code) was otherwise compiled before the first draw at every start.
func formatString(format string, v ...any) string {
	if len(v) == 0 {
		return format
	}
	if format == "%v" && len(v) == 1 {
		switch x := v[0].(type) {
		case string:
			return x
		case int:
			return strconv.Itoa(x)
		}
	}
	return fmt.Sprintf(format, v...)
}

module gloss

go 1.26.0

require (
	github.com/maxence-charriere/go-app/v10 v10.1.11
	github.com/sahilm/fuzzy v0.1.3
)

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

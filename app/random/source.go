//go:build !js

package random

import _ "embed"

// JSSource is random_js.go's text. tools/wasmdeps writes it into go-app's
// copy, whose uuids then take their bytes as Read does in the browser.
//
//go:embed random_js.go
var JSSource string

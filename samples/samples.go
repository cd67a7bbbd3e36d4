// Package samples holds the sample articles that ship inside the factquiz
// binary, so that a fresh install has something to quiz on.
//
// The sample is Wikipedia's article "2011 Tabankort raid", used under the
// Creative Commons Attribution-ShareAlike 4.0 licence; see NOTICE.
package samples

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var files embed.FS

// Default is the file name of the article loaded into a new installation.
const Default = "2011_tabankort_raid.txt"

// FS returns the sample articles, one .txt file each.
func FS() fs.FS { return files }

// Read returns the text of the named sample.
func Read(name string) ([]byte, error) { return files.ReadFile(name) }

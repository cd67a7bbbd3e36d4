package formats

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"factquiz/questions"
)

// FileFormats are the question file formats, by name, with the file name
// extension each is written with.
var FileFormats = map[string]string{"gift": ".gift", "aiken": ".txt", "csv": ".csv"}

// FormatOf guesses a question file's format from its name: ".csv" is CSV,
// ".txt" or ".aiken" Aiken, anything else GIFT.
func FormatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return "csv"
	case ".txt", ".aiken":
		return "aiken"
	}
	return "gift"
}

// MaxImportQuestions caps the questions of one imported file, which an
// import lists one by one and stores in one transaction; a file of 2 MB
// could hold some 200,000 short ones.
const MaxImportQuestions = 1000

// ReadQuestions reads a question file in a format: gift, aiken or csv.
func ReadQuestions(format string, r io.Reader) (*ImportResult, error) {
	switch format {
	case "gift":
		return ParseGIFT(r)
	case "aiken":
		return ParseAiken(r)
	case "csv":
		return ParseCSV(r)
	}
	return nil, fmt.Errorf("unknown format %q: use gift, aiken or csv", format)
}

// WriteQuestions writes questions in a format; skipped names those the
// format cannot hold, with why.
func WriteQuestions(w io.Writer, format string, qs []questions.Question) (skipped []string, err error) {
	switch format {
	case "gift":
		return WriteGIFT(w, qs)
	case "aiken":
		return WriteAiken(w, qs)
	case "csv":
		return nil, WriteCSV(w, qs)
	}
	return nil, fmt.Errorf("unknown format %q: use gift, aiken or csv", format)
}

package formats

import (
	"bytes"
	"reflect"
	"slices"
	"sort"
	"testing"

	"factquiz/internal/typetest"
	"factquiz/questions"
)

// TestFormatsHoldTheirTypes walks questions.Types: a sample question of
// each type (internal/typetest) written in a format its entry says holds
// it reads back the same, and a format that does not hold it leaves it
// out with why. A type added to a format's list without its reader or
// writer here fails.
func TestFormatsHoldTheirTypes(t *testing.T) {
	var names []string
	for name := range FileFormats {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, info := range questions.Types {
		for _, f := range info.Formats {
			if _, ok := FileFormats[f]; !ok {
				t.Errorf("%s: unknown format %q", info.Type, f)
			}
		}
		s, ok := typetest.Samples[info.Type]
		if !ok {
			t.Errorf("%s: no sample in internal/typetest", info.Type)
			continue
		}
		for _, name := range names {
			t.Run(string(info.Type)+"/"+name, func(t *testing.T) {
				var b bytes.Buffer
				skipped, err := WriteQuestions(&b, name, []questions.Question{s.Question})
				if !slices.Contains(info.Formats, name) {
					if err == nil && len(skipped) != 1 {
						t.Errorf("written though the format does not hold it, skipped %q:\n%s", skipped, b.String())
					}
					return
				}
				if err != nil || len(skipped) > 0 {
					t.Fatalf("write: %v, skipped %q", err, skipped)
				}
				res, err := ReadQuestions(name, &b)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Errors) > 0 || len(res.Skipped) > 0 || len(res.Questions) != 1 {
					t.Fatalf("read back: %d questions, errors %q, skipped %q", len(res.Questions), res.Errors, res.Skipped)
				}
				got := res.Questions[0].Question
				got.ID = ""
				if !reflect.DeepEqual(got, s.Question) {
					t.Errorf("read back as\n%#v, not\n%#v", got, s.Question)
				}
			})
		}
	}
}

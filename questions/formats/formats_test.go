package formats

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"factquiz/questions"
)

// importTest is one case of a parser's table: an input and the questions
// (IDs aside), errors and skipped parts it should give.
type importTest struct {
	name    string
	in      string
	want    []Imported
	errs    []*FormatError
	skipped []*FormatError
}

func runImportTests(t *testing.T, tests []importTest, parse func(string) (*ImportResult, error)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for i := range res.Questions {
				if res.Questions[i].Question.ID == "" {
					t.Errorf("question %d has no ID", i)
				}
				res.Questions[i].Question.ID = ""
			}
			if !reflect.DeepEqual(res.Questions, tt.want) {
				t.Errorf("questions:\n got %s\nwant %s", jsonOf(res.Questions), jsonOf(tt.want))
			}
			if !reflect.DeepEqual(withoutKinds(res.Errors), tt.errs) {
				t.Errorf("errors:\n got %q\nwant %q", res.Errors, tt.errs)
			}
			if !reflect.DeepEqual(withoutKinds(res.Skipped), tt.skipped) {
				t.Errorf("skipped:\n got %q\nwant %q", res.Skipped, tt.skipped)
			}
		})
	}
}

func jsonOf(v any) string {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err.Error()
	}
	return string(data)
}

func parseString(parse func(r *strings.Reader) (*ImportResult, error)) func(string) (*ImportResult, error) {
	return func(s string) (*ImportResult, error) { return parse(strings.NewReader(s)) }
}

// sameQuestions compares questions as a format keeps them: all but the ID.
func sameQuestions(t *testing.T, got []Imported, want []questions.Question) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d questions, want %d:\n%s", len(got), len(want), jsonOf(got))
	}
	for i, g := range got {
		q, w := g.Question, want[i]
		q.ID, w.ID = "", ""
		if !reflect.DeepEqual(q, w) {
			t.Errorf("question %d:\n got %s\nwant %s", i, jsonOf(q), jsonOf(w))
		}
	}
}

func imported(line int, q questions.Question) Imported { return Imported{Question: q, Line: line} }

func fe(line int, msg string) *FormatError { return &FormatError{Line: line, Msg: msg} }

// withoutKinds copies errs without their kinds, to compare them with a
// table's lines and messages; TestFormatErrorKinds checks the kinds.
func withoutKinds(errs []*FormatError) []*FormatError {
	var out []*FormatError
	for _, e := range errs {
		out = append(out, &FormatError{Line: e.Line, Msg: e.Msg})
	}
	return out
}

func mcQuestion(prompt, answer string, options ...string) questions.Question {
	return questions.Question{Type: questions.MultipleChoice, Prompt: prompt, Options: options, Answer: answer}
}

func TestFormatError(t *testing.T) {
	var err error = &FormatError{Line: 12, Err: ErrSyntax, Msg: "unclosed {"}
	if got := err.Error(); got != "line 12: unclosed {" {
		t.Errorf("Error() = %q", got)
	}
}

// TestFormatErrorKinds: each problem a parser reports is one of the
// three kinds, for errors.Is; a CSV record's own error stays its cause.
func TestFormatErrorKinds(t *testing.T) {
	tests := []struct {
		format, in string
		kind       error
	}{
		{"gift", "Q{=a ~b", ErrSyntax},
		{"gift", "Q{=a}} ", ErrSyntax},
		{"gift", "Q{#three}", ErrSyntax},
		{"gift", "Q{#5..1}", ErrInvalid},
		{"gift", "Q{~a ~b}", ErrInvalid},
		{"gift", "Q{}", ErrUnsupported},
		{"gift", "Q{=a =%50%b}", ErrUnsupported},
		{"aiken", "ANSWER: A", ErrSyntax},
		{"aiken", "Q\nA. a\nANSWER: A", ErrInvalid},
		{"csv", "type,prompt,answer\nmultiple_choice,Q", ErrInvalid},
		{"csv", "type,prompt,answer\nessay,Q,a", ErrUnsupported},
		{"csv", "type,prompt\n", ErrSyntax},
		{"csv", "type,prompt,answer\nfill_blank,Q,a\"b", ErrSyntax},
	}
	for _, tt := range tests {
		res, err := ReadQuestions(tt.format, strings.NewReader(strings.ReplaceAll(tt.in, `\n`, "\n")))
		if err != nil {
			t.Fatal(err)
		}
		problems := append(res.Errors, res.Skipped...)
		if len(problems) != 1 {
			t.Errorf("%s %q: problems %q, want one", tt.format, tt.in, problems)
			continue
		}
		var got error = problems[0]
		if !errors.Is(got, tt.kind) {
			t.Errorf("%s %q: %q is %v, want %v", tt.format, tt.in, got, problems[0].Err, tt.kind)
		}
		for _, other := range []error{ErrSyntax, ErrInvalid, ErrUnsupported} {
			if other != tt.kind && errors.Is(got, other) {
				t.Errorf("%s %q: %q is also %v", tt.format, tt.in, got, other)
			}
		}
	}
	res, _ := ParseCSV(strings.NewReader("type,prompt,answer\nfill_blank,Q,a\"b\n"))
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], csv.ErrBareQuote) {
		t.Errorf("errors %q: want the CSV reader's ErrBareQuote as the cause", res.Errors)
	}
}

func TestImportedIDs(t *testing.T) {
	in := "Is it?{T}\n\n::Named::Is it?{T}\n\nIs it?{T}\n\nIs it not?{T}"
	res, err := ParseGIFT(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, q := range res.Questions {
		ids = append(ids, q.Question.ID)
	}
	if len(ids) != 4 || !strings.HasPrefix(ids[0], "gift-") || len(ids[0]) != len("gift-")+12 {
		t.Fatalf("IDs %q", ids)
	}
	if ids[1] != "Named" || ids[0] != ids[2] || ids[0] == ids[3] {
		t.Errorf("IDs %q: want the title, and the same ID for the same content only", ids)
	}
}

func TestMatchingOptions(t *testing.T) {
	pairs := [][2]string{{"Canada", "Ottawa"}, {"Italy", "Rome"}, {"Japan", "Tokyo"}, {"Peru", "Rome"}}
	got := matchingOptions(pairs, []string{"Paris", "Lima"})
	if !sameItems(got, []string{"Ottawa", "Rome", "Tokyo", "Lima", "Paris"}) {
		t.Errorf("options %q", got)
	}
	if reflect.DeepEqual(got[:3], []string{"Ottawa", "Rome", "Tokyo"}) {
		t.Errorf("options %q are in the pairs' order", got)
	}
	if again := matchingOptions(pairs, []string{"Lima", "Paris"}); !reflect.DeepEqual(again, got) {
		t.Errorf("options depend on the extras' order: %q and %q", got, again)
	}
}

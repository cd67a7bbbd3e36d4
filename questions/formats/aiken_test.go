package formats

import (
	"reflect"
	"strings"
	"testing"

	"factquiz/questions"
)

var aikenReadTests = []importTest{{
	name: "two questions",
	in: `What is the correct answer to this question?
A. Is it this one?
B. Maybe this answer?
C. Possibly this one?
D. Must be this one!
ANSWER: D

Which LMS has the most quiz import formats?
A) Moodle
B) ATutor
C) Claroline
D) Blackboard
E) WebCT
F) Ilias
ANSWER: A
`,
	want: []Imported{
		imported(1, mcQuestion("What is the correct answer to this question?", "Must be this one!",
			"Is it this one?", "Maybe this answer?", "Possibly this one?", "Must be this one!")),
		imported(8, mcQuestion("Which LMS has the most quiz import formats?", "Moodle",
			"Moodle", "ATutor", "Claroline", "Blackboard", "WebCT", "Ilias")),
	},
}, {
	name: "text of several lines, no blank lines, CRLF",
	in:   "\ufeffThe capital of Niger\r\nis which city?\r\nA. Niamey\r\nB. Zinder\r\nANSWER:B\r\nNext?\r\nA. yes\r\nB. no\r\n\r\nANSWER: A",
	want: []Imported{
		imported(1, mcQuestion("The capital of Niger\nis which city?", "Zinder", "Niamey", "Zinder")),
		imported(6, mcQuestion("Next?", "yes", "yes", "no")),
	},
}, {
	name: "errors, each with its line",
	in: `No answer line
A. one
B. two

Letter out of range
A. one
B. two
ANSWER: C

One option
A. only
ANSWER: A

A. no text
B. before
ANSWER: A

Bad letter
A. x
B. y
ANSWER: ab

Repeated
A. x
A. y
ANSWER: A

Empty option
A.
B. y
ANSWER: B

ANSWER: A

Good?
A. yes
B. no
ANSWER: A

Twice
A. x
B. x
ANSWER: A

Unfinished
A. x
B. y`,
	want: []Imported{imported(35, mcQuestion("Good?", "yes", "yes", "no"))},
	errs: []*FormatError{
		fe(1, "no ANSWER line after the options"), fe(8, "answer C is not among the options"),
		fe(10, "fewer than two options"), fe(14, "the question has no text before its options"),
		fe(21, `ANSWER must be one capital letter, not "ab"`), fe(25, "option A given twice"),
		fe(29, "option A is empty"), fe(33, "ANSWER line without a question"),
		fe(40, `option "x" given twice`), fe(45, "no ANSWER line after the options"),
	},
}, {
	name: "lines that only look like options or answers",
	in:   "AB. not an option\nA.B. neither\nANSWERS are here\nA. yes\nB. no\nANSWER : B",
	want: []Imported{imported(1, mcQuestion("AB. not an option\nA.B. neither\nANSWERS are here", "no", "yes", "no"))},
}}

func TestParseAiken(t *testing.T) {
	runImportTests(t, aikenReadTests, parseString(func(r *strings.Reader) (*ImportResult, error) { return ParseAiken(r) }))
}

func TestAikenRoundTrip(t *testing.T) {
	var want []questions.Question
	for _, q := range bankQuestions {
		if q.Type == questions.MultipleChoice && !strings.HasPrefix(q.Prompt, "//") {
			want = append(want, questions.Question{Type: q.Type, Prompt: joinLines(q.Prompt), Options: q.Options, Answer: q.Answer})
		}
	}
	var b strings.Builder
	skipped, err := WriteAiken(&b, want)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("WriteAiken: %v, skipped %q", err, skipped)
	}
	res, err := ParseAiken(strings.NewReader(b.String()))
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ParseAiken: %v, errors %q in\n%s", err, res.Errors, b.String())
	}
	sameQuestions(t, res.Questions, want)
}

func TestWriteAiken(t *testing.T) {
	qs := []questions.Question{
		{Type: questions.MultipleChoice, Title: "Niger", Prompt: "What is the capital\nof Niger?", Options: []string{"Zinder", "Niamey\nthe city"},
			Answer: "Niamey\nthe city", Feedback: "dropped"},
		{ID: "tf", Type: questions.TrueFalse, Prompt: "True?"},
		{ID: "opt", Type: questions.MultipleChoice, Prompt: "A. Lincoln was born in?", Options: []string{"1809", "1810"}, Answer: "1809"},
		{ID: "ans", Type: questions.MultipleChoice, Prompt: "ANSWER: this", Options: []string{"a", "b"}, Answer: "a"},
		{ID: "none", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a", "b"}, Answer: "c"},
		{ID: "one", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a"}, Answer: "a"},
		{ID: "empty", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a", "\n"}, Answer: "a"},
		{ID: "noprompt", Type: questions.MultipleChoice, Prompt: " \n ", Options: []string{"a", "b"}, Answer: "a"},
		{ID: "many", Type: questions.MultipleChoice, Prompt: "P?", Options: strings.Split("abcdefghijklmnopqrstuvwxyz0", ""), Answer: "a"},
	}
	var b strings.Builder
	skipped, err := WriteAiken(&b, qs)
	if err != nil {
		t.Fatal(err)
	}
	want := "What is the capital of Niger?\nA. Zinder\nB. Niamey the city\nANSWER: B\n\n"
	if b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
	wantSkipped := []string{
		"tf: Aiken holds only multiple choice questions",
		"opt: its prompt would read as an option",
		"ans: its prompt would read as the ANSWER line",
		"none: its answer is not one of its options",
		"one: it needs at least two options",
		"empty: it has an empty option",
		"noprompt: it has no prompt",
		"many: Aiken allows at most 26 options",
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped:\n got %q\nwant %q", skipped, wantSkipped)
	}
}

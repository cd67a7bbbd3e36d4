package questions

import (
	"strings"
	"testing"
)

var validateTests = []struct {
	name  string
	q     Question
	field string // "" when the question is valid
	says  string
}{
	{"multiple choice", Question{Type: MultipleChoice, Prompt: "Capital?", Options: []string{"Niamey", "Gao"}, Answer: "Niamey"}, "", ""},
	{"no prompt", Question{Type: MultipleChoice, Prompt: " ", Options: []string{"a", "b"}, Answer: "a"}, "prompt", "Write the question"},
	{"one option", Question{Type: MultipleChoice, Prompt: "Q?", Options: []string{"a"}, Answer: "a"}, "options", "at least two"},
	{"duplicate options", Question{Type: MultipleChoice, Prompt: "Q?", Options: []string{"Niamey", "niamey "}, Answer: "Niamey"}, "options", "given twice"},
	{"no right option", Question{Type: MultipleChoice, Prompt: "Q?", Options: []string{"a", "b"}}, "right", "Mark the right option"},
	{"right option not among them", Question{Type: MultipleChoice, Prompt: "Q?", Options: []string{"a", "b"}, Answer: "c"}, "right", "Mark the right option"},
	{"too many options", Question{Type: MultipleChoice, Prompt: "Q?", Options: strings.Split("a b c d e f g h i j k l m", " "), Answer: "a"}, "options", "at most 12"},
	{"multiple answer", Question{Type: MultipleAnswer, Prompt: "Q?", Options: []string{"a", "b", "c"}, Weights: []float64{50, 50, -100}}, "", ""},
	{"weights short of 100", Question{Type: MultipleAnswer, Prompt: "Q?", Options: []string{"a", "b"}, Weights: []float64{50, 0}}, "weights", "add up to 100"},
	{"weight over 100", Question{Type: MultipleAnswer, Prompt: "Q?", Options: []string{"a", "b"}, Weights: []float64{150, -50}}, "weights", "from -100 to 100"},
	{"missing weight", Question{Type: MultipleAnswer, Prompt: "Q?", Options: []string{"a", "b"}, Weights: []float64{100}}, "weights", "every option"},
	{"fill in", Question{Type: FillBlank, Prompt: "It is _____.", Answer: "Niamey"}, "", ""},
	{"fill in without answer", Question{Type: FillBlank, Prompt: "It is _____."}, "answer", "may not be empty"},
	{"numeric", Question{Type: Numeric, Prompt: "How many?", Answer: "1,500", Tolerance: 10}, "", ""},
	{"numeric not a number", Question{Type: Numeric, Prompt: "How many?", Answer: "many"}, "answer", "must be a number"},
	{"negative tolerance", Question{Type: Numeric, Prompt: "How many?", Answer: "3", Tolerance: -1}, "tolerance", "0 or more"},
	{"true or false", Question{Type: TrueFalse, Prompt: "True?", Truth: true}, "", ""},
	{"ordering", Question{Type: Ordering, Prompt: "Order", Order: []string{"a", "b"}}, "", ""},
	{"ordering of one", Question{Type: Ordering, Prompt: "Order", Order: []string{"a"}}, "items", "at least two"},
	{"matching", Question{Type: Matching, Prompt: "Match", Pairs: [][2]string{{"a", "1"}, {"b", "2"}}}, "", ""},
	{"matching with a left twice", Question{Type: Matching, Prompt: "Match", Pairs: [][2]string{{"a", "1"}, {"a", "2"}}}, "pairs", "given twice"},
	{"matching with an empty right", Question{Type: Matching, Prompt: "Match", Pairs: [][2]string{{"a", "1"}, {"b", " "}}}, "pairs", "may not be empty"},
	{"matching with a long right", Question{Type: Matching, Prompt: "Match", Pairs: [][2]string{{"a", "1"}, {"b", strings.Repeat("y", MaxAnswerLen+1)}}}, "pairs", "at most"},
	{"unknown type", Question{Type: "essay", Prompt: "Write"}, "type", "Unknown question type"},
}

func TestValidate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			errs := Validate(tt.q)
			if tt.field == "" {
				if len(errs) != 0 {
					t.Fatalf("a valid question got %v", errs)
				}
				return
			}
			if !strings.Contains(errs[tt.field], tt.says) {
				t.Fatalf("errors %v, want %q on %s", errs, tt.says, tt.field)
			}
		})
	}
}

func TestNumericAcceptsAcceptedAnswers(t *testing.T) {
	q := Question{Type: Numeric, Prompt: "How many soldiers?", Answer: "20", Accepted: []string{"about twenty"}}
	for given, want := range map[string]bool{"20": true, "About twenty": true, "twenty-one": false, "25": false} {
		if got := CheckAnswer(q, given); got != want {
			t.Errorf("CheckAnswer(%q) = %v, want %v", given, got, want)
		}
	}
}

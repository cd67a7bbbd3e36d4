package questions

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

var primes = Question{Type: MultipleAnswer, Prompt: "Which are primes?", Options: []string{"2", "3", "4", "9"},
	Answers: []string{"2", "3"}, Weights: []float64{50, 50, -100, 0}}

func TestCredit(t *testing.T) {
	thirds := Question{Type: MultipleAnswer, Options: []string{"3", "5", "7", "1"},
		Answers: []string{"3", "5", "7"}, Weights: []float64{33.3333, 33.3333, 33.3333, -100}}
	unweighted := Question{Type: MultipleAnswer, Options: []string{"a", "b", "c", "d"}, Answers: []string{"a", "B"}}
	generous := Question{Type: MultipleAnswer, Options: []string{"a", "b"}, Answers: []string{"a", "b"}, Weights: []float64{100, 100}}
	broken := Question{Type: MultipleAnswer, Options: []string{"a", "b"}, Answers: []string{"a"}, Weights: []float64{math.NaN(), 0}}
	niamey := Question{Type: MultipleChoice, Options: []string{"Niamey", "Gao"}, Answer: "Niamey"}
	tests := []struct {
		name  string
		q     Question
		given any
		want  float64
	}{
		{"all right", primes, []string{"2", "3"}, 1},
		{"half", primes, []string{"3"}, 0.5},
		{"a zero-weight wrong option costs nothing", primes, []string{"2", "3", "9"}, 1},
		{"negative cancels", primes, []string{"2", "4"}, 0},
		{"negative stops at zero", primes, []string{"4"}, 0},
		{"partial less a penalty", Question{Type: MultipleAnswer, Options: []string{"a", "b", "c"}, Answers: []string{"a", "b"},
			Weights: []float64{50, 50, -25}}, []string{"a", "b", "c"}, 0.75},
		{"a duplicate counts once", primes, []string{"2", "2"}, 0.5},
		{"a duplicate in another form counts once", primes, []string{"2", " 2."}, 0.5},
		{"options named loosely", Question{Type: MultipleAnswer, Options: []string{"Niamey", "Gao"}, Answers: []string{"Niamey"},
			Weights: []float64{100, -100}}, []string{"niamey"}, 1},
		{"unknown options count nothing", primes, []string{"2", "7", "x", ""}, 0.5},
		{"decoded JSON", primes, []any{"2", "3"}, 1},
		{"not strings", primes, []any{"2", 3}, 0},
		{"one string is not a list", primes, "2", 0},
		{"nil", primes, nil, 0},
		{"nothing chosen", primes, []string{}, 0},
		{"thirds add up to full marks", thirds, []string{"3", "5", "7"}, 1},
		{"two thirds", thirds, []string{"3", "7"}, 0.666666},
		{"no weights: right options share 100", unweighted, []string{"a", "b"}, 1},
		{"no weights: one right", unweighted, []string{"b"}, 0.5},
		{"no weights: wrong options share -100", unweighted, []string{"a", "c"}, 0},
		{"no weights: everything chosen", unweighted, []string{"a", "b", "c", "d"}, 0},
		{"over 100 stops at full marks", generous, []string{"a", "b"}, 1},
		{"NaN weight", broken, []string{"a"}, 0},
		{"multiple choice right", niamey, "Niamey", 1},
		{"multiple choice wrong", niamey, "Gao", 0},
		{"true_false", Question{Type: TrueFalse, Truth: true}, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Credit(tt.q, tt.given)
			if math.Abs(got-tt.want) > 1e-6 {
				t.Errorf("Credit(%v) = %v, want %v", tt.given, got, tt.want)
			}
			if right := CheckAnswer(tt.q, tt.given); right != (tt.want == 1) {
				t.Errorf("CheckAnswer(%v) = %v, want %v", tt.given, right, tt.want == 1)
			}
		})
	}
}

func TestMultipleAnswerExpected(t *testing.T) {
	if !CheckAnswer(primes, primes.Expected()) {
		t.Errorf("own answer %v graded wrong", primes.Expected())
	}
	if got := FormatAnswer(primes); got != "2; 3" {
		t.Errorf("FormatAnswer = %q", got)
	}
}

func TestNegativeNumericAnswers(t *testing.T) {
	q := Question{Type: Numeric, Prompt: "Boiling point of nitrogen in °C?", Answer: "-195.8", Tolerance: 0.5}
	for given, want := range map[any]bool{"-195.8": true, "−196": true, "-195": false, "195.8": false, -196.0: true, "minus": false} {
		if got := CheckAnswer(q, given); got != want {
			t.Errorf("CheckAnswer(%v) = %v, want %v", given, got, want)
		}
	}
	plus := Question{Type: Numeric, Answer: "+5"}
	if !CheckAnswer(plus, "5") || !CheckAnswer(plus, "+5") || CheckAnswer(plus, "-5") {
		t.Errorf("an answer with a plus sign is not graded by value")
	}
}

func TestQuestionJSON(t *testing.T) {
	old := Question{ID: "q1", Type: MultipleChoice, Prompt: "P?", Options: []string{"a", "b"}, Answer: "a", Source: "s", Kind: KindPlace, Score: 0.5}
	data, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"q1","type":"multiple_choice","prompt":"P?","options":["a","b"],"answer":"a","source":"s","section":"","kind":"place","score":0.5}`
	if string(data) != want {
		t.Errorf("JSON of a question without the bank fields changed:\n got %s\nwant %s", data, want)
	}
	bank := primes
	bank.Title, bank.Tags, bank.Feedback, bank.OptionFeedback = "Primes", []string{"maths"}, "Primes have two divisors.", []string{"", "", "2 × 2", ""}
	data, err = json.Marshal(bank)
	if err != nil {
		t.Fatal(err)
	}
	want = `{"id":"","type":"multiple_answer","prompt":"Which are primes?","options":["2","3","4","9"],"answer":["2","3"],` +
		`"source":"","section":"","kind":"","score":0,"title":"Primes","tags":["maths"],"feedback":"Primes have two divisors.",` +
		`"option_feedback":["","","2 × 2",""],"weights":[50,50,-100,0]}`
	if string(data) != want {
		t.Errorf("JSON:\n got %s\nwant %s", data, want)
	}
	var back Question
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, bank) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, bank)
	}
	empty := Question{Type: MultipleAnswer}
	if data, _ := json.Marshal(empty); !json.Valid(data) || string(data[:60]) != `{"id":"","type":"multiple_answer","prompt":"","answer":[],"s` {
		t.Errorf("JSON of an empty multiple_answer question: %s", data)
	}
}

func TestPunctuationAnswers(t *testing.T) {
	mc := Question{Type: MultipleChoice, Prompt: "Which sign adds?", Options: []string{"+", "-", "×"}, Answer: "+"}
	fb := Question{Type: FillBlank, Prompt: "Which sign adds?", Answer: "+"}
	ma := Question{Type: MultipleAnswer, Prompt: "Which signs add or subtract?", Options: []string{"+", "-", "×"}, Answers: []string{"+", "-"}}
	for _, tt := range []struct {
		q     Question
		given any
		want  bool
	}{
		{mc, "+", true}, {mc, " + ", true}, {mc, "-", false}, {mc, "", false},
		{fb, "+", true}, {fb, "-", false}, {fb, "", false},
		{ma, []string{"+", "-"}, true}, {ma, []string{"+", "×"}, false},
	} {
		if got := CheckAnswer(tt.q, tt.given); got != tt.want {
			t.Errorf("CheckAnswer(%s %q, %q) = %v, want %v", tt.q.Type, tt.q.Answer, tt.given, got, tt.want)
		}
	}
}

package formats

import (
	"strings"
	"testing"

	"factquiz/questions"
)

var capitals = [][2]string{{"Canada", "Ottawa"}, {"Italy", "Rome"}, {"Japan", "Tokyo"}}

var giftReadTests = []importTest{{
	name: "multiple choice",
	in:   "Who's buried in Grant's tomb?{=Grant ~no one ~Napoleon ~Churchill ~Mother Teresa }",
	want: []Imported{imported(1, mcQuestion("Who's buried in Grant's tomb?", "Grant", "Grant", "no one", "Napoleon", "Churchill", "Mother Teresa"))},
}, {
	name: "title, comments and feedback on their own lines",
	in: `// question: 1 name: Grants tomb
::Grants tomb::Who is buried in Grant's tomb in New York City? {
=Grant
~No one
#Was true for 12 years
~Napoleon
// a comment inside the block
#He was buried in France
####Grant and his wife lie there.
}`,
	want: []Imported{imported(2, questions.Question{Type: questions.MultipleChoice, Title: "Grants tomb",
		Prompt:  "Who is buried in Grant's tomb in New York City?",
		Options: []string{"Grant", "No one", "Napoleon"}, Answer: "Grant",
		OptionFeedback: []string{"", "Was true for 12 years", "He was buried in France"},
		Feedback:       "Grant and his wife lie there."})},
}, {
	name: "missing word",
	in:   "Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.",
	want: []Imported{imported(1, mcQuestion("Moodle costs _____ to download from moodle.org.", "nothing", "lots of money", "nothing", "a small amount"))},
}, {
	name: "missing word at the start",
	in:   "{=Niamey ~Zinder} is the capital of Niger.",
	want: []Imported{imported(1, mcQuestion("_____ is the capital of Niger.", "Niamey", "Niamey", "Zinder"))},
}, {
	name: "two right options",
	in:   "Which is a name of the capital of Niger?{=Niamey =Niamé ~Zinder ~%100%Yamai}",
	want: []Imported{imported(1, questions.Question{Type: questions.MultipleChoice, Prompt: "Which is a name of the capital of Niger?",
		Options: []string{"Niamey", "Niamé", "Zinder", "Yamai"}, Answer: "Niamey", Accepted: []string{"Niamé", "Yamai"}})},
}, {
	name:    "partial credit in multiple choice",
	in:      "Capital of Niger?{=Niamey ~%50%Niamey city ~%-25%Zinder ~Agadez}",
	want:    []Imported{imported(1, mcQuestion("Capital of Niger?", "Niamey", "Niamey", "Niamey city", "Zinder", "Agadez"))},
	skipped: []*FormatError{fe(1, `partial credit is not supported: option "Niamey city" (50%) counts as wrong`), fe(1, `partial credit is not supported: option "Zinder" (-25%) counts as wrong`)},
}, {
	name: "multiple answers",
	in: `What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant#Yes
   ~%50%Grant's wife
   ~%-100%Grant's father
}`,
	want: []Imported{imported(1, questions.Question{Type: questions.MultipleAnswer, Prompt: "What two people are entombed in Grant's tomb?",
		Options: []string{"No one", "Grant", "Grant's wife", "Grant's father"}, Answers: []string{"Grant", "Grant's wife"},
		Weights: []float64{-100, 50, 50, -100}, OptionFeedback: []string{"", "Yes", "", ""}})},
}, {
	name: "multiple answers in thirds",
	in:   "Primes?{~%33.3333%2 ~%33.3333%3 ~%33.3333%5 ~4 ~%-50.5%9}",
	want: []Imported{imported(1, questions.Question{Type: questions.MultipleAnswer, Prompt: "Primes?", Options: []string{"2", "3", "5", "4", "9"},
		Answers: []string{"2", "3", "5"}, Weights: []float64{33.3333, 33.3333, 33.3333, 0, -50.5}})},
}, {
	name: "true and false",
	in:   "Grant is buried in Grant's tomb.{F}\n\nThe sun rises in the east.{T}\n\n::TF::Water is wet.{TRUE}\n\nFire is cold.{FALSE}",
	want: []Imported{
		imported(1, questions.Question{Type: questions.TrueFalse, Prompt: "Grant is buried in Grant's tomb."}),
		imported(3, questions.Question{Type: questions.TrueFalse, Prompt: "The sun rises in the east.", Truth: true}),
		imported(5, questions.Question{Type: questions.TrueFalse, Title: "TF", Prompt: "Water is wet.", Truth: true}),
		imported(7, questions.Question{Type: questions.TrueFalse, Prompt: "Fire is cold."}),
	},
}, {
	name: "true and false feedback",
	in:   "The sun rises in the west.{FALSE#No, in the east.#Right: in the east.####The Earth turns eastward.}\n\nThe sun is a star.{T##Yes, it is.}",
	want: []Imported{
		imported(1, questions.Question{Type: questions.TrueFalse, Prompt: "The sun rises in the west.", Feedback: "The Earth turns eastward.",
			OptionFeedback: []string{"No, in the east.", "Right: in the east."}}),
		imported(3, questions.Question{Type: questions.TrueFalse, Prompt: "The sun is a star.", Truth: true, OptionFeedback: []string{"Yes, it is.", ""}}),
	},
}, {
	name: "short answer",
	in:   "Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}\n\nTwo plus two equals {=four =4}.\n\nCapital of Niger?{Niamey}",
	want: []Imported{
		imported(1, questions.Question{Type: questions.FillBlank, Prompt: "Who's buried in Grant's tomb?", Answer: "Grant", Accepted: []string{"Ulysses S. Grant", "Ulysses Grant"}}),
		imported(3, questions.Question{Type: questions.FillBlank, Prompt: "Two plus two equals _____.", Answer: "four", Accepted: []string{"4"}}),
		imported(5, questions.Question{Type: questions.FillBlank, Prompt: "Capital of Niger?", Answer: "Niamey"}),
	},
}, {
	name: "short answer with weights and feedback",
	in:   "Capital of France?{\n=%100%Paris#Yes\n=%50%Lutetia#Its Roman name\n=%100%Paname\n}",
	want: []Imported{imported(1, questions.Question{Type: questions.FillBlank, Prompt: "Capital of France?", Answer: "Paris", Accepted: []string{"Paname"}})},
	skipped: []*FormatError{
		fe(2, `feedback on a short answer is not supported: "Yes"`),
		fe(3, `partial credit is not supported: answer "Lutetia" (50%) is dropped`),
	},
}, {
	name: "matching",
	in: `Match the countries with their capitals. {
   =Canada -> Ottawa
   =Italy  -> Rome
   =Japan  -> Tokyo
   ####It's good to know the capitals
}`,
	want: []Imported{imported(1, questions.Question{Type: questions.Matching, Prompt: "Match the countries with their capitals.",
		Pairs: capitals, Options: matchingOptions(capitals, nil), Feedback: "It's good to know the capitals"})},
}, {
	name: "matching with two pairs and extra choices",
	in:   "Match.{=cat -> meow =dog -> woof = -> moo = -> quack}",
	want: []Imported{imported(1, questions.Question{Type: questions.Matching, Prompt: "Match.", Pairs: [][2]string{{"cat", "meow"}, {"dog", "woof"}},
		Options: matchingOptions([][2]string{{"cat", "meow"}, {"dog", "woof"}}, []string{"moo", "quack"})})},
}, {
	name: "numeric",
	in:   "When was Ulysses S. Grant born?{#1822:5}\n\nPi to two places?{#3.14..3.15}\n\nBoiling point of nitrogen in °C?{#=-195.8:0.5}\n\nTwo?{#2}",
	want: []Imported{
		imported(1, questions.Question{Type: questions.Numeric, Prompt: "When was Ulysses S. Grant born?", Answer: "1822", Tolerance: 5}),
		imported(3, questions.Question{Type: questions.Numeric, Prompt: "Pi to two places?", Answer: "3.145", Tolerance: 0.005}),
		imported(5, questions.Question{Type: questions.Numeric, Prompt: "Boiling point of nitrogen in °C?", Answer: "-195.8", Tolerance: 0.5}),
		imported(7, questions.Question{Type: questions.Numeric, Prompt: "Two?", Answer: "2"}),
	},
}, {
	name: "numeric with several answers",
	in: `When was Ulysses S. Grant born? {#
   =1822:0      # Correct! Full credit.
   =%50%1822:2  # He was born in 1822. Half credit for being close.
   =1823
   ~#Not even close.
}`,
	want: []Imported{imported(1, questions.Question{Type: questions.Numeric, Prompt: "When was Ulysses S. Grant born?", Answer: "1822"})},
	skipped: []*FormatError{
		fe(5, "feedback on wrong numeric answers is not supported"),
		fe(2, `feedback on a numeric answer is not supported: "Correct! Full credit."`),
		fe(3, "partial credit is not supported: answer 1822:2 (50%) is dropped"),
		fe(4, "only the first fully right numeric answer is kept: 1823 is dropped"),
	},
}, {
	name: "categories",
	in: `$CATEGORY: $course$/top/Geography/Capitals

Capital of Niger?{=Niamey ~Zinder}
$CATEGORY: tom//jerry/ cartoons /

Is Tom a cat?{T}

$CATEGORY: $course$/top

Untagged?{T}`,
	want: []Imported{
		imported(3, questions.Question{Type: questions.MultipleChoice, Prompt: "Capital of Niger?", Options: []string{"Niamey", "Zinder"}, Answer: "Niamey",
			Tags: []string{"Geography", "Capitals"}}),
		imported(6, questions.Question{Type: questions.TrueFalse, Prompt: "Is Tom a cat?", Truth: true, Tags: []string{"tom/jerry", "cartoons"}}),
		imported(10, questions.Question{Type: questions.TrueFalse, Prompt: "Untagged?", Truth: true}),
	},
}, {
	name: "text formats",
	in:   "[html]<p>Is <b>this</b> bold?</p>{T}\n\n::Md::[markdown]Is *this* bold?{T}\n\n[plain] Plain?{=[html]<i>yes</i> ~no}\n\n[moodle]Moodle?{T}\n\n[note] Unknown format?{T}",
	want: []Imported{
		imported(1, questions.Question{Type: questions.TrueFalse, Prompt: "<p>Is <b>this</b> bold?</p>", Truth: true}),
		imported(3, questions.Question{Type: questions.TrueFalse, Title: "Md", Prompt: "Is *this* bold?", Truth: true}),
		imported(5, mcQuestion("Plain?", "<i>yes</i>", "<i>yes</i>", "no")),
		imported(7, questions.Question{Type: questions.TrueFalse, Prompt: "Moodle?", Truth: true}),
		imported(9, questions.Question{Type: questions.TrueFalse, Prompt: "[note] Unknown format?", Truth: true}),
	},
}, {
	name: "escapes",
	in:   `::a\:\:b::Which marks GIFT\: \~ \= \# \{ \} or \\?{=\~#a \# \=\nb ~\= ~C\:\\new ~\{\} ~\x}`,
	want: []Imported{imported(1, questions.Question{Type: questions.MultipleChoice, Title: "a::b",
		Prompt: `Which marks GIFT: ~ = # { } or \?`, Options: []string{"~", "=", `C:\new`, "{}", `\x`}, Answer: "~",
		OptionFeedback: []string{"a # =\nb", "", "", "", ""}})},
}, {
	name: "several lines, CRLF and a byte order mark",
	in:   "\ufeff// comment\r\nLine one\r\n  line two {T}\r\n\r\n\r\nNext?{F}\r\n",
	want: []Imported{
		imported(2, questions.Question{Type: questions.TrueFalse, Prompt: "Line one\nline two", Truth: true}),
		imported(6, questions.Question{Type: questions.TrueFalse, Prompt: "Next?"}),
	},
}, {
	name:    "essay and description",
	in:      "Write about Grant's tomb.{}\n\nYou may use paper for the next questions.\n\n::E::Essay with feedback{####Look at the dates.}",
	skipped: []*FormatError{fe(1, "essay questions are not supported"), fe(3, "description items are not supported"), fe(5, "essay questions are not supported")},
}, {
	name: "errors, each with its line, and reading goes on",
	in: `Unclosed
brace {=a
~b

Over{~%150%a ~b}

No right answer{~a ~b}

::Empty::{T}

Bad number{#three}

One option{~a}

Good?{T}`,
	want: []Imported{imported(15, questions.Question{Type: questions.TrueFalse, Prompt: "Good?", Truth: true})},
	errs: []*FormatError{
		fe(2, "unclosed {"), fe(5, "weight 150% is over 100%"), fe(7, "a multiple choice question needs a right answer (=)"),
		fe(9, "empty question"), fe(11, `unknown numeric form "three"; use 3, 3:0.5 or 2.5..3.5`), fe(13, "fewer than two options"),
	},
}, {
	name: "more errors",
	in: `Close } first {T}

Two blocks {T}
on one question {F}

Thirds {~%33%a ~%33%b ~%33%c}

Matching {=a -> 1 =b}

Matching {=a -> 1}

Matching {=a -> 1 =b -> }

::No end {T}

Range{#5..1}

Tolerance{#5:-1}

All partial{=%50%a}

Empty option{=a ~ }

Arrow{a -> b}

Nothing{#}

Nested {=a {~b}}

Under{~%-150%a =b}

Twice{=a ~b ~a}`,
	errs: []*FormatError{
		fe(1, "} without {"), fe(4, "a second answer block; separate questions with a blank line"),
		fe(6, "the right answers' weights add up to 99%, not 100%"), fe(8, "a matching pair needs ->"),
		fe(10, "a matching question needs at least two pairs"), fe(12, `nothing to match "b" with`),
		fe(14, "the title has no closing ::"), fe(16, `the range "5..1" runs backwards`),
		fe(18, `negative tolerance in "5:-1"`),
		fe(20, "a short answer question needs a fully right answer"), fe(22, "empty option"),
		fe(24, "-> belongs in matching pairs: {=left -> right =left -> right}"),
		fe(26, "a numeric question needs an answer"), fe(28, "unclosed {"), fe(30, "weight -150% is under -100%"),
		fe(32, `option "a" given twice`),
	},
	skipped: []*FormatError{fe(20, `partial credit is not supported: answer "a" (50%) is dropped`)},
}, {
	name: "empty file",
	in:   "\n// only a comment\n\n",
}}

func TestParseGIFT(t *testing.T) {
	runImportTests(t, giftReadTests, parseString(func(r *strings.Reader) (*ImportResult, error) { return ParseGIFT(r) }))
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errTest }

var errTest = &FormatError{Msg: "read failure"}

func TestReadFailure(t *testing.T) {
	for name, parse := range map[string]func() (*ImportResult, error){
		"gift":  func() (*ImportResult, error) { return ParseGIFT(failingReader{}) },
		"aiken": func() (*ImportResult, error) { return ParseAiken(failingReader{}) },
		"csv":   func() (*ImportResult, error) { return ParseCSV(failingReader{}) },
	} {
		if res, err := parse(); err == nil || res != nil {
			t.Errorf("%s: %v, %v; want only an error", name, res, err)
		}
	}
}

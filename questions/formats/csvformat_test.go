package formats

import (
	"reflect"
	"strings"
	"testing"

	"factquiz/questions"
)

var csvReadTests = []importTest{{
	name: "every type",
	in: `type,title,prompt,options,answer,accepted,tolerance,weights,feedback,option_feedback,tags,source,section
multiple_choice,Niger,What is the capital of Niger?,"Niamey
Zinder",Niamey,Niamé,,,On the river.,"Right.
",geography,The capital is Niamey.,Cities
multiple_answer,,Which are primes?,"2
3
4","2
3",,,"50
50
-100",,,,,
true_false,,Fire is cold.,,FALSE,,,,,"
Right.",,,
fill_blank,,Two plus two equals _____.,,four,"4
 IV ",,,,,,,
numeric,,Boiling point of nitrogen in °C?,,-195.8,,0.5,,,,,,
ordering,,Earliest first.,"b
a","a
b",,,,,,,,
matching,,Match.,,"cat -> meow
dog->woof",,,,,,,,
`,
	want: []Imported{
		imported(2, questions.Question{Type: questions.MultipleChoice, Title: "Niger", Prompt: "What is the capital of Niger?", Options: []string{"Niamey", "Zinder"},
			Answer: "Niamey", Accepted: []string{"Niamé"}, Feedback: "On the river.", OptionFeedback: []string{"Right.", ""},
			Tags: []string{"geography"}, Source: "The capital is Niamey.", Section: "Cities"}),
		imported(5, questions.Question{Type: questions.MultipleAnswer, Prompt: "Which are primes?", Options: []string{"2", "3", "4"},
			Answers: []string{"2", "3"}, Weights: []float64{50, 50, -100}}),
		imported(11, questions.Question{Type: questions.TrueFalse, Prompt: "Fire is cold.", OptionFeedback: []string{"", "Right."}}),
		imported(13, questions.Question{Type: questions.FillBlank, Prompt: "Two plus two equals _____.", Answer: "four", Accepted: []string{"4", "IV"}}),
		imported(15, questions.Question{Type: questions.Numeric, Prompt: "Boiling point of nitrogen in °C?", Answer: "-195.8", Tolerance: 0.5}),
		imported(16, questions.Question{Type: questions.Ordering, Prompt: "Earliest first.", Order: []string{"a", "b"}, Options: []string{"b", "a"}}),
		imported(19, questions.Question{Type: questions.Matching, Prompt: "Match.", Pairs: [][2]string{{"cat", "meow"}, {"dog", "woof"}},
			Options: matchingOptions([][2]string{{"cat", "meow"}, {"dog", "woof"}}, nil)}),
	},
}, {
	name: "columns in any order, some missing, blank rows skipped",
	in:   "\ufeffPrompt,Answer,Type\nTwo?,2,numeric\n,,\n\nOrder?,\"x\ny\",ordering\n",
	want: []Imported{
		imported(2, questions.Question{Type: questions.Numeric, Prompt: "Two?", Answer: "2"}),
		imported(5, questions.Question{Type: questions.Ordering, Prompt: "Order?", Order: []string{"x", "y"}, Options: questions.ShuffledApart([]string{"x", "y"})}),
	},
}, {
	name: "errors, each with its line",
	in: `type,prompt,options,answer,tolerance,weights,option_feedback
essay,Write.,,x,,,
multiple_choice,Pick.,"a
b",c,,,
numeric,How many?,,many,,,
numeric,How many?,,3,about 1,,
multiple_answer,Pick.,"a
b
c",a,,"50
x
0",
multiple_answer,Pick.,"a
b",a,,"50
0",
multiple_answer,Pick.,"a
b",a,,"150
0",
true_false,True?,,maybe,,,
matching,Match.,,"a -> 1
b",,,
fill_blank,,,x,,,
fill_blank,Blank?,,,,,
fill_blank,Blank?,,x,,5,
multiple_choice,Pick.,"a
b",a,,,"1
2
3"
ordering,Order.,"a
c","a
b",,,
multiple_choice,Pick.,a,a,,,
multiple_answer,Pick.,"a
b","a
c",,,
bare "quote,x,,,,,
fill_blank,Blank?,,x,,,,extra
fill_blank,Good?,,yes,,,
multiple_choice,Twice,"a
a",a,,,
multiple_answer,0,"!0
0",0,,,
`,
	want: []Imported{imported(37, questions.Question{Type: questions.FillBlank, Prompt: "Good?", Answer: "yes"})},
	errs: []*FormatError{
		fe(2, `unknown type "essay"`), fe(4, `answer "c" is not one of the options`),
		fe(5, `numeric answer "many" is not a number`), fe(6, `tolerance "about 1" is not a number of zero or more`),
		fe(10, `weight "x" is not a number`), fe(13, "the right answers' weights add up to 50%, not 100%"),
		fe(16, "weight 150% is over 100%"), fe(18, `a true_false answer is true or false, not "maybe"`),
		fe(20, `"b" is not a pair: left -> right`), fe(21, "empty prompt"), fe(22, "empty answer"),
		fe(23, "weights are only for multiple_answer questions"), fe(25, "3 lines of option feedback for 2 options"),
		fe(28, "the options are not the answer's items"), fe(31, "a multiple choice question needs at least two options"),
		fe(34, `answer "c" is not one of the options`), fe(35, `bare " in non-quoted-field`),
		fe(36, "8 cells, but the header names 7 columns"), fe(38, `option "a" given twice`),
		fe(40, `option "0" given twice`),
	},
}, {
	name: "missing header column",
	in:   "type,prompt\nfill_blank,Blank?\n",
	errs: []*FormatError{fe(1, `missing column "answer"`)},
}, {
	name: "unknown header column",
	in:   "type,prompt,answer,optoins\n",
	errs: []*FormatError{fe(1, `unknown column "optoins"; the columns are type,title,prompt,options,answer,accepted,tolerance,weights,feedback,option_feedback,tags,source,section`)},
}, {
	name: "repeated header column",
	in:   "type,prompt,answer,Prompt\n",
	errs: []*FormatError{fe(1, `column "prompt" given twice`)},
}, {
	name: "empty file",
	errs: []*FormatError{fe(1, "no header row")},
}}

func TestParseCSV(t *testing.T) {
	runImportTests(t, csvReadTests, parseString(func(r *strings.Reader) (*ImportResult, error) { return ParseCSV(r) }))
}

func TestCSVRoundTrip(t *testing.T) {
	qs := append([]questions.Question{orderingQuestion}, bankQuestions...)
	var b strings.Builder
	if err := WriteCSV(&b, qs); err != nil {
		t.Fatal(err)
	}
	res, err := ParseCSV(strings.NewReader(b.String()))
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ParseCSV: %v, errors %q in\n%s", err, res.Errors, b.String())
	}
	sameQuestions(t, res.Questions, qs)
}

func TestWriteCSVJoinsListLines(t *testing.T) {
	q := questions.Question{Type: questions.MultipleChoice, Prompt: "Two\nlines?", Options: []string{"a\nb", "c"}, Answer: "c", Tags: []string{"x\r\ny"}}
	var b strings.Builder
	if err := WriteCSV(&b, []questions.Question{q}); err != nil {
		t.Fatal(err)
	}
	res, err := ParseCSV(strings.NewReader(b.String()))
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ParseCSV: %v, errors %q", err, res.Errors)
	}
	q.Options, q.Tags = []string{"a b", "c"}, []string{"x y"}
	sameQuestions(t, res.Questions, []questions.Question{q})
}

// TestCSVFormulaCells: a cell a spreadsheet would run as a formula (it
// begins with =, +, -, @, a tab or a carriage return) is written with a '
// before it, and read back without it.
func TestCSVFormulaCells(t *testing.T) {
	q := questions.Question{Type: questions.Numeric, Title: "@title", Prompt: `=HYPERLINK("http://evil.example","x") is _____ degrees.`, Answer: "-195.8",
		Tolerance: 0.5, Feedback: "+1 for trying", Tags: []string{"-tag"}, Source: "-40 degrees is cold.", Section: "Plain"}
	var b strings.Builder
	if err := WriteCSV(&b, []questions.Question{q}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`'=HYPERLINK(`, `'@title`, `'-195.8`, `'+1 for trying`, `'-tag`, `'-40 degrees`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the CSV lacks %q:\n%s", want, b.String())
		}
	}
	res, err := ParseCSV(strings.NewReader(b.String()))
	if err != nil || len(res.Questions) != 1 || len(res.Errors) > 0 {
		t.Fatalf("read back: %v %+v", err, res)
	}
	got := res.Questions[0].Question
	got.ID = ""
	if !reflect.DeepEqual(got, q) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, q)
	}
	for in, want := range map[string]string{"=1+1": "'=1+1", "a=b": "a=b", "": "", "'=x": "'=x", "1-2": "1-2"} {
		if got := SpreadsheetSafe(in); got != want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

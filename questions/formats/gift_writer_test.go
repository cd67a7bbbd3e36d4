package formats

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"factquiz/questions"
)

// bankQuestions hold every type and field a question bank uses, with the
// characters each format treats specially.
var bankQuestions = []questions.Question{
	{Type: questions.MultipleChoice, Title: "Niger: capital", Tags: []string{"Geography", "Africa/West"},
		Prompt: "What is the capital of Niger?", Options: []string{"Niamey", "Zinder", "Agadez", "Maradi"}, Answer: "Niamey",
		Feedback: "Niamey lies on the Niger river.", OptionFeedback: []string{"Right.", "The capital until 1926.", "", ""}},
	{Type: questions.MultipleChoice, Tags: []string{"Geography", "Africa/West"}, Prompt: "_____ is the capital of Niger.",
		Options: []string{"Zinder", "Niamey"}, Answer: "Niamey"},
	{Type: questions.MultipleChoice, Tags: []string{"/odd/", "tom//jerry"}, Prompt: "The raid took place in _____ in 2011 (not _____).",
		Options: []string{"Niamey", "Ouallam"}, Answer: "Niamey"},
	{Type: questions.MultipleChoice, Prompt: "Which name is right?", Options: []string{"Niamey", "Niamé", "Zinder"}, Answer: "Niamey", Accepted: []string{"Niamé"}},
	{Type: questions.MultipleChoice, Prompt: "All right?", Options: []string{"a", "b"}, Answer: "a", Accepted: []string{"b"}},
	{Type: questions.MultipleChoice, Title: `::odd {title}\`, Prompt: "// Looks like a comment: ~ = # { } \\ :: and a\nnew line?",
		Options: []string{"%50% of it", "[html]<b>raw</b>", "a -> b", "#1", `\n`}, Answer: "%50% of it",
		OptionFeedback: []string{"Yes: 50% # really", "[plain]", "", "", ""}},
	{Type: questions.MultipleChoice, Prompt: "[markdown]*Bold*?", Options: []string{"yes", "no"}, Answer: "no", Feedback: "//not a comment"},
	{Type: questions.MultipleAnswer, Tags: []string{"Maths"}, Prompt: "Which are primes?", Options: []string{"2", "3", "4", "9"},
		Answers: []string{"2", "3"}, Weights: []float64{50, 50, -100, 0}, OptionFeedback: []string{"", "", "2 × 2", "3 × 3"}},
	{Type: questions.MultipleAnswer, Tags: []string{"Maths"}, Prompt: "Odd primes under 8?", Options: []string{"3", "5", "7", "2"},
		Answers: []string{"3", "5", "7"}, Weights: []float64{33.33333, 33.33333, 33.33334, -100}},
	{Type: questions.MultipleAnswer, Prompt: "Discounts?", Options: []string{"%25% off", "%0% off"}, Answers: []string{"%25% off"}, Weights: []float64{100, 0}},
	{Type: questions.TrueFalse, Prompt: "The sun rises in the east.", Truth: true, OptionFeedback: []string{"Yes.", "No, it does."}, Feedback: "The Earth turns eastward."},
	{Type: questions.TrueFalse, Prompt: "Fire is cold.", OptionFeedback: []string{"", "Right."}},
	{Type: questions.TrueFalse, Prompt: "Ice is cold.", Truth: true, OptionFeedback: []string{"", "Wrong."}},
	{Type: questions.TrueFalse, Title: "tf: plain", Prompt: "Water is wet.", Truth: true},
	{Type: questions.FillBlank, Prompt: "Two plus two equals _____.", Answer: "four", Accepted: []string{"4"}},
	{Type: questions.FillBlank, Prompt: "Capital of Niger?", Answer: "Niamey", Feedback: "On the river."},
	{Type: questions.FillBlank, Prompt: "Which letter stands for true?", Answer: "T"},
	{Type: questions.FillBlank, Prompt: "Percent sign?", Answer: "%5%", Accepted: []string{"5 %"}},
	{Type: questions.Matching, Prompt: "Match the countries with their capitals.", Pairs: capitals,
		Options: matchingOptions(capitals, []string{"Paris"}), Feedback: "Good to know."},
	{Type: questions.Matching, Prompt: "Match the arrows.", Pairs: [][2]string{{"a-", ">b"}, {"=", "-> c"}},
		Options: matchingOptions([][2]string{{"a-", ">b"}, {"=", "-> c"}}, nil)},
	{Type: questions.Numeric, Prompt: "When was Grant born?", Answer: "1822", Tolerance: 5},
	{Type: questions.Numeric, Prompt: "Boiling point of nitrogen in °C?", Answer: "-195.8", Tolerance: 0.5},
	{Type: questions.Numeric, Prompt: "Pi to two places?", Answer: "3.145", Tolerance: 0.005, Feedback: "3.14159…"},
	{Type: questions.Numeric, Tags: []string{"Maths"}, Prompt: "How many sides has a _____ triangle? (write 3)", Answer: "3"},
}

var orderingQuestion = questions.Question{Type: questions.Ordering, Prompt: "Put these in order, earliest first.",
	Order: []string{"c. 965", "Book of Optics", "c. 1040"}, Options: []string{"c. 1040", "c. 965", "Book of Optics"},
	Source: "He was born c. 965.", Section: "Life"}

func TestGIFTRoundTrip(t *testing.T) {
	var b strings.Builder
	skipped, err := WriteGIFT(&b, bankQuestions)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("WriteGIFT: %v, skipped %q", err, skipped)
	}
	res, err := ParseGIFT(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 || len(res.Skipped) > 0 {
		t.Fatalf("errors %q, skipped %q in\n%s", res.Errors, res.Skipped, b.String())
	}
	sameQuestions(t, res.Questions, bankQuestions)
	if t.Failed() {
		t.Log(b.String())
	}
}

func TestWriteGIFTSkips(t *testing.T) {
	ordering := orderingQuestion
	ordering.ID = "q1"
	qs := []questions.Question{
		ordering,
		{ID: "q2", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a", "b"}, Answer: "c"},
		{ID: "q3", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a"}, Answer: "a"},
		{ID: "q4", Type: questions.MultipleChoice, Prompt: "P?", Options: []string{"a", " "}, Answer: "a"},
		{ID: "q5", Type: questions.TrueFalse, Prompt: " "},
		{Title: "q6", Type: questions.Numeric, Prompt: "P?", Answer: "many"},
		{Type: questions.Matching, Prompt: "Match?", Pairs: [][2]string{{"a -> b", "c"}, {"d", "e"}}},
		{ID: "q8", Type: questions.Matching, Prompt: "Match?", Pairs: [][2]string{{"a", "c"}}},
		{ID: "q9", Type: questions.MultipleAnswer, Prompt: "P?", Options: []string{"a", "b"}, Weights: []float64{50, 0}},
		{ID: "q10", Type: questions.FillBlank, Prompt: "P?", Answer: "a->b"},
		{ID: "q11", Type: "essay", Prompt: "P?"},
		{ID: "q12", Type: questions.Numeric, Prompt: "P?", Answer: "1", Tolerance: math.Inf(1)},
		{ID: "q13", Type: questions.MultipleAnswer, Prompt: "P?", Options: []string{"a", "b", "a"}, Answers: []string{"a"}},
	}
	want := []string{
		"q1: GIFT has no ordering questions",
		"q2: its answer is not one of its options",
		"q3: it needs at least two options",
		"q4: it has an empty option",
		"q5: it has no prompt",
		"q6: its answer is not a number",
		`"Match?": a left item holds "->", which GIFT reads as the pair's arrow`,
		"q8: a matching question needs at least two pairs",
		"q9: the right answers' weights add up to 50%, not 100%",
		`q10: an answer holds "->", which GIFT reads as a matching pair`,
		"q11: GIFT cannot hold essay questions",
		"q12: its tolerance is not a number",
		`q13: it has the option "a" twice`,
	}
	var b strings.Builder
	skipped, err := WriteGIFT(&b, qs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped:\n got %q\nwant %q", skipped, want)
	}
	if b.Len() > 0 {
		t.Errorf("wrote %q", b.String())
	}
}

func TestWriteGIFTText(t *testing.T) {
	qs := []questions.Question{
		{Type: questions.Numeric, Prompt: "Answer in words?", Answer: "twenty", Tolerance: 1},
		{Type: questions.FillBlank, Prompt: "Not tagged?", Answer: "yes"},
		{Type: questions.TrueFalse, Prompt: "Tagged?", Truth: true, Tags: []string{"a/b", " "}},
		{Type: questions.TrueFalse, Prompt: "Same tags?", Tags: []string{"a/b"}},
		{Type: questions.TrueFalse, Prompt: "Untagged again?"},
	}
	want := `Answer in words?{#20:1}

Not tagged?{=yes}

$CATEGORY: $course$/top/a//b

Tagged?{TRUE}

Same tags?{FALSE}

$CATEGORY: $course$/top

Untagged again?{FALSE}

`
	var b strings.Builder
	if _, err := WriteGIFT(&b, qs); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
}

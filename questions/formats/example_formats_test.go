package formats_test

import (
	"fmt"
	"os"
	"strings"

	"factquiz/questions"
	"factquiz/questions/formats"
)

func ExampleParseGIFT() {
	const bank = `// Capitals, in Moodle's GIFT format.
$CATEGORY: $course$/top/Geography/Africa

::Niger::What is the capital of Niger?{
	=Niamey#Right.
	~Zinder#It was the capital until 1926.
	~Agadez
}

Niamey lies on the {=Niger ~Congo ~Nile} river.

Which cities are in Niger?{~%50%Zinder ~%50%Agadez ~%-100%Timbuktu}

In which year did Niger become independent?{#1960}

Write about the Sahel.{}

Broken {=yes ~no
`
	res, err := formats.ParseGIFT(strings.NewReader(bank))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, im := range res.Questions {
		q := im.Question
		fmt.Printf("line %d, %s, %v: %s → %s\n", im.Line, q.Type, q.Tags, q.Prompt, questions.FormatAnswer(q))
	}
	for _, e := range res.Skipped {
		fmt.Println("skipped", e)
	}
	for _, e := range res.Errors {
		fmt.Println("error", e)
	}
	// Output:
	// line 4, multiple_choice, [Geography Africa]: What is the capital of Niger? → Niamey
	// line 10, multiple_choice, [Geography Africa]: Niamey lies on the _____ river. → Niger
	// line 12, multiple_answer, [Geography Africa]: Which cities are in Niger? → Zinder; Agadez
	// line 14, numeric, [Geography Africa]: In which year did Niger become independent? → 1960
	// skipped line 16: essay questions are not supported
	// error line 18: unclosed {
}

func ExampleWriteGIFT() {
	qs := []questions.Question{
		{ID: "q1", Type: questions.TrueFalse, Prompt: "Niamey is the capital of Niger.", Truth: true, Tags: []string{"Geography"}},
		{ID: "q2", Type: questions.Numeric, Prompt: "How many men did Beth mobilize?", Answer: "200", Tolerance: 10,
			Tags: []string{"Geography"}, Feedback: "About 200: the article says so."},
		{ID: "q3", Type: questions.Ordering, Prompt: "Put these in order.", Order: []string{"a", "b"}},
	}
	skipped, err := formats.WriteGIFT(os.Stdout, qs)
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(skipped)
	// Output:
	// $CATEGORY: $course$/top/Geography
	//
	// Niamey is the capital of Niger.{TRUE}
	//
	// How many men did Beth mobilize?{#200:10 ####About 200\: the article says so.}
	//
	// [q3: GIFT has no ordering questions]
}

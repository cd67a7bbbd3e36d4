package questions_test

import (
	"fmt"

	"factquiz/questions"
)

func ExampleCredit() {
	q := questions.Question{
		Type:    questions.MultipleAnswer,
		Prompt:  "Which cities are in Niger?",
		Options: []string{"Zinder", "Agadez", "Timbuktu"},
		Answers: []string{"Zinder", "Agadez"},
		Weights: []float64{50, 50, -100},
	}
	fmt.Println(questions.Credit(q, []string{"Zinder"}))
	fmt.Println(questions.Credit(q, []string{"Zinder", "Agadez"}), questions.CheckAnswer(q, []string{"Zinder", "Agadez"}))
	fmt.Println(questions.Credit(q, []string{"Zinder", "Timbuktu"}))
	// Output:
	// 0.5
	// 1 true
	// 0
}

// Package typetest holds a sample question of every question type, with
// its right answer as the question page's form and the API send it, for
// the tests that walk questions.Types. Only tests import it.
package typetest

import (
	"net/url"

	"factquiz/questions"
)

// Sample is a valid question of one type and answers to it.
type Sample struct {
	// Question can be asked and graded, and written to every format that
	// holds its type and read back unchanged (its ID aside).
	Question questions.Question
	// Form is the right answer as the question page's form sends it.
	Form url.Values
	// JSON is the right answer as the API takes it.
	JSON string
	// Wrong is an answer, in the shape CheckAnswer takes, that earns less
	// than full credit.
	Wrong any
}

// Samples has one sample for each type of questions.Types; a type added
// there needs one here, as the tests that walk the list say.
var Samples = map[questions.Type]Sample{
	questions.MultipleChoice: {
		Question: questions.Question{Type: questions.MultipleChoice, Prompt: "What is the capital of Niger?",
			Options: []string{"Zinder", "Niamey", "Agadez", "Maradi"}, Answer: "Niamey"},
		Form: url.Values{"answer": {"Niamey"}}, JSON: `"Niamey"`, Wrong: "Zinder",
	},
	questions.MultipleAnswer: {
		Question: questions.Question{Type: questions.MultipleAnswer, Prompt: "Which cities are in Niger?",
			Options: []string{"Niamey", "Bamako", "Zinder", "Dakar"}, Answers: []string{"Niamey", "Zinder"},
			Weights: []float64{50, -50, 50, -50}},
		Form: url.Values{"answer": {"Niamey", "Zinder"}}, JSON: `["Niamey", "Zinder"]`, Wrong: []string{"Niamey"},
	},
	questions.TrueFalse: {
		Question: questions.Question{Type: questions.TrueFalse, Prompt: "Niamey is the capital of Niger.", Truth: true},
		Form:     url.Values{"answer": {"true"}}, JSON: `true`, Wrong: false,
	},
	questions.FillBlank: {
		Question: questions.Question{Type: questions.FillBlank, Prompt: "The capital of Niger is _____.",
			Answer: "Niamey", Accepted: []string{"the city of Niamey"}},
		Form: url.Values{"answer": {"niamey"}}, JSON: `"Niamey"`, Wrong: "Bamako",
	},
	questions.Numeric: {
		Question: questions.Question{Type: questions.Numeric, Prompt: "In which year did Niger become independent?",
			Answer: "1960", Tolerance: 1},
		Form: url.Values{"answer": {"1961"}}, JSON: `1960`, Wrong: "1900",
	},
	questions.Ordering: {
		Question: questions.Question{Type: questions.Ordering, Prompt: "Put these events in order, earliest first.",
			Order:   []string{"Niger becomes a French colony", "Niger becomes independent", "The Tabankort raid"},
			Options: []string{"The Tabankort raid", "Niger becomes a French colony", "Niger becomes independent"}},
		Form: url.Values{"order_1": {"Niger becomes a French colony"}, "order_2": {"Niger becomes independent"},
			"order_3": {"The Tabankort raid"}},
		JSON:  `["Niger becomes a French colony", "Niger becomes independent", "The Tabankort raid"]`,
		Wrong: []string{"The Tabankort raid", "Niger becomes independent", "Niger becomes a French colony"},
	},
	questions.Matching: {
		Question: questions.Question{Type: questions.Matching, Prompt: "Match each country with its capital.",
			Pairs: [][2]string{{"Niger", "Niamey"}, {"Mali", "Bamako"}, {"Senegal", "Dakar"}},
			// As a file read back gives them: formats keep no order.
			Options: questions.ShuffledApart([]string{"Niamey", "Bamako", "Dakar"})},
		Form:  url.Values{"match_0": {"Niamey"}, "match_1": {"Bamako"}, "match_2": {"Dakar"}},
		JSON:  `[["Niger", "Niamey"], ["Mali", "Bamako"], ["Senegal", "Dakar"]]`,
		Wrong: [][2]string{{"Niger", "Bamako"}, {"Mali", "Niamey"}, {"Senegal", "Dakar"}},
	},
}

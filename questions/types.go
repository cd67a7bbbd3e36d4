package questions

import (
	"fmt"
	"slices"
)

// Types lists every question type the engine knows, in the order forms
// offer them. It is the one place a type is described: its label, how a
// page asks for its answer, how that answer is read, kept, graded and
// written out, what makes a question of it valid and which file formats
// hold it. A new type is a Type constant and one more entry here; the
// tests that walk Types (in questions, formats and handlers) say what else
// it lacks: a sample in internal/typetest, its fields in the instructor's
// question form, a case in the reader and writer of each format that
// holds it.
var Types = []TypeInfo{
	{
		Type: MultipleChoice, Label: "Multiple choice", Input: InputChoice, Formats: []string{"gift", "aiken", "csv"},
		key: textKey, credit: allOrNothing(checkChoice), format: formatText, validate: validateChoice,
		fromForm: choiceFromForm, fromJSON: textFromJSON,
	},
	{
		Type: MultipleAnswer, Label: "Multiple answers", Input: InputChoices, Formats: []string{"gift", "csv"},
		key: func(q *Question) any { return &q.Answers }, credit: weightedCredit, format: formatChosen, validate: validateChoices,
		fromForm: choicesFromForm, fromJSON: listFromJSON("a list of the options chosen"),
	},
	{
		Type: TrueFalse, Label: "True or false", Input: InputTruth, Formats: []string{"gift", "csv"},
		key: func(q *Question) any { return &q.Truth }, credit: allOrNothing(checkTruth), format: formatTruth, validate: validateTruth,
		fromForm: truthFromForm, fromJSON: truthFromJSON,
	},
	{
		Type: FillBlank, Label: "Fill in the blank", Input: InputText, Formats: []string{"gift", "csv"},
		key: textKey, credit: allOrNothing(checkTyped), format: formatText, validate: validateTyped,
		fromForm: textFromForm, fromJSON: textFromJSON,
	},
	{
		Type: Numeric, Label: "Number", Input: InputNumber, Formats: []string{"gift", "csv"},
		key: textKey, credit: allOrNothing(matchesNumber), format: formatNumeric, validate: validateNumeric,
		fromForm: textFromForm, fromJSON: numberFromJSON,
	},
	{
		Type: Ordering, Label: "Put in order", Input: InputOrder, Formats: []string{"csv"},
		key: func(q *Question) any { return &q.Order }, credit: allOrNothing(checkOrder), format: formatOrder, validate: validateOrder,
		fromForm: orderFromForm, fromJSON: listFromJSON("a list of the items in order"),
	},
	{
		Type: Matching, Label: "Matching", Input: InputMatch, Formats: []string{"gift", "csv"},
		key: func(q *Question) any { return &q.Pairs }, credit: allOrNothing(checkPairs), format: formatMatched, validate: validatePairs,
		fromForm: pairsFromForm, fromJSON: pairsFromJSON,
	},
}

// TypeInfo is what the engine knows about one question type. Its exported
// fields describe the type; the rest is reached through CheckAnswer,
// Credit, Validate, Question.Expected, FormatAnswer, AnswerFromForm and
// AnswerFromJSON, which look the type up here.
type TypeInfo struct {
	Type  Type
	Label string // how pages name the type: "Multiple choice", "Put in order"
	Input Input  // how a page asks for the answer
	// Formats names the question file formats (package formats) that
	// can hold the type: "gift", "aiken", "csv".
	Formats []string

	// key returns a pointer to the field of q that holds the right
	// answer: Answer, Truth, Order, Pairs or Answers.
	key func(q *Question) any
	// credit is the share of full marks, from 0 to 1, given earns.
	credit func(q Question, given any) float64
	// format writes the right answer for people to read.
	format func(q Question) string
	// validate adds to errs, by field, what is wrong with the fields the
	// type uses.
	validate func(q Question, errs map[string]string)
	// fromForm reads an answer from the question page's form (see
	// AnswerFromForm).
	fromForm func(q Question, shown []string, value func(key string) string, chosen []string) (any, string)
	// fromJSON checks the shape of an answer sent to the API (see
	// AnswerFromJSON).
	fromJSON func(t Type, given any) (any, string)
}

// Input is the form control a page asks for an answer with. It names the
// fields AnswerFromForm reads; the question page and its keyboard
// shortcuts follow the input, not the type, so that a new type that is
// answered like an old one needs nothing new there.
type Input string

// The inputs, with the form fields each is sent as.
const (
	InputChoice  Input = "choice"  // a radio button "answer" for each option
	InputChoices Input = "choices" // a check box "answer" for each option, ticked for those chosen
	InputTruth   Input = "truth"   // "answer" is "true" or "false"
	InputText    Input = "text"    // "answer" is typed text
	InputNumber  Input = "number"  // "answer" is a typed number, in digits or words
	InputOrder   Input = "order"   // "order_1" to "order_N" each name the item at that place
	InputMatch   Input = "match"   // "match_0" to "match_{N-1}" each name the option for a left item
)

// Lookup returns the description of a type, and false when the engine
// does not know it.
func Lookup(t Type) (TypeInfo, bool) {
	i := slices.IndexFunc(Types, func(info TypeInfo) bool { return info.Type == t })
	if i < 0 {
		return TypeInfo{}, false
	}
	return Types[i], true
}

// Label returns how pages name the type ("Multiple choice"), or the type
// as written when the engine does not know it.
func (t Type) Label() string {
	if info, ok := Lookup(t); ok {
		return info.Label
	}
	return string(t)
}

// unknownType describes a type the engine does not know, such as one read
// from a newer file or typed into a form: its answer is kept as text, so
// that the question can be read, shown and refused by Validate, and no
// answer to it is right. Its empty Input has the page show a plain text
// field.
var unknownType = TypeInfo{
	key: textKey, credit: func(Question, any) float64 { return 0 }, format: formatText,
	validate: func(q Question, errs map[string]string) {
		errs["type"] = fmt.Sprintf("Unknown question type %q.", q.Type)
	},
	fromForm: textFromForm, fromJSON: textFromJSON,
}

// typeOf returns the description of t, or unknownType.
func typeOf(t Type) TypeInfo {
	if info, ok := Lookup(t); ok {
		return info
	}
	return unknownType
}

// textKey is the key of the types whose right answer is one text.
func textKey(q *Question) any { return &q.Answer }

// allOrNothing is the credit of a type whose answers are right or wrong.
func allOrNothing(right func(q Question, given any) bool) func(Question, any) float64 {
	return func(q Question, given any) float64 {
		if right(q, given) {
			return 1
		}
		return 0
	}
}

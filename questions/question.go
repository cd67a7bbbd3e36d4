package questions

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// Type is the kind of interaction a question asks for.
type Type string

// The question types the engine produces.
const (
	MultipleChoice Type = "multiple_choice"
	TrueFalse      Type = "true_false"
	FillBlank      Type = "fill_blank"
	Numeric        Type = "numeric"
	Ordering       Type = "ordering"
	Matching       Type = "matching"
	// MultipleAnswer offers options of which several may be right, each
	// worth a share of the credit (see Credit).
	MultipleAnswer Type = "multiple_answer"
)

// Kind is the type of fact a question or fact is about.
type Kind string

// Fact kinds. KindName covers proper names that are not people, places or
// organisations (aircraft, books, events named in passing).
const (
	KindDate         Kind = "date"
	KindTime         Kind = "time"
	KindNumber       Kind = "number"
	KindPerson       Kind = "person"
	KindPlace        Kind = "place"
	KindOrganisation Kind = "organisation"
	KindAcronym      Kind = "acronym"
	KindDefinition   Kind = "definition"
	KindInfobox      Kind = "infobox"
	KindEvent        Kind = "event"
	KindName         Kind = "name"
)

// Question is one generated (or imported) question.
//
// Which answer field is meaningful depends on Type: Answer for
// multiple_choice, fill_blank and numeric; Truth for true_false; Order (the
// items in their correct order) for ordering; Pairs for matching; Answers
// (the options to choose) for multiple_answer. In JSON all five are written
// as the single field "answer".
//
// Title, Tags, Feedback, OptionFeedback and Weights mostly come from
// imported question banks (see package formats); generated questions
// leave them empty.
type Question struct {
	ID       string
	Type     Type
	Prompt   string
	Options  []string
	Answer   string
	Truth    bool
	Order    []string
	Pairs    [][2]string
	Answers  []string // the right options of a multiple_answer question
	Accepted []string // other accepted forms of Answer for typed questions
	// Tolerance is the absolute distance from Answer a numeric response may
	// be and still count as right.
	Tolerance float64
	Source    string // the article sentence the question rests on
	Section   string
	Kind      Kind
	Score     float64

	Title    string   // a short name for the question bank, as GIFT's ::title::
	Tags     []string // labels for the question bank, such as GIFT categories
	Feedback string   // general feedback, shown after any answer
	// OptionFeedback is the feedback shown for choosing each option,
	// parallel to Options; for true_false it holds the feedback for
	// answering true, then for answering false. It is nil when there is
	// none.
	OptionFeedback []string
	// Weights is the percent credit each option of a multiple_answer
	// question earns, parallel to Options: positive for the right options
	// (together 100), zero or negative for the wrong ones.
	Weights []float64

	// keyFact marks a question the engine asked directly of its
	// article's subject ("Who directed American Beauty?"): ranked first.
	keyFact bool
}

type questionJSON struct {
	ID        string          `json:"id"`
	Type      Type            `json:"type"`
	Prompt    string          `json:"prompt"`
	Options   []string        `json:"options,omitempty"`
	Answer    json.RawMessage `json:"answer"`
	Accepted  []string        `json:"accepted,omitempty"`
	Tolerance *float64        `json:"tolerance,omitempty"` // always given for a numeric question, 0 too
	Source    string          `json:"source"`
	Section   string          `json:"section"`
	Kind      Kind            `json:"kind"`
	Score     float64         `json:"score"`

	Title          string    `json:"title,omitempty"`
	Tags           []string  `json:"tags,omitempty"`
	Feedback       string    `json:"feedback,omitempty"`
	OptionFeedback []string  `json:"option_feedback,omitempty"`
	Weights        []float64 `json:"weights,omitempty"`
}

// MarshalJSON writes the question in the documented JSON contract, with the
// answer shaped by the question type.
func (q Question) MarshalJSON() ([]byte, error) {
	// An empty list is written [], not null, as the contract says.
	answer := q.Expected()
	if v := reflect.ValueOf(answer); v.Kind() == reflect.Slice && v.IsNil() {
		answer = reflect.MakeSlice(v.Type(), 0, 0).Interface()
	}
	raw, err := json.Marshal(answer)
	if err != nil {
		return nil, err
	}
	var tol *float64
	if q.Type == Numeric || q.Tolerance != 0 {
		tol = &q.Tolerance
	}
	return json.Marshal(questionJSON{
		ID: q.ID, Type: q.Type, Prompt: q.Prompt, Options: q.Options,
		Answer: raw, Accepted: q.Accepted, Tolerance: tol,
		Source: q.Source, Section: q.Section, Kind: q.Kind, Score: q.Score,
		Title: q.Title, Tags: q.Tags, Feedback: q.Feedback,
		OptionFeedback: q.OptionFeedback, Weights: q.Weights,
	})
}

// UnmarshalJSON reads a question written by MarshalJSON.
func (q *Question) UnmarshalJSON(data []byte) error {
	var j questionJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*q = Question{
		ID: j.ID, Type: j.Type, Prompt: j.Prompt, Options: j.Options,
		Accepted: j.Accepted, Source: j.Source,
		Section: j.Section, Kind: j.Kind, Score: j.Score,
		Title: j.Title, Tags: j.Tags, Feedback: j.Feedback,
		OptionFeedback: j.OptionFeedback, Weights: j.Weights,
	}
	if j.Tolerance != nil {
		q.Tolerance = *j.Tolerance
	}
	if len(j.Answer) == 0 || string(j.Answer) == "null" {
		return nil
	}
	if err := q.UnmarshalAnswer(j.Answer); err != nil {
		return fmt.Errorf("question %q: answer does not fit type %s: %w", q.ID, q.Type, err)
	}
	return nil
}

// UnmarshalAnswer sets the right answer from its JSON, the "answer" of
// the JSON contract, into the field q.Type keeps it in: a string, a
// boolean, a list of items or options, or a list of pairs.
func (q *Question) UnmarshalAnswer(data []byte) error {
	return json.Unmarshal(data, typeOf(q.Type).key(q))
}

package questions

import (
	"encoding/json"
	"fmt"
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
// items in their correct order) for ordering; Pairs for matching. In JSON all
// four are written as the single field "answer".
type Question struct {
	ID       string
	Type     Type
	Prompt   string
	Options  []string
	Answer   string
	Truth    bool
	Order    []string
	Pairs    [][2]string
	Accepted []string // other accepted forms of Answer for typed questions
	// Tolerance is the absolute distance from Answer a numeric response may
	// be and still count as right.
	Tolerance float64
	Source    string // the article sentence the question rests on
	Section   string
	Kind      Kind
	Score     float64
}

type questionJSON struct {
	ID        string          `json:"id"`
	Type      Type            `json:"type"`
	Prompt    string          `json:"prompt"`
	Options   []string        `json:"options,omitempty"`
	Answer    json.RawMessage `json:"answer"`
	Accepted  []string        `json:"accepted,omitempty"`
	Tolerance float64         `json:"tolerance,omitempty"`
	Source    string          `json:"source"`
	Section   string          `json:"section"`
	Kind      Kind            `json:"kind"`
	Score     float64         `json:"score"`
}

// MarshalJSON writes the question in the documented JSON contract, with the
// answer shaped by the question type.
func (q Question) MarshalJSON() ([]byte, error) {
	var answer any
	switch q.Type {
	case TrueFalse:
		answer = q.Truth
	case Ordering:
		answer = nonNil(q.Order)
	case Matching:
		pairs := q.Pairs
		if pairs == nil {
			pairs = [][2]string{}
		}
		answer = pairs
	default:
		answer = q.Answer
	}
	raw, err := json.Marshal(answer)
	if err != nil {
		return nil, err
	}
	return json.Marshal(questionJSON{
		ID: q.ID, Type: q.Type, Prompt: q.Prompt, Options: q.Options,
		Answer: raw, Accepted: q.Accepted, Tolerance: q.Tolerance,
		Source: q.Source, Section: q.Section, Kind: q.Kind, Score: q.Score,
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
		Accepted: j.Accepted, Tolerance: j.Tolerance, Source: j.Source,
		Section: j.Section, Kind: j.Kind, Score: j.Score,
	}
	if len(j.Answer) == 0 || string(j.Answer) == "null" {
		return nil
	}
	var target any
	switch q.Type {
	case TrueFalse:
		target = &q.Truth
	case Ordering:
		target = &q.Order
	case Matching:
		target = &q.Pairs
	default:
		target = &q.Answer
	}
	if err := json.Unmarshal(j.Answer, target); err != nil {
		return fmt.Errorf("question %q: answer does not fit type %s: %w", q.ID, q.Type, err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

package models

import (
	"encoding/json"
	"fmt"

	"factquiz/questions"
)

// questionRow turns an engine question into a row.
func questionRow(articleID uint, position int, q questions.Question, origin string) (Question, error) {
	raw, err := json.Marshal(q)
	if err != nil {
		return Question{}, err
	}
	var j struct {
		Answer json.RawMessage `json:"answer"`
	}
	if err := json.Unmarshal(raw, &j); err != nil {
		return Question{}, err
	}
	return Question{
		ArticleID: articleID, Key: q.ID, Position: position, Type: string(q.Type), Prompt: q.Prompt,
		Options: q.Options, Answer: JSON(j.Answer), Accepted: q.Accepted, Tolerance: q.Tolerance,
		Source: q.Source, Section: q.Section, Kind: string(q.Kind), Score: q.Score,
		Status: StatusGenerated, Origin: origin,
	}, nil
}

// Engine returns the question as the question engine sees it, for grading.
func (q Question) Engine() (questions.Question, error) {
	eq := questions.Question{
		ID: q.Key, Type: questions.Type(q.Type), Prompt: q.Prompt, Options: q.Options,
		Accepted: q.Accepted, Tolerance: q.Tolerance, Source: q.Source, Section: q.Section,
		Kind: questions.Kind(q.Kind), Score: q.Score,
	}
	var target any
	switch eq.Type {
	case questions.TrueFalse:
		target = &eq.Truth
	case questions.Ordering:
		target = &eq.Order
	case questions.Matching:
		target = &eq.Pairs
	default:
		target = &eq.Answer
	}
	if err := json.Unmarshal(q.Answer, target); err != nil {
		return eq, fmt.Errorf("question %d: stored answer does not fit its type %s: %w", q.ID, q.Type, err)
	}
	return eq, nil
}

// Lefts returns the left-hand items of a matching question, in the order
// they are asked.
func (q Question) Lefts() []string {
	eq, err := q.Engine()
	if err != nil {
		return nil
	}
	out := make([]string, len(eq.Pairs))
	for i, p := range eq.Pairs {
		out[i] = p[0]
	}
	return out
}

package questions

import (
	"fmt"
	"reflect"
	"strings"
)

// Expected returns the right answer in the shape CheckAnswer takes: the
// answer string, the truth value, the items in order, the pairs or the
// options to choose.
func (q Question) Expected() any {
	return reflect.ValueOf(typeOf(q.Type).key(&q)).Elem().Interface()
}

// TextAnswer returns the right answer when it is one text, as for
// multiple choice, fill-in and numeric questions; ok is false for a type
// whose answer is a truth value, a list or pairs.
func (q Question) TextAnswer() (answer string, ok bool) {
	// The type's key is asked of a probe, not of q: taking q's address
	// would copy the whole question to the heap at every call, and the
	// engine asks this of every candidate. A text key is always Answer.
	if _, ok := typeOf(q.Type).key(&keyProbe).(*string); !ok {
		return "", false
	}
	return q.Answer, true
}

// keyProbe is the question TextAnswer asks a type's key of; it is only
// ever pointed into, never written.
var keyProbe Question

// FormatAnswer writes a question's right answer for people to read:
// "true", "A → B → C" for ordering, "A = 1; B = 2" for matching, "A; C"
// for the options to choose in multiple_answer, a number with its
// tolerance.
func FormatAnswer(q Question) string {
	return typeOf(q.Type).format(q)
}

func formatText(q Question) string   { return q.Answer }
func formatTruth(q Question) string  { return fmt.Sprint(q.Truth) }
func formatOrder(q Question) string  { return strings.Join(q.Order, " → ") }
func formatChosen(q Question) string { return strings.Join(q.Answers, "; ") }
func formatMatched(q Question) string {
	return formatPairs(q.Pairs)
}

func formatNumeric(q Question) string {
	if q.Tolerance > 0 {
		return fmt.Sprintf("%s (±%s)", q.Answer, FormatNumber(q.Tolerance))
	}
	return q.Answer
}

// FormatGiven writes an answer a learner gave, in any of the shapes
// CheckAnswer takes, for people to read.
func FormatGiven(given any) string {
	if items, ok := stringsOf(given); ok {
		return strings.Join(items, " → ")
	}
	if pairs, ok := pairsOf(given); ok {
		return formatPairs(pairs)
	}
	switch v := given.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(given)
}

func formatPairs(pairs [][2]string) string {
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p[0] + " = " + p[1]
	}
	return strings.Join(parts, "; ")
}

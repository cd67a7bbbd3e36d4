package questions

import (
	"fmt"
	"strings"
)

// Expected returns the right answer in the shape CheckAnswer takes: the
// answer string, the truth value, the items in order, the pairs or the
// options to choose.
func (q Question) Expected() any {
	switch q.Type {
	case TrueFalse:
		return q.Truth
	case Ordering:
		return q.Order
	case MultipleAnswer:
		return q.Answers
	case Matching:
		return q.Pairs
	}
	return q.Answer
}

// FormatAnswer writes a question's right answer for people to read:
// "true", "A → B → C" for ordering, "A = 1; B = 2" for matching, "A; C"
// for the options to choose in multiple_answer, a number with its
// tolerance.
func FormatAnswer(q Question) string {
	switch q.Type {
	case TrueFalse:
		return fmt.Sprint(q.Truth)
	case Ordering:
		return strings.Join(q.Order, " → ")
	case MultipleAnswer:
		return strings.Join(q.Answers, "; ")
	case Matching:
		return formatPairs(q.Pairs)
	case Numeric:
		if q.Tolerance > 0 {
			return fmt.Sprintf("%s (±%s)", q.Answer, FormatNumber(q.Tolerance))
		}
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

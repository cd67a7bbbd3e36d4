package questions

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxGivenLen caps, in characters, a typed answer a learner sends and each
// item of a list answer; no right answer is anywhere near it.
const MaxGivenLen = 500

// AnswerFromForm reads the answer to q from the question page's form, in
// the shape CheckAnswer takes, with the fields the type's Input names.
// shown are the options as the page listed them (an attempt may shuffle
// them), value reads one field and chosen holds every "answer" field sent
// (the ticked options of a multiple answer question). problem says, for
// the learner, what is missing or wrong; the answer is nil then.
func AnswerFromForm(q Question, shown []string, value func(key string) string, chosen []string) (answer any, problem string) {
	return typeOf(q.Type).fromForm(q, shown, value, chosen)
}

// AnswerFromJSON checks that an answer sent to the API, as encoding/json
// decodes it into an any, has the shape questions of type t take: a string
// for multiple_choice, fill_blank and numeric (a number too for numeric), a
// boolean for true_false, a list of strings for ordering, a list of the
// chosen options for multiple_answer, a list of [left, right] pairs for
// matching. It returns the answer in the shape CheckAnswer takes; the
// error's text is for the client to read.
func AnswerFromJSON(t Type, given any) (any, error) {
	answer, problem := typeOf(t).fromJSON(t, given)
	if problem != "" {
		return nil, errors.New(problem)
	}
	return answer, nil
}

func choiceFromForm(_ Question, shown []string, value func(string) string, _ []string) (any, string) {
	answer := strings.TrimSpace(value("answer"))
	if !slices.Contains(shown, answer) {
		return nil, "Choose one of the options."
	}
	return answer, ""
}

func truthFromForm(_ Question, _ []string, value func(string) string, _ []string) (any, string) {
	answer := strings.TrimSpace(value("answer"))
	if answer != "true" && answer != "false" {
		return nil, "Choose True or False."
	}
	return answer == "true", ""
}

func choicesFromForm(_ Question, shown []string, _ func(string) string, chosen []string) (any, string) {
	for i, o := range chosen {
		if !slices.Contains(shown, o) {
			return nil, "Choose among the options."
		}
		if slices.Contains(chosen[:i], o) {
			return nil, "Choose each option once."
		}
	}
	if len(chosen) == 0 {
		return nil, "Choose every right answer: at least one."
	}
	return chosen, ""
}

// orderFromForm reads one item for each place, order_1 first.
func orderFromForm(_ Question, shown []string, value func(string) string, _ []string) (any, string) {
	order := make([]string, len(shown))
	for k := range order {
		order[k] = value("order_" + strconv.Itoa(k+1))
		if !slices.Contains(shown, order[k]) {
			return nil, fmt.Sprintf("Choose an event for place %d.", k+1)
		}
		if slices.Contains(order[:k], order[k]) {
			return nil, "Each event can take only one place."
		}
	}
	return order, ""
}

// pairsFromForm reads the option matched with each left-hand item, in the
// order of q's pairs.
func pairsFromForm(q Question, shown []string, value func(string) string, _ []string) (any, string) {
	pairs := make([][2]string, len(q.Pairs))
	for i, p := range q.Pairs {
		right := value("match_" + strconv.Itoa(i))
		if !slices.Contains(shown, right) {
			return nil, fmt.Sprintf("Choose a match for “%s”.", p[0])
		}
		pairs[i] = [2]string{p[0], right}
	}
	return pairs, ""
}

// textFromForm reads a typed answer, trimmed.
func textFromForm(_ Question, _ []string, value func(string) string, _ []string) (any, string) {
	answer := strings.TrimSpace(value("answer"))
	switch {
	case answer == "":
		return nil, "Type an answer first."
	case utf8.RuneCountInString(answer) > MaxGivenLen:
		return nil, fmt.Sprintf("That answer is too long (at most %d characters).", MaxGivenLen)
	}
	return answer, ""
}

// shapeProblem says what an answer to a question of type t must be.
func shapeProblem(t Type, want string) string {
	return fmt.Sprintf("The answer to a %s question must be %s.", t, want)
}

func tooLongProblem() string {
	return fmt.Sprintf("The answer is too long (at most %d characters).", MaxGivenLen)
}

func truthFromJSON(t Type, given any) (any, string) {
	if b, ok := given.(bool); ok {
		return b, ""
	}
	return nil, shapeProblem(t, "true or false")
}

// listFromJSON reads a list of one to MaxOptions strings; want says what
// the list holds.
func listFromJSON(want string) func(t Type, given any) (any, string) {
	return func(t Type, given any) (any, string) {
		items, ok := given.([]any)
		if !ok || len(items) == 0 || len(items) > MaxOptions {
			return nil, shapeProblem(t, want)
		}
		out := make([]string, len(items))
		for i, it := range items {
			if out[i], ok = it.(string); !ok {
				return nil, shapeProblem(t, want)
			}
			if utf8.RuneCountInString(out[i]) > MaxGivenLen {
				return nil, tooLongProblem()
			}
		}
		return out, ""
	}
}

// pairsFromJSON reads a list of one to MaxOptions [left, right] pairs.
func pairsFromJSON(t Type, given any) (any, string) {
	bad := shapeProblem(t, "a list of [left, right] pairs")
	items, ok := given.([]any)
	if !ok || len(items) == 0 || len(items) > MaxOptions {
		return nil, bad
	}
	out := make([][2]string, len(items))
	for i, it := range items {
		pair, ok := it.([]any)
		if !ok || len(pair) != 2 {
			return nil, bad
		}
		l, ok1 := pair[0].(string)
		r, ok2 := pair[1].(string)
		if !ok1 || !ok2 {
			return nil, bad
		}
		if utf8.RuneCountInString(l) > MaxGivenLen || utf8.RuneCountInString(r) > MaxGivenLen {
			return nil, tooLongProblem()
		}
		out[i] = [2]string{l, r}
	}
	return out, ""
}

// numberFromJSON takes a JSON number, written in digits, or a string.
func numberFromJSON(t Type, given any) (any, string) {
	if f, ok := given.(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64), ""
	}
	return textFromJSON(t, given)
}

func textFromJSON(t Type, given any) (any, string) {
	s, ok := given.(string)
	if !ok {
		return nil, shapeProblem(t, "a string")
	}
	if utf8.RuneCountInString(s) > MaxGivenLen {
		return nil, tooLongProblem()
	}
	return s, ""
}

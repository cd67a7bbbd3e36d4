package handlers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
)

// maxAnswerLen caps a typed answer, and each item of a list answer, in
// characters; no right answer is anywhere near it.
const maxAnswerLen = 500

// formAnswer reads the answer to aq from the question form, in the shape
// the engine grades. problem says what is missing or wrong.
func formAnswer(c *fiber.Ctx, aq *models.AttemptQuestion) (any, string) {
	return answerFromForm(aq, formValue(c), postValues(c, "answer"))
}

// formValue reads one field of the request's form (or query), as
// c.FormValue does, for the parsers that take no Fiber context.
func formValue(c *fiber.Ctx) func(key string) string {
	return func(key string) string { return c.FormValue(key) }
}

// postValues returns every value of a field posted several times (the
// ticked boxes of a form), in order.
func postValues(c *fiber.Ctx, key string) []string {
	var out []string
	for _, raw := range c.Request().PostArgs().PeekMulti(key) {
		out = append(out, string(raw))
	}
	return out
}

// answerFromForm is formAnswer on the form's values: value reads one
// field, chosen holds every "answer" field posted (the ticked options of
// a multiple answer question).
func answerFromForm(aq *models.AttemptQuestion, value func(key string) string, chosen []string) (any, string) {
	answer := strings.TrimSpace(value("answer"))
	switch questions.Type(aq.Question.Type) {
	case questions.MultipleChoice:
		if !slices.Contains(aq.Options, answer) {
			return nil, "Choose one of the options."
		}
		return answer, ""
	case questions.TrueFalse:
		if answer != "true" && answer != "false" {
			return nil, "Choose True or False."
		}
		return answer == "true", ""
	case questions.MultipleAnswer:
		for i, o := range chosen {
			if !slices.Contains(aq.Options, o) {
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
	case questions.Ordering:
		order := make([]string, len(aq.Options))
		for k := range order {
			order[k] = value("order_" + strconv.Itoa(k+1))
			if !slices.Contains(aq.Options, order[k]) {
				return nil, fmt.Sprintf("Choose an event for place %d.", k+1)
			}
			if slices.Contains(order[:k], order[k]) {
				return nil, "Each event can take only one place."
			}
		}
		return order, ""
	case questions.Matching:
		lefts := aq.Question.Lefts()
		pairs := make([][2]string, len(lefts))
		for i, left := range lefts {
			right := value("match_" + strconv.Itoa(i))
			if !slices.Contains(aq.Options, right) {
				return nil, fmt.Sprintf("Choose a match for “%s”.", left)
			}
			pairs[i] = [2]string{left, right}
		}
		return pairs, ""
	}
	switch {
	case answer == "":
		return nil, "Type an answer first."
	case utf8.RuneCountInString(answer) > maxAnswerLen:
		return nil, fmt.Sprintf("That answer is too long (at most %d characters).", maxAnswerLen)
	}
	return answer, ""
}

// jsonAnswer checks that an answer from the API has the shape its question
// type takes: a string for multiple_choice, fill_blank and numeric (a
// number too for numeric), a boolean for true_false, a list of strings for
// ordering, a list of the chosen options for multiple_answer, a list of
// [left, right] pairs for matching.
func jsonAnswer(q models.Question, given any) (any, error) {
	bad := func(want string) error {
		return fiber.NewError(fiber.StatusUnprocessableEntity, fmt.Sprintf("The answer to a %s question must be %s.", q.Type, want))
	}
	tooLong := func() error {
		return fiber.NewError(fiber.StatusUnprocessableEntity, fmt.Sprintf("The answer is too long (at most %d characters).", maxAnswerLen))
	}
	switch questions.Type(q.Type) {
	case questions.TrueFalse:
		if b, ok := given.(bool); ok {
			return b, nil
		}
		return nil, bad("true or false")
	case questions.Ordering, questions.MultipleAnswer:
		want := map[bool]string{true: "a list of the items in order", false: "a list of the options chosen"}[q.Type == string(questions.Ordering)]
		items, ok := given.([]any)
		if !ok || len(items) == 0 || len(items) > questions.MaxOptions {
			return nil, bad(want)
		}
		out := make([]string, len(items))
		for i, it := range items {
			if out[i], ok = it.(string); !ok {
				return nil, bad(want)
			}
			if utf8.RuneCountInString(out[i]) > maxAnswerLen {
				return nil, tooLong()
			}
		}
		return out, nil
	case questions.Matching:
		items, ok := given.([]any)
		if !ok || len(items) == 0 || len(items) > questions.MaxOptions {
			return nil, bad("a list of [left, right] pairs")
		}
		out := make([][2]string, len(items))
		for i, it := range items {
			pair, ok := it.([]any)
			if !ok || len(pair) != 2 {
				return nil, bad("a list of [left, right] pairs")
			}
			l, ok1 := pair[0].(string)
			r, ok2 := pair[1].(string)
			if !ok1 || !ok2 {
				return nil, bad("a list of [left, right] pairs")
			}
			if utf8.RuneCountInString(l) > maxAnswerLen || utf8.RuneCountInString(r) > maxAnswerLen {
				return nil, tooLong()
			}
			out[i] = [2]string{l, r}
		}
		return out, nil
	case questions.Numeric:
		if f, ok := given.(float64); ok {
			return strconv.FormatFloat(f, 'f', -1, 64), nil
		}
	}
	s, ok := given.(string)
	if !ok {
		return nil, bad("a string")
	}
	if utf8.RuneCountInString(s) > maxAnswerLen {
		return nil, tooLong()
	}
	return s, nil
}

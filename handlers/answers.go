package handlers

import (
	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
)

// formAnswer reads the answer to q from the question form, in the shape
// the engine grades; shown are its options as the attempt shows them.
// problem says what is missing or wrong.
func formAnswer(c *fiber.Ctx, q questions.Question, shown []string) (any, string) {
	return questions.AnswerFromForm(q, shown, formValue(c), postValues(c, "answer"))
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

// jsonAnswer checks that an answer from the API has the shape its question
// type takes (see questions.AnswerFromJSON); one that has not is a 422
// that says what it must be.
func jsonAnswer(q models.Question, given any) (any, error) {
	answer, err := questions.AnswerFromJSON(questions.Type(q.Type), given)
	if err != nil {
		return nil, fiber.NewError(fiber.StatusUnprocessableEntity, err.Error())
	}
	return answer, nil
}

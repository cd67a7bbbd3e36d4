package handlers

import (
	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
)

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
	q, err := aq.Question.Engine()
	if err != nil {
		// Grading reports the stored answer that does not decode; until
		// then the question is read as having none.
		q = questions.Question{Type: q.Type}
	}
	return questions.AnswerFromForm(q, aq.Options, value, chosen)
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

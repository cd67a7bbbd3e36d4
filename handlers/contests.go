package handlers

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// contestAnswer records a learner's "I was right" on one of their wrong
// typed answers and goes back to the page the form was on.
func (h *Handler) contestAnswer(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := strconv.ParseUint(c.FormValue("question_id"), 10, 32)
	if err != nil || qid == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "The form did not say which answer it contests.")
	}
	_, err = h.store.ContestAnswer(currentUser(c).ID, id, uint(qid), c.FormValue("comment"))
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, errs["comment"])
	}
	if err != nil {
		return err
	}
	back := safeNext(c.FormValue("back"))
	if back == "" {
		back = attemptURL(id) + "/results"
	}
	return c.Redirect(back, fiber.StatusSeeOther)
}

// contestView says what the feedback and results pages show about
// contesting the answer to aq: the form for a wrong typed answer, or how
// its contest stands. contests are the attempt's, by question id.
func contestView(aq *models.AttemptQuestion, v *models.AttemptView, contests map[uint]models.Contest) views.ContestView {
	cv := views.ContestView{QuestionID: aq.QuestionID}
	if ct, ok := contests[aq.QuestionID]; ok {
		cv.Status, cv.Reason = ct.Status, ct.Reason
		return cv
	}
	r, answered := v.Responses[aq.QuestionID]
	cv.Contestable = answered && !r.Correct && models.Contestable(aq.Question.Type)
	return cv
}

// contestQueue shows instructors the contested answers waiting for a
// decision, question by question.
func (h *Handler) contestQueue(c *fiber.Ctx) error {
	return h.renderQueue(c, fiber.StatusOK, nil, nil)
}

// renderQueue renders the queue, with what is wrong with a rejection and
// the reason as it was typed, by contest id.
func (h *Handler) renderQueue(c *fiber.Ctx, status int, errs, reasons map[uint]string) error {
	items, err := h.store.OpenContests()
	if err != nil {
		return err
	}
	data := views.ContestsPage{Page: h.page(c, "Contested answers"), Errors: errs}
	for _, it := range items {
		if n := len(data.Groups); n == 0 || data.Groups[n-1].QuestionID != it.QuestionID {
			eq, err := it.Question.Engine()
			if err != nil {
				return err
			}
			data.Groups = append(data.Groups, views.ContestGroup{QuestionID: it.QuestionID, Prompt: it.Question.Prompt,
				RightAnswer: questions.FormatAnswer(eq), Accepted: it.Question.Accepted})
		}
		g := &data.Groups[len(data.Groups)-1]
		g.Items = append(g.Items, views.ContestItemView{ID: it.ID, Learner: it.Learner, Given: it.Given,
			Comment: it.Comment, Date: it.CreatedAt, Reason: reasons[it.ID]})
	}
	return h.render(c, status, "contests", data)
}

// acceptContest counts a contested answer as right, and as right from now
// on.
func (h *Handler) acceptContest(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.AcceptContest(id, currentUser(c).ID); err != nil {
		return err
	}
	flash(c, "contest-accepted")
	return c.Redirect("/contests", fiber.StatusSeeOther)
}

// rejectContest keeps a contested answer wrong, with the reason the
// learner is shown; without one, the queue comes back with the error next
// to that contest.
func (h *Handler) rejectContest(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	reason := c.FormValue("reason")
	err = h.store.RejectContest(id, currentUser(c).ID, reason)
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return h.renderQueue(c, fiber.StatusUnprocessableEntity, map[uint]string{id: errs["reason"]}, map[uint]string{id: reason})
	}
	if err != nil {
		return err
	}
	flash(c, "contest-rejected")
	return c.Redirect("/contests", fiber.StatusSeeOther)
}

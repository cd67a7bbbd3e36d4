package handlers

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
)

type apiArticle struct {
	ID        uint   `json:"id"`
	Title     string `json:"title"`
	Questions int    `json:"questions"`
}

func (h *Handler) apiListArticles(c *fiber.Ctx) error {
	arts, err := h.store.ListArticles()
	if err != nil {
		return err
	}
	out := make([]apiArticle, len(arts))
	for i, a := range arts {
		out[i] = apiArticle{a.ID, a.Title, a.Questions}
	}
	return c.JSON(out)
}

// apiCreateArticle takes the article as plain text, or as JSON
// {"text": "..."}. A text the parser refuses is a 422 with the line.
func (h *Handler) apiCreateArticle(c *fiber.Ctx) error {
	text := c.Body()
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
		var body struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal(text, &body); err != nil || body.Text == nil {
			return fiber.NewError(fiber.StatusBadRequest, `Send the article as text/plain, or as JSON {"text": "..."}.`)
		}
		text = []byte(*body.Text)
	}
	art, err := h.addArticle(c, text)
	var pe *questions.ParseError
	if errors.As(err, &pe) {
		return c.Status(parseStatus(err)).JSON(fiber.Map{"error": pe.Error(), "line": pe.Line})
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(apiArticle{art.ID, art.Title, art.Questions})
}

type apiQuestion struct {
	ID      uint     `json:"id"`
	Type    string   `json:"type"`
	Prompt  string   `json:"prompt"`
	Options []string `json:"options,omitempty"`
	// Items are the left-hand items of a matching question.
	Items []string `json:"items,omitempty"`
}

func (h *Handler) apiStartAttempt(c *fiber.Ctx) error {
	var body struct {
		ArticleID uint `json:"article_id"`
		Count     int  `json:"count"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if body.ArticleID == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "article_id is missing.")
	}
	if body.Count < 0 || body.Count > models.MaxAttemptSize {
		return fiber.NewError(fiber.StatusBadRequest, "count must be from 1 to 100 (or left out for 10).")
	}
	v, err := h.store.StartAttempt(body.ArticleID, body.Count, owner(c))
	if err != nil {
		return err
	}
	h.metrics.attemptsStarted.Inc()
	out := struct {
		ID        uint          `json:"id"`
		Questions []apiQuestion `json:"questions"`
	}{ID: v.Attempt.ID}
	for _, aq := range v.Questions {
		a := askView(&aq, "")
		out.Questions = append(out.Questions, apiQuestion{ID: aq.QuestionID, Type: a.Type, Prompt: a.Prompt,
			Options: append(a.Options, a.Items...), Items: a.Lefts})
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (h *Handler) apiAnswer(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var body struct {
		QuestionID uint `json:"question_id"`
		Answer     any  `json:"answer"`
	}
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if body.QuestionID == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "question_id is missing.")
	}
	aq, err := h.store.AnswerTarget(id, owner(c), body.QuestionID)
	if err != nil {
		return err
	}
	given, err := jsonAnswer(aq.Question, body.Answer)
	if err != nil {
		return err
	}
	q, err := aq.Question.Engine()
	if err != nil {
		return err
	}
	res, rules, err := h.gradeAndRecord(aq, q, owner(c), given)
	if err != nil {
		return err
	}
	// A quiz that shows feedback at the end or never says only that the
	// answer is saved.
	out := answerSaved{Saved: true, Finished: res.Finished}
	if rules.Feedback == models.FeedbackEach {
		out.Correct, out.Answer, out.Source = &res.Correct, res.Question.Answer, res.Question.Source
	}
	return c.JSON(out)
}

// answerSaved is the reply to an answer: whether it was right, the right
// answer and its sentence only when the quiz shows feedback at once.
type answerSaved struct {
	Saved    bool        `json:"saved"`
	Correct  *bool       `json:"correct,omitempty"`
	Answer   models.JSON `json:"answer,omitempty"`
	Source   string      `json:"source,omitempty"`
	Finished bool        `json:"finished"`
}

func (h *Handler) apiGetAttempt(c *fiber.Ctx) error {
	v, err := h.attempt(c)
	if err != nil {
		return err
	}
	rules, err := h.store.Rules(v.Attempt.QuizID)
	if err != nil {
		return err
	}
	now := time.Now()
	finished := v.Attempt.FinishedAt != nil
	over := finished || v.Attempt.TimeUp(now) // the results are out
	hide := rules.HidesGrades(&v.Attempt, now)
	type response struct {
		QuestionID uint        `json:"question_id"`
		Answer     models.JSON `json:"answer"`
		Correct    *bool       `json:"correct,omitempty"` // left out while the quiz hides feedback
	}
	out := struct {
		ID        uint       `json:"id"`
		Score     *int       `json:"score,omitempty"` // left out until the end unless the quiz shows feedback at once
		Total     int        `json:"total"`
		Finished  bool       `json:"finished"`
		Responses []response `json:"responses"`
	}{ID: v.Attempt.ID, Total: v.Attempt.Total, Finished: finished, Responses: []response{}}
	if rules.Feedback == models.FeedbackEach || over {
		score := v.Correct()
		out.Score = &score
	}
	for _, aq := range v.Questions {
		if r, ok := v.Responses[aq.QuestionID]; ok {
			item := response{QuestionID: r.QuestionID, Answer: r.Given}
			if !hide {
				item.Correct = &r.Correct
			}
			out.Responses = append(out.Responses, item)
		}
	}
	return c.JSON(out)
}

// decodeJSON reads a JSON body into v, with a clear 400 for anything else.
func decodeJSON(c *fiber.Ctx, v any) error {
	if !strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, "Send JSON, with Content-Type: application/json.")
	}
	if err := json.Unmarshal(c.Body(), v); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "The body is not valid JSON for this request: "+err.Error())
	}
	return nil
}

package handlers

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// quizzes lists every quiz for instructors.
func (h *Handler) quizzes(c *fiber.Ctx) error {
	zs, err := h.store.ListQuizzes(false, time.Now())
	if err != nil {
		return err
	}
	data := views.QuizzesPage{Page: h.page(c, "Quizzes")}
	for _, z := range zs {
		data.Quizzes = append(data.Quizzes, quizItem(&z, time.Now()))
	}
	return h.render(c, fiber.StatusOK, "quizzes", data)
}

func quizItem(z *models.Quiz, now time.Time) views.QuizItem {
	item := views.QuizItem{ID: z.ID, Name: z.Name, ShareURL: "/q/" + z.ShareToken}
	item.Open, item.When = quizWindow(z, now)
	if z.RuleCount > 0 {
		item.Questions = fmt.Sprintf("%d random from %s", z.RuleCount, articlesPhrase(len(z.RuleArticles)))
		if z.RuleTag != "" {
			item.Questions += ", tag " + z.RuleTag
		}
	} else {
		n := len(z.Questions)
		item.Questions = fmt.Sprintf("%d chosen question%s", n, plural(n))
	}
	return item
}

func articlesPhrase(n int) string {
	switch n {
	case 0:
		return "every article"
	case 1:
		return "1 article"
	}
	return strconv.Itoa(n) + " articles"
}

// quizWindow says whether a quiz is open at now, and when it opens or
// closes, in words.
func quizWindow(z *models.Quiz, now time.Time) (bool, string) {
	const day = "2 Jan 2006 15:04 UTC"
	switch {
	case z.OpensAt != nil && now.Before(*z.OpensAt):
		return false, "opens " + z.OpensAt.UTC().Format(day)
	case z.ClosesAt != nil && !now.Before(*z.ClosesAt):
		return false, "closed " + z.ClosesAt.UTC().Format(day)
	case z.ClosesAt != nil:
		return true, "open until " + z.ClosesAt.UTC().Format(day)
	}
	return true, "always open"
}

// createQuiz makes a quiz from a name and goes to its settings.
func (h *Handler) createQuiz(c *fiber.Ctx) error {
	return h.saveQuiz(c, &models.Quiz{}, "", func(set models.QuizSettings) (uint, error) {
		z, err := h.store.CreateQuiz(currentUser(c).ID, set)
		if err != nil {
			return 0, err
		}
		return z.ID, nil
	})
}

// saveQuiz reads the quiz settings form and saves it with save, which
// returns the quiz's id; then it goes to the quiz's settings page, with
// the flash if one is named. A form with errors is shown again, as sent,
// with them.
func (h *Handler) saveQuiz(c *fiber.Ctx, z *models.Quiz, flashKey string, save func(models.QuizSettings) (uint, error)) error {
	set, errs := quizSettings(c)
	if len(errs) == 0 {
		id, err := save(set)
		var fe models.FieldErrors
		switch {
		case errors.As(err, &fe):
			errs = fe
		case err != nil:
			return err
		default:
			if flashKey != "" {
				flash(c, flashKey)
			}
			return c.Redirect(fmt.Sprintf("/quizzes/%d/edit", id), fiber.StatusSeeOther)
		}
	}
	return h.renderQuizForm(c, fiber.StatusUnprocessableEntity, z, set, errs)
}

// quiz loads the quiz of the :id in the path.
func (h *Handler) quiz(c *fiber.Ctx) (*models.Quiz, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	return h.store.GetQuiz(id)
}

// editQuiz shows a quiz's settings and its chosen questions.
func (h *Handler) editQuiz(c *fiber.Ctx) error {
	z, err := h.quiz(c)
	if err != nil {
		return err
	}
	return h.renderQuizForm(c, fiber.StatusOK, z, z.Settings(), nil)
}

// updateQuiz saves a quiz's settings.
func (h *Handler) updateQuiz(c *fiber.Ctx) error {
	z, err := h.quiz(c)
	if err != nil {
		return err
	}
	return h.saveQuiz(c, z, "settings-saved", func(set models.QuizSettings) (uint, error) {
		return z.ID, h.store.UpdateQuiz(z.ID, set)
	})
}

func (h *Handler) renderQuizForm(c *fiber.Ctx, status int, z *models.Quiz, set models.QuizSettings, errs map[string]string) error {
	arts, err := h.store.ListArticles()
	if err != nil {
		return err
	}
	tags, err := h.store.Tags()
	if err != nil {
		return err
	}
	title := "New quiz"
	if z.ID != 0 {
		title = z.Name
	}
	data := views.QuizSettingsPage{Page: h.page(c, title), ID: z.ID, Name: set.Name, Mode: "chosen", RuleCount: set.RuleCount,
		RuleArticles: set.RuleArticles, RuleTag: set.RuleTag, ShuffleQuestions: set.ShuffleQuestions, ShuffleOptions: set.ShuffleOptions,
		TimeLimit: set.TimeLimit, AttemptsAllowed: set.AttemptsAllowed, FeedbackMode: set.FeedbackMode,
		OpensAt: formTime(set.OpensAt), ClosesAt: formTime(set.ClosesAt), PassMark: set.PassMark, Tags: tags, Errors: errs}
	if set.RuleCount > 0 {
		data.Mode = "rule"
	}
	if z.ShareToken != "" {
		data.ShareURL = c.BaseURL() + "/q/" + z.ShareToken
	}
	for _, a := range arts {
		data.Articles = append(data.Articles, views.ArticleItem{ID: a.ID, Title: a.Title})
	}
	for _, qq := range z.Questions {
		q := qq.Question
		item := views.BankItem{ID: q.ID, ArticleID: q.ArticleID, Type: q.Type, Label: typeLabel(q.Type), Prompt: q.Prompt, Status: q.Status}
		if eq, err := q.Engine(); err == nil {
			item.Answer = questions.FormatAnswer(eq)
		}
		data.Chosen = append(data.Chosen, item)
	}
	return h.render(c, status, "quiz_form", data)
}

// datetimeLocal is the value format of an <input type="datetime-local">;
// factquiz reads and writes it as UTC.
const datetimeLocal = "2006-01-02T15:04"

func formTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(datetimeLocal)
}

// quizSettings reads the quiz form; errs says what is wrong by field.
func quizSettings(c *fiber.Ctx) (models.QuizSettings, map[string]string) {
	return quizSettingsFrom(formValue(c), postValues(c, "rule_articles"))
}

// quizSettingsFrom is quizSettings on the form's values: value reads one
// field, ruleArticles holds every "rule_articles" field posted.
func quizSettingsFrom(value func(key string) string, ruleArticles []string) (set models.QuizSettings, errs map[string]string) {
	errs = map[string]string{}
	num := func(name string) int {
		raw := strings.TrimSpace(value(name))
		if raw == "" {
			return 0
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			errs[name] = "This must be a whole number."
		}
		return n
	}
	when := func(name string) *time.Time {
		raw := strings.TrimSpace(value(name))
		if raw == "" {
			return nil
		}
		t, err := time.Parse(datetimeLocal, raw)
		if err != nil {
			errs[name] = "This must be a date and time such as 2026-12-01T09:00."
			return nil
		}
		return &t
	}
	set = models.QuizSettings{Name: value("name"), RuleTag: value("rule_tag"),
		ShuffleQuestions: value("shuffle_questions") == "on", ShuffleOptions: value("shuffle_options") == "on",
		TimeLimit: num("time_limit"), AttemptsAllowed: num("attempts_allowed"), FeedbackMode: value("feedback_mode"),
		OpensAt: when("opens_at"), ClosesAt: when("closes_at"), PassMark: num("pass_mark")}
	if value("mode") == "rule" {
		set.RuleCount = num("rule_count")
		if set.RuleCount == 0 && errs["rule_count"] == "" {
			errs["rule_count"] = "Say how many questions the rule draws, from 1 to 100."
		}
		for _, raw := range ruleArticles {
			id, err := strconv.ParseUint(raw, 10, 32)
			if err != nil || id == 0 {
				errs["rule_articles"] = "Choose articles from the list."
				continue
			}
			set.RuleArticles = append(set.RuleArticles, uint(id))
		}
	}
	// The store checks the values too; the form shows every problem at
	// once, its own reading errors first.
	for k, v := range set.Validate() {
		if errs[k] == "" {
			errs[k] = v
		}
	}
	return set, errs
}

// removeQuizQuestion takes a question out of a quiz.
func (h *Handler) removeQuizQuestion(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	if err := h.store.RemoveQuizQuestion(id, qid); err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/quizzes/%d/edit", id), fiber.StatusSeeOther)
}

// showQuizStart is a quiz's share page: what it is, and a button to start.
func (h *Handler) showQuizStart(c *fiber.Ctx) error {
	z, err := h.store.QuizByToken(c.Params("token"))
	if err != nil {
		return err
	}
	return h.renderQuizStart(c, fiber.StatusOK, z, "")
}

func (h *Handler) renderQuizStart(c *fiber.Ctx, status int, z *models.Quiz, problem string) error {
	now := time.Now()
	used, err := h.store.QuizAttemptCount(z.ID, owner(c))
	if err != nil {
		return err
	}
	data := views.QuizStartPage{Page: h.page(c, z.Name), Token: z.ShareToken, Name: z.Name, TimeLimit: z.TimeLimit,
		Used: int(used), AttemptsLeft: -1, FeedbackMode: z.FeedbackMode, PassMark: z.PassMark, Error: problem,
		Questions: len(z.Questions), Allowed: z.AttemptsAllowed}
	if z.RuleCount > 0 {
		data.Questions = z.RuleCount
	}
	if z.AttemptsAllowed > 0 {
		data.AttemptsLeft = max(0, z.AttemptsAllowed-int(used))
	}
	data.Open, data.When = quizWindow(z, now)
	return h.render(c, status, "quiz_start", data)
}

// startQuiz starts an attempt of a shared quiz.
func (h *Handler) startQuiz(c *fiber.Ctx) error {
	z, err := h.store.QuizByToken(c.Params("token"))
	if err != nil {
		return err
	}
	v, err := h.store.StartQuizAttempt(z, owner(c), time.Now())
	switch {
	case errors.Is(err, models.ErrQuizClosed), errors.Is(err, models.ErrNoAttemptsLeft), errors.Is(err, models.ErrNoQuestions):
		return h.renderQuizStart(c, fiber.StatusConflict, z, capitalise(err.Error())+".")
	case err != nil:
		return err
	}
	h.metrics.attemptsStarted.Inc()
	return c.Redirect(attemptURL(v.Attempt.ID), fiber.StatusSeeOther)
}

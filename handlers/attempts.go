package handlers

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// startAttempt starts a quiz on an article and shows its first question.
func (h *Handler) startAttempt(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	count, err := countValue(c.FormValue("count"))
	if err != nil {
		return err
	}
	v, err := h.store.StartAttempt(id, count, owner(c))
	if err != nil {
		return err
	}
	h.metrics.attemptsStarted.Inc()
	return c.Redirect(attemptURL(v.Attempt.ID), fiber.StatusSeeOther)
}

func attemptURL(id uint) string { return "/attempts/" + strconv.FormatUint(uint64(id), 10) }

// showQuestion shows the attempt's first unanswered question, so that a
// reload or a return after a restart resumes where the learner stopped.
func (h *Handler) showQuestion(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cur, err := h.store.CurrentQuestion(id, owner(c))
	if err != nil {
		return err
	}
	if cur.Question == nil {
		return c.Redirect(attemptURL(id)+"/results", fiber.StatusSeeOther)
	}
	return h.renderQuestion(c, fiber.StatusOK, cur, "", "")
}

func (h *Handler) renderQuestion(c *fiber.Ctx, status int, cur *models.Current, given, problem string) error {
	aq := cur.Question
	data := views.QuestionPage{Page: h.page(c, fmt.Sprintf("Question %d of %d", aq.Position, cur.Attempt.Total)),
		AttemptID: cur.Attempt.ID, ArticleID: cur.Attempt.ArticleID, ArticleTitle: cur.ArticleTitle,
		Position: aq.Position, Total: cur.Attempt.Total, Q: askView(aq, given), Error: problem, TimeLeft: -1}
	if d := cur.Attempt.DeadlineAt; d != nil {
		data.TimeLeft = max(0, int(time.Until(*d).Seconds()))
	}
	return h.render(c, status, "question", data)
}

func askView(aq *models.AttemptQuestion, given string) views.AskView {
	q := aq.Question
	info, _ := questions.Lookup(questions.Type(q.Type))
	a := views.AskView{QuestionID: q.ID, Type: q.Type, Input: string(info.Input), Label: typeLabel(q.Type), Prompt: q.Prompt, Given: given}
	// What each input lists; the typed ones and true or false list nothing.
	switch info.Input {
	case questions.InputChoice, questions.InputChoices:
		a.Options = aq.Options
	case questions.InputOrder:
		a.Items = aq.Options
	case questions.InputMatch:
		a.Options, a.Lefts = aq.Options, q.Lefts()
	}
	return a
}

// attempt loads the attempt named in the path, if this browser may see it.
func (h *Handler) attempt(c *fiber.Ctx) (*models.AttemptView, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	return h.store.GetAttempt(id, owner(c))
}

// submitAnswer stores an answer from the question form and shows whether
// it was right. An empty or malformed answer shows the question again
// with what is missing; nothing is stored.
func (h *Handler) submitAnswer(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := strconv.ParseUint(c.FormValue("question_id"), 10, 32)
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "The form did not say which question it answers.")
	}
	aq, err := h.store.AnswerTarget(id, owner(c), uint(qid))
	if err != nil {
		return err
	}
	// The stored question is decoded once, for the form and for grading.
	// One whose stored answer does not decode is read as having none
	// until grading reports it.
	q, qerr := aq.Question.Engine()
	if qerr != nil {
		q = questions.Question{Type: q.Type}
	}
	given, problem := formAnswer(c, q, aq.Options)
	if problem != "" {
		// The page around the question (the attempt's counts, the
		// article's title) is read only now, for the rare form sent
		// incomplete.
		cur, err := h.store.CurrentQuestion(id, owner(c))
		if err != nil {
			return err
		}
		cur.Question = aq
		return h.renderQuestion(c, fiber.StatusUnprocessableEntity, cur, c.FormValue("answer"), problem)
	}
	if qerr != nil {
		return qerr
	}
	res, rules, err := h.gradeAndRecord(aq, q, owner(c), given)
	if err != nil {
		return err
	}
	switch {
	case rules.Feedback == models.FeedbackEach:
		return c.Redirect(fmt.Sprintf("%s/feedback/%d", attemptURL(id), res.Position), fiber.StatusSeeOther)
	case res.Finished:
		return c.Redirect(attemptURL(id)+"/results", fiber.StatusSeeOther)
	}
	return c.Redirect(attemptURL(id), fiber.StatusSeeOther)
}

// gradeAndRecord grades a decoded answer to aq, q being its question as
// the engine reads it, and records it: the last two steps of an answer,
// after AnswerTarget read what it is for and the form or the API's
// decoding read what was sent. It counts the answer in the metrics and
// returns, with its result, the rules of its quiz, which say what the
// reply may show.
func (h *Handler) gradeAndRecord(aq *models.AttemptQuestion, q questions.Question, o models.Owner, given any) (*models.AnswerResult, models.QuizRules, error) {
	res, err := h.store.RecordAnswer(aq, o, given, questions.Credit(q, given))
	if err != nil {
		return nil, models.QuizRules{}, err
	}
	h.metrics.answered(res)
	rules, err := h.store.Rules(res.QuizID)
	return res, rules, err
}

// showFeedback shows the outcome of the answer at a position.
func (h *Handler) showFeedback(c *fiber.Ctx) error {
	v, err := h.attempt(c)
	if err != nil {
		return err
	}
	pos, err := strconv.Atoi(c.Params("pos"))
	aq := v.At(pos)
	if err != nil || aq == nil {
		return fiber.NewError(fiber.StatusNotFound, "This attempt has no question at that position.")
	}
	r, answered := v.Responses[aq.QuestionID]
	if !answered {
		return c.Redirect(attemptURL(v.Attempt.ID), fiber.StatusSeeOther)
	}
	rules, err := h.store.Rules(v.Attempt.QuizID)
	if err != nil {
		return err
	}
	if rules.HidesGrades(&v.Attempt, time.Now()) {
		return fiber.NewError(fiber.StatusForbidden, "This quiz does not show whether answers are right "+
			map[bool]string{true: "at all.", false: "until it is finished."}[rules.Feedback == models.FeedbackNever])
	}
	eq, err := aq.Question.Engine()
	if err != nil {
		return err
	}
	finished := v.Current() == nil
	next := attemptURL(v.Attempt.ID)
	if finished {
		next += "/results"
	}
	data := views.FeedbackPage{Page: h.page(c, fmt.Sprintf("Question %d of %d", aq.Position, v.Attempt.Total)),
		AttemptID: v.Attempt.ID, ArticleID: v.Attempt.ArticleID, Position: aq.Position, Total: v.Attempt.Total,
		Correct: r.Correct, Partial: partial(r.Credit), Feedback: authorFeedback(eq, r.Given), Prompt: aq.Question.Prompt, YourAnswer: givenText(r.Given), RightAnswer: questions.FormatAnswer(eq),
		Source: markAnswer(eq), SectionTitle: eq.Section,
		SectionLink: fmt.Sprintf("/articles/%d#%s", v.Attempt.ArticleID, models.SectionAnchor(eq.Section)),
		NextURL:     next, Finished: finished}
	contests, err := h.store.AttemptContests(v.Attempt.ID)
	if err != nil {
		return err
	}
	data.Contest = contestView(aq, v, contests)
	return h.render(c, fiber.StatusOK, "feedback", data)
}

// markAnswer splits the source sentence around the answer, when the answer
// is one text written in it.
func markAnswer(q questions.Question) views.Marked {
	src := q.Source
	answer, isText := q.TextAnswer()
	if !isText || answer == "" {
		return views.Marked{Before: src}
	}
	for _, a := range append([]string{answer}, q.Accepted...) {
		if i := strings.Index(src, a); i >= 0 {
			return views.Marked{Before: src[:i], Mark: a, After: src[i+len(a):]}
		}
	}
	return views.Marked{Before: src}
}

func givenText(raw models.JSON) string {
	var given any
	if err := json.Unmarshal(raw, &given); err != nil {
		return string(raw)
	}
	return questions.FormatGiven(given)
}

// showResults shows a finished attempt; an unfinished one goes back to its
// question.
func (h *Handler) showResults(c *fiber.Ctx) error {
	v, err := h.attempt(c)
	if err != nil {
		return err
	}
	timedOut := v.Attempt.TimeUp(time.Now())
	if v.Current() != nil && v.Attempt.FinishedAt == nil && !timedOut {
		return c.Redirect(attemptURL(v.Attempt.ID), fiber.StatusSeeOther)
	}
	title, err := h.store.ArticleTitle(v.Attempt.ArticleID)
	if err != nil {
		return err
	}
	rules, err := h.store.Rules(v.Attempt.QuizID)
	if err != nil {
		return err
	}
	score := v.Correct()
	data := views.ResultsPage{Page: h.page(c, "Results"), AttemptID: v.Attempt.ID, ArticleID: v.Attempt.ArticleID,
		ArticleTitle: title, Score: score, Total: v.Attempt.Total, Count: v.Attempt.Total,
		HideAnswers: rules.Feedback == models.FeedbackNever, PassMark: rules.PassMark, QuizToken: rules.Token, QuizName: rules.Name,
		TimedOut: timedOut || v.Current() != nil}
	marks := v.Marks()
	if v.Attempt.Total > 0 {
		data.Percent = int(marks * 100 / float64(v.Attempt.Total))
	}
	if marks != float64(score) {
		data.Points = strconv.FormatFloat(math.Round(marks*100)/100, 'f', -1, 64)
	}
	data.Passed = rules.PassMark > 0 && data.Percent >= rules.PassMark
	data.Duration = duration(v)
	contests, err := h.store.AttemptContests(v.Attempt.ID)
	if err != nil {
		return err
	}
	for _, aq := range v.Questions {
		eq, err := aq.Question.Engine()
		if err != nil {
			return err
		}
		item := views.ResultItem{Position: aq.Position, Prompt: aq.Question.Prompt, RightAnswer: questions.FormatAnswer(eq)}
		if r, ok := v.Responses[aq.QuestionID]; ok {
			item.Answered, item.Correct, item.YourAnswer, item.Partial = true, r.Correct, givenText(r.Given), partial(r.Credit)
		}
		item.Contest = contestView(&aq, v, contests)
		data.Items = append(data.Items, item)
	}
	return h.render(c, fiber.StatusOK, "results", data)
}

// authorFeedback is the feedback a question's author wrote for the
// options an answer chose (for a true or false input: for answering
// true, then false), then the general feedback.
func authorFeedback(q questions.Question, given models.JSON) []string {
	var out []string
	add := func(i int) {
		if i >= 0 && i < len(q.OptionFeedback) && q.OptionFeedback[i] != "" {
			out = append(out, q.OptionFeedback[i])
		}
	}
	var one string
	var many []string
	var truth bool
	info, _ := questions.Lookup(q.Type)
	switch {
	case info.Input == questions.InputTruth && json.Unmarshal(given, &truth) == nil:
		add(map[bool]int{true: 0, false: 1}[truth])
	case json.Unmarshal(given, &one) == nil:
		add(slices.Index(q.Options, one))
	case json.Unmarshal(given, &many) == nil && info.Input == questions.InputChoices:
		for _, m := range many {
			add(slices.Index(q.Options, m))
		}
	}
	if q.Feedback != "" {
		out = append(out, q.Feedback)
	}
	return out
}

// partial is the percent of the mark a partly right answer earned, 0 for
// a right or a wrong one.
func partial(credit float64) int {
	if credit <= 0 || credit >= 1 {
		return 0
	}
	return max(1, int(math.Round(credit*100)))
}

// duration is the time from the start to the last answer.
func duration(v *models.AttemptView) string {
	end := v.Attempt.StartedAt
	for _, r := range v.Responses {
		if r.AnsweredAt.After(end) {
			end = r.AnsweredAt
		}
	}
	return durationText(end.Sub(v.Attempt.StartedAt))
}

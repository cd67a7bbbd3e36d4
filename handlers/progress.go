package handlers

import (
	"fmt"
	"math"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// dashboard shows the signed-in learner their own progress.
func (h *Handler) dashboard(c *fiber.Ctx) error {
	return h.renderDashboard(c, currentUser(c), true)
}

// learnerDashboard shows an instructor one learner's progress.
func (h *Handler) learnerDashboard(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, err := h.store.GetUser(id)
	if err != nil {
		return err
	}
	return h.renderDashboard(c, u, u.ID == currentUser(c).ID)
}

func (h *Handler) renderDashboard(c *fiber.Ctx, learner *models.User, own bool) error {
	p, err := h.store.Progress(learner.ID, own)
	if err != nil {
		return err
	}
	title := "Your progress"
	if !own {
		title = "Progress of " + learner.Name
	}
	data := views.DashboardPage{Page: h.page(c, title), Learner: *userView(learner), Own: own,
		Totals: totals(p, time.Now()), Chart: views.NewChart(scorePoints(p), 480, 200)}
	for _, a := range p.Articles {
		data.Articles = append(data.Articles, views.ArticleProgress{ArticleID: a.ArticleID, Title: a.Title,
			Attempts: a.Attempts, Best: a.Best, Last: a.Last, Scored: a.Finished > 0, Mastery: a.Mastery(),
			Facts: a.Facts, Mastered: a.Mastered, LastStudied: a.LastStudied})
	}
	cardOf, err := h.store.CardsByFact(learner.ID)
	if err != nil {
		return err
	}
	for _, w := range p.Weak {
		ws := weakSpot(w)
		ws.CardID = cardOf[models.FactKey(&w.Question)]
		data.Weak = append(data.Weak, ws)
	}
	now := time.Now()
	st, err := h.store.Stats(learner.ID, now)
	if err != nil {
		return err
	}
	data.Cards = views.CardStats{Cards: st.Cards, DueToday: st.DueToday, NewToday: st.NewToday, ReviewsToday: st.ReviewsToday,
		Reviewed: st.Reviewed, Desired: int(math.Round(st.Retention * 100)), Forecast: views.NewForecast(st.Forecast[:], now, 320, 120)}
	if st.Reviewed > 0 {
		data.Cards.Retention = st.Passed * 100 / st.Reviewed
	}
	return h.render(c, fiber.StatusOK, "dashboard", data)
}

func totals(p *models.Progress, now time.Time) views.Totals {
	t := views.Totals{Attempts: len(p.Attempts), Answers: p.Answers, Correct: p.Correct, Articles: len(p.Articles),
		DaysActive: len(p.Days), Streak: models.Streak(p.Days, now)}
	for _, a := range p.Attempts {
		if a.FinishedAt != nil {
			t.Finished++
		}
	}
	if p.Answers > 0 {
		t.Percent = p.Correct * 100 / p.Answers
	}
	t.StudiedToday = len(p.Days) > 0 && p.Days[len(p.Days)-1] == now.UTC().Format(time.DateOnly)
	return t
}

func scorePoints(p *models.Progress) []views.ScorePoint {
	var out []views.ScorePoint
	for _, a := range p.Attempts {
		if a.FinishedAt == nil || a.Total == 0 {
			continue
		}
		out = append(out, views.ScorePoint{At: *a.FinishedAt, Percent: a.Score * 100 / a.Total, Label: a.ArticleTitle,
			URL: attemptURL(a.ID) + "/results"})
	}
	return out
}

func weakSpot(w models.WeakSpot) views.WeakSpot {
	q := w.Question
	ws := views.WeakSpot{QuestionID: q.ID, ArticleID: q.ArticleID, ArticleTitle: w.ArticleTitle, Prompt: q.Prompt,
		Source: q.Source, SectionLink: fmt.Sprintf("/articles/%d#%s", q.ArticleID, models.SectionAnchor(q.Section)),
		Misses: w.Misses, Tries: w.Tries, LastRight: w.LastRight}
	if eq, err := q.Engine(); err == nil {
		ws.RightAnswer = questions.FormatAnswer(eq)
	}
	return ws
}

// learners is the instructor's class list.
func (h *Handler) learners(c *fiber.Ctx) error {
	ls, err := h.store.Learners()
	if err != nil {
		return err
	}
	now := time.Now()
	data := views.LearnersPage{Page: h.page(c, "Learners")}
	for _, l := range ls {
		item := views.LearnerItem{ID: l.User.ID, Name: l.User.Name, Email: l.User.Email, Attempts: l.Attempts,
			Answers: l.Answers, Streak: models.Streak(l.Days, now), LastStudied: l.LastStudied}
		if l.Answers > 0 {
			item.Percent = l.Correct * 100 / l.Answers
		}
		data.Learners = append(data.Learners, item)
	}
	return h.render(c, fiber.StatusOK, "learners", data)
}

type apiUser struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

// apiMe says who the request is signed in as.
func (h *Handler) apiMe(c *fiber.Ctx) error {
	u := currentUser(c)
	return c.JSON(apiUser{u.ID, u.Email, u.Name, u.Role})
}

type apiArticleProgress struct {
	ArticleID   uint      `json:"article_id"`
	Title       string    `json:"title"`
	Attempts    int       `json:"attempts"`
	Best        *int      `json:"best_percent"`
	Last        *int      `json:"last_percent"`
	Mastery     int       `json:"mastery_percent"`
	Facts       int       `json:"facts"`
	Mastered    int       `json:"mastered"`
	LastStudied time.Time `json:"last_studied"`
}

// apiProgress is the dashboard as JSON.
func (h *Handler) apiProgress(c *fiber.Ctx) error {
	p, err := h.store.Progress(currentUser(c).ID, true)
	if err != nil {
		return err
	}
	t := totals(p, time.Now())
	arts := make([]apiArticleProgress, len(p.Articles))
	for i, a := range p.Articles {
		arts[i] = apiArticleProgress{ArticleID: a.ArticleID, Title: a.Title, Attempts: a.Attempts, Mastery: a.Mastery(),
			Facts: a.Facts, Mastered: a.Mastered, LastStudied: a.LastStudied}
		if a.Finished > 0 {
			best, last := a.Best, a.Last
			arts[i].Best, arts[i].Last = &best, &last
		}
	}
	return c.JSON(fiber.Map{
		"attempts": t.Attempts, "finished": t.Finished, "answers": t.Answers, "correct": t.Correct,
		"streak_days": t.Streak, "days_active": t.DaysActive, "articles": arts,
	})
}

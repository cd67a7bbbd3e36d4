package handlers

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/srs"
	"factquiz/views"
)

// showReview shows the next card of the learner's session, or the card
// named by ?card= (from a weak spot, or after an undo); ?show=1 turns it
// over.
func (h *Handler) showReview(c *fiber.Ctx) error {
	u, now := currentUser(c), time.Now()
	var card *models.Card
	var err error
	if raw := c.Query("card"); raw != "" {
		id, perr := cardParam(raw)
		if perr != nil {
			return perr
		}
		card, err = h.store.GetCard(u.ID, id)
	} else {
		card, err = h.store.NextCard(u.ID, now)
	}
	if err != nil {
		return err
	}
	q, err := h.store.ReviewQueue(u.ID, now)
	if err != nil {
		return err
	}
	_, undo, err := h.store.LastRating(u.ID)
	if err != nil {
		return err
	}
	data := views.ReviewPage{Page: h.page(c, "Review"), Left: views.Left{New: q.New, Learning: q.Learning, Review: q.Review},
		Done: q.Done, CanUndo: undo, Decks: q.Decks}
	if card == nil {
		if q.NextDue != nil {
			data.NextDue = dueIn(q.NextDue.Sub(now))
		}
		return h.render(c, fiber.StatusOK, "review", data)
	}
	title, err := h.store.ArticleTitle(card.ArticleID)
	if err != nil {
		return err
	}
	data.Card = cardView(card, title)
	data.Shown = c.Query("show") == "1"
	switch err := q.Rateable(card, now); err {
	case nil:
		data.Rateable = true
	case models.ErrNotDue, models.ErrNewCardLimit:
		data.DueIn = dueIn(card.Due.Sub(now))
		if card.State == srs.New {
			data.DueIn = "once today's new cards are done (tomorrow, or raise the daily limit on your profile)"
		}
	default:
		return err
	}
	if data.Shown && data.Rateable {
		preview, err := h.store.Preview(card, now)
		if err != nil {
			return err
		}
		for i, next := range preview {
			r := srs.Rating(i + 1)
			data.Ratings = append(data.Ratings, views.RatingButton{Value: int(r), Label: r.String(),
				Interval: intervalLabel(next.Due.Sub(now)), Key: strconv.Itoa(int(r))})
		}
	}
	return h.render(c, fiber.StatusOK, "review", data)
}

func cardView(card *models.Card, articleTitle string) *views.CardView {
	q := card.Question
	v := &views.CardView{ID: card.ID, Front: q.Prompt, Source: q.Source, ArticleID: card.ArticleID, ArticleTitle: articleTitle,
		SectionLink: fmt.Sprintf("/articles/%d#%s", card.ArticleID, models.SectionAnchor(q.Section)), State: card.State.String()}
	if eq, err := q.Engine(); err == nil {
		v.Back = questions.FormatAnswer(eq)
	}
	return v
}

// rateCard records a rating and moves on to the next card.
func (h *Handler) rateCard(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r, err := parseRating(c.FormValue("rating"))
	if err != nil {
		return err
	}
	if _, err := h.store.RateCard(currentUser(c).ID, id, r, time.Now()); err != nil {
		return err
	}
	h.metrics.reviews.WithLabelValues(models.SourceReview).Inc()
	return c.Redirect("/review", fiber.StatusSeeOther)
}

// cardParam reads the ?card= of the review page: a card id, or a 404.
func cardParam(raw string) (uint, error) {
	id, err := strconv.ParseUint(raw, 10, 32)
	if err != nil || id == 0 {
		return 0, fiber.NewError(fiber.StatusNotFound, "There is no card "+raw+".")
	}
	return uint(id), nil
}

// parseRating reads a rating button's value: 1 to 4, or a 422.
func parseRating(raw string) (srs.Rating, error) {
	r, err := strconv.Atoi(raw)
	if err != nil || !srs.Rating(r).Valid() {
		return 0, fiber.NewError(fiber.StatusUnprocessableEntity, "The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
	}
	return srs.Rating(r), nil
}

// undoRating takes the last rating back and shows its card again.
func (h *Handler) undoRating(c *fiber.Ctx) error {
	id, err := h.store.UndoLastRating(currentUser(c).ID)
	if err != nil {
		return err
	}
	return c.Redirect("/review?card="+strconv.FormatUint(uint64(id), 10), fiber.StatusSeeOther)
}

// intervalLabel writes a scheduling interval the way the buttons show it:
// "1m", "10m", "5h", "3d", "2.5mo", "1.2y".
func intervalLabel(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", max(1, int(math.Round(d.Minutes()))))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(math.Round(d.Hours())))
	}
	days := d.Hours() / 24
	switch {
	case days < 30:
		return fmt.Sprintf("%dd", int(math.Round(days)))
	case days < 365:
		return trimZero(fmt.Sprintf("%.1fmo", days/30))
	}
	return trimZero(fmt.Sprintf("%.1fy", days/365))
}

func trimZero(s string) string {
	for _, unit := range []string{"mo", "y"} {
		if len(s) > len(unit)+2 && s[len(s)-len(unit)-2:len(s)-len(unit)] == ".0" {
			return s[:len(s)-len(unit)-2] + unit
		}
	}
	return s
}

// dueIn says when something is due, from now: "now", "in 8 min",
// "in 5 hours", "tomorrow", "in 3 days".
func dueIn(d time.Duration) string {
	switch {
	case d <= 0:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("in %d min", max(1, int(math.Round(d.Minutes()))))
	case d < 24*time.Hour:
		n := int(math.Round(d.Hours()))
		return fmt.Sprintf("in %d hour%s", n, plural(n))
	case d < 48*time.Hour:
		return "tomorrow"
	}
	n := int(math.Round(d.Hours() / 24))
	return fmt.Sprintf("in %d days", n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

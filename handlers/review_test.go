package handlers

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"factquiz/models"
	"factquiz/srs"
)

var cardIDRe = regexp.MustCompile(`name="card" value="(\d+)"`)

// deckLearner signs a learner in and gives them the Lyon article's deck.
func deckLearner(t *testing.T, ta *testApp) (*client, uint) {
	t.Helper()
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("ann@example.com", models.RoleLearner)
	resp, body := b.postForm(fmt.Sprintf("/articles/%d/deck", id), url.Values{"_csrf": {b.csrf(fmt.Sprintf("/articles/%d", id))}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	return b, id
}

func TestReviewFlow(t *testing.T) {
	ta := newTestApp(t)
	b, articleID := deckLearner(t, ta)
	annID := currentID(t, ta, "ann@example.com")
	_, page := b.get(fmt.Sprintf("/articles/%d", articleID))
	if !strings.Contains(page, "in your flashcards") {
		t.Errorf("the article page does not say its cards are in the learner's flashcards")
	}

	resp, page := b.get("/review")
	wantStatus(t, resp, http.StatusOK, page)
	m := cardIDRe.FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, "Show answer") || strings.Contains(page, `name="rating"`) {
		t.Fatalf("the review page does not show a card's front:\n%.3000s", page)
	}
	cardID := m[1]
	card, _ := ta.store.GetCard(annID, parseID(t, cardID))
	if card.State != srs.New {
		t.Fatalf("first card is %v, want a new one", card.State)
	}
	_, page = b.get("/review?card=" + cardID + "&show=1")
	for _, want := range []string{card.Question.Source, `value="1"`, `value="4"`, "Again", "1m", "Good", "10m", "Easy"} {
		if !strings.Contains(page, want) {
			t.Errorf("the card's back lacks %q", want)
		}
	}
	token := csrfInput.FindStringSubmatch(page)[1]

	// Bad ratings change nothing.
	for _, r := range []string{"7", "0", "good", ""} {
		resp, body := b.postForm("/review/"+cardID, url.Values{"_csrf": {token}, "rating": {r}})
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	}
	resp, body := b.postForm("/review/"+cardID, url.Values{"rating": {"3"}})
	wantStatus(t, resp, http.StatusForbidden, body)
	other := ta.as("bob@example.com", models.RoleLearner)
	resp, body = other.postForm("/review/"+cardID, url.Values{"_csrf": {other.csrf("/review")}, "rating": {"3"}})
	wantStatus(t, resp, http.StatusNotFound, body)
	resp, body = other.get("/review?card=" + cardID + "&show=1")
	wantStatus(t, resp, http.StatusNotFound, body)
	if logs := reviewLogs(t, ta, annID); len(logs) != 0 {
		t.Fatalf("bad ratings wrote %d review logs", len(logs))
	}

	resp, body = b.postForm("/review/"+cardID, url.Values{"_csrf": {token}, "rating": {"3"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	card, _ = ta.store.GetCard(annID, card.ID)
	logs := reviewLogs(t, ta, annID)
	if card.State != srs.Learning || card.Reps != 1 || len(logs) != 1 {
		t.Fatalf("after Good: card %+v, %d logs", card, len(logs))
	}
	l := logs[0]
	if l.Rating != srs.Good || l.Source != models.SourceReview || l.StateBefore != srs.New || l.StateAfter != srs.Learning ||
		l.Before.State != srs.New || l.After.Due.IsZero() || l.ElapsedDays != 0 {
		t.Errorf("review log %+v", l)
	}

	// Undo puts the card back as it was and shows it again.
	_, page = b.get("/review")
	if !strings.Contains(page, `action="/review/undo"`) {
		t.Fatal("no undo after a rating")
	}
	resp, body = b.postForm("/review/undo", url.Values{"_csrf": {token}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/review?card="+cardID {
		t.Errorf("after undo: sent to %q", loc)
	}
	card, _ = ta.store.GetCard(annID, card.ID)
	if card.State != srs.New || card.Reps != 0 || card.LastReview != nil || len(reviewLogs(t, ta, annID)) != 0 {
		t.Errorf("after undo: card %+v", card)
	}
	resp, body = b.postForm("/review/undo", url.Values{"_csrf": {token}})
	wantStatus(t, resp, http.StatusConflict, body)

	// Easy graduates the card to days away; rating it again now is refused.
	resp, body = b.postForm("/review/"+cardID, url.Values{"_csrf": {token}, "rating": {"4"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	card, _ = ta.store.GetCard(annID, card.ID)
	if card.State != srs.Review || card.Due.Before(time.Now().Add(24*time.Hour)) {
		t.Fatalf("after Easy: %+v", card)
	}
	resp, body = b.postForm("/review/"+cardID, url.Values{"_csrf": {token}, "rating": {"3"}})
	wantStatus(t, resp, http.StatusConflict, body)
	if !strings.Contains(body, "not due") {
		t.Errorf("the refusal does not say the card is not due:\n%.1000s", body)
	}
	_, page = b.get("/review?card=" + cardID + "&show=1")
	if strings.Contains(page, `name="rating"`) || !strings.Contains(page, "is due in") {
		t.Errorf("a card that is not due offers ratings:\n%.3000s", page)
	}
}

func parseID(t *testing.T, s string) uint {
	t.Helper()
	var id uint
	if _, err := fmt.Sscan(s, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

func reviewLogs(t *testing.T, ta *testApp, userID uint) []models.ReviewLog {
	t.Helper()
	logs, err := ta.store.ReviewLogs(userID)
	if err != nil {
		t.Fatal(err)
	}
	return logs
}

// TestNewCardLimit: the daily limit of new cards holds in the session and
// against a posted rating.
func TestNewCardLimit(t *testing.T) {
	ta := newTestApp(t)
	b, _ := deckLearner(t, ta)
	annID := currentID(t, ta, "ann@example.com")
	token := b.csrf("/profile")
	resp, body := b.postForm("/profile/flashcards", url.Values{"_csrf": {token}, "retention": {"0.5"}, "new_per_day": {"-1"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "from 0.70 to 0.97") || !strings.Contains(body, "from 0 to 500") {
		t.Errorf("the settings form does not explain its errors:\n%.3000s", body)
	}
	resp, body = b.postForm("/profile/flashcards", url.Values{"_csrf": {token}, "retention": {"0.85"}, "new_per_day": {"2"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	u, _ := ta.store.GetUser(annID)
	if u.DesiredRetention != 0.85 || u.NewPerDay != 2 {
		t.Fatalf("settings %v %v", u.DesiredRetention, u.NewPerDay)
	}
	for i := range 2 {
		_, page := b.get("/review")
		m := cardIDRe.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no new card %d of 2", i+1)
		}
		resp, body := b.postForm("/review/"+m[1], url.Values{"_csrf": {token}, "rating": {"4"}})
		wantStatus(t, resp, http.StatusSeeOther, body)
	}
	_, page := b.get("/review")
	if cardIDRe.MatchString(page) || !strings.Contains(page, "All done") {
		t.Errorf("a third new card is offered past the limit of 2:\n%.3000s", page)
	}
	next, _ := ta.store.DeckCards(annID, 1)
	for _, c := range next {
		if c.State == srs.New {
			resp, body := b.postForm(fmt.Sprintf("/review/%d", c.ID), url.Values{"_csrf": {token}, "rating": {"3"}})
			wantStatus(t, resp, http.StatusConflict, body)
			break
		}
	}
}

// TestQuizFeedsCards: a learner's quiz answers are reviews of their cards
// of the same facts, before the deck was added (replayed) and after.
func TestQuizFeedsCards(t *testing.T) {
	ta := newTestApp(t)
	articleID := ta.addArticle("city_lyon.txt")
	ann := ta.user("ann@example.com", models.RoleLearner)
	me := models.Owner{UserID: ann.ID}
	v, err := ta.store.StartAttempt(articleID, 30, me)
	if err != nil {
		t.Fatal(err)
	}
	var typed []models.AttemptQuestion
	for _, aq := range v.Questions {
		if aq.Question.Type == "fill_blank" || aq.Question.Type == "numeric" {
			typed = append(typed, aq)
		}
	}
	if len(typed) < 3 {
		t.Fatalf("only %d typed questions in the attempt", len(typed))
	}
	answer := func(aq models.AttemptQuestion, right bool) {
		t.Helper()
		_, err := ta.submit(v.Attempt.ID, me, aq.QuestionID, func(*models.AttemptQuestion) (any, error) {
			if right {
				return rightJSON(t, aq.Question), nil
			}
			return "zzzz 987654321", nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	answer(typed[0], true) // before the deck: replayed when it is added
	if _, err := ta.store.AddDeck(ann.ID, articleID, time.Now()); err != nil {
		t.Fatal(err)
	}
	answer(typed[1], true)
	answer(typed[2], false)
	cards, _ := ta.store.DeckCards(ann.ID, articleID)
	byQuestion := map[uint]models.Card{}
	for _, c := range cards {
		byQuestion[c.QuestionID] = c
	}
	for i, want := range []srs.Rating{srs.Good, srs.Good, srs.Again} {
		c, ok := byQuestion[typed[i].QuestionID]
		if !ok {
			t.Fatalf("no card for typed question %d", typed[i].QuestionID)
		}
		if c.Reps != 1 || c.State == srs.New {
			t.Errorf("card of answer %d: %+v, want one review", i+1, c)
		}
		logs, _ := ta.store.CardLogs(c.ID)
		if len(logs) != 1 || logs[0].Rating != want || logs[0].Source != models.SourceQuiz {
			t.Errorf("card of answer %d: logs %+v, want one %v from the quiz", i+1, logs, want)
		}
	}
	// A quiz answer is not a rating to undo.
	if _, err := ta.store.UndoLastRating(ann.ID); err != models.ErrNothingToUndo {
		t.Errorf("undo after a quiz answer: %v", err)
	}
	// A guest's answers feed no cards.
	guest := models.Owner{GuestToken: "0123456789abcdef0123456789abcdef"}
	gv, _ := ta.store.StartAttempt(articleID, 3, guest)
	for _, aq := range gv.Questions {
		ta.submit(gv.Attempt.ID, guest, aq.QuestionID, func(*models.AttemptQuestion) (any, error) { return "x", nil })
	}
	if n := len(reviewLogs(t, ta, ann.ID)); n != 3 {
		t.Errorf("%d logs, want the 3 quiz reviews", n)
	}
}

func TestDeckExport(t *testing.T) {
	ta := newTestApp(t)
	b, articleID := deckLearner(t, ta)
	annID := currentID(t, ta, "ann@example.com")
	cards, _ := ta.store.DeckCards(annID, articleID)
	resp, body := b.get(fmt.Sprintf("/articles/%d/deck.txt", articleID))
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(resp.Header.Get("Content-Disposition"), `filename="lyon.flashcards.txt"`) {
		t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	if lines[0] != "#separator:tab" || lines[1] != "#html:false" {
		t.Errorf("Anki header %q", lines[:2])
	}
	var notes []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			notes = append(notes, l)
		}
	}
	if len(notes) != len(cards) {
		t.Fatalf("%d notes for %d cards", len(notes), len(cards))
	}
	for i, n := range notes {
		f := strings.Split(n, "\t")
		if len(f) != 3 || f[0] != cards[i].Question.Prompt || f[1] == "" || !strings.Contains(f[2], "factquiz lyon") {
			t.Errorf("note %d: %q", i, f)
		}
	}
	resp, body = b.get(fmt.Sprintf("/articles/%d/deck.csv", articleID))
	wantStatus(t, resp, http.StatusOK, body)
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cards)+1 || strings.Join(rows[0], ",") != "front,back,source,tags" || rows[1][2] != cards[0].Question.Source {
		t.Errorf("CSV %d rows, header %v", len(rows), rows[0])
	}
	other := ta.as("bob@example.com", models.RoleLearner)
	resp, body = other.get(fmt.Sprintf("/articles/%d/deck.csv", articleID))
	wantStatus(t, resp, http.StatusNotFound, body)
}

func TestDashboardFlashcards(t *testing.T) {
	ta := newTestApp(t)
	b, _ := deckLearner(t, ta)
	_, page := b.get("/review")
	m := cardIDRe.FindStringSubmatch(page)
	resp, body := b.postForm("/review/"+m[1], url.Values{"_csrf": {csrfInput.FindStringSubmatch(page)[1]}, "rating": {"1"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	_, page = b.get("/dashboard")
	for _, want := range []string{"Flashcards", "<rect", "90%"} {
		if !strings.Contains(page, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
	st, err := ta.store.Stats(currentID(t, ta, "ann@example.com"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if st.ReviewsToday != 1 || st.DueToday < 1 || st.Forecast[0] != st.DueToday || st.Cards < 10 {
		t.Errorf("stats %+v", st)
	}
}

func TestIntervalLabels(t *testing.T) {
	for _, tt := range []struct {
		d          time.Duration
		label, due string
	}{
		{30 * time.Second, "1m", "in 1 min"},
		{10 * time.Minute, "10m", "in 10 min"},
		{5 * time.Hour, "5h", "in 5 hours"},
		{26 * time.Hour, "1d", "tomorrow"},
		{3 * 24 * time.Hour, "3d", "in 3 days"},
		{45 * 24 * time.Hour, "1.5mo", "in 45 days"},
		{60 * 24 * time.Hour, "2mo", "in 60 days"},
		{400 * 24 * time.Hour, "1.1y", "in 400 days"},
	} {
		if got := intervalLabel(tt.d); got != tt.label {
			t.Errorf("intervalLabel(%v) = %q, want %q", tt.d, got, tt.label)
		}
		if got := dueIn(tt.d); got != tt.due {
			t.Errorf("dueIn(%v) = %q, want %q", tt.d, got, tt.due)
		}
	}
	if got := dueIn(-time.Minute); got != "now" {
		t.Errorf("dueIn of the past = %q", got)
	}
}

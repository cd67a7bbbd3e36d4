package handlers

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"factquiz/models"
)

// The people the authorization table is checked for.
const (
	anon = iota
	learner
	otherLearner
	instructor
	admin
	people
)

var personNames = [people]string{"anonymous", "learner", "other learner", "instructor", "admin"}

// authzCase is one route and what each person gets from it.
type authzCase struct {
	method, route string // route as the route table writes it
	path          string // with ids filled in
	form          url.Values
	json          any
	want          [people]int
}

// TestAuthorization sends every route of the application as each kind of
// person and checks the status. The learner owns the attempt and the API
// token in the paths; the others must not reach them. A route added
// without a row here fails the test.
func TestAuthorization(t *testing.T) {
	ta := newTestApp(t)
	articleID := ta.addArticle("city_lyon.txt")
	users := [people]*models.User{nil,
		ta.user("learner@example.com", models.RoleLearner),
		ta.user("other@example.com", models.RoleLearner),
		ta.user("teacher@example.com", models.RoleInstructor),
		ta.user("admin@example.com", models.RoleAdmin),
	}
	spare := ta.user("spare@example.com", models.RoleInstructor)
	mine := models.Owner{UserID: users[learner].ID}
	v, err := ta.store.StartAttempt(articleID, 5, mine)
	if err != nil {
		t.Fatal(err)
	}
	first := v.Questions[0]
	if _, err := ta.submit(v.Attempt.ID, mine, first.QuestionID, func(*models.AttemptQuestion) (any, error) {
		return rightJSON(t, first.Question), nil
	}); err != nil {
		t.Fatal(err)
	}
	next := v.Questions[1].QuestionID
	_, token, err := ta.store.CreateAPIToken(users[learner].ID, "script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddDeck(users[learner].ID, articleID, time.Now()); err != nil {
		t.Fatal(err)
	}
	card, err := ta.store.NextCard(users[learner].ID, time.Now())
	if err != nil || card == nil {
		t.Fatalf("the learner has no card to review: %v", err)
	}
	quiz, err := ta.store.CreateQuiz(users[instructor].ID, models.QuizSettings{Name: "Lyon"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddQuizQuestions(quiz.ID, []uint{first.QuestionID, next}); err != nil {
		t.Fatal(err)
	}
	qz := fmt.Sprint(quiz.ID)

	const (
		ok        = http.StatusOK
		created   = http.StatusCreated
		see       = http.StatusSeeOther // a redirect: to log in for anonymous users
		bad       = http.StatusBadRequest
		unauth    = http.StatusUnauthorized
		forbidden = http.StatusForbidden
		missing   = http.StatusNotFound
		invalid   = http.StatusUnprocessableEntity
		conflict  = http.StatusConflict
	)
	att := fmt.Sprint(v.Attempt.ID)
	cases := []authzCase{
		{"GET", "/healthz", "/healthz", nil, nil, [people]int{ok, ok, ok, ok, ok}},
		{"GET", "/readyz", "/readyz", nil, nil, [people]int{ok, ok, ok, ok, ok}},
		// Loopback only, without a token: app.Test's peer is 0.0.0.0.
		{"GET", "/metrics", "/metrics", nil, nil, [people]int{forbidden, forbidden, forbidden, forbidden, forbidden}},
		{"GET", "/", "/", nil, nil, [people]int{ok, ok, ok, ok, ok}},
		{"GET", "/articles/new", "/articles/new", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/articles", "/articles", url.Values{"text": {""}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/articles/:id", fmt.Sprintf("/articles/%d", articleID), nil, nil, [people]int{ok, ok, ok, ok, ok}},
		{"POST", "/articles/:id/attempts", fmt.Sprintf("/articles/%d/attempts", articleID), url.Values{"count": {"2"}}, nil, [people]int{see, see, see, see, see}},
		{"GET", "/attempts/:id", "/attempts/" + att, nil, nil, [people]int{missing, ok, missing, missing, missing}},
		{"POST", "/attempts/:id/answers", "/attempts/" + att + "/answers", url.Values{"question_id": {fmt.Sprint(next)}}, nil, [people]int{missing, invalid, missing, missing, missing}},
		{"GET", "/attempts/:id/feedback/:pos", "/attempts/" + att + "/feedback/1", nil, nil, [people]int{missing, ok, missing, missing, missing}},
		{"GET", "/attempts/:id/results", "/attempts/" + att + "/results", nil, nil, [people]int{missing, see, missing, missing, missing}},
		{"POST", "/attempts/:id/contest", "/attempts/" + att + "/contest", url.Values{"question_id": {fmt.Sprint(first.QuestionID)}}, nil, [people]int{see, invalid, missing, missing, missing}},
		{"GET", "/signup", "/signup", nil, nil, [people]int{ok, see, see, see, see}},
		{"POST", "/signup", "/signup", url.Values{"email": {"not an address"}}, nil, [people]int{invalid, see, see, see, see}},
		{"GET", "/login", "/login", nil, nil, [people]int{ok, see, see, see, see}},
		{"POST", "/login", "/login", url.Values{"email": {"learner@example.com"}, "password": {"wrong password"}}, nil, [people]int{unauth, unauth, unauth, unauth, unauth}},
		{"POST", "/logout", "/logout", nil, nil, [people]int{see, see, see, see, see}},
		{"GET", "/profile", "/profile", nil, nil, [people]int{see, ok, ok, ok, ok}},
		{"POST", "/profile/password", "/profile/password", url.Values{"current": {"wrong"}, "password": {"a new long password"}}, nil, [people]int{see, invalid, invalid, invalid, invalid}},
		{"POST", "/profile/tokens", "/profile/tokens", url.Values{"name": {""}}, nil, [people]int{see, invalid, invalid, invalid, invalid}},
		{"POST", "/profile/tokens/:id/delete", fmt.Sprintf("/profile/tokens/%d/delete", token.ID), nil, nil, [people]int{see, see, missing, missing, missing}},
		{"POST", "/profile/flashcards", "/profile/flashcards", url.Values{"retention": {"2"}}, nil, [people]int{see, invalid, invalid, invalid, invalid}},
		{"GET", "/articles/:id/deck.txt", fmt.Sprintf("/articles/%d/deck.txt", articleID), nil, nil, [people]int{see, ok, missing, missing, missing}},
		{"GET", "/articles/:id/deck.csv", fmt.Sprintf("/articles/%d/deck.csv", articleID), nil, nil, [people]int{see, ok, missing, missing, missing}},
		// After the exports: adding the deck gives everyone one.
		{"POST", "/articles/:id/deck", fmt.Sprintf("/articles/%d/deck", articleID), nil, nil, [people]int{see, see, see, see, see}},
		{"GET", "/review", "/review", nil, nil, [people]int{see, ok, ok, ok, ok}},
		{"POST", "/review/undo", "/review/undo", nil, nil, [people]int{see, conflict, conflict, conflict, conflict}},
		{"POST", "/review/:id", fmt.Sprintf("/review/%d", card.ID), url.Values{"rating": {"3"}}, nil, [people]int{see, see, missing, missing, missing}},
		{"GET", "/dashboard", "/dashboard", nil, nil, [people]int{see, ok, ok, ok, ok}},
		{"GET", "/bank", fmt.Sprintf("/bank?article=%d", articleID), nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/bank/bulk", "/bank/bulk", url.Values{"action": {"approve"}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"POST", "/articles/:id/settings", fmt.Sprintf("/articles/%d/settings", articleID), url.Values{"learners_see": {"all"}}, nil, [people]int{see, forbidden, forbidden, see, see}},
		{"POST", "/articles/:id/regenerate", fmt.Sprintf("/articles/%d/regenerate", articleID), nil, nil, [people]int{see, forbidden, forbidden, see, see}},
		{"GET", "/bank/import", "/bank/import", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/bank/import", "/bank/import", url.Values{"text": {"x"}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/bank/export", "/bank/export?format=csv", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"GET", "/questions/new", fmt.Sprintf("/questions/new?article=%d", articleID), nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/questions", "/questions", url.Values{"article": {fmt.Sprint(articleID)}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/questions/:id/edit", fmt.Sprintf("/questions/%d/edit", next), nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/questions/:id", fmt.Sprintf("/questions/%d", next), url.Values{"type": {"fill_blank"}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/quizzes", "/quizzes", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/quizzes", "/quizzes", url.Values{"name": {""}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/quizzes/:id/edit", "/quizzes/" + qz + "/edit", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/quizzes/:id", "/quizzes/" + qz, url.Values{"name": {""}}, nil, [people]int{see, forbidden, forbidden, invalid, invalid}},
		{"GET", "/quizzes/:id/report", "/quizzes/" + qz + "/report", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"GET", "/quizzes/:id/report.csv", "/quizzes/" + qz + "/report.csv", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"GET", "/q/:token", "/q/" + quiz.ShareToken, nil, nil, [people]int{ok, ok, ok, ok, ok}},
		{"POST", "/q/:token/attempts", "/q/" + quiz.ShareToken + "/attempts", nil, nil, [people]int{see, see, see, see, see}},
		{"POST", "/quizzes/:id/questions/:qid/delete", fmt.Sprintf("/quizzes/%s/questions/%d/delete", qz, next), nil, nil, [people]int{see, forbidden, forbidden, see, missing}},
		{"GET", "/learners", "/learners", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"GET", "/learners/:id", fmt.Sprintf("/learners/%d", users[learner].ID), nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"GET", "/contests", "/contests", nil, nil, [people]int{see, forbidden, forbidden, ok, ok}},
		{"POST", "/contests/:id/accept", "/contests/999999/accept", nil, nil, [people]int{see, forbidden, forbidden, missing, missing}},
		{"POST", "/contests/:id/reject", "/contests/999999/reject", url.Values{"reason": {"No."}}, nil, [people]int{see, forbidden, forbidden, missing, missing}},
		{"GET", "/admin/users", "/admin/users", nil, nil, [people]int{see, forbidden, forbidden, forbidden, ok}},
		{"POST", "/admin/users/:id/role", fmt.Sprintf("/admin/users/%d/role", spare.ID), url.Values{"role": {"learner"}}, nil, [people]int{see, forbidden, forbidden, forbidden, see}},
		{"GET", "/api/articles", "/api/articles", nil, nil, [people]int{ok, ok, ok, ok, ok}},
		{"POST", "/api/articles", "/api/articles", nil, map[string]any{}, [people]int{unauth, forbidden, forbidden, bad, bad}},
		{"POST", "/api/attempts", "/api/attempts", nil, map[string]any{"article_id": articleID, "count": 2}, [people]int{created, created, created, created, created}},
		{"GET", "/api/attempts/:id", "/api/attempts/" + att, nil, nil, [people]int{missing, ok, missing, missing, missing}},
		{"POST", "/api/attempts/:id/answers", "/api/attempts/" + att + "/answers", nil, map[string]any{"question_id": next, "answer": map[string]any{"x": 1}}, [people]int{missing, invalid, missing, missing, missing}},
		{"GET", "/api/me", "/api/me", nil, nil, [people]int{unauth, ok, ok, ok, ok}},
		{"GET", "/api/progress", "/api/progress", nil, nil, [people]int{unauth, ok, ok, ok, ok}},
	}

	listed := map[string]bool{}
	for _, c := range cases {
		listed[c.method+" "+c.route] = true
	}
	for _, r := range ta.app.GetRoutes(true) {
		if (r.Method == "GET" || r.Method == "POST") && !listed[r.Method+" "+r.Path] {
			t.Errorf("route %s %s has no row in the authorization table", r.Method, r.Path)
		}
	}

	for _, c := range cases {
		for who := range people {
			t.Run(c.method+" "+c.path+" as "+personNames[who], func(t *testing.T) {
				b := ta.client()
				if users[who] != nil {
					secret, err := ta.store.CreateSession(users[who].ID)
					if err != nil {
						t.Fatal(err)
					}
					b.cookies[sessionCookie] = secret
				}
				resp, body := b.send(c)
				if resp.StatusCode != c.want[who] {
					t.Fatalf("status %d, want %d\n%.500s", resp.StatusCode, c.want[who], body)
				}
				loc := resp.Header.Get("Location")
				if who == anon && resp.StatusCode == see && strings.HasPrefix(c.route, "/") && c.want[learner] != see && !strings.HasPrefix(loc, "/login") {
					t.Errorf("anonymous user sent to %q, not to log in", loc)
				}
			})
		}
	}
}

// send makes the request of a case with a valid CSRF token, so that the
// status tells what the route allows and not what the token says.
func (c *client) send(ac authzCase) (*http.Response, string) {
	c.ta.t.Helper()
	switch {
	case ac.method == http.MethodGet:
		return c.get(ac.path)
	case ac.json != nil:
		data, _ := json.Marshal(ac.json)
		req := httptest.NewRequest(ac.method, ac.path, strings.NewReader(string(data)))
		req.Header.Set("Content-Type", "application/json")
		return c.do(req)
	}
	form := url.Values{"_csrf": {c.csrf("/")}}
	for k, v := range ac.form {
		form[k] = v
	}
	return c.postForm(ac.path, form)
}

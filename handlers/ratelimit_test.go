package handlers

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"factquiz/models"
)

// TestAnswerRateLimit: a session that sends more answers a minute than
// the limit gets 429 with Retry-After and a message saying how long to
// wait; the refused answer is not stored, and other sessions go on.
func TestAnswerRateLimit(t *testing.T) {
	ta := newTestAppConfig(t, Config{AnswersPerMinute: 3})
	id := ta.addArticle("city_lyon.txt")
	a := ta.client()
	resp, att := a.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 5})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(att))
	attemptID := uint(att["id"].(float64))
	v, err := ta.store.GetAttempt(attemptID, models.Owner{GuestToken: a.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/attempts/%d/answers", attemptID)
	for i := range 3 {
		resp, out := a.postJSON(path, map[string]any{"question_id": v.Questions[i].QuestionID, "answer": "zzz"})
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("answer %d: status %d %v", i+1, resp.StatusCode, out)
		}
	}
	resp, out := a.postJSON(path, map[string]any{"question_id": v.Questions[3].QuestionID, "answer": "zzz"})
	wantStatus(t, resp, http.StatusTooManyRequests, fmt.Sprint(out))
	wait, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil || wait < 1 || wait > 60 {
		t.Errorf("Retry-After %q, want 1 to 60 seconds", resp.Header.Get("Retry-After"))
	}
	if msg, _ := out["error"].(string); !strings.Contains(msg, "at most 3 a minute") || !strings.Contains(msg, "Wait "+resp.Header.Get("Retry-After")+" seconds") {
		t.Errorf("429 message %q does not give the limit and the wait", msg)
	}
	after, err := ta.store.GetAttempt(attemptID, models.Owner{GuestToken: a.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	if _, stored := after.Responses[v.Questions[3].QuestionID]; stored {
		t.Error("the refused answer was stored")
	}

	// The question form counts against the same limit, and says so on
	// a page.
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/attempts/%d/answers", attemptID),
		strings.NewReader(url.Values{"_csrf": {a.cookies["fq_csrf"]}, "question_id": {fmt.Sprint(v.Questions[3].QuestionID)}, "answer": {"x"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := a.do(req)
	wantStatus(t, resp, http.StatusTooManyRequests, body)
	if !strings.Contains(body, "nothing was lost") {
		t.Errorf("the 429 page does not explain:\n%.500s", body)
	}

	// Another guest is not held back.
	b := ta.client()
	resp, att = b.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(att))
	q := att["questions"].([]any)[0].(map[string]any)
	resp, out = b.postJSON(fmt.Sprintf("/api/attempts/%v/answers", att["id"]), map[string]any{"question_id": q["id"], "answer": "zzz"})
	if resp.StatusCode == http.StatusTooManyRequests {
		t.Errorf("another guest was limited: %v", out)
	}
}

// TestSignupRateLimit: sign-ups from one network address beyond the limit
// get 429 with Retry-After on the form, and no account is made. Behind a
// trusted proxy each client's address counts on its own; an untrusted
// X-Forwarded-For is ignored.
func TestSignupRateLimit(t *testing.T) {
	signup := func(ta *testApp, email, forwardedFor string) (*http.Response, string) {
		c := ta.client()
		form := url.Values{"_csrf": {c.csrf("/signup")}, "email": {email}, "name": {"N"}, "password": {testPassword}}
		req := httptest.NewRequest(http.MethodPost, "/signup", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if forwardedFor != "" {
			req.Header.Set("X-Forwarded-For", forwardedFor)
		}
		return c.do(req)
	}
	t.Run("one address", func(t *testing.T) {
		ta := newTestAppConfig(t, Config{SignupsPerHour: 2})
		for i := range 2 {
			resp, body := signup(ta, fmt.Sprintf("u%d@example.com", i), "203.0.113.1")
			wantStatus(t, resp, http.StatusSeeOther, body)
		}
		// A client's own X-Forwarded-For does not buy it a new address.
		resp, body := signup(ta, "u2@example.com", "203.0.113.2")
		wantStatus(t, resp, http.StatusTooManyRequests, body)
		if resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "Too many accounts were created from this network address") {
			t.Errorf("429 without Retry-After or message:\n%.800s", body)
		}
		if !strings.Contains(body, `value="u2@example.com"`) {
			t.Error("the form lost what was typed")
		}
		if _, err := ta.store.UserByEmail("u2@example.com"); err == nil {
			t.Error("the refused sign-up made an account")
		}
	})
	t.Run("behind a trusted proxy", func(t *testing.T) {
		// app.Test's connections come from 0.0.0.0: that is the proxy.
		ta := newTestAppConfig(t, Config{SignupsPerHour: 1, TrustedProxies: []string{"0.0.0.0"}})
		resp, body := signup(ta, "a@example.com", "203.0.113.1")
		wantStatus(t, resp, http.StatusSeeOther, body)
		resp, body = signup(ta, "b@example.com", "203.0.113.2")
		wantStatus(t, resp, http.StatusSeeOther, body)
		resp, body = signup(ta, "c@example.com", "203.0.113.1")
		wantStatus(t, resp, http.StatusTooManyRequests, body)
	})
}

// TestWindows: each key gets max requests a window, counted from its
// first; the wait is what is left of the window; a new window starts
// afresh, and old keys are swept.
func TestWindows(t *testing.T) {
	w := newWindows(2, time.Minute)
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for i, tc := range []struct {
		key  string
		at   time.Duration
		want time.Duration
	}{
		{"a", 0, 0},
		{"a", 10 * time.Second, 0},
		{"a", 20 * time.Second, 40 * time.Second},
		{"b", 20 * time.Second, 0},
		{"a", 59*time.Second + 900*time.Millisecond, time.Second}, // at least a second
		{"a", 60 * time.Second, 0},
		{"a", 61 * time.Second, 0},
		{"a", 62 * time.Second, 58 * time.Second},
	} {
		if got := w.take(tc.key, t0.Add(tc.at)); got != tc.want {
			t.Errorf("%d: %s at %v: wait %v, want %v", i, tc.key, tc.at, got, tc.want)
		}
	}
	w.take("c", t0.Add(3*time.Minute))
	if len(w.counts) != 1 {
		t.Errorf("after the sweep %d keys remain, want only c", len(w.counts))
	}
}

// TestStartRateLimit: a session that starts more attempts a minute than
// the limit gets 429 with Retry-After and the wait, on the API and the
// article page's form; guests from one address, each with a new cookie,
// share a limit of their own that accounts do not count against. Nothing
// refused is stored.
func TestStartRateLimit(t *testing.T) {
	ta := newTestAppConfig(t, Config{AttemptsPerMinute: 3, GuestAttemptsPerMinute: 5})
	id := ta.addArticle("city_lyon.txt")
	start := func(c *client) (*http.Response, map[string]any) {
		return c.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
	}
	a := ta.client()
	for i := range 3 {
		resp, out := start(a)
		wantStatus(t, resp, http.StatusCreated, fmt.Sprintf("start %d: %v", i+1, out))
	}
	resp, out := start(a)
	wantStatus(t, resp, http.StatusTooManyRequests, fmt.Sprint(out))
	if wait, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || wait < 1 || wait > 60 {
		t.Errorf("Retry-After %q, want 1 to 60 seconds", resp.Header.Get("Retry-After"))
	}
	if msg, _ := out["error"].(string); !strings.Contains(msg, "at most 3 a minute") || !strings.Contains(msg, "Wait "+resp.Header.Get("Retry-After")+" seconds") {
		t.Errorf("429 message %q does not give the limit and the wait", msg)
	}
	// The article page's form counts too, and says so on a page.
	resp, body := a.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {a.cookies["fq_csrf"]}, "count": {"1"}})
	wantStatus(t, resp, http.StatusTooManyRequests, body)
	wantSays(t, "the refused start", body, "faster than anyone can take them")

	// Two more guests reach the address's limit of 5; the next new guest
	// is refused, a signed-in learner is not.
	for range 2 {
		resp, out := start(ta.client())
		wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
	}
	resp, out = start(ta.client())
	wantStatus(t, resp, http.StatusTooManyRequests, fmt.Sprint(out))
	if msg, _ := out["error"].(string); !strings.Contains(msg, "from this network address (at most 5 a minute)") || !strings.Contains(msg, "or log in") {
		t.Errorf("429 message %q does not say the address's limit", msg)
	}
	learner := ta.as("learner@example.com", models.RoleLearner)
	resp, out = start(learner)
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
	if n := attemptCount(t, ta); n != 6 {
		t.Errorf("%d attempts stored, want the 6 allowed", n)
	}
}

// TestGuestOpenAttempts: a guest may have MaxGuestOpenAttempts unfinished
// attempts; the next start is refused with a 429 that says what to do,
// and finishing one makes room. An account has no such bound.
func TestGuestOpenAttempts(t *testing.T) {
	ta := newTestAppConfig(t, Config{AttemptsPerMinute: -1, GuestAttemptsPerMinute: -1})
	id := ta.addArticle("city_lyon.txt")
	g := ta.client()
	var first map[string]any
	for i := range models.MaxGuestOpenAttempts {
		resp, out := g.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
		wantStatus(t, resp, http.StatusCreated, fmt.Sprintf("start %d: %v", i+1, out))
		if i == 0 {
			first = out
		}
	}
	resp, out := g.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
	wantStatus(t, resp, http.StatusTooManyRequests, fmt.Sprint(out))
	if msg, _ := out["error"].(string); !strings.Contains(msg, fmt.Sprintf("%d quizzes open as a guest", models.MaxGuestOpenAttempts)) || !strings.Contains(msg, "finish one") {
		t.Errorf("message %q does not say why and what to do", msg)
	}
	// Finish the first one by answering its question.
	attemptID := uint(first["id"].(float64))
	v, err := ta.store.GetAttempt(attemptID, models.Owner{GuestToken: g.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	resp, out = g.postJSON(fmt.Sprintf("/api/attempts/%d/answers", attemptID),
		map[string]any{"question_id": v.Questions[0].QuestionID, "answer": rightJSON(t, v.Questions[0].Question)})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("answer: status %d %v", resp.StatusCode, out)
	}
	resp, out = g.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
	if n := attemptCount(t, ta); n != int64(models.MaxGuestOpenAttempts)+1 {
		t.Errorf("%d attempts stored, want %d", n, models.MaxGuestOpenAttempts+1)
	}
	learner := ta.as("learner@example.com", models.RoleLearner)
	for i := range models.MaxGuestOpenAttempts + 1 {
		resp, out := learner.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
		wantStatus(t, resp, http.StatusCreated, fmt.Sprintf("learner's start %d: %v", i+1, out))
	}
}

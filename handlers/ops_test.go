package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"factquiz/models"
)

// logBuffer collects the JSON log lines of an application.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lines are the log lines whose attribute key has value.
func (b *logBuffer) lines(t *testing.T, key string, value any) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %v\n%s", err, line)
		}
		if m[key] == value {
			out = append(out, m)
		}
	}
	return out
}

func newLoggedApp(t *testing.T) (*testApp, *logBuffer) {
	buf := &logBuffer{}
	return newTestAppConfig(t, Config{Logger: slog.New(slog.NewJSONHandler(buf, nil))}), buf
}

// metrics reads /metrics as a scraper on this machine does: over real
// HTTP from the loopback address (app.Test's requests come from 0.0.0.0,
// which /metrics refuses without a token).
func (c *client) metrics() string {
	c.ta.t.Helper()
	if c.ta.base == "" {
		c.ta.base = c.ta.serve()
	}
	resp, err := http.Get(c.ta.base + "/metrics")
	if err != nil {
		c.ta.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	wantStatus(c.ta.t, resp, http.StatusOK, string(body))
	return string(body)
}

func wantMetric(t *testing.T, metrics, line string) {
	t.Helper()
	for _, l := range strings.Split(metrics, "\n") {
		if l == line {
			return
		}
	}
	t.Errorf("no metric line %q in:\n%s", line, grepLines(metrics, strings.SplitN(line, "{", 2)[0]))
}

// grepLines keeps the lines of s that start with prefix.
func grepLines(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestHealthz(t *testing.T) {
	ta := newTestApp(t)
	resp, body := ta.client().get("/healthz")
	wantStatus(t, resp, http.StatusOK, body)
	if body != "ok" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Errorf("healthz: %q, %s", body, resp.Header.Get("Content-Type"))
	}
	if len(resp.Cookies()) > 0 {
		t.Errorf("healthz sets cookies: %v", resp.Cookies())
	}
}

func TestReadyz(t *testing.T) {
	ta := newTestApp(t)
	c := ta.client()
	resp, body := c.get("/readyz")
	wantStatus(t, resp, http.StatusOK, body)
	if body != "ready" || len(resp.Cookies()) > 0 {
		t.Errorf("readyz: %q, cookies %v", body, resp.Cookies())
	}
	if err := ta.store.Close(); err != nil {
		t.Fatal(err)
	}
	resp, body = c.get("/readyz")
	wantStatus(t, resp, http.StatusServiceUnavailable, body)
	if !strings.Contains(body, "database") {
		t.Errorf("readyz with the database closed: %q", body)
	}
}

func TestMetrics(t *testing.T) {
	ta := newTestApp(t)
	c := ta.client()
	c.get("/")
	c.get("/")
	c.get("/articles/99999")
	c.get("/no/such/page")
	resp, body := c.get("/static/app.css")
	wantStatus(t, resp, http.StatusOK, body)

	m := c.metrics()
	wantMetric(t, m, `factquiz_http_requests_total{method="GET",route="/",status="200"} 2`)
	wantMetric(t, m, `factquiz_http_requests_total{method="GET",route="/articles/:id",status="404"} 1`)
	wantMetric(t, m, `factquiz_http_requests_total{method="GET",route="unmatched",status="404"} 1`)
	wantMetric(t, m, `factquiz_http_requests_total{method="GET",route="/static",status="200"} 1`)
	wantMetric(t, m, `factquiz_http_request_duration_seconds_count{method="GET",route="/"} 2`)
	if strings.Contains(m, "/articles/99999") || strings.Contains(m, "/no/such") {
		t.Error("metrics hold a raw path")
	}
	for _, name := range []string{"go_goroutines ", "process_resident_memory_bytes ",
		`factquiz_db_connections_open{pool="writer"} `, `factquiz_db_connections_open{pool="reader"} `,
		`factquiz_db_connections_in_use{pool="writer"} `, `factquiz_db_connections_idle{pool="reader"} `,
		`factquiz_db_waits_total{pool="writer"} `, `factquiz_db_wait_seconds_total{pool="reader"} `,
		`factquiz_db_connections_max_open{pool="writer"} `} {
		if !strings.Contains(m, "\n"+name) {
			t.Errorf("no %s in the metrics", name)
		}
	}
	wantMetric(t, m, `factquiz_answers_total{correct="true"} 0`)
	wantMetric(t, m, `factquiz_attempts_started_total 0`)

	// Every application counts apart.
	if other := newTestApp(t).client().metrics(); strings.Contains(other, `route="/articles/:id"`) {
		t.Error("a second application shares the first one's metrics")
	}
}

func TestMetricsCountQuizzes(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("company_nintendo.txt")
	c := ta.client()

	resp, body := c.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {c.csrf("/")}, "count": {"3"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, att := c.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 2})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(att))
	attemptID := uint(att["id"].(float64))
	v, err := ta.store.GetAttempt(attemptID, models.Owner{GuestToken: c.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/attempts/%d/answers", attemptID)
	for i, aq := range v.Questions {
		answer := rightJSON(t, aq.Question)
		if i == 1 {
			answer = wrongJSON(answer)
		}
		resp, res := c.postJSON(path, map[string]any{"question_id": aq.QuestionID, "answer": answer})
		wantStatus(t, resp, http.StatusOK, fmt.Sprint(res))
	}
	// A refused answer counts nothing.
	resp, res := c.postJSON(path, map[string]any{"question_id": v.Questions[0].QuestionID, "answer": "x"})
	wantStatus(t, resp, http.StatusConflict, fmt.Sprint(res))

	m := c.metrics()
	wantMetric(t, m, `factquiz_attempts_started_total 2`)
	wantMetric(t, m, `factquiz_answers_total{correct="true"} 1`)
	wantMetric(t, m, `factquiz_answers_total{correct="false"} 1`)
	wantMetric(t, m, `factquiz_attempts_finished_total 1`)
	wantMetric(t, m, `factquiz_http_requests_total{method="POST",route="/api/attempts/:id/answers",status="409"} 1`)
	// The two answers went through the group committer, one at a time.
	wantMetric(t, m, `factquiz_commit_writes_total 2`)
	wantMetric(t, m, `factquiz_commit_batches_total 2`)
	wantMetric(t, m, `factquiz_commit_batch_failures_total 0`)
}

// TestMetricsLoopbackOnly: without a token, /metrics answers clients on
// this machine only: a 403 that says why to others, also when they come
// through a trusted proxy on this machine.
func TestMetricsLoopbackOnly(t *testing.T) {
	ta := newTestAppConfig(t, Config{TrustedProxies: []string{"127.0.0.1"}})
	resp, body := ta.client().get("/metrics") // app.Test's peer, 0.0.0.0
	wantStatus(t, resp, http.StatusForbidden, body)
	wantSays(t, "the refusal", body, "only on this machine", "-metrics-token")
	if strings.Contains(body, "factquiz_") {
		t.Error("the refusal shows metrics")
	}
	base := ta.serve()
	req, _ := http.NewRequest(http.MethodGet, base+"/metrics", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.9") // a remote client, through the proxy
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("a remote client through the proxy: status %d, want 403", r.StatusCode)
	}
	if m := ta.client().metrics(); !strings.Contains(m, "factquiz_http_requests_total") {
		t.Errorf("a client on this machine gets no metrics:\n%.300s", m)
	}
}

func TestMetricsToken(t *testing.T) {
	ta := newTestAppConfig(t, Config{MetricsToken: "s3cret-token"})
	c := ta.client()
	for _, auth := range []string{"", "Bearer wrong", "s3cret-token", "Basic s3cret-token"} {
		req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, body := c.do(req)
		wantStatus(t, resp, http.StatusUnauthorized, body)
		if strings.Contains(body, "factquiz_") {
			t.Errorf("Authorization %q: the refusal shows metrics", auth)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.Header.Set("Authorization", "Bearer s3cret-token")
	resp, body := c.do(req)
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(body, "factquiz_http_requests_total") {
		t.Errorf("metrics with the token:\n%.400s", body)
	}
}

func TestRequestLog(t *testing.T) {
	ta, logs := newLoggedApp(t)
	id := ta.addArticle("company_nintendo.txt")
	c := ta.client()

	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/articles/%d?secret=query-value", id), nil)
	req.Header.Set("X-Request-ID", "abc-123")
	resp, body := c.do(req)
	wantStatus(t, resp, http.StatusOK, body)
	if got := resp.Header.Get("X-Request-ID"); got != "abc-123" {
		t.Errorf("X-Request-ID %q, want abc-123", got)
	}
	lines := logs.lines(t, "request_id", "abc-123")
	if len(lines) != 1 {
		t.Fatalf("%d log lines for the request:\n%s", len(lines), logs)
	}
	l := lines[0]
	if l["level"] != "INFO" || l["msg"] != "request" || l["method"] != "GET" || l["route"] != "/articles/:id" ||
		l["status"] != float64(200) || l["bytes"] != float64(len(body)) {
		t.Errorf("log line %v", l)
	}
	if _, ok := l["duration_ms"].(float64); !ok {
		t.Errorf("log line without duration_ms: %v", l)
	}
	if strings.Contains(logs.String(), "query-value") || strings.Contains(logs.String(), fmt.Sprintf("/articles/%d", id)) {
		t.Errorf("the log holds the raw URL:\n%s", logs)
	}

	ta.user("ada@example.com", models.RoleLearner)
	c.login("ada@example.com", testPassword)
	if len(logs.lines(t, "route", "/login")) < 2 {
		t.Errorf("no log lines for the log-in page and form:\n%s", logs)
	}
	session := c.cookies[sessionCookie]
	if session == "" {
		t.Fatal("no session cookie after logging in")
	}
	for name, value := range c.cookies {
		if strings.Contains(logs.String(), value) {
			t.Errorf("the log holds the %s cookie", name)
		}
	}
	if strings.Contains(logs.String(), testPassword) {
		t.Error("the log holds the password")
	}

	c.get("/healthz")
	c.get("/readyz")
	if probes := len(logs.lines(t, "route", "/healthz")) + len(logs.lines(t, "route", "/readyz")); probes > 0 {
		t.Errorf("probes logged at info level:\n%s", logs)
	}
}

func TestServerErrorLog(t *testing.T) {
	ta, logs := newLoggedApp(t)
	id := ta.addArticle("company_nintendo.txt")
	if err := ta.store.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/articles/%d", id), nil)
	req.Header.Set("X-Request-ID", "broken-1")
	resp, body := ta.client().do(req)
	wantStatus(t, resp, http.StatusInternalServerError, body)
	lines := logs.lines(t, "request_id", "broken-1")
	var levels []string
	for _, l := range lines {
		levels = append(levels, fmt.Sprint(l["level"], " ", l["msg"], " ", l["route"], " ", l["status"]))
		if l["level"] == "ERROR" && l["error"] == nil {
			t.Errorf("error line without the error: %v", l)
		}
	}
	if got := strings.Join(levels, "; "); got != "ERROR server error /articles/:id <nil>; INFO request /articles/:id 500" {
		t.Errorf("log lines: %s\n%s", got, logs)
	}
}

func TestRequestIDReplaced(t *testing.T) {
	ta := newTestApp(t)
	generated := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, id := range []string{"", "<script>", strings.Repeat("a", 200), "a b", "x\ny", "é"} {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		if id != "" {
			req.Header.Set("X-Request-ID", id)
		}
		resp, _ := ta.client().do(req)
		if got := resp.Header.Get("X-Request-ID"); !generated.MatchString(got) {
			t.Errorf("X-Request-ID %q came back as %q, want a new id", id, got)
		}
	}
	kept := "Trace_1.2-" + strings.Repeat("z", 54)
	req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	req.Header.Set("X-Request-ID", kept)
	if resp, _ := ta.client().do(req); resp.Header.Get("X-Request-ID") != kept {
		t.Errorf("a sane 64-character id was replaced by %q", resp.Header.Get("X-Request-ID"))
	}
}

// TestMetricsCountQuizReviews: a learner's quiz answer that reviews a
// flashcard is counted as a review from a quiz.
func TestMetricsCountQuizReviews(t *testing.T) {
	ta := newTestApp(t)
	b, articleID := deckLearner(t, ta)
	me := models.Owner{UserID: currentID(t, ta, "ann@example.com")}
	v, err := ta.store.StartAttempt(articleID, 30, me)
	if err != nil {
		t.Fatal(err)
	}
	for _, aq := range v.Questions {
		if aq.Question.Type != "fill_blank" {
			continue
		}
		loc := fmt.Sprintf("/attempts/%d", v.Attempt.ID)
		resp, body := b.postForm(loc+"/answers", url.Values{"_csrf": {b.csrf("/")}, "question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {"x"}})
		wantStatus(t, resp, http.StatusSeeOther, body)
		break
	}
	text := b.metrics()
	if !strings.Contains(text, `factquiz_reviews_total{source="quiz"} 1`) {
		t.Errorf("metrics do not count the quiz review:\n%s", grepLines(text, "factquiz_reviews_total"))
	}
}

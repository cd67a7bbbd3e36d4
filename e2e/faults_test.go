package e2e

// Fault injection, black-box: a real factquiz process under load from
// guests on the JSON API is killed, stopped, starved of disk space or of
// its database, and what it acknowledged is then looked up in the
// database itself.

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	// The drivers checkDatabase reads the database with, the ones
	// factquiz itself links.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"
)

// loadFlags lift the per-address limit on guests' attempt starts: the
// load is many guests on one loopback address.
var loadFlags = []string{"-guest-attempts-per-minute", "-1"}

// faultClients is how many guests load the server at once.
const faultClients = 50

// clientTimeout is how long a guest waits for a response.
const clientTimeout = 10 * time.Second

// TestKillDashNine kills the server with SIGKILL while 50 guests answer
// as fast as they can, round after round on one SQLite file: every answer
// that got a 200 must be in the database, every attempt's counts must
// match its responses, and the file must pass integrity_check. Rounds:
// FACTQUIZ_KILL_ROUNDS, default 3.
func TestKillDashNine(t *testing.T) {
	if testing.Short() {
		t.Skip("kills factquiz serve under load several times; skipped with -short")
	}
	rounds := 3
	if v := os.Getenv("FACTQUIZ_KILL_ROUNDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("FACTQUIZ_KILL_ROUNDS=%q: want a whole number of rounds, 1 or more", v)
		}
		rounds = n
	}
	bin := buildFactquiz(t)
	db := filepath.Join(t.TempDir(), "quiz.db")
	for round := 1; round <= rounds; round++ {
		s := startServer(t, bin, db, loadFlags...)
		var acked []answerKey
		if round > 1 {
			acked = append(acked, answerOnce(t, s.URL))
		}
		l := startLoad(s.URL, faultClients)
		l.waitForAnswer(t, s, time.Time{})
		time.Sleep(killDelay())
		killedAt := time.Now()
		s.cmd.Process.Kill()
		<-s.exited
		outs := l.stop()
		reportBad(t, s, fmt.Sprintf("round %d: before the kill, requests failed or got another status than 200 or 201", round), outs, func(o outcome) bool {
			return o.err != nil && o.done.Before(killedAt) || o.err == nil && !succeeded(o)
		})
		acked = append(acked, acknowledged(outs)...)
		r := checkDatabase(t, "sqlite3", sqliteDSN(db), acked)
		t.Logf("round %d/%d: %d answers acknowledged, %d checked in the database; %d attempts consistent; integrity_check %s",
			round, rounds, len(acked), r.checked, r.attempts, r.integrity)
	}
	s := startServer(t, bin, db, loadFlags...)
	answerOnce(t, s.URL)
	t.Logf("after %d kills the server starts on the file and answers", rounds)
}

// TestSigtermUnderLoad stops the server with SIGTERM under load. It must
// finish the requests in flight, among them one whose body is still
// arriving, refuse new connections, exit with status 0 within its grace
// period, and have stored every answer it acknowledged.
func TestSigtermUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("stops factquiz serve under load; skipped with -short")
	}
	const grace, slack = 5 * time.Second, 5 * time.Second
	bin := buildFactquiz(t)
	db := filepath.Join(t.TempDir(), "quiz.db")
	s := startServer(t, bin, db, append(loadFlags, "-grace", grace.String())...)
	slow := startSlowAnswer(t, s.URL)
	l := startLoad(s.URL, faultClients)
	l.waitForAnswer(t, s, time.Time{})
	time.Sleep(killDelay())

	signalled := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitRefused(t, s.URL, grace)
	slowKey := slow.finish(t)
	select {
	case <-s.exited:
	case <-time.After(grace + slack):
		t.Fatalf("factquiz serve still runs %v after SIGTERM (grace %v)\n%s", grace+slack, grace, s.log.tail())
	}
	took := time.Since(signalled)
	if s.err != nil {
		t.Errorf("factquiz serve exited with %v after SIGTERM, want status 0\n%s", s.err, s.log.tail())
	}
	outs := l.stop()
	reportBad(t, s, "got a partial response or failed otherwise than on a refused or closed connection", outs, func(o outcome) bool {
		return o.err != nil && (o.partial || !connectionEnded(o.err))
	})
	reportBad(t, s, "failed before SIGTERM", outs, func(o outcome) bool { return o.err != nil && o.done.Before(signalled) })
	reportBad(t, s, "got another status than 200 or 201", outs, func(o outcome) bool { return o.err == nil && !succeeded(o) })
	inFlight, closed := 0, 0
	for _, o := range outs {
		switch {
		case o.err != nil:
			closed++
		case o.sent.Before(signalled) && o.done.After(signalled):
			inFlight++
		}
	}
	acked := append(acknowledged(outs), slowKey)
	r := checkDatabase(t, "sqlite3", sqliteDSN(db), acked)
	t.Logf("SIGTERM: exited in %v (grace %v); %d answers acknowledged, %d checked in the database; %d requests in flight at the signal completed, and the answer whose body came after it; %d met a closed listener or connection; %d attempts consistent; integrity_check %s",
		took.Round(time.Millisecond), grace, len(acked), r.checked, inFlight, closed, r.attempts, r.integrity)
}

// TestDiskFull fills the file system under the SQLite database: answers
// must be refused with a 503 that says they could not be saved, never
// acknowledged and lost, and must succeed again once there is space,
// without a restart.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a small tmpfs and fills it; skipped with -short")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root, to mount a small tmpfs to fill")
	}
	bin := buildFactquiz(t)
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v): %s", err, bytes.TrimSpace(out))
	}
	// Registered before the server starts, so it runs after the server
	// has stopped.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	db := filepath.Join(dir, "quiz.db")
	s := startServer(t, bin, db, loadFlags...)
	g, err := newGuest(s.URL, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	var queue []pendingAnswer
	for range 4 {
		att, status, err := g.start(25)
		if err != nil || status != http.StatusCreated {
			t.Fatalf("start an attempt: status %d, %v", status, err)
		}
		for _, q := range att.Questions {
			queue = append(queue, pendingAnswer{att.ID, q})
		}
	}
	var acked []answerKey
	send := func(p pendingAnswer) (int, string) {
		t.Helper()
		status, body, err := g.answer(p.attempt, p.q)
		if err != nil {
			t.Fatalf("answer to attempt %d question %d: %v\nserver log:\n%s", p.attempt, p.q.ID, err, s.log.tail())
		}
		if status == http.StatusOK {
			acked = append(acked, answerKey{p.attempt, p.q.ID})
		}
		return status, string(body)
	}
	if status, body := send(queue[0]); status != http.StatusOK {
		t.Fatalf("the first answer, with space: status %d: %s", status, body)
	}
	queue = queue[1:]

	filler := fillFileSystem(t, dir)
	// Ten answers while the disk is full: each must be stored (200, as
	// checkDatabase checks) or refused with a 503 that says so.
	var refused []pendingAnswer
	statuses := map[string]int{}
	var wrong []string
	for _, p := range queue[:10] {
		status, body := send(p)
		statuses[fmt.Sprint(status)]++
		if status == http.StatusOK {
			continue
		}
		refused = append(refused, p)
		if status != http.StatusServiceUnavailable || !strings.Contains(strings.ToLower(errorOf(body)), "could not save") {
			wrong = append(wrong, fmt.Sprintf("%d %s", status, body))
		}
	}
	queue = queue[10:]
	if len(wrong) > 0 {
		t.Errorf("with the disk full, answers got %s; want 503 with an error saying the answer could not be saved, such as\n  %s\nthe server's first errors and warnings:\n%s",
			countList(statuses), wrong[0], s.log.errors())
	}
	if len(refused) == 0 {
		t.Fatalf("with the disk full, all 10 answers got 200: SQLite did not meet the full disk")
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	freed := time.Now()
	after := map[string]int{}
	for _, p := range refused {
		for {
			status, body := send(p)
			if status == http.StatusOK {
				break
			}
			after[fmt.Sprint(status)]++
			if status == http.StatusConflict {
				t.Errorf("an answer refused while the disk was full was stored after all: %s", body)
				break
			}
			if time.Since(freed) > 10*time.Second {
				t.Fatalf("10 s after the disk was freed, answers still fail: %d %s\nthe server's first errors and warnings:\n%s", status, body, s.log.errors())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	delete(after, fmt.Sprint(http.StatusServiceUnavailable))
	if len(after) > 0 {
		t.Errorf("after the disk was freed, answers got %s before they succeeded; want 503 until then", countList(after))
	}
	recovered := time.Since(freed)
	for _, p := range queue[:min(5, len(queue))] {
		if status, body := send(p); status != http.StatusOK {
			t.Errorf("after recovery, a new answer got %d: %s", status, body)
		}
	}
	s.stop(t)
	if s.err != nil {
		t.Errorf("factquiz serve exited with %v after SIGINT\n%s", s.err, s.log.tail())
	}
	r := checkDatabase(t, "sqlite3", sqliteDSN(db), acked)
	t.Logf("disk full: 10 answers got %s; the refused ones succeeded %v after the space was freed; %d answers acknowledged, %d checked in the database; integrity_check %s",
		countList(statuses), recovered.Round(time.Millisecond), len(acked), r.checked, r.integrity)
}

// TestPostgresRestart stops PostgreSQL under load and starts it again:
// meanwhile answers get 503 quickly, and afterwards succeed again
// without a restart of factquiz. It runs its own cluster, so that
// stopping it disturbs no other test.
func TestPostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts a PostgreSQL cluster under load; skipped with -short")
	}
	pg := startPostgres(t)
	dbURL := pg.createDatabase(t, "factquiz_faults")
	bin := buildFactquiz(t)
	s := startServer(t, bin, dbURL, loadFlags...)
	l := startLoad(s.URL, 16)
	l.waitForAnswer(t, s, time.Time{})
	time.Sleep(time.Second)

	stopping := time.Now()
	pg.ctl(t, "stop", "-m", "fast", "-w")
	down := time.Now()
	time.Sleep(2 * time.Second)
	starting := time.Now()
	pg.ctl(t, "start", "-w", "-t", "60", "-l", pg.dir+"/server.log", "-o", pg.options())
	up := time.Now()
	l.waitForAnswer(t, s, up)
	recovered := time.Since(up)
	time.Sleep(500 * time.Millisecond)
	outs := l.stop()
	s.stop(t)
	if s.err != nil {
		t.Errorf("factquiz serve exited with %v after SIGINT\n%s", s.err, s.log.tail())
	}

	during := func(o outcome) bool { return o.sent.After(down) && o.done.Before(starting) }
	// A retry that finds its answer stored (409) is an answer whose
	// commit reached PostgreSQL while the acknowledgement was lost with
	// the connection.
	ambiguous := func(o outcome) bool { return o.retry && o.status == http.StatusConflict }
	reportBad(t, s, fmt.Sprintf("got no response within the client's %v", clientTimeout), outs, func(o outcome) bool { return o.err != nil })
	reportBad(t, s, "were answered while PostgreSQL was down with another status than 503", outs, func(o outcome) bool {
		return o.err == nil && during(o) && o.status != http.StatusServiceUnavailable
	})
	reportBad(t, s, "got another status than 200, 201 or 503", outs, func(o outcome) bool {
		return o.err == nil && !during(o) && !succeeded(o) && o.status != http.StatusServiceUnavailable && !ambiguous(o)
	})
	outage, stored := map[string]int{}, 0
	for _, o := range outs {
		if during(o) {
			outage[fmt.Sprint(o.status)]++
		}
		if ambiguous(o) {
			stored++
		}
	}
	if len(outage) == 0 {
		t.Errorf("no request was sent and answered while PostgreSQL was down")
	}
	r := checkDatabase(t, "pgx", dbURL, acknowledged(outs))
	t.Logf("PostgreSQL restart: stopping took %v; requests during the outage got %s; answers succeeded again %v after the start; %d answers acknowledged, %d checked in the database; %d attempts consistent; %d answers stored though refused",
		down.Sub(stopping).Round(time.Millisecond), countList(outage), recovered.Round(time.Millisecond), len(acknowledged(outs)), r.checked, r.attempts, stored)
}

// killDelay is how long the load runs before the fault: 0.3 to 1.5 s.
func killDelay() time.Duration {
	return 300*time.Millisecond + rand.N(1200*time.Millisecond)
}

// answerKey names one answer: an attempt and one of its questions.
type answerKey struct{ attempt, question uint }

// apiQuestion is a question of a new attempt, as POST /api/attempts gives it.
type apiQuestion struct {
	ID      uint     `json:"id"`
	Type    string   `json:"type"`
	Options []string `json:"options"`
	Items   []string `json:"items"`
}

type apiAttempt struct {
	ID        uint          `json:"id"`
	Questions []apiQuestion `json:"questions"`
}

type pendingAnswer struct {
	attempt uint
	q       apiQuestion
}

// guest is one browser on the JSON API: a cookie jar of its own, and the
// CSRF token of its fq_csrf cookie to send back in a header.
type guest struct {
	hc   *http.Client
	base string
	csrf string
}

// newGuest becomes a guest of the server at base: GET /api/articles sets
// the guest and CSRF cookies.
func newGuest(base string, rt http.RoundTripper) (*guest, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	g := &guest{hc: &http.Client{Transport: rt, Jar: jar, Timeout: clientTimeout}, base: base}
	status, body, err := g.do(http.MethodGet, "/api/articles", nil)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, &statusError{status: status, body: body}
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	for _, c := range jar.Cookies(u) {
		if c.Name == "fq_csrf" {
			g.csrf = c.Value
		}
	}
	if g.csrf == "" {
		return nil, errors.New("GET /api/articles set no fq_csrf cookie")
	}
	return g, nil
}

// statusError is a guest's first request answered with another status
// than 200.
type statusError struct {
	status int
	body   []byte
}

func (e *statusError) Error() string {
	return fmt.Sprintf("GET /api/articles: %d: %s", e.status, e.body)
}

// errPartial is a response whose status came but whose body was cut
// short or is not JSON.
var errPartial = errors.New("incomplete response")

// do sends a request with a JSON body (if any) and the CSRF header, and
// reads the whole response.
func (g *guest) do(method, path string, body any) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, g.base+path, r)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-CSRF-Token", g.csrf)
	resp, err := g.hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err == nil && !json.Valid(raw) {
		err = errors.New("the body is not JSON")
	}
	if err != nil {
		return resp.StatusCode, raw, fmt.Errorf("%s %s: status %d: %w: %w", method, path, resp.StatusCode, errPartial, err)
	}
	return resp.StatusCode, raw, nil
}

// start starts an attempt of count questions on the first article.
func (g *guest) start(count int) (*apiAttempt, int, error) {
	status, body, err := g.do(http.MethodPost, "/api/attempts", map[string]any{"article_id": 1, "count": count})
	if err != nil || status != http.StatusCreated {
		return nil, status, err
	}
	var a apiAttempt
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, status, err
	}
	if len(a.Questions) == 0 {
		return nil, status, fmt.Errorf("attempt %d has no questions", a.ID)
	}
	return &a, status, nil
}

// answer sends an answer of the question's shape.
func (g *guest) answer(attempt uint, q apiQuestion) (int, []byte, error) {
	path := fmt.Sprintf("/api/attempts/%d/answers", attempt)
	return g.do(http.MethodPost, path, map[string]any{"question_id": q.ID, "answer": answerOfShape(q)})
}

// answerOfShape is an answer the question's type takes, right or wrong:
// an option picked by the question's id, so that scores vary.
func answerOfShape(q apiQuestion) any {
	switch q.Type {
	case "true_false":
		return q.ID%2 == 0
	case "ordering":
		return q.Options
	case "multiple_answer":
		if len(q.Options) > 0 {
			return q.Options[:1]
		}
	case "matching":
		pairs := make([][2]string, min(len(q.Items), len(q.Options)))
		for i := range pairs {
			pairs[i] = [2]string{q.Items[i], q.Options[i]}
		}
		return pairs
	}
	if len(q.Options) > 0 {
		return q.Options[int(q.ID)%len(q.Options)]
	}
	return "2011"
}

// errorOf is the "error" of a JSON error body.
func errorOf(body string) string {
	var e struct {
		Error string `json:"error"`
	}
	json.Unmarshal([]byte(body), &e)
	return e.Error
}

// startGuestAttempt becomes a new guest and starts an attempt of three
// questions, which must succeed.
func startGuestAttempt(t *testing.T, base string) (*guest, *apiAttempt) {
	t.Helper()
	g, err := newGuest(base, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	att, status, err := g.start(3)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("start an attempt: %d, %v", status, err)
	}
	return g, att
}

// answerOnce starts an attempt as a new guest and answers one question,
// which must get a 200.
func answerOnce(t *testing.T, base string) answerKey {
	t.Helper()
	g, att := startGuestAttempt(t, base)
	status, body, err := g.answer(att.ID, att.Questions[0])
	if err != nil || status != http.StatusOK {
		t.Fatalf("answer: %d, %v: %s", status, err, body)
	}
	return answerKey{att.ID, att.Questions[0].ID}
}

// outcome is one request of a load.
type outcome struct {
	request    string    // the request, if not an answer
	key        answerKey // the answer
	status     int       // 0 when no status came
	body       []byte
	err        error
	partial    bool // the status came, the whole body did not
	retry      bool // the answer was sent before and got a 5xx
	sent, done time.Time
}

func (o outcome) what() string {
	if o.request != "" {
		return o.request
	}
	return fmt.Sprintf("answer to attempt %d question %d", o.key.attempt, o.key.question)
}

// load is guests starting attempts and answering their questions as fast
// as they can, each in its own goroutine, until stopped or until their
// connection fails. A request refused with a 5xx is sent again.
type load struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	rt     *http.Transport
	mu     sync.Mutex
	outs   []outcome
}

func startLoad(base string, clients int) *load {
	ctx, cancel := context.WithCancel(context.Background())
	l := &load{cancel: cancel, rt: &http.Transport{MaxIdleConnsPerHost: clients}}
	for range clients {
		l.wg.Go(func() { l.run(ctx, base) })
	}
	return l
}

// run is one client: a new guest for each attempt, as each learner of a
// class is (one guest answering without end would meet the answer rate
// limit), starting attempts and answering them until ctx ends.
func (l *load) run(ctx context.Context, base string) {
	for ctx.Err() == nil {
		g, err := newGuest(base, l.rt)
		if err != nil {
			var se *statusError
			if errors.As(err, &se) && se.status >= 500 {
				// The database is away: try again shortly.
				l.record(outcome{request: "GET /api/articles", status: se.status, body: se.body, sent: time.Now(), done: time.Now()})
				time.Sleep(20 * time.Millisecond)
				continue
			}
			l.record(outcome{request: "GET /api/articles", err: err, partial: errors.Is(err, errPartial), sent: time.Now(), done: time.Now()})
			return
		}
		sent := time.Now()
		att, status, err := g.start(10)
		l.record(outcome{request: "POST /api/attempts", status: status, err: err, partial: errors.Is(err, errPartial), sent: sent, done: time.Now()})
		switch {
		case err != nil:
			return
		case status >= 500:
			time.Sleep(20 * time.Millisecond)
			continue
		case status != http.StatusCreated:
			return
		}
		retry := false
		for i := 0; i < len(att.Questions) && ctx.Err() == nil; {
			q := att.Questions[i]
			sent := time.Now()
			status, body, err := g.answer(att.ID, q)
			l.record(outcome{key: answerKey{att.ID, q.ID}, status: status, body: body, err: err, partial: errors.Is(err, errPartial),
				retry: retry, sent: sent, done: time.Now()})
			switch {
			case err != nil:
				return
			case status >= 500:
				retry = true
				time.Sleep(20 * time.Millisecond)
			default:
				retry = false
				i++
			}
		}
	}
}

func (l *load) record(o outcome) {
	l.mu.Lock()
	l.outs = append(l.outs, o)
	l.mu.Unlock()
}

// waitForAnswer waits until an answer sent after since has got a 200,
// for at most 20 s.
func (l *load) waitForAnswer(t *testing.T, s *server, since time.Time) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		for _, o := range l.outs {
			if o.request == "" && o.status == http.StatusOK && o.err == nil && o.sent.After(since) {
				l.mu.Unlock()
				return
			}
		}
		l.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	l.cancel()
	l.mu.Lock()
	sofar := map[string]int{}
	for _, o := range l.outs {
		kind := "answer"
		if o.request != "" {
			kind = o.request
		}
		if o.err != nil {
			sofar[kind+" failed"]++
		} else {
			sofar[fmt.Sprintf("%s %d", kind, o.status)]++
		}
	}
	l.mu.Unlock()
	t.Fatalf("no answer got a 200 within 20 s; the requests that ended: %s\nthe server's first errors and warnings:\n%s\nthe end of its log:\n%s",
		countList(sofar), s.log.errors(), s.log.tail())
}

// stop ends the load, waits for the requests in flight and returns every
// outcome.
func (l *load) stop() []outcome {
	l.cancel()
	l.wg.Wait()
	l.rt.CloseIdleConnections()
	return l.outs
}

// acknowledged are the answers that got a complete 200.
func acknowledged(outs []outcome) []answerKey {
	var keys []answerKey
	for _, o := range outs {
		if o.request == "" && o.err == nil && o.status == http.StatusOK {
			keys = append(keys, o.key)
		}
	}
	return keys
}

func succeeded(o outcome) bool {
	return o.status == http.StatusOK || o.status == http.StatusCreated
}

// reportBad fails the test once for the outcomes bad picks, with a count
// of each status or error, a few of them, and the first errors the
// server logged.
func reportBad(t *testing.T, s *server, what string, outs []outcome, bad func(o outcome) bool) {
	t.Helper()
	counts := map[string]int{}
	var examples []string
	n := 0
	for _, o := range outs {
		if !bad(o) {
			continue
		}
		n++
		kind := fmt.Sprintf("status %d", o.status)
		if o.err != nil {
			kind = o.err.Error()
			if i := strings.LastIndex(kind, ": "); i >= 0 {
				kind = kind[i+2:]
			}
		}
		counts[kind]++
		if len(examples) < 5 {
			examples = append(examples, fmt.Sprintf("  %s: %s %.200s", o.what(), kind, o.body))
		}
	}
	if n == 0 {
		return
	}
	t.Errorf("%d requests %s: %s; such as\n%s\nthe server's first errors and warnings:\n%s",
		n, what, countList(counts), strings.Join(examples, "\n"), s.log.errors())
}

// countList lists counts as "3 × 500, 7 × 503".
func countList(counts map[string]int) string {
	var kinds []string
	for k, c := range counts {
		kinds = append(kinds, fmt.Sprintf("%d × %s", c, k))
	}
	sort.Strings(kinds)
	return strings.Join(kinds, ", ")
}

// connectionEnded tells a request that met a closed listener or a closed
// connection from any other failure.
func connectionEnded(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.Contains(err.Error(), "server closed idle connection")
}

// waitRefused waits until the server refuses new connections.
func waitRefused(t *testing.T, base string, timeout time.Duration) {
	t.Helper()
	addr := strings.TrimPrefix(base, "http://")
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.Dial("tcp", addr)
		switch {
		case errors.Is(err, syscall.ECONNRESET):
			// The connection was in the listen queue as the listener
			// closed, and the kernel reset it: dial again, and it must
			// be refused.
		case err != nil && !errors.Is(err, syscall.ECONNREFUSED):
			t.Fatalf("dial %s after SIGTERM: %v, want connection refused", addr, err)
		case err != nil:
			return
		default:
			c.Close()
		}
		if time.Now().After(deadline) {
			t.Fatalf("factquiz still accepts connections %v after SIGTERM", timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// slowAnswer is an answer whose request is half sent: the server has
// begun reading it, so it is in flight.
type slowAnswer struct {
	conn net.Conn
	rest []byte
	key  answerKey
}

// startSlowAnswer starts an attempt as a new guest and sends the headers
// and half the body of an answer to its first question.
func startSlowAnswer(t *testing.T, base string) *slowAnswer {
	t.Helper()
	g, att := startGuestAttempt(t, base)
	q := att.Questions[0]
	body, _ := json.Marshal(map[string]any{"question_id": q.ID, "answer": answerOfShape(q)})
	u, _ := url.Parse(base)
	var cookies []string
	for _, c := range g.hc.Jar.Cookies(u) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	head := fmt.Sprintf("POST /api/attempts/%d/answers HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nX-CSRF-Token: %s\r\nCookie: %s\r\n\r\n",
		att.ID, u.Host, len(body), g.csrf, strings.Join(cookies, "; "))
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	half := len(body) / 2
	if _, err := conn.Write(append([]byte(head), body[:half]...)); err != nil {
		t.Fatal(err)
	}
	return &slowAnswer{conn: conn, rest: body[half:], key: answerKey{att.ID, q.ID}}
}

// finish sends the rest of the body; the response must be a complete 200.
func (a *slowAnswer) finish(t *testing.T) answerKey {
	t.Helper()
	a.conn.SetDeadline(time.Now().Add(clientTimeout))
	if _, err := a.conn.Write(a.rest); err != nil {
		t.Fatalf("the rest of an answer in flight at SIGTERM: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(a.conn), nil)
	if err != nil {
		t.Fatalf("the answer in flight at SIGTERM got no response: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || !json.Valid(body) {
		t.Fatalf("the answer in flight at SIGTERM: %d, %v: %s", resp.StatusCode, err, body)
	}
	return a.key
}

// fillFileSystem writes a file in dir until the file system is full and
// returns its path.
func fillFileSystem(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, size := range []int{1 << 20, 4 << 10, 1} {
		chunk := make([]byte, size)
		for {
			if _, err = f.Write(chunk); err != nil {
				break
			}
		}
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("filling %s: %v, want ENOSPC", dir, err)
		}
	}
	return path
}

func sqliteDSN(path string) string { return "file:" + path + "?_busy_timeout=10000" }

// dbReport is what checkDatabase found.
type dbReport struct {
	checked   int    // acknowledged answers found in responses
	attempts  int    // attempts whose counts match their responses
	integrity string // SQLite's integrity_check, or "-" on PostgreSQL
}

// checkDatabase opens the database as it is (with the drivers imported
// above) and checks that every acknowledged answer is stored
// and that no attempt is half-written: its answered, score and marks
// are the count, the right ones and the credit of its responses, and it
// is finished exactly when every question is answered.
func checkDatabase(t *testing.T, driver, dsn string, acked []answerKey) dbReport {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := dbReport{integrity: "-"}
	stored := map[answerKey]bool{}
	rows, err := db.Query("SELECT attempt_id, question_id FROM responses")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k answerKey
		if err := rows.Scan(&k.attempt, &k.question); err != nil {
			t.Fatal(err)
		}
		stored[k] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var missing []answerKey
	for _, k := range acked {
		if stored[k] {
			r.checked++
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d answers that got 200 are not in responses, such as attempt %d question %d",
			len(missing), len(acked), missing[0].attempt, missing[0].question)
	}

	rows, err = db.Query(`SELECT a.id, a.total, a.answered, a.score, a.marks, a.finished_at IS NOT NULL,
		COUNT(r.id), COALESCE(SUM(CASE WHEN r.correct THEN 1 ELSE 0 END), 0), COALESCE(SUM(r.credit), 0)
		FROM attempts a LEFT JOIN responses r ON r.attempt_id = a.id
		GROUP BY a.id, a.total, a.answered, a.score, a.marks, a.finished_at ORDER BY a.id`)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for rows.Next() {
		var id, total, answered, score, responses, right int
		var marks, credit float64
		var finished bool
		if err := rows.Scan(&id, &total, &answered, &score, &marks, &finished, &responses, &right, &credit); err != nil {
			t.Fatal(err)
		}
		if answered != responses || score != right || math.Abs(marks-credit) > 1e-9 || finished != (answered == total) {
			bad = append(bad, fmt.Sprintf("attempt %d: answered %d, score %d, marks %g, finished %v, of %d; its responses: %d, %d right, credit %g",
				id, answered, score, marks, finished, total, responses, right, credit))
			continue
		}
		r.attempts++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Errorf("%d attempts do not match their responses:\n%s", len(bad), strings.Join(bad[:min(10, len(bad))], "\n"))
	}
	if driver == "sqlite3" {
		if err := db.QueryRow("PRAGMA integrity_check").Scan(&r.integrity); err != nil {
			t.Fatal(err)
		}
		if r.integrity != "ok" {
			t.Errorf("PRAGMA integrity_check: %s", r.integrity)
		}
	}
	return r
}

// pgCluster is a throwaway PostgreSQL cluster of one test, in a folder
// of its own, on a loopback port.
type pgCluster struct {
	bin  string // the folder of initdb and pg_ctl
	dir  string // the cluster's folder: data, socket, log
	port int
	// asPostgres runs commands as the postgres system user when the test
	// runs as root, which PostgreSQL refuses to run as.
	asPostgres bool
}

// startPostgres initialises and starts a cluster, stopped and deleted
// when the test ends. It skips the test when PostgreSQL's server
// programs are not installed.
func startPostgres(t *testing.T) *pgCluster {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(bins, func(i, j int) bool { return pgVersion(bins[i]) < pgVersion(bins[j]) })
	c := &pgCluster{asPostgres: os.Geteuid() == 0}
	for _, b := range bins {
		if fileExists(filepath.Join(b, "initdb")) && fileExists(filepath.Join(b, "pg_ctl")) {
			c.bin = b
		}
	}
	if c.bin == "" {
		t.Skip("PostgreSQL's server programs are not installed (no /usr/lib/postgresql/*/bin/initdb and pg_ctl)")
	}
	// Not t.TempDir: its parent folders are closed to the postgres user.
	dir, err := os.MkdirTemp("", "factquiz-faults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	if c.asPostgres {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("running as root, and there is no postgres user to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	c.run(t, "initdb", "-D", dir+"/data", "-A", "trust", "-U", "postgres")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	c.ctl(t, "start", "-w", "-t", "60", "-l", dir+"/server.log", "-o", c.options())
	// Stopping a cluster the test already stopped fails, harmlessly.
	t.Cleanup(func() { c.command("pg_ctl", "-D", dir+"/data", "-m", "immediate", "-w", "stop").Run() })
	return c
}

// options are the server's options: the port, the socket in the
// cluster's folder, loopback only.
func (c *pgCluster) options() string {
	return fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", c.port, c.dir)
}

// ctl runs pg_ctl on the cluster's data.
func (c *pgCluster) ctl(t *testing.T, args ...string) {
	t.Helper()
	if out, err := c.command("pg_ctl", append([]string{"-D", c.dir + "/data"}, args...)...).CombinedOutput(); err != nil {
		log, _ := os.ReadFile(c.dir + "/server.log")
		t.Fatalf("pg_ctl %s: %v\n%s\nserver log:\n%s", strings.Join(args, " "), err, out, log)
	}
}

// run runs one of PostgreSQL's programs; a failure fails the test.
func (c *pgCluster) run(t *testing.T, program string, args ...string) {
	t.Helper()
	if out, err := c.command(program, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", program, err, out)
	}
}

func (c *pgCluster) command(program string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, program)
	var cmd *exec.Cmd
	if c.asPostgres {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	return cmd
}

// createDatabase creates a database and returns its URL.
func (c *pgCluster) createDatabase(t *testing.T, name string) string {
	t.Helper()
	base := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/", c.port)
	db, err := sql.Open("pgx", base+"postgres?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	return base + name + "?sslmode=disable"
}

// pgVersion is the major version of a /usr/lib/postgresql/N/bin folder.
func pgVersion(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

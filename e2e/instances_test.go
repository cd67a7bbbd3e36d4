package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"factquiz/internal/testdb"
)

// TestTwoInstances runs two factquiz processes on one PostgreSQL database
// and drives one learner across both, alternating: sign up on one, start
// a quiz on the other, answer on each in turn, and see the same score and
// dashboard on both. Failed log-ins on both count towards one limit.
func TestTwoInstances(t *testing.T) {
	if os.Getenv(testdb.PostgresEnv) == "" {
		t.Skip("set " + testdb.PostgresEnv + " to a PostgreSQL URL to run two instances on it (.ci/run does)")
	}
	db, drop, err := testdb.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer drop()
	bin := buildFactquiz(t)
	a, b := startInstance(t, bin, db), startInstance(t, bin, db)

	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	// The jar keys cookies by host: both instances are 127.0.0.1, so one
	// browser holds one set of cookies for both, as behind a load balancer.
	form := func(base, page, action string, v url.Values) *http.Response {
		t.Helper()
		v.Set("_csrf", csrfOf(t, hc, base+page))
		resp, err := hc.PostForm(base+action, v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := form(a, "/signup", "/signup", url.Values{"email": {"ann@example.com"}, "name": {"Ann"}, "password": {"a long password"}})
	if resp.Request.URL.Path != "/dashboard" {
		t.Fatalf("sign-up on A ended at %s", resp.Request.URL)
	}
	// Start a quiz on B with the CSRF token of a page served by A.
	token := csrfOf(t, hc, a+"/articles/1")
	resp, err = hc.PostForm(b+"/articles/1/attempts", url.Values{"_csrf": {token}, "count": {"4"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	m := regexp.MustCompile(`/attempts/(\d+)$`).FindStringSubmatch(resp.Request.URL.Path)
	if m == nil {
		t.Fatalf("quiz on B started at %s (status %d)", resp.Request.URL, resp.StatusCode)
	}
	attempt := "/attempts/" + m[1]
	// Answer on A and B in turn.
	for i := range 4 {
		base := []string{a, b}[i%2]
		page := get(t, hc, base+attempt)
		qid := regexp.MustCompile(`name="question_id" value="(\d+)"`).FindStringSubmatch(page)
		if qid == nil {
			t.Fatalf("question %d on %s: no question\n%.1000s", i+1, base, page)
		}
		v := answerFor(page)
		v.Set("question_id", qid[1])
		resp := form(base, attempt, attempt+"/answers", v)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("answer %d on %s: status %d", i+1, base, resp.StatusCode)
		}
	}
	scoreRe := regexp.MustCompile(`\d+/4 \(\d+ %\)`)
	ra, rb := scoreRe.FindString(get(t, hc, a+attempt+"/results")), scoreRe.FindString(get(t, hc, b+attempt+"/results"))
	if ra == "" || ra != rb {
		t.Errorf("results differ: A says %q, B says %q", ra, rb)
	}
	var pa, pb map[string]any
	json.Unmarshal([]byte(get(t, hc, a+"/api/progress")), &pa)
	json.Unmarshal([]byte(get(t, hc, b+"/api/progress")), &pb)
	if fmt.Sprint(pa) != fmt.Sprint(pb) || pa["answers"] != float64(4) {
		t.Errorf("dashboards differ or miss the answers:\nA %v\nB %v", pa, pb)
	}

	// Ten failed log-ins, five on each, lock the account on both.
	other, _ := cookiejar.New(nil)
	hc2 := &http.Client{Jar: other, Timeout: 10 * time.Second}
	for i := range 10 {
		base := []string{a, b}[i%2]
		v := url.Values{"_csrf": {csrfOf(t, hc2, base+"/login")}, "email": {"ann@example.com"}, "password": {"wrong"}}
		resp, err := hc2.PostForm(base+"/login", v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d on %s: status %d", i+1, base, resp.StatusCode)
		}
	}
	v := url.Values{"_csrf": {csrfOf(t, hc2, a+"/login")}, "email": {"ann@example.com"}, "password": {"a long password"}}
	resp, err = hc2.PostForm(a+"/login", v)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the 11th log-in after 10 failures across both instances: status %d, want 429", resp.StatusCode)
	}
}

// buildFactquiz builds factquiz from this tree into a temporary folder,
// so that the tests that run it as a process run the code as it is now.
func buildFactquiz(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "factquiz")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startInstance runs factquiz serve on a free port and returns its URL;
// the process is stopped when the test ends.
func startInstance(t *testing.T, bin, db string) string {
	t.Helper()
	return startServer(t, bin, db).URL
}

// server is a factquiz serve process a test started.
type server struct {
	URL    string // where it listens, from its log
	cmd    *exec.Cmd
	log    *serverLog
	exited chan struct{} // closed once the process has exited
	err    error         // what Wait returned, once exited is closed
}

// startServer runs factquiz serve -db db, with any further flags, on a
// loopback port the kernel picks, and returns once the server has logged
// its URL. Unless the test ends it first, the process gets SIGINT when
// the test ends, and is waited for.
func startServer(t *testing.T, bin, db string, flags ...string) *server {
	t.Helper()
	args := append([]string{"serve", "-db", db, "-addr", "127.0.0.1:0"}, flags...)
	s := &server{cmd: exec.Command(bin, args...), log: newServerLog(), exited: make(chan struct{})}
	s.cmd.Stderr = s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() { s.stop(t) })
	select {
	case s.URL = <-s.log.url:
	case <-s.exited:
		t.Fatalf("factquiz serve exited at start (%v):\n%s", s.err, s.log.tail())
	case <-time.After(30 * time.Second):
		t.Fatalf("factquiz serve on %s did not start within 30 s:\n%s", db, s.log.tail())
	}
	return s
}

// stop sends SIGINT, as Ctrl-C does, and waits for the process to exit;
// one still running 30 s later is killed.
func (s *server) stop(t *testing.T) {
	if s.hasExited() {
		return
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		t.Errorf("factquiz serve did not stop within 30 s of SIGINT; killing it\n%s", s.log.tail())
		s.cmd.Process.Kill()
		<-s.exited
	}
}

func (s *server) hasExited() bool {
	select {
	case <-s.exited:
		return true
	default:
		return false
	}
}

// serverLog is a server's standard error: it keeps the last lines for
// failure messages and hands over the URL the server logs once it
// listens.
type serverLog struct {
	mu      sync.Mutex
	partial []byte
	lines   []string
	errs    []string // the first 5 lines logged at level ERROR or WARN, cut at 400 bytes
	url     chan string
	found   bool
}

const serverLogLines = 40

var servingURL = regexp.MustCompile(`factquiz is serving.*\burl=(https?://[^\s"]+)`)

func newServerLog() *serverLog { return &serverLog{url: make(chan string, 1)} }

func (l *serverLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(l.partial[:i])
		l.partial = append(l.partial[:0], l.partial[i+1:]...)
		if m := servingURL.FindStringSubmatch(line); m != nil && !l.found {
			l.found = true
			l.url <- m[1]
		}
		if (strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN")) && len(l.errs) < 5 {
			l.errs = append(l.errs, line[:min(len(line), 400)])
		}
		if len(l.lines) == serverLogLines {
			l.lines = append(l.lines[:0], l.lines[1:]...)
		}
		l.lines = append(l.lines, line)
	}
}

// tail is the end of the log, for a failure message.
func (l *serverLog) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// errors are the first lines the server logged at level ERROR or WARN:
// what it said about its failures, for a failure message.
func (l *serverLog) errors() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.errs, "\n")
}

func get(t *testing.T, hc *http.Client, u string) string {
	t.Helper()
	resp, err := hc.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// answerFor fills in a question page's form with an answer of the right
// shape: an option, true, the items in the order offered, a match for
// every item, or a typed answer.
func answerFor(page string) url.Values {
	v := url.Values{}
	selects := regexp.MustCompile(`(?s)<select[^>]*name="((?:order|match)_\d+)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(page, -1)
	optionRe := regexp.MustCompile(`<option value="([^"]+)"`)
	for k, sel := range selects {
		opts := optionRe.FindAllStringSubmatch(sel[2], -1)
		if len(opts) > 0 {
			v.Set(sel[1], opts[k%len(opts)][1])
		}
	}
	if len(selects) > 0 {
		return v
	}
	if opt := regexp.MustCompile(`name="answer" value="([^"]+)"`).FindStringSubmatch(page); opt != nil {
		v.Set("answer", htmlUnescape(opt[1]))
		return v
	}
	v.Set("answer", "2011")
	return v
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#34;", `"`).Replace(s)
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func csrfOf(t *testing.T, hc *http.Client, page string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(get(t, hc, page))
	if m == nil {
		t.Fatalf("no CSRF token on %s", page)
	}
	return m[1]
}

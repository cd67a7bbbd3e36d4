// Command seed starts quiz attempts on a running factquiz server, each as
// a separate guest, and writes the requests the wrk scripts replay.
//
// It writes two tab-separated files to -out:
//
//	answers.tsv  attempt id, question id, guest cookie, CSRF token, JSON
//	             answer body (one line per question of every answer
//	             attempt)
//	pages.tsv    attempt id, guest cookie, CSRF token (attempts left
//	             unanswered, so that their question page keeps answering
//	             200)
//
// The CSRF token is the guest's fq_csrf cookie: a script sends it back
// both as that cookie and in the X-CSRF-Token header, as factquiz asks of
// every POST that signs in by cookie.
//
// -url may list several instances that share one database, separated by
// commas. Each guest then reads GET /api/articles on one instance and
// starts its attempt on the next (guest i on instances i and i+1, round
// the list), so that every token and attempt written is known to work on
// two instances, and the attempts are spread evenly over the instances.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The cookies factquiz keeps a guest's identity and CSRF token in, and
// the header a script sends the token back in.
const (
	guestCookie = "fq_guest"
	csrfCookie  = "fq_csrf"
	csrfHeader  = "X-CSRF-Token"
)

// question is a question of a new attempt, as POST /api/attempts gives it.
type question struct {
	ID      uint     `json:"id"`
	Type    string   `json:"type"`
	Prompt  string   `json:"prompt"`
	Options []string `json:"options"`
	Items   []string `json:"items"`
}

// answerBody is the body of POST /api/attempts/{id}/answers.
type answerBody struct {
	QuestionID uint `json:"question_id"`
	Answer     any  `json:"answer"`
}

// attempt is a started attempt and the guest that owns it.
type attempt struct {
	ID        uint       `json:"id"`
	Questions []question `json:"questions"`
	Guest     string     `json:"-"` // the fq_guest cookie
	CSRF      string     `json:"-"` // the fq_csrf cookie
}

func main() {
	base := flag.String("url", "", "factquiz base URL, such as http://127.0.0.1:3000, or several separated by commas (required)")
	answerAttempts := flag.Int("answer-attempts", 1000, "attempts whose questions the answer test answers")
	pageAttempts := flag.Int("page-attempts", 200, "attempts the question-page test shows")
	article := flag.Uint("article", 1, "article to start attempts on")
	count := flag.Int("count", 10, "questions per attempt")
	workers := flag.Int("workers", 8, "attempts started at a time")
	out := flag.String("out", ".", "folder to write answers.tsv and pages.tsv to")
	flag.Parse()
	if *base == "" {
		fmt.Fprintln(os.Stderr, "seed: -url is required")
		os.Exit(2)
	}
	if err := run(*base, *out, *article, *count, *answerAttempts, *pageAttempts, *workers); err != nil {
		fmt.Fprintf(os.Stderr, "seed: %v\n", err)
		os.Exit(1)
	}
}

func run(base, out string, article uint, count, answerAttempts, pageAttempts, workers int) error {
	start := time.Now()
	bases := strings.Split(base, ",")
	for i, b := range bases {
		bases[i] = strings.TrimRight(strings.TrimSpace(b), "/")
		if bases[i] == "" {
			return fmt.Errorf("-url %q: an empty URL", base)
		}
	}
	atts, err := startAttempts(bases, article, count, answerAttempts+pageAttempts, workers)
	if err != nil {
		return err
	}
	lines, err := writeAnswers(filepath.Join(out, "answers.tsv"), atts[:answerAttempts])
	if err != nil {
		return err
	}
	if err := writePages(filepath.Join(out, "pages.tsv"), atts[answerAttempts:]); err != nil {
		return err
	}
	fmt.Printf("seed: %d attempts in %.1fs: %d answer lines, %d question pages\n",
		len(atts), time.Since(start).Seconds(), lines, pageAttempts)
	if len(bases) > 1 {
		fmt.Printf("seed: each guest got its token on one of %d instances and started its attempt on the next\n", len(bases))
	}
	return nil
}

// startAttempts starts n attempts with a few workers and returns them in
// the order they were asked for. Attempt i reads its token on bases[i]
// and starts on the next base.
func startAttempts(bases []string, article uint, count, n, workers int) ([]attempt, error) {
	transport := &http.Transport{MaxIdleConnsPerHost: workers}
	atts := make([]attempt, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				get, post := bases[i%len(bases)], bases[(i+1)%len(bases)]
				a, err := startAttempt(transport, get, post, article, count)
				if err != nil {
					errs[i] = fmt.Errorf("attempt %d of %d: %w", i+1, n, err)
					continue
				}
				atts[i] = *a
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return atts, errors.Join(errs...)
}

// startAttempt starts one attempt as a new guest, with a cookie jar of its
// own: a GET to get gives it its guest and CSRF cookies, then the POST to
// post (the same server or another instance on the same database) sends
// the CSRF token back in its header. A cookie jar ignores ports, so the
// cookies of one loopback instance go to the other, as they would behind
// a load balancer.
func startAttempt(transport http.RoundTripper, get, post string, article uint, count int) (*attempt, error) {
	u, err := url.Parse(get)
	if err != nil {
		return nil, err
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Transport: transport, Jar: jar, Timeout: 30 * time.Second}
	if _, err := call(client, http.MethodGet, get+"/api/articles", "", nil, http.StatusOK); err != nil {
		return nil, err
	}
	token := cookie(jar, u, csrfCookie)
	if token == "" {
		return nil, fmt.Errorf("GET /api/articles set no %s cookie", csrfCookie)
	}
	body, err := json.Marshal(map[string]any{"article_id": article, "count": count})
	if err != nil {
		return nil, err
	}
	raw, err := call(client, http.MethodPost, post+"/api/attempts", token, body, http.StatusCreated)
	if err != nil {
		return nil, err
	}
	var a attempt
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("POST /api/attempts: %w", err)
	}
	a.Guest, a.CSRF = cookie(jar, u, guestCookie), cookie(jar, u, csrfCookie)
	if a.Guest == "" || a.CSRF == "" {
		return nil, fmt.Errorf("POST /api/attempts left no %s or no %s cookie", guestCookie, csrfCookie)
	}
	return &a, nil
}

// call sends a request, with a JSON body and the CSRF header when they
// are given, and returns the response body if the status is want.
func call(client *http.Client, method, target, token string, body []byte, want int) ([]byte, error) {
	req, err := http.NewRequest(method, target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set(csrfHeader, token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != want {
		return nil, fmt.Errorf("%s %s: %s: %s", method, req.URL.Path, resp.Status, bytes.TrimSpace(raw))
	}
	return raw, nil
}

// cookie is the value of the jar's cookie called name for u, or "".
func cookie(jar http.CookieJar, u *url.URL, name string) string {
	for _, c := range jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// answerFor is an answer of the shape the question's type takes. It need
// not be right: the benchmark measures storing and grading, not scores.
func answerFor(q question) (any, error) {
	switch q.Type {
	case "multiple_choice":
		if len(q.Options) == 0 {
			return nil, fmt.Errorf("question %d: multiple choice without options", q.ID)
		}
		return q.Options[0], nil
	case "fill_blank", "numeric":
		return "x", nil
	case "true_false":
		return true, nil
	case "ordering":
		return q.Options, nil
	case "matching":
		if len(q.Items) != len(q.Options) {
			return nil, fmt.Errorf("question %d: %d items to match with %d options", q.ID, len(q.Items), len(q.Options))
		}
		pairs := make([][2]string, len(q.Items))
		for i := range q.Items {
			pairs[i] = [2]string{q.Items[i], q.Options[i]}
		}
		return pairs, nil
	}
	return nil, fmt.Errorf("question %d: unknown type %q", q.ID, q.Type)
}

// writeAnswers writes one line per question of every attempt and returns
// how many it wrote. JSON escapes tabs and newlines, so a body never
// breaks a line.
func writeAnswers(path string, atts []attempt) (int, error) {
	return writeLines(path, func(w *bufio.Writer) (int, error) {
		n := 0
		for _, a := range atts {
			for _, q := range a.Questions {
				answer, err := answerFor(q)
				if err != nil {
					return n, fmt.Errorf("attempt %d: %w", a.ID, err)
				}
				body, err := json.Marshal(answerBody{QuestionID: q.ID, Answer: answer})
				if err != nil {
					return n, err
				}
				fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\n", a.ID, q.ID, a.Guest, a.CSRF, body)
				n++
			}
		}
		return n, nil
	})
}

// writePages writes one line per attempt for the question-page test.
func writePages(path string, atts []attempt) error {
	_, err := writeLines(path, func(w *bufio.Writer) (int, error) {
		for _, a := range atts {
			fmt.Fprintf(w, "%d\t%s\t%s\n", a.ID, a.Guest, a.CSRF)
		}
		return len(atts), nil
	})
	return err
}

func writeLines(path string, write func(*bufio.Writer) (int, error)) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	n, err := write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

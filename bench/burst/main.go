// Command burst starts many quiz attempts on a factquiz server at the same
// instant, each as a new guest, and reports how long they took: the shape
// of a class that is told "start the quiz now". Before the burst, each
// guest reads GET /api/articles, as a browser reads a page before its
// form is sent, and so gets the CSRF token its POST must carry.
//
// -url may list several instances that share one database, separated by
// commas: guest i then reads its page and starts its attempt on instance
// i (round the list), so that the burst is split evenly, as a load
// balancer would split it, and each guest stays on one instance.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// csrfCookie is the cookie factquiz keeps the CSRF token in; csrfHeader is
// the header a script sends it back in.
const (
	csrfCookie = "fq_csrf"
	csrfHeader = "X-CSRF-Token"
)

// result is the outcome of one request.
type result struct {
	took time.Duration
	err  error
}

func main() {
	base := flag.String("url", "", "factquiz base URL, such as http://127.0.0.1:3000, or several separated by commas (required)")
	n := flag.Int("n", 250, "attempts to start at once")
	article := flag.Uint("article", 1, "article to start attempts on")
	count := flag.Int("count", 10, "questions per attempt")
	timeout := flag.Duration("timeout", 60*time.Second, "how long one request may take before it counts as failed")
	flag.Parse()
	if *base == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "burst: -url is required and -n must be at least 1")
		os.Exit(2)
	}
	body, err := json.Marshal(map[string]any{"article_id": *article, "count": *count})
	if err != nil {
		fmt.Fprintf(os.Stderr, "burst: %v\n", err)
		os.Exit(1)
	}
	var bases []string
	for b := range strings.SplitSeq(*base, ",") {
		if b = strings.TrimRight(strings.TrimSpace(b), "/"); b != "" {
			bases = append(bases, b)
		}
	}
	if len(bases) == 0 {
		fmt.Fprintln(os.Stderr, "burst: -url names no server")
		os.Exit(2)
	}
	report(os.Stdout, len(bases), fire(bases, body, *n, *timeout))
}

// fire sends n POST /api/attempts from n goroutines that all wait for one
// closed channel, so that they leave together. Goroutine i sends to
// bases[i%len(bases)].
func fire(bases []string, body []byte, n int, timeout time.Duration) []result {
	transport := &http.Transport{MaxIdleConnsPerHost: n}
	results := make([]result, n)
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := range n {
		ready.Add(1)
		base := bases[i%len(bases)]
		done.Go(func() {
			client, token, err := guest(transport, base, timeout)
			ready.Done()
			if err != nil {
				results[i] = result{err: err}
				return
			}
			<-start
			results[i] = post(client, base+"/api/attempts", token, body)
		})
	}
	ready.Wait()
	// One new connection per guest: the burst includes connecting, as it
	// would for n browsers, and not the connections the GETs left open.
	transport.CloseIdleConnections()
	close(start)
	done.Wait()
	return results
}

// guest is a new guest with a cookie jar of its own, and the CSRF token
// that GET /api/articles gave it.
func guest(transport http.RoundTripper, base string, timeout time.Duration) (*http.Client, string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, "", err
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, "", err
	}
	client := &http.Client{Transport: transport, Jar: jar, Timeout: timeout}
	resp, err := client.Get(base + "/api/articles")
	if err != nil {
		return nil, "", err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("GET /api/articles: %s", resp.Status)
	}
	for _, c := range jar.Cookies(u) {
		if c.Name == csrfCookie {
			return client, c.Value, nil
		}
	}
	return nil, "", fmt.Errorf("GET /api/articles set no %s cookie", csrfCookie)
}

// post starts one attempt and times it, body read included.
func post(client *http.Client, target, token string, body []byte) result {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return result{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(csrfHeader, token)
	began := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return result{took: time.Since(began), err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	took := time.Since(began)
	if err != nil {
		return result{took: took, err: err}
	}
	if resp.StatusCode != http.StatusCreated {
		return result{took: took, err: fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(raw))}
	}
	return result{took: took}
}

// report prints the figures bench/run.sh reads, one "name value" per
// line, latencies in milliseconds over every request, failed ones too.
func report(w io.Writer, instances int, results []result) {
	took := make([]time.Duration, len(results))
	failed, slow := 0, 0
	reasons := map[string]int{}
	for i, r := range results {
		took[i] = r.took
		if r.took > time.Second {
			slow++
		}
		if r.err != nil {
			failed++
			reasons[r.err.Error()]++
		}
	}
	slices.Sort(took)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	fmt.Fprintf(w, "burst: %d POST /api/attempts released together\n", len(results))
	fmt.Fprintf(w, "requests %d\n", len(results))
	fmt.Fprintf(w, "instances %d\n", instances)
	fmt.Fprintf(w, "failed %d\n", failed)
	fmt.Fprintf(w, "over_1s %d\n", slow)
	fmt.Fprintf(w, "min_ms %s\n", ms(took[0]))
	fmt.Fprintf(w, "median_ms %s\n", ms(percentile(took, 50)))
	fmt.Fprintf(w, "p99_ms %s\n", ms(percentile(took, 99)))
	fmt.Fprintf(w, "max_ms %s\n", ms(took[len(took)-1]))
	for reason, k := range reasons {
		fmt.Fprintf(w, "error %dx: %s\n", k, reason)
	}
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	rank := int(math.Ceil(float64(len(sorted))*p/100)) - 1
	return sorted[max(0, min(rank, len(sorted)-1))]
}

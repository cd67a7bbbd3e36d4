// Command burst starts many quiz attempts on a factquiz server at the same
// instant, each as a new guest, and reports how long they took: the shape
// of a class that is told "start the quiz now".
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
	"os"
	"slices"
	"sync"
	"time"
)

// result is the outcome of one request.
type result struct {
	took time.Duration
	err  error
}

func main() {
	base := flag.String("url", "", "factquiz base URL, such as http://127.0.0.1:3000 (required)")
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
	report(os.Stdout, fire(*base+"/api/attempts", body, *n, *timeout))
}

// fire sends n requests from n goroutines that all wait for one closed
// channel, so that they leave together.
func fire(url string, body []byte, n int, timeout time.Duration) []result {
	// One connection per guest: the burst includes connecting, as it would
	// for n browsers.
	transport := &http.Transport{MaxIdleConnsPerHost: n}
	results := make([]result, n)
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	for i := range n {
		ready.Add(1)
		done.Go(func() {
			jar, err := cookiejar.New(nil)
			if err != nil {
				results[i] = result{err: err}
				ready.Done()
				return
			}
			client := &http.Client{Transport: transport, Jar: jar, Timeout: timeout}
			ready.Done()
			<-start
			results[i] = post(client, url, body)
		})
	}
	ready.Wait()
	close(start)
	done.Wait()
	return results
}

// post starts one attempt and times it, body read included.
func post(client *http.Client, url string, body []byte) result {
	began := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
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
func report(w io.Writer, results []result) {
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

package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"sync"
	"testing"

	"factquiz/models"
)

// TestConcurrentAnswersAreStored has 50 clients, each with its own
// attempt, answer over real HTTP at once; every answer acknowledged with
// 200 must then be in the database.
func TestConcurrentAnswersAreStored(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("company_nintendo.txt")
	base := ta.serve()

	const clients = 50
	type ack struct {
		attempt, question uint
		guest             string
	}
	var (
		mu   sync.Mutex
		acks []ack
		errs []string
		wg   sync.WaitGroup
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		errs = append(errs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	for n := 0; n < clients; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			jar, _ := cookiejar.New(nil)
			hc := &http.Client{Jar: jar}
			if resp, err := hc.Get(base + "/api/articles"); err == nil { // for the guest and CSRF cookies
				resp.Body.Close()
			}
			var att struct {
				ID        uint `json:"id"`
				Questions []struct {
					ID uint `json:"id"`
				} `json:"questions"`
			}
			if status := postJSON(hc, base+"/api/attempts", map[string]any{"article_id": id, "count": 10}, &att); status != http.StatusCreated {
				fail("start: status %d", status)
				return
			}
			guest := ""
			for _, ck := range jar.Cookies(mustURL(base)) {
				if ck.Name == guestCookie {
					guest = ck.Value
				}
			}
			for _, q := range att.Questions {
				var res map[string]any
				status := postJSON(hc, fmt.Sprintf("%s/api/attempts/%d/answers", base, att.ID), map[string]any{"question_id": q.ID, "answer": "an answer"}, &res)
				switch status {
				case http.StatusOK:
					mu.Lock()
					acks = append(acks, ack{att.ID, q.ID, guest})
					mu.Unlock()
				case http.StatusUnprocessableEntity: // a true/false or list question given a string
				default:
					fail("answer: status %d %v", status, res)
				}
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d failures, first: %s", len(errs), errs[0])
	}
	if len(acks) < clients*3 {
		t.Fatalf("only %d answers acknowledged", len(acks))
	}
	for _, a := range acks {
		v, err := ta.store.GetAttempt(a.attempt, models.Owner{GuestToken: a.guest})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := v.Responses[a.question]; !ok {
			t.Errorf("acknowledged answer to question %d of attempt %d is not stored", a.question, a.attempt)
		}
	}
	t.Logf("%d clients, %d acknowledged answers, all stored", clients, len(acks))
}

// postJSON posts as a script of the API does: with the CSRF cookie's
// value in the X-CSRF-Token header.
func postJSON(hc *http.Client, url string, body, out any) int {
	data, _ := json.Marshal(body)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
	if err != nil {
		return -1
	}
	req.Header.Set("Content-Type", "application/json")
	for _, ck := range hc.Jar.Cookies(req.URL) {
		if ck.Name == "fq_csrf" {
			req.Header.Set("X-CSRF-Token", ck.Value)
		}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body).Decode(out)
	return resp.StatusCode
}

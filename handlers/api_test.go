package handlers

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"factquiz/models"
)

// rightJSON is the right answer to q in the API's JSON shape.
func rightJSON(t *testing.T, q models.Question) any {
	t.Helper()
	eq, err := q.Engine()
	if err != nil {
		t.Fatal(err)
	}
	return eq.Expected()
}

func TestAPI(t *testing.T) {
	ta := newTestApp(t)
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	a := ta.client()

	req := httptest.NewRequest(http.MethodPost, "/api/articles", strings.NewReader("= Plain Town =\n\nPlain Town was founded in 1850 by Mary Brown near Leeds. It had 300 people in 1900.\n"))
	req.Header.Set("Content-Type", "text/plain")
	resp, body := teacher.do(req)
	wantStatus(t, resp, http.StatusCreated, body)

	resp, created := teacher.postJSON("/api/articles", map[string]string{"text": string(mustRead(t, "company_nintendo.txt"))})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(created))
	if created["title"] != "Nintendo" || created["questions"].(float64) < 20 {
		t.Fatalf("created %v", created)
	}
	articleID := uint(created["id"].(float64))

	resp, bad := teacher.postJSON("/api/articles", map[string]string{"text": "= T =\n\nok.\n\x00 bad"})
	wantStatus(t, resp, http.StatusUnprocessableEntity, fmt.Sprint(bad))
	if bad["line"].(float64) != 4 || !strings.Contains(bad["error"].(string), "not text") {
		t.Errorf("422 body %v", bad)
	}

	var list []map[string]any
	resp = a.getJSON("/api/articles", &list)
	wantStatus(t, resp, http.StatusOK, "")
	if len(list) != 2 {
		t.Fatalf("list %v", list)
	}

	resp, att := a.postJSON("/api/attempts", map[string]any{"article_id": articleID, "count": 8})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(att))
	qs := att["questions"].([]any)
	if len(qs) != 8 {
		t.Fatalf("%d questions", len(qs))
	}
	for _, q := range qs {
		m := q.(map[string]any)
		if _, leaked := m["answer"]; leaked {
			t.Fatal("the attempt leaks answers")
		}
	}
	attemptID := uint(att["id"].(float64))
	v, err := ta.store.GetAttempt(attemptID, models.Owner{GuestToken: a.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/attempts/%d", attemptID)

	// Another browser can neither read nor answer it.
	other := ta.client()
	var x map[string]any
	wantStatus(t, other.getJSON(path, &x), http.StatusNotFound, "")
	resp, _ = other.postJSON(path+"/answers", map[string]any{"question_id": v.Questions[0].QuestionID, "answer": "x"})
	wantStatus(t, resp, http.StatusNotFound, "")

	right := 0
	for i, aq := range v.Questions {
		var answer any = rightJSON(t, aq.Question)
		if i%3 == 1 {
			answer = wrongJSON(answer)
		} else {
			right++
		}
		resp, res := a.postJSON(path+"/answers", map[string]any{"question_id": aq.QuestionID, "answer": answer})
		wantStatus(t, resp, http.StatusOK, fmt.Sprint(res))
		if res["correct"] != (i%3 != 1) || res["source"] == "" || res["answer"] == nil {
			t.Errorf("question %d (%s): %v", i, aq.Question.Type, res)
		}
		if i == 0 {
			resp, dup := a.postJSON(path+"/answers", map[string]any{"question_id": aq.QuestionID, "answer": answer})
			wantStatus(t, resp, http.StatusConflict, fmt.Sprint(dup))
			// A second answer is a 409 whatever its shape: the duplicate
			// is checked before the answer is read.
			resp, dup = a.postJSON(path+"/answers", map[string]any{"question_id": aq.QuestionID, "answer": map[string]any{"no": "shape"}})
			wantStatus(t, resp, http.StatusConflict, fmt.Sprint(dup))
			if msg, _ := dup["error"].(string); !strings.Contains(msg, "already been answered") {
				t.Errorf("a wrong-shaped second answer: %v", dup)
			}
		}
	}
	resp, res := a.postJSON(path+"/answers", map[string]any{"question_id": v.Questions[0].QuestionID, "answer": "x"})
	wantStatus(t, resp, http.StatusConflict, fmt.Sprint(res))
	if !strings.Contains(res["error"].(string), "finished") {
		t.Errorf("answer to a finished attempt: %v", res)
	}

	var got struct {
		ID        uint `json:"id"`
		Score     int  `json:"score"`
		Total     int  `json:"total"`
		Finished  bool `json:"finished"`
		Responses []struct {
			QuestionID uint `json:"question_id"`
			Correct    bool `json:"correct"`
			Answer     any  `json:"answer"`
		} `json:"responses"`
	}
	wantStatus(t, a.getJSON(path, &got), http.StatusOK, "")
	if got.Score != right || got.Total != 8 || !got.Finished || len(got.Responses) != 8 {
		t.Errorf("attempt %+v, want score %d", got, right)
	}
}

// wrongJSON makes a wrong answer of the same shape.
func wrongJSON(right any) any {
	switch r := right.(type) {
	case bool:
		return !r
	case []string:
		return append([]string{r[len(r)-1]}, r[:len(r)-1]...)
	case [][2]string:
		out := make([][2]string, len(r))
		for i := range r {
			out[i] = [2]string{r[i][0], r[(i+1)%len(r)][1]}
		}
		return out
	}
	return "zzzz 987654321"
}

func TestAPIBadInput(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	a := ta.client()
	_, att := a.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 3})
	path := fmt.Sprintf("/api/attempts/%v/answers", att["id"])
	v, _ := ta.store.GetAttempt(uint(att["id"].(float64)), models.Owner{GuestToken: a.cookies[guestCookie]})
	q := v.Questions[0]
	wrongShape := map[string]any{"question_id": q.QuestionID, "answer": map[string]any{"x": 1}}
	tests := []struct {
		name   string
		path   string
		body   any
		status int
	}{
		{"attempt without article", "/api/attempts", map[string]any{"count": 3}, http.StatusBadRequest},
		{"attempt of unknown article", "/api/attempts", map[string]any{"article_id": 999}, http.StatusNotFound},
		{"attempt with count 1000", "/api/attempts", map[string]any{"article_id": id, "count": 1000}, http.StatusBadRequest},
		{"answer without question", path, map[string]any{"answer": "x"}, http.StatusBadRequest},
		{"answer to a question not in the attempt", path, map[string]any{"question_id": 999999, "answer": "x"}, http.StatusNotFound},
		{"answer of the wrong shape", path, wrongShape, http.StatusUnprocessableEntity},
		{"answer to an unknown attempt", "/api/attempts/99999/answers", map[string]any{"question_id": q.QuestionID, "answer": "x"}, http.StatusNotFound},
		{"not JSON", path, "not an object", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := a.postJSON(tt.path, tt.body)
			wantStatus(t, resp, tt.status, fmt.Sprint(body))
			if msg, _ := body["error"].(string); msg == "" {
				t.Errorf("no error message: %v", body)
			}
		})
	}
	req := httptest.NewRequest(http.MethodPost, "/api/attempts", strings.NewReader("article_id=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := a.do(req)
	wantStatus(t, resp, http.StatusUnsupportedMediaType, body)
	again, _ := ta.store.GetAttempt(v.Attempt.ID, models.Owner{GuestToken: a.cookies[guestCookie]})
	if again.Answered() != 0 {
		t.Errorf("bad requests stored %d answers", again.Answered())
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := readTestArticle(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
)

const giftSample = `// Week 1
$CATEGORY: geography

::Capital:: What is the capital of Niger? {=Niamey ~Gao#Gao is in Mali. ~Bamako}

The raid took place in {~2010 =2011 ~2012}.

Niamey lies on the Niger. {T}

How many people live in Niamey, in millions? {#1.3:0.2}

Which rivers flow through Lyon? {~%50%Rhône ~%50%Saône ~%-100%Seine}

Match the countries. {=Niger -> Niamey =Mali -> Bamako =Chad -> N'Djamena}

Write about the raid. {}

A question with no right answer. {~a ~b}
`

func TestImportPreviewThenConfirm(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("teacher@example.com", models.RoleInstructor)
	before, _ := ta.store.ListQuestions(models.BankFilter{})
	token := b.csrf("/bank/import")
	resp, page := b.postMultipart("/bank/import", map[string]string{"_csrf": token, "article": fmt.Sprint(id), "format": "gift", "text": giftSample}, "", nil)
	wantStatus(t, resp, http.StatusOK, page)
	for _, want := range []string{"6 questions will be imported", "Line 16", "Line 18", "essay", "What is the capital of Niger?", `name="confirm" value="1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if after, _ := ta.store.ListQuestions(models.BankFilter{}); after.Total != before.Total {
		t.Fatal("the preview stored questions")
	}
	resp, body := b.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {fmt.Sprint(id)}, "format": {"gift"}, "confirm": {"1"}, "text": {giftSample}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	imported, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: id, Origin: models.OriginImported})
	if imported.Total != 6 {
		t.Fatalf("%d questions imported, want 6", imported.Total)
	}
	for _, q := range imported.Questions {
		if q.Status != models.StatusApproved || len(q.Tags) == 0 {
			t.Errorf("imported %q: status %s, tags %v", q.Prompt, q.Status, q.Tags)
		}
	}

	// Export them as GIFT and CSV and read them back: the same questions.
	for _, format := range []string{"gift", "csv"} {
		resp, file := b.get(fmt.Sprintf("/bank/export?format=%s&article=%d&origin=imported", format, id))
		wantStatus(t, resp, http.StatusOK, file)
		res, err := formats.ReadQuestions(format, strings.NewReader(file))
		if err != nil || len(res.Errors) != 0 || len(res.Questions) != 6 {
			t.Fatalf("%s export read back: %v, errors %v, %d questions", format, err, res.Errors, len(res.Questions))
		}
		for i, im := range res.Questions {
			want, _ := imported.Questions[i].Engine()
			got := im.Question
			if got.Type != want.Type || got.Prompt != want.Prompt || questions.FormatAnswer(got) != questions.FormatAnswer(want) {
				t.Errorf("%s round trip %d: got %s %q %q, want %s %q %q", format, i, got.Type, got.Prompt, questions.FormatAnswer(got),
					want.Type, want.Prompt, questions.FormatAnswer(want))
			}
		}
	}

	// Bad input: no article, an unknown format, an empty text, nothing readable.
	for _, form := range []map[string]string{
		{"_csrf": token, "text": giftSample},
		{"_csrf": token, "article": fmt.Sprint(id), "format": "xml", "text": giftSample},
		{"_csrf": token, "article": fmt.Sprint(id), "format": "gift", "text": "  "},
		{"_csrf": token, "article": fmt.Sprint(id), "format": "gift", "text": "Broken {=a"},
	} {
		resp, body := b.postMultipart("/bank/import", form, "", nil)
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
		if !strings.Contains(body, `role="alert"`) {
			t.Errorf("no message for %v", form)
		}
	}
	resp, _ = b.get("/bank/export?format=xml")
	wantStatus(t, resp, http.StatusBadRequest, "")
}

func TestQuizReportPage(t *testing.T) {
	ta, teacher, ann, z := quizSetup(t, models.QuizSettings{Name: "Report quiz"}, 3)
	bob := ta.as("bob@example.com", models.RoleLearner)
	for i, l := range []*client{ann, bob} {
		resp, _ := startQuiz(t, l, z)
		loc := resp.Header.Get("Location")
		email := []string{"ann@example.com", "bob@example.com"}[i]
		v, _ := ta.store.GetAttempt(parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1]), models.Owner{UserID: currentID(t, ta, email)})
		token := l.csrf(loc)
		for j, aq := range v.Questions {
			answer := "wrong"
			if i == 0 || j == 0 { // Ann gets all right, Bob one
				answer = fmt.Sprint(rightJSON(t, aq.Question))
			}
			l.postForm(loc+"/answers", url.Values{"_csrf": {token}, "question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {answer}})
		}
	}
	path := fmt.Sprintf("/quizzes/%d/report", z.ID)
	resp, page := teacher.get(path + "?sort=score&dir=desc")
	wantStatus(t, resp, http.StatusOK, page)
	annAt, bobAt := strings.Index(page, "ann@example.com"), strings.Index(page, "bob@example.com")
	if annAt < 0 || bobAt < 0 || annAt > bobAt {
		t.Errorf("sorted by score, Ann (3/3) should come before Bob (1/3)")
	}
	for _, want := range []string{"3/3 (100 %)", "1/3 (33 %)", "Internal consistency", "Facility", "Discrimination"} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	resp, file := teacher.get(path + ".csv?sort=learner")
	wantStatus(t, resp, http.StatusOK, file)
	rows, err := csv.NewReader(bytes.NewReader([]byte(file))).ReadAll()
	if err != nil || len(rows) != 3 || rows[1][1] != "ann" || rows[2][3] != "1" {
		t.Errorf("CSV %v, %v", rows, err)
	}
	resp, _ = ann.get(path)
	wantStatus(t, resp, http.StatusForbidden, "")
}

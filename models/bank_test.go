package models

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"factquiz/questions"
)

func TestLearnersSee(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	all, _ := s.ArticleQuestions(a.ID)
	if len(all) < 20 {
		t.Fatalf("%d questions", len(all))
	}
	if _, err := s.BulkUpdate([]uint{all[0].ID, all[1].ID}, BulkApprove, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BulkUpdate([]uint{all[2].ID}, BulkRetire, ""); err != nil {
		t.Fatal(err)
	}
	if qs, _ := s.ArticleQuestions(a.ID); len(qs) != len(all)-1 {
		t.Errorf("learners see %d questions, want all but the retired one (%d)", len(qs), len(all)-1)
	}
	if err := s.SetLearnersSee(a.ID, LearnersSeeApproved); err != nil {
		t.Fatal(err)
	}
	qs, _ := s.ArticleQuestions(a.ID)
	if len(qs) != 2 || qs[0].Status != StatusApproved {
		t.Errorf("approved only: learners see %d questions", len(qs))
	}
	arts, _ := s.ListArticles()
	if arts[0].Questions != 2 {
		t.Errorf("the list counts %d questions, want 2", arts[0].Questions)
	}
	var fe FieldErrors
	if err := s.SetLearnersSee(a.ID, "some"); !errors.As(err, &fe) {
		t.Errorf("a bad setting: %v", err)
	}
	if err := s.SetLearnersSee(999, LearnersSeeAll); err != ErrNotFound {
		t.Errorf("unknown article: %v", err)
	}
}

func TestListQuestions(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	b := importTest(t, s, "company_nintendo.txt")
	page, err := s.ListQuestions(BankFilter{PerPage: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Questions) != 10 || page.Total < 40 || page.Pages != int((page.Total+9)/10) {
		t.Fatalf("page %d questions of %d, %d pages", len(page.Questions), page.Total, page.Pages)
	}
	last, _ := s.ListQuestions(BankFilter{PerPage: 10, Page: page.Pages})
	if int64((page.Pages-1)*10+len(last.Questions)) != page.Total {
		t.Errorf("the pages do not add up to %d", page.Total)
	}
	onlyB, _ := s.ListQuestions(BankFilter{ArticleID: b.ID, Type: "numeric"})
	for _, q := range onlyB.Questions {
		if q.ArticleID != b.ID || q.Type != "numeric" {
			t.Errorf("filter let through %+v", q)
		}
	}
	if onlyB.Total == 0 {
		t.Error("no numeric questions in the Nintendo article")
	}
	ids := []uint{page.Questions[0].ID, page.Questions[1].ID}
	if n, err := s.BulkUpdate(ids, BulkTag, "week 1"); err != nil || n != 2 {
		t.Fatalf("tag: %d, %v", n, err)
	}
	s.BulkUpdate(ids[:1], BulkTag, "week 1") // twice is once
	tagged, _ := s.ListQuestions(BankFilter{Tag: "week 1"})
	if tagged.Total != 2 || len(tagged.Questions[0].Tags) != 1 {
		t.Errorf("tagged %d, tags %v", tagged.Total, tagged.Questions[0].Tags)
	}
	if tags, _ := s.Tags(); len(tags) != 1 || tags[0] != "week 1" {
		t.Errorf("tags %v", tags)
	}
	s.BulkUpdate(ids[:1], BulkUntag, "WEEK 1")
	if tagged, _ := s.ListQuestions(BankFilter{Tag: "week 1"}); tagged.Total != 1 {
		t.Errorf("after untag: %d tagged", tagged.Total)
	}
	// Search matches words anywhere, and LIKE's wildcards are plain text.
	found, _ := s.ListQuestions(BankFilter{ArticleID: a.ID, Search: "Fourvière"})
	if found.Total == 0 {
		t.Error("no question mentions Fourvière")
	}
	if none, _ := s.ListQuestions(BankFilter{Search: "%_%"}); none.Total != 0 {
		t.Errorf("%q matched %d questions", "%_%", none.Total)
	}
	var fe FieldErrors
	if _, err := s.BulkUpdate(nil, BulkApprove, ""); !errors.As(err, &fe) {
		t.Errorf("no ids: %v", err)
	}
	if _, err := s.BulkUpdate(ids, "delete", ""); !errors.As(err, &fe) {
		t.Errorf("unknown action: %v", err)
	}
	if _, err := s.BulkUpdate(ids, BulkTag, " "); !errors.As(err, &fe) {
		t.Errorf("empty tag: %v", err)
	}
}

func TestRegenerateKeepsInstructorsWork(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	all, _ := s.ListQuestions(BankFilter{ArticleID: a.ID, PerPage: MaxPerPage})
	before := all.Total
	// An instructor approves one, retires one, edits one; and the engine
	// "forgets" one, as if an older version had not made it.
	s.BulkUpdate([]uint{all.Questions[0].ID}, BulkApprove, "")
	s.BulkUpdate([]uint{all.Questions[1].ID}, BulkRetire, "")
	s.w.Model(&Question{}).Where("id = ?", all.Questions[2].ID).Updates(map[string]any{"prompt": "Edited?", "origin": OriginManual})
	s.w.Delete(&Question{}, all.Questions[3].ID)

	added, err := regenerate(s, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if added != 1 {
		t.Errorf("added %d questions, want the 1 missing", added)
	}
	after, _ := s.ListQuestions(BankFilter{ArticleID: a.ID, PerPage: MaxPerPage})
	if after.Total != before {
		t.Errorf("%d questions after, %d before", after.Total, before)
	}
	byID := map[uint]Question{}
	for _, q := range after.Questions {
		byID[q.ID] = q
	}
	if byID[all.Questions[0].ID].Status != StatusApproved || byID[all.Questions[1].ID].Status != StatusRetired ||
		byID[all.Questions[2].ID].Prompt != "Edited?" {
		t.Error("regenerating undid an approval, a retirement or an edit")
	}
	if again, _ := regenerate(s, a.ID); again != 0 {
		t.Errorf("a second run added %d", again)
	}
	if _, err := regenerate(s, 999); err != ErrNotFound {
		t.Errorf("unknown article: %v", err)
	}
	if _, err := s.AddGenerated(999, nil); err != ErrNotFound {
		t.Errorf("questions added to an unknown article: %v", err)
	}
}

// regenerate runs the engine again on an article's text and adds what is
// new, as the bank's Regenerate button does.
func regenerate(s *Store, articleID uint) (int, error) {
	src, err := s.ArticleSource(articleID)
	if err != nil {
		return 0, err
	}
	g, err := questions.FromText(context.Background(), &questions.Parser{}, []byte(src), questions.Options{Count: -1})
	if err != nil {
		return 0, err
	}
	return s.AddGenerated(articleID, g.Questions)
}

// TestQuizKeepsFalseSettings: a setting left off stays off (GORM would
// put a column's default in place of a false).
func TestQuizKeepsFalseSettings(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	q, _ := s.AddQuestion(a.ID, questions.Question{Type: questions.MultipleChoice, Prompt: "Capital?",
		Options: []string{"Niamey", "Gao", "Bamako", "Agadez", "Zinder", "Maradi"}, Answer: "Niamey"}, OriginManual)
	z, err := s.CreateQuiz(1, QuizSettings{Name: "In order"})
	if err != nil {
		t.Fatal(err)
	}
	s.AddQuizQuestions(z.ID, []uint{q.ID})
	got, _ := s.GetQuiz(z.ID)
	if got.ShuffleOptions || got.ShuffleQuestions {
		t.Fatalf("stored quiz shuffles: %+v", got)
	}
	v, err := s.StartQuizAttempt(got, Owner{GuestToken: "g"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Niamey", "Gao", "Bamako", "Agadez", "Zinder", "Maradi"}; !slices.Equal(v.Questions[0].Options, want) {
		t.Errorf("options %v, want them in the author's order", v.Questions[0].Options)
	}
}

// TestBulkTagLimits: a tag added in bulk is held to a question's limits,
// its length and the number of tags, all or none, with a message that
// gives the limit; removing a tag is not.
func TestBulkTagLimits(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	tags := make([]string, questions.MaxTags)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag %d", i+1)
	}
	full, err := s.AddQuestion(a.ID, questions.Question{Type: questions.TrueFalse, Prompt: "Lyon is in France.", Truth: true, Tags: tags}, OriginManual)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := s.ListQuestions(BankFilter{ArticleID: a.ID, Origin: OriginGenerated, PerPage: 2})
	other := page.Questions[0].ID
	tagged := func(tag string) int64 {
		p, _ := s.ListQuestions(BankFilter{Tag: tag})
		return p.Total
	}

	long := strings.Repeat("é", questions.MaxTagLen+1)
	var fe FieldErrors
	if _, err := s.BulkUpdate([]uint{other}, BulkTag, long); !errors.As(err, &fe) || fe["tag"] != "A tag may be at most 100 characters long." {
		t.Errorf("a tag of %d characters: %v", questions.MaxTagLen+1, err)
	}
	if n, err := s.BulkUpdate([]uint{other}, BulkTag, long[:len(long)-len("é")]); err != nil || n != 1 {
		t.Errorf("a tag of %d characters: %d tagged, %v", questions.MaxTagLen, n, err)
	}
	if n, err := s.BulkUpdate([]uint{other}, BulkUntag, long); err != nil || n != 1 {
		t.Errorf("removing a long tag: %d, %v", n, err)
	}

	_, err = s.BulkUpdate([]uint{other, full.ID}, BulkTag, "week 1")
	want := fmt.Sprintf("Question %d already has 20 tags, and a question may have at most 20: nothing was tagged.", full.ID)
	if !errors.As(err, &fe) || fe["tag"] != want {
		t.Errorf("a 21st tag: %v, want %q", err, want)
	}
	if n := tagged("week 1"); n != 0 {
		t.Errorf("a refused bulk tag tagged %d questions", n)
	}
	// A tag the question has already is no new tag.
	if n, err := s.BulkUpdate([]uint{other, full.ID}, BulkTag, "TAG 1"); err != nil || n != 2 {
		t.Errorf("a tag the full question has: %d, %v", n, err)
	}
}

// TestQuizRuleTagLimit: a quiz's rule draws by a tag no longer than a
// question's tags may be.
func TestQuizRuleTagLimit(t *testing.T) {
	s := openTest(t)
	set := QuizSettings{Name: "By tag", RuleCount: 3, RuleTag: strings.Repeat("é", questions.MaxTagLen+1)}
	_, err := s.CreateQuiz(1, set)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe["rule_tag"] != "The tag may be at most 100 characters long." {
		t.Fatalf("a rule tag of %d characters: %v", questions.MaxTagLen+1, err)
	}
	set.RuleTag = " " + strings.Repeat("é", questions.MaxTagLen) + " "
	z, err := s.CreateQuiz(1, set)
	if err != nil {
		t.Fatal(err)
	}
	set.RuleTag += "é"
	if err := s.UpdateQuiz(z.ID, set); !errors.As(err, &fe) || fe["rule_tag"] == "" {
		t.Errorf("an update to a rule tag of %d characters: %v", questions.MaxTagLen+1, err)
	}
	if got, _ := s.GetQuiz(z.ID); got.RuleTag != strings.Repeat("é", questions.MaxTagLen) {
		t.Errorf("rule tag %q, want the %d characters trimmed", got.RuleTag, questions.MaxTagLen)
	}
}

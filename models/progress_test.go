package models

import (
	"testing"
	"time"
)

func TestStreak(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		days []string
		want int
	}{
		{"none", nil, 0},
		{"today only", []string{"2026-11-25"}, 1},
		{"yesterday still counts", []string{"2026-11-23", "2026-11-24"}, 2},
		{"broken two days ago", []string{"2026-11-20", "2026-11-21", "2026-11-23"}, 0},
		{"three to today", []string{"2026-11-01", "2026-11-23", "2026-11-24", "2026-11-25"}, 3},
		{"across a month", []string{"2026-10-31", "2026-11-01", "2026-11-02"}, 0},
	}
	for _, tt := range tests {
		if got := Streak(tt.days, now); got != tt.want {
			t.Errorf("%s: Streak = %d, want %d", tt.name, got, tt.want)
		}
	}
	if got := Streak([]string{"2026-10-31", "2026-11-01"}, time.Date(2026, 11, 1, 23, 0, 0, 0, time.UTC)); got != 2 {
		t.Errorf("across a month end: %d", got)
	}
}

// answerAll answers every question of an attempt, right where right says
// so for its position (1-based).
func answerAll(t *testing.T, s *Store, v *AttemptView, o Owner, right func(pos int) bool) {
	t.Helper()
	for _, aq := range v.Questions {
		q := aq.Question
		_, err := submit(s, v.Attempt.ID, o, aq.QuestionID, func(*AttemptQuestion) (any, error) {
			eq, err := q.Engine()
			if err != nil {
				return nil, err
			}
			if right(aq.Position) {
				return eq.Expected(), nil
			}
			return "zzzz 987654321", nil // wrong for every type: the store grades what it is given
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestProgress(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	b := importTest(t, s, "company_nintendo.txt")
	ann, _ := s.CreateUser(NewUser{Email: "ann@example.com", Password: "long enough"})
	me := Owner{UserID: ann.ID}

	first, _ := s.StartAttempt(a.ID, 4, me)
	answerAll(t, s, first, me, func(pos int) bool { return pos > 2 }) // 2 of 4: 50 %
	second, _ := s.StartAttempt(a.ID, 4, me)
	answerAll(t, s, second, me, func(int) bool { return true }) // 100 %
	third, _ := s.StartAttempt(b.ID, 5, me)
	answerAll(t, s, third, me, func(pos int) bool { return pos == 1 }) // 1 of 5
	if _, err := s.StartAttempt(b.ID, 5, me); err != nil {             // started, not answered
		t.Fatal(err)
	}
	// Another learner's work is not Ann's.
	bob, _ := s.CreateUser(NewUser{Email: "bob@example.com", Password: "long enough"})
	other, _ := s.StartAttempt(a.ID, 3, Owner{UserID: bob.ID})
	answerAll(t, s, other, Owner{UserID: bob.ID}, func(int) bool { return false })

	p, err := s.Progress(ann.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Attempts) != 4 || p.Answers != 13 || p.Correct != 2+4+1 {
		t.Fatalf("%d attempts, %d answers, %d right", len(p.Attempts), p.Answers, p.Correct)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	if len(p.Days) != 1 || p.Days[0] != today || Streak(p.Days, time.Now()) != 1 {
		t.Errorf("days %v", p.Days)
	}
	if len(p.Articles) != 2 {
		t.Fatalf("%d articles", len(p.Articles))
	}
	byID := map[uint]ArticleProgress{}
	for _, ap := range p.Articles {
		byID[ap.ArticleID] = ap
	}
	lyon, nin := byID[a.ID], byID[b.ID]
	if lyon.Attempts != 2 || lyon.Finished != 2 || lyon.Best != 100 || lyon.Last != 100 {
		t.Errorf("Lyon: %+v", lyon)
	}
	if nin.Attempts != 2 || nin.Finished != 1 || nin.Best != 20 || nin.Last != 20 {
		t.Errorf("Nintendo: %+v", nin)
	}
	// Mastery counts facts, each once, by their latest answer.
	qs, _ := s.ArticleQuestions(a.ID)
	facts := map[string]bool{}
	for i := range qs {
		facts[factKey(&qs[i])] = true
	}
	mastered := map[string]bool{}
	for _, v := range []*AttemptView{first, second} {
		for _, aq := range v.Questions {
			mastered[factKey(&aq.Question)] = false
		}
	}
	for _, aq := range second.Questions {
		mastered[factKey(&aq.Question)] = true
	}
	for _, aq := range first.Questions {
		if aq.Position > 2 {
			mastered[factKey(&aq.Question)] = true
		}
	}
	want := 0
	for _, ok := range mastered {
		if ok {
			want++
		}
	}
	if lyon.Facts != len(facts) || lyon.Mastered != want || lyon.Mastery() != want*100/len(facts) {
		t.Errorf("Lyon mastery %d of %d facts, want %d of %d", lyon.Mastered, lyon.Facts, want, len(facts))
	}
	// Weak spots: every missed question, still-wrong ones first.
	if len(p.Weak) == 0 || len(p.Weak) > maxWeakSpots {
		t.Fatalf("%d weak spots", len(p.Weak))
	}
	seenRight := false
	for _, w := range p.Weak {
		if w.Misses == 0 || w.Tries < w.Misses || w.ArticleTitle == "" {
			t.Errorf("weak spot %+v", w)
		}
		if w.LastRight {
			seenRight = true
		} else if seenRight {
			t.Error("a weak spot answered wrong last comes after one answered right")
		}
	}
}

func TestLearners(t *testing.T) {
	s := openTest(t)
	a := importTest(t, s, "city_lyon.txt")
	ann, _ := s.CreateUser(NewUser{Email: "ann@example.com", Name: "Ann", Password: "long enough"})
	s.CreateUser(NewUser{Email: "zed@example.com", Name: "Zed", Password: "long enough"})
	s.CreateUser(NewUser{Email: "teacher@example.com", Password: "long enough", Role: RoleInstructor})
	v, _ := s.StartAttempt(a.ID, 3, Owner{UserID: ann.ID})
	answerAll(t, s, v, Owner{UserID: ann.ID}, func(pos int) bool { return pos != 2 })
	ls, err := s.Learners()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 2 || ls[0].User.Name != "Ann" || ls[1].User.Name != "Zed" {
		t.Fatalf("learners %+v: want Ann and Zed, not the instructor", ls)
	}
	if l := ls[0]; l.Attempts != 1 || l.Answers != 3 || l.Correct != 2 || len(l.Days) != 1 || l.LastStudied.IsZero() {
		t.Errorf("Ann: %+v", l)
	}
	if l := ls[1]; l.Attempts != 0 || l.Answers != 0 || !l.LastStudied.IsZero() {
		t.Errorf("Zed: %+v", l)
	}
}

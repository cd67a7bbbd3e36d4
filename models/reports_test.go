package models

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"gorm.io/gorm"

	"factquiz/stats"
)

// seedQuiz stores a quiz of n questions from the Lyon article and
// attempts of it, each answering every question right with a chance that
// grows with the attempt's ability, in one transaction of plain inserts.
func seedQuiz(tb testing.TB, s *Store, attempts, n int) uint {
	tb.Helper()
	a := importTest(tb, s, "city_lyon.txt")
	pool, _ := s.ArticleQuestions(a.ID)
	if len(pool) < n {
		tb.Fatalf("only %d questions", len(pool))
	}
	z, err := s.CreateQuiz(1, QuizSettings{Name: "Lyon", FeedbackMode: FeedbackEnd})
	if err != nil {
		tb.Fatal(err)
	}
	ids := make([]uint, n)
	for i := range ids {
		ids[i] = pool[i].ID
	}
	if _, err := s.AddQuizQuestions(z.ID, ids); err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Now().UTC()
	err = s.w.Transaction(func(tx *gorm.DB) error {
		for range attempts {
			ability := rng.Float64()
			att := Attempt{QuizID: &z.ID, ArticleID: a.ID, GuestToken: "g", Total: n, StartedAt: now, FinishedAt: &now}
			score := 0
			var aqs []AttemptQuestion
			var rs []Response
			for p, id := range ids {
				right := rng.Float64() < 0.2+0.7*ability*float64(p%5+1)/5
				credit := 0.0
				if right {
					score++
					credit = 1
				}
				aqs = append(aqs, AttemptQuestion{Position: p + 1, QuestionID: id})
				rs = append(rs, Response{QuestionID: id, Position: p + 1, Given: JSON(`"x"`), Correct: right, Credit: credit, AnsweredAt: now})
			}
			att.Score, att.Marks, att.Answered = score, float64(score), n
			if err := tx.Create(&att).Error; err != nil {
				return err
			}
			for j := range aqs {
				aqs[j].AttemptID, rs[j].AttemptID = att.ID, att.ID
			}
			if err := tx.Omit("Question").Create(&aqs).Error; err != nil {
				return err
			}
			if err := tx.Create(&rs).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return z.ID
}

func TestQuizReport(t *testing.T) {
	s := openTest(t)
	id := seedQuiz(t, s, 30, 5)
	rep, err := s.QuizReport(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Attempts) != 30 || len(rep.Questions) != 5 || len(rep.Marks) != 30 {
		t.Fatalf("%d attempts, %d questions", len(rep.Attempts), len(rep.Questions))
	}
	for i, a := range rep.Attempts {
		sum := 0.0
		for _, m := range rep.Marks[i] {
			if math.IsNaN(m) {
				t.Fatal("a question every attempt was asked is marked not asked")
			}
			sum += m
		}
		if int(sum) != a.Score || a.Learner != "Guest" {
			t.Errorf("attempt %d: marks add up to %v, score %d, learner %q", a.ID, sum, a.Score, a.Learner)
		}
	}
	items := stats.Items(stats.Results{Marks: rep.Marks})
	if len(items) != 5 || items[0].Attempts != 30 {
		t.Errorf("items %+v", items)
	}
	empty, _ := s.CreateQuiz(1, QuizSettings{Name: "Empty"})
	if rep, err := s.QuizReport(empty.ID); err != nil || len(rep.Attempts) != 0 {
		t.Errorf("empty quiz: %+v, %v", rep, err)
	}
}

// BenchmarkQuizReport reads and computes the report of a quiz with 10,000
// attempts of 20 questions: one query per table, then one pass.
func BenchmarkQuizReport(b *testing.B) {
	s := openTest(b)
	id := seedQuiz(b, s, 10_000, 20)
	b.ResetTimer()
	for b.Loop() {
		rep, err := s.QuizReport(id)
		if err != nil {
			b.Fatal(err)
		}
		r := stats.Results{Marks: rep.Marks}
		stats.Quiz(r)
		stats.Items(r)
	}
}

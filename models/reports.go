package models

import (
	"encoding/json"
	"math"
	"slices"
	"time"
)

// QuizReport is what a quiz's report is computed from: its attempts, and
// the marks of every question in each, read in one pass over the
// responses.
type QuizReport struct {
	Attempts  []ReportAttempt
	Questions []Question // every question asked in some attempt, by id
	// Marks[a][q] is attempt a's mark on Questions[q], 0 or 1; NaN when
	// the attempt was not asked it.
	Marks [][]float64
	// Chosen[a][q] is what attempt a answered to Questions[q]: the text of
	// a string answer, or else its JSON ("true"); "" for none.
	Chosen [][]string
}

// ReportAttempt is one attempt as the report lists it.
type ReportAttempt struct {
	ID         uint
	Learner    string // the learner's name, or "Guest"
	Email      string
	Score      int
	Total      int
	StartedAt  time.Time
	FinishedAt *time.Time
}

// QuizReport gathers a quiz's attempts and marks. Unanswered questions of
// an attempt count 0, as a finished attempt's score does.
func (s *Store) QuizReport(quizID uint) (*QuizReport, error) {
	rep := &QuizReport{}
	err := s.r.Table("attempts a").
		Select("a.id, COALESCE(u.name, 'Guest') AS learner, COALESCE(u.email, '') AS email, a.score, a.total, a.started_at, a.finished_at").
		Joins("LEFT JOIN users u ON u.id = a.learner_id").Where("a.quiz_id = ?", quizID).Order("a.id").Scan(&rep.Attempts).Error
	if err != nil || len(rep.Attempts) == 0 {
		return rep, err
	}
	var asked []struct {
		AttemptID  uint
		QuestionID uint
	}
	if err := s.r.Table("attempt_questions aq").Select("aq.attempt_id, aq.question_id").
		Joins("JOIN attempts a ON a.id = aq.attempt_id").Where("a.quiz_id = ?", quizID).Scan(&asked).Error; err != nil {
		return nil, err
	}
	var ids []uint
	for _, x := range asked {
		ids = append(ids, x.QuestionID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if err := s.r.Where("id IN ?", ids).Order("id").Find(&rep.Questions).Error; err != nil {
		return nil, err
	}
	col := make(map[uint]int, len(rep.Questions))
	for i, q := range rep.Questions {
		col[q.ID] = i
	}
	row := make(map[uint]int, len(rep.Attempts))
	rep.Marks = make([][]float64, len(rep.Attempts))
	rep.Chosen = make([][]string, len(rep.Attempts))
	cells := make([]float64, len(rep.Attempts)*len(rep.Questions))
	for i := range cells {
		cells[i] = math.NaN()
	}
	for i, a := range rep.Attempts {
		row[a.ID] = i
		rep.Marks[i], cells = cells[:len(rep.Questions):len(rep.Questions)], cells[len(rep.Questions):]
		rep.Chosen[i] = make([]string, len(rep.Questions))
	}
	for _, x := range asked {
		rep.Marks[row[x.AttemptID]][col[x.QuestionID]] = 0
	}
	var responses []struct {
		AttemptID  uint
		QuestionID uint
		Correct    bool
		Given      JSON
	}
	if err := s.r.Table("responses r").Select("r.attempt_id, r.question_id, r.correct, r.given").
		Joins("JOIN attempts a ON a.id = r.attempt_id").Where("a.quiz_id = ?", quizID).Scan(&responses).Error; err != nil {
		return nil, err
	}
	for _, r := range responses {
		a, q := row[r.AttemptID], col[r.QuestionID]
		if r.Correct {
			rep.Marks[a][q] = 1
		}
		var given string
		if json.Unmarshal(r.Given, &given) == nil {
			rep.Chosen[a][q] = given
		} else {
			rep.Chosen[a][q] = string(r.Given) // true or false, or a list
		}
	}
	return rep, nil
}

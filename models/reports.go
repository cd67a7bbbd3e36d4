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
	// Marks[a][q] is attempt a's mark on Questions[q], from 0 to 1 (a
	// part for partial credit); NaN when the attempt was not asked it.
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
	Marks      float64
	Total      int
	StartedAt  time.Time
	FinishedAt *time.Time
}

// givenText is an answer as the report compares it with options: the text
// of a string, or else the JSON ("true", a list).
func givenText(raw []byte) string {
	var s string
	if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// QuizReport gathers a quiz's attempts and marks. Unanswered questions of
// an attempt count 0, as a finished attempt's score does.
func (s *Store) QuizReport(quizID uint) (*QuizReport, error) {
	rep := &QuizReport{}
	err := s.r.Table("attempts a").
		Select("a.id, COALESCE(u.name, 'Guest') AS learner, COALESCE(u.email, '') AS email, a.score, a.marks, a.total, a.started_at, a.finished_at").
		Joins("LEFT JOIN users u ON u.id = a.learner_id").Where("a.quiz_id = ?", quizID).Order("a.id").Scan(&rep.Attempts).Error
	if err != nil || len(rep.Attempts) == 0 {
		return rep, err
	}
	// One read of every question asked with its answer, if any, through
	// database/sql rows: GORM's reflection would take most of the time on
	// a quiz with 10,000 attempts.
	type cell struct {
		attempt, question uint
		credit            float64
		given             []byte
	}
	var cells []cell
	rows, err := s.r.Raw(`SELECT aq.attempt_id, aq.question_id, COALESCE(r.credit, 0), r.given
		FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
		LEFT JOIN responses r ON r.attempt_id = aq.attempt_id AND r.question_id = aq.question_id
		WHERE a.quiz_id = ?`, quizID).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []uint
	for rows.Next() {
		var c cell
		if err := rows.Scan(&c.attempt, &c.question, &c.credit, &c.given); err != nil {
			return nil, err
		}
		cells = append(cells, c)
		ids = append(ids, c.question)
	}
	if err := rows.Err(); err != nil {
		return nil, err
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
	marks := make([]float64, len(rep.Attempts)*len(rep.Questions))
	for i := range marks {
		marks[i] = math.NaN()
	}
	k := len(rep.Questions)
	for i, a := range rep.Attempts {
		row[a.ID] = i
		rep.Marks[i], marks = marks[:k:k], marks[k:]
		rep.Chosen[i] = make([]string, k)
	}
	for _, c := range cells {
		a, q := row[c.attempt], col[c.question]
		rep.Marks[a][q] = c.credit
		if c.given != nil {
			rep.Chosen[a][q] = givenText(c.given)
		}
	}
	return rep, nil
}

package models

import (
	"encoding/json"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"factquiz/questions"
)

// questionRow turns an engine question into a row.
func questionRow(articleID uint, position int, q questions.Question, origin string) (Question, error) {
	raw, err := json.Marshal(q)
	if err != nil {
		return Question{}, err
	}
	var j struct {
		Answer json.RawMessage `json:"answer"`
	}
	if err := json.Unmarshal(raw, &j); err != nil {
		return Question{}, err
	}
	return Question{
		ArticleID: articleID, Key: q.ID, Position: position, Type: string(q.Type), Prompt: q.Prompt,
		Options: q.Options, Answer: JSON(j.Answer), Accepted: q.Accepted, Tolerance: q.Tolerance,
		Source: q.Source, Section: q.Section, Kind: string(q.Kind), Score: q.Score,
		Status: StatusGenerated, Origin: origin,
		Title: q.Title, Tags: q.Tags, Feedback: q.Feedback, OptionFeedback: q.OptionFeedback, Weights: q.Weights,
	}, nil
}

// Engine returns the question as the question engine sees it, for grading.
func (q Question) Engine() (questions.Question, error) {
	eq := questions.Question{
		ID: q.Key, Type: questions.Type(q.Type), Prompt: q.Prompt, Options: q.Options,
		Accepted: q.Accepted, Tolerance: q.Tolerance, Source: q.Source, Section: q.Section,
		Kind: questions.Kind(q.Kind), Score: q.Score,
		Title: q.Title, Tags: q.Tags, Feedback: q.Feedback, OptionFeedback: q.OptionFeedback, Weights: q.Weights,
	}
	if err := eq.UnmarshalAnswer(q.Answer); err != nil {
		return eq, fmt.Errorf("question %d: stored answer does not fit its type %s: %w", q.ID, q.Type, err)
	}
	return eq, nil
}

// Lefts returns the left-hand items of a matching question, in the order
// they are asked.
func (q Question) Lefts() []string {
	eq, err := q.Engine()
	if err != nil {
		return nil
	}
	out := make([]string, len(eq.Pairs))
	for i, p := range eq.Pairs {
		out[i] = p[0]
	}
	return out
}

// AddQuestion stores a question an instructor wrote or imported, approved
// at once: an instructor chose it.
func (s *Store) AddQuestion(articleID uint, q questions.Question, origin string) (*Question, error) {
	if _, err := s.ArticleTitle(articleID); err != nil {
		return nil, err
	}
	var row Question
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var last struct{ N int }
		if err := tx.Model(&Question{}).Select("COALESCE(MAX(position), -1) AS n").Where("article_id = ?", articleID).Scan(&last).Error; err != nil {
			return err
		}
		var err error
		if row, err = questionRow(articleID, last.N+1, q, origin); err != nil {
			return err
		}
		row.Status = StatusApproved
		if row.Key == "" {
			row.Key = origin
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return nil, err
	}
	return &row, nil
}

// UpdateQuestion replaces a question's content with an instructor's edit.
// The question becomes theirs (origin manual), so that regenerating the
// article never overwrites it; its status, article and rank stay.
func (s *Store) UpdateQuestion(id uint, q questions.Question) (*Question, error) {
	var row Question
	err := s.w.Transaction(func(tx *gorm.DB) error {
		res := tx.Limit(1).Find(&row, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		edited, err := questionRow(row.ArticleID, row.Position, q, OriginManual)
		if err != nil {
			return err
		}
		edited.ID, edited.Key, edited.Status, edited.CreatedAt = row.ID, row.Key, row.Status, row.CreatedAt
		edited.Source, edited.Section, edited.Kind, edited.Score = row.Source, row.Section, row.Kind, row.Score
		row = edited
		return tx.Save(&row).Error
	})
	if err != nil {
		return nil, err
	}
	return &row, nil
}

// GetQuestion returns a question of the bank.
func (s *Store) GetQuestion(id uint) (*Question, error) {
	var q Question
	res := s.r.Limit(1).Find(&q, id)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, ErrNotFound
	}
	return &q, nil
}

// ImportQuestions stores questions read from a file into an article, all
// or none, as imported and approved, and returns how many.
func (s *Store) ImportQuestions(articleID uint, qs []questions.Question) (int, error) {
	if _, err := s.ArticleTitle(articleID); err != nil {
		return 0, err
	}
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var last struct{ N int }
		if err := tx.Model(&Question{}).Select("COALESCE(MAX(position), -1) AS n").Where("article_id = ?", articleID).Scan(&last).Error; err != nil {
			return err
		}
		rows := make([]Question, len(qs))
		for i, q := range qs {
			row, err := questionRow(articleID, last.N+1+i, q, OriginImported)
			if err != nil {
				return err
			}
			row.Status = StatusApproved
			rows[i] = row
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.CreateInBatches(rows, 100).Error
	})
	if err != nil {
		return 0, err
	}
	return len(qs), nil
}

// QuestionsByID returns questions in the order of ids, for export.
func (s *Store) QuestionsByID(ids []uint) ([]Question, error) {
	var qs []Question
	if err := s.r.Where("id IN ?", ids).Find(&qs).Error; err != nil {
		return nil, err
	}
	pos := make(map[uint]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(qs, func(a, b Question) int { return pos[a.ID] - pos[b.ID] })
	return qs, nil
}

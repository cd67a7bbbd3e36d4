package models

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"factquiz/questions"
)

// CreateArticle stores an article, its sections and its generated
// questions in one transaction: either all of it is stored or nothing.
func (s *Store) CreateArticle(a *questions.Article, source string, qs []questions.Question) (*Article, error) {
	return s.createArticle(a, source, qs, false)
}

// ErrNotEmpty is a first article for a database that already has one.
var ErrNotEmpty = errors.New("the database already has articles")

// CreateFirstArticle is CreateArticle only if the database has no
// article yet, as one step: several instances starting together on a new
// database add the sample once. Otherwise it is ErrNotEmpty.
func (s *Store) CreateFirstArticle(a *questions.Article, source string, qs []questions.Question) (*Article, error) {
	return s.createArticle(a, source, qs, true)
}

func (s *Store) createArticle(a *questions.Article, source string, qs []questions.Question, onlyFirst bool) (*Article, error) {
	art := &Article{Title: a.Title, Source: source, Sections: sectionsOf(a)}
	err := s.w.Transaction(func(tx *gorm.DB) error {
		if onlyFirst {
			if err := s.engine.lockTable(tx, "articles"); err != nil {
				return err
			}
			var n int64
			if err := tx.Model(&Article{}).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return ErrNotEmpty
			}
		}
		if err := tx.Create(art).Error; err != nil {
			return err
		}
		rows := make([]Question, len(qs))
		for i, q := range qs {
			row, err := questionRow(art.ID, i, q, OriginGenerated)
			if err != nil {
				return err
			}
			rows[i] = row
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.CreateInBatches(rows, 100).Error
	})
	if errors.Is(err, ErrNotEmpty) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("store article %q: %w", a.Title, err)
	}
	art.Questions = len(qs)
	return art, nil
}

// sectionsOf rebuilds an article's paragraphs from its sentences.
func sectionsOf(a *questions.Article) []Section {
	out := make([]Section, 0, len(a.Sections))
	for i, sec := range a.Sections {
		var paras []string
		last := -1
		for _, s := range sec.Sentences {
			if s.Paragraph != last {
				paras = append(paras, s.Text)
				last = s.Paragraph
				continue
			}
			paras[len(paras)-1] += " " + s.Text
		}
		if i == 0 && len(paras) == 0 {
			continue // an article that starts with a heading has no lead
		}
		out = append(out, Section{Position: i, Title: sec.Title, Level: sec.Level, Paragraphs: paras})
	}
	return out
}

// ArticleCount is how many articles there are.
func (s *Store) ArticleCount() (int64, error) {
	var n int64
	err := s.r.Model(&Article{}).Count(&n).Error
	return n, err
}

// ListArticles returns every article, newest first, with the number of
// questions learners see.
func (s *Store) ListArticles() ([]Article, error) {
	var rows []struct {
		Article
		N int
	}
	err := s.r.Model(&Article{}).
		Select(`articles.id, articles.title, articles.created_at, (SELECT COUNT(*) FROM questions q WHERE q.article_id = articles.id
			AND (q.status = ? OR (q.status = ? AND articles.learners_see = ?))) AS n`, StatusApproved, StatusGenerated, LearnersSeeAll).
		Order("articles.created_at DESC, articles.id DESC").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]Article, len(rows))
	for i, r := range rows {
		out[i] = r.Article
		out[i].Questions = r.N
	}
	return out, nil
}

// GetArticle returns an article with its sections.
func (s *Store) GetArticle(id uint) (*Article, error) {
	var a Article
	err := s.r.Preload("Sections", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).First(&a, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := visible(s.r.Model(&Question{}).Where("article_id = ?", id)).
		Select("COUNT(*)").Scan(&a.Questions).Error; err != nil {
		return nil, err
	}
	return &a, nil
}

// ArticleTitle returns an article's title alone, for pages that only name
// it.
func (s *Store) ArticleTitle(id uint) (string, error) {
	var titles []string
	if err := s.r.Model(&Article{}).Where("id = ?", id).Limit(1).Pluck("title", &titles).Error; err != nil {
		return "", err
	}
	if len(titles) == 0 {
		return "", ErrNotFound
	}
	return titles[0], nil
}

// ArticleQuestions returns the questions of an article that learners see,
// best first.
func (s *Store) ArticleQuestions(articleID uint) ([]Question, error) {
	var qs []Question
	err := visible(s.r.Where("article_id = ?", articleID)).Order("position").Find(&qs).Error
	return qs, err
}

// practicable narrows visible questions to those learners may practise
// outside a quiz (an article's own attempts, its flashcards): generated
// ones that no quiz keeping its grades back (feedback at the end, or
// never) uses. A teacher's own questions, written or imported, and those
// of such a quiz are exam material, kept from anyone who is not staff
// outside the quiz.
func practicable(db *gorm.DB) *gorm.DB {
	return visible(db).Where("questions.origin = ?", OriginGenerated).
		Where("questions.id NOT IN (SELECT qq.question_id FROM quiz_questions qq JOIN quizzes z ON z.id = qq.quiz_id WHERE z.feedback_mode IN ?)",
			[]string{FeedbackEnd, FeedbackNever})
}

// PracticeQuestions returns the questions of an article that learners may
// practise (see practicable), best ranked first.
func (s *Store) PracticeQuestions(articleID uint) ([]Question, error) {
	var qs []Question
	err := practicable(s.r.Where("article_id = ?", articleID)).Order("position").Find(&qs).Error
	return qs, err
}

// SectionAnchor is the fragment that links to a section of an article
// page.
func SectionAnchor(title string) string {
	if title == "" {
		return "lead"
	}
	var b strings.Builder
	b.WriteString("s-")
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '_':
			b.WriteByte('-')
		}
	}
	return b.String()
}

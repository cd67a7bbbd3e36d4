package models

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"factquiz/questions"
)

// visible narrows a query on questions to those learners see: approved
// ones, and generated ones of articles whose instructors let learners see
// them (the default).
func visible(db *gorm.DB) *gorm.DB {
	return db.Where("(questions.status = ? OR (questions.status = ? AND EXISTS (SELECT 1 FROM articles va WHERE va.id = questions.article_id AND va.learners_see = ?)))",
		StatusApproved, StatusGenerated, LearnersSeeAll)
}

// BankFilter selects questions of the question bank.
type BankFilter struct {
	ArticleID uint   // 0: every article
	Type      string // "" for any
	Status    string
	Origin    string
	Tag       string
	Search    string // words in the prompt, the answer or the source sentence
	Page      int    // 1-based
	PerPage   int    // 0: DefaultPerPage
}

// Question bank paging.
const (
	DefaultPerPage = 50
	MaxPerPage     = 200
)

// BankPage is one page of the question bank.
type BankPage struct {
	Questions []Question
	Total     int64
	Page      int
	Pages     int
}

// ListQuestions returns a page of the questions that match f, by article
// and rank.
func (s *Store) ListQuestions(f BankFilter) (*BankPage, error) {
	q := s.r.Model(&Question{})
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	for col, v := range map[string]string{"type": f.Type, "status": f.Status, "origin": f.Origin} {
		if v != "" {
			q = q.Where(col+" = ?", v)
		}
	}
	if f.Tag != "" {
		// Tags are a JSON array of strings: match the quoted tag.
		q = q.Where("tags LIKE ? ESCAPE '\\'", "%"+likeEscape(jsonString(f.Tag))+"%")
	}
	for _, word := range strings.Fields(f.Search) {
		pat := "%" + likeEscape(word) + "%"
		q = q.Where("(prompt LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\')", pat, pat, pat)
	}
	page := &BankPage{}
	if err := q.Count(&page.Total).Error; err != nil {
		return nil, err
	}
	var per, offset int
	page.Page, page.Pages, per, offset = pageWindow(f.Page, f.PerPage, page.Total)
	err := q.Order("article_id, position, id").Limit(per).Offset(offset).Find(&page.Questions).Error
	return page, err
}

// pageWindow works out which of total rows a page shows: the page number,
// kept from 1 to the last page so that the offset can neither overflow
// nor pass the end, how many pages there are, and the rows' limit and
// offset. perPage is DefaultPerPage when 0 or less, and at most
// MaxPerPage.
func pageWindow(page, perPage int, total int64) (p, pages, limit, offset int) {
	limit = perPage
	if limit <= 0 {
		limit = DefaultPerPage
	}
	limit = min(limit, MaxPerPage)
	pages = max(1, int((total-1)/int64(limit)+1))
	p = min(max(1, page), pages)
	return p, pages, limit, (p - 1) * limit
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func jsonString(s string) string {
	b, _ := Strings{s}.Value()
	return strings.TrimSuffix(strings.TrimPrefix(b.(string), "["), "]")
}

// Bulk actions on the question bank.
const (
	BulkApprove = "approve"
	BulkRetire  = "retire"
	BulkTag     = "tag"
	BulkUntag   = "untag"
)

// BulkUpdate applies an action to questions, all or none: approve, retire,
// or add or remove a tag. A tag added is held to the limits of a question
// written by hand: questions.MaxTagLen characters, questions.MaxTags tags
// a question.
func (s *Store) BulkUpdate(ids []uint, action, tag string) (int, error) {
	if len(ids) == 0 {
		return 0, FieldErrors{"ids": "Choose at least one question."}
	}
	tag = strings.TrimSpace(tag)
	if (action == BulkTag || action == BulkUntag) && tag == "" {
		return 0, FieldErrors{"tag": "Give the tag to add or remove."}
	}
	if action == BulkTag && utf8.RuneCountInString(tag) > questions.MaxTagLen {
		return 0, FieldErrors{"tag": fmt.Sprintf("A tag may be at most %d characters long.", questions.MaxTagLen)}
	}
	n := 0
	err := s.w.Transaction(func(tx *gorm.DB) error {
		switch action {
		case BulkApprove, BulkRetire:
			status := map[string]string{BulkApprove: StatusApproved, BulkRetire: StatusRetired}[action]
			res := tx.Model(&Question{}).Where("id IN ?", ids).Update("status", status)
			n = int(res.RowsAffected)
			return res.Error
		case BulkTag, BulkUntag:
			var qs []Question
			if err := tx.Select("id, tags").Where("id IN ?", ids).Find(&qs).Error; err != nil {
				return err
			}
			for _, q := range qs {
				tags := withTag(q.Tags, tag, action == BulkTag)
				if len(tags) > questions.MaxTags && len(tags) > len(q.Tags) {
					return FieldErrors{"tag": fmt.Sprintf("Question %d already has %d tags, and a question may have at most %d: nothing was tagged.", q.ID, len(q.Tags), questions.MaxTags)}
				}
				if err := tx.Model(&Question{}).Where("id = ?", q.ID).Update("tags", tags).Error; err != nil {
					return err
				}
				n++
			}
			return nil
		}
		return FieldErrors{"action": "Choose approve, retire, tag or untag."}
	})
	return n, err
}

func withTag(tags Strings, tag string, add bool) Strings {
	out := Strings{}
	for _, t := range tags {
		if !strings.EqualFold(t, tag) {
			out = append(out, t)
		}
	}
	if add {
		out = append(out, tag)
	}
	return out
}

// SetLearnersSee sets which of an article's questions learners see.
func (s *Store) SetLearnersSee(articleID uint, see string) error {
	if see != LearnersSeeAll && see != LearnersSeeApproved {
		return FieldErrors{"learners_see": "Choose approved questions only, or approved and generated ones."}
	}
	res := s.w.Model(&Article{}).Where("id = ?", articleID).Update("learners_see", see)
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return res.Error
}

// ArticleTags lists the tags in use, for the bank's filter.
func (s *Store) Tags() ([]string, error) {
	var raw []Strings
	if err := s.r.Model(&Question{}).Where("tags <> '[]' AND tags <> ''").Distinct("tags").Pluck("tags", &raw).Error; err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, ts := range raw {
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// ArticleSource returns the text an article was added from, for the
// engine to run on again; ErrNotFound if there is no such article.
func (s *Store) ArticleSource(articleID uint) (string, error) {
	var art Article
	if err := s.r.Select("id, source").Limit(1).Find(&art, articleID).Error; err != nil {
		return "", err
	}
	if art.ID == 0 {
		return "", ErrNotFound
	}
	return art.Source, nil
}

// AddGenerated adds to an article the questions of qs, made by the engine
// run on it again, that it does not have yet, as generated. Questions
// already there keep their text, status and origin: an instructor's
// edits, approvals and retirements stay. It returns how many were added.
func (s *Store) AddGenerated(articleID uint, qs []questions.Question) (int, error) {
	if _, err := s.ArticleTitle(articleID); err != nil {
		return 0, err
	}
	added := 0
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var keys []string
		if err := tx.Model(&Question{}).Where("article_id = ?", articleID).Pluck("key", &keys).Error; err != nil {
			return err
		}
		have := make(map[string]bool, len(keys))
		for _, k := range keys {
			have[k] = true
		}
		var last struct{ N int }
		if err := tx.Model(&Question{}).Select("COALESCE(MAX(position), -1) AS n").Where("article_id = ?", articleID).Scan(&last).Error; err != nil {
			return err
		}
		var rows []Question
		for _, q := range qs {
			if have[q.ID] {
				continue
			}
			row, err := questionRow(articleID, last.N+1+len(rows), q, OriginGenerated)
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
		added = len(rows)
		if len(rows) == 0 {
			return nil
		}
		return tx.CreateInBatches(rows, 100).Error
	})
	return added, err
}

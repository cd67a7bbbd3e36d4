package models

import (
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"factquiz/questions"
)

// Errors of quizzes.
var (
	ErrQuizClosed     = errors.New("this quiz is not open")
	ErrNoAttemptsLeft = errors.New("you have used every attempt this quiz allows")
	ErrTimeUp         = errors.New("the time for this quiz is up: the answer was not counted")
	ErrQuizEnded      = errors.New("this quiz has closed: the answer was not counted, and your attempt is finished")
)

// Settings returns what an instructor set on the quiz.
func (z *Quiz) Settings() QuizSettings {
	return QuizSettings{Name: z.Name, RuleCount: z.RuleCount, RuleArticles: z.RuleArticles, RuleTag: z.RuleTag,
		ShuffleQuestions: z.ShuffleQuestions, ShuffleOptions: z.ShuffleOptions, TimeLimit: z.TimeLimit,
		AttemptsAllowed: z.AttemptsAllowed, FeedbackMode: z.FeedbackMode, OpensAt: z.OpensAt, ClosesAt: z.ClosesAt, PassMark: z.PassMark}
}

// QuizSettings is what an instructor sets on a quiz.
type QuizSettings struct {
	Name             string
	RuleCount        int
	RuleArticles     []uint
	RuleTag          string
	ShuffleQuestions bool
	ShuffleOptions   bool
	TimeLimit        int
	AttemptsAllowed  int
	FeedbackMode     string
	OpensAt          *time.Time
	ClosesAt         *time.Time
	PassMark         int
}

// Validate checks the settings, and tidies the name, the rule's tag and
// the feedback mode.
func (q *QuizSettings) Validate() FieldErrors {
	errs := FieldErrors{}
	q.Name = strings.TrimSpace(q.Name)
	switch {
	case q.Name == "":
		errs["name"] = "Give the quiz a name."
	case len([]rune(q.Name)) > 200:
		errs["name"] = "Quiz names may be at most 200 characters long."
	}
	q.RuleTag = strings.TrimSpace(q.RuleTag)
	if utf8.RuneCountInString(q.RuleTag) > questions.MaxTagLen {
		errs["rule_tag"] = fmt.Sprintf("The tag may be at most %d characters long.", questions.MaxTagLen)
	}
	if q.RuleCount < 0 || q.RuleCount > MaxAttemptSize {
		errs["rule_count"] = "A rule draws from 1 to 100 questions (0 for the questions you choose)."
	}
	if q.TimeLimit < 0 || q.TimeLimit > 24*60 {
		errs["time_limit"] = "The time limit is in minutes, from 0 (none) to 1440."
	}
	if q.AttemptsAllowed < 0 || q.AttemptsAllowed > 1000 {
		errs["attempts_allowed"] = "Attempts allowed must be from 0 (any number) to 1000."
	}
	if q.FeedbackMode == "" {
		q.FeedbackMode = FeedbackEach
	}
	if q.FeedbackMode != FeedbackEach && q.FeedbackMode != FeedbackEnd && q.FeedbackMode != FeedbackNever {
		errs["feedback_mode"] = "Feedback shows after each answer, at the end, or never."
	}
	if q.OpensAt != nil && q.ClosesAt != nil && !q.ClosesAt.After(*q.OpensAt) {
		errs["closes_at"] = "The quiz must close after it opens."
	}
	if q.PassMark < 0 || q.PassMark > 100 {
		errs["pass_mark"] = "The pass mark is a percentage from 0 (none) to 100."
	}
	return errs
}

// apply copies settings, validated, onto a quiz.
func (q *QuizSettings) apply(z *Quiz) {
	z.Name, z.RuleCount, z.RuleArticles, z.RuleTag = q.Name, q.RuleCount, Uints(q.RuleArticles), q.RuleTag
	z.ShuffleQuestions, z.ShuffleOptions, z.TimeLimit, z.AttemptsAllowed = q.ShuffleQuestions, q.ShuffleOptions, q.TimeLimit, q.AttemptsAllowed
	z.FeedbackMode, z.OpensAt, z.ClosesAt, z.PassMark = q.FeedbackMode, q.OpensAt, q.ClosesAt, q.PassMark
}

// CreateQuiz makes a quiz with a share token.
func (s *Store) CreateQuiz(ownerID uint, set QuizSettings) (*Quiz, error) {
	if errs := set.Validate(); len(errs) > 0 {
		return nil, errs
	}
	var b [12]byte
	if _, err := crand.Read(b[:]); err != nil {
		return nil, err
	}
	z := &Quiz{OwnerID: ownerID, ShareToken: hex.EncodeToString(b[:]), CreatedAt: time.Now().UTC()}
	set.apply(z)
	if err := s.w.Create(z).Error; err != nil {
		return nil, err
	}
	return z, nil
}

// UpdateQuiz changes a quiz's settings.
func (s *Store) UpdateQuiz(id uint, set QuizSettings) error {
	if errs := set.Validate(); len(errs) > 0 {
		return errs
	}
	var z Quiz
	if err := s.w.Limit(1).Find(&z, id).Error; err != nil {
		return err
	}
	if z.ID == 0 {
		return ErrNotFound
	}
	set.apply(&z)
	return s.w.Omit("Questions").Save(&z).Error
}

// GetQuiz returns a quiz with its chosen questions in order.
func (s *Store) GetQuiz(id uint) (*Quiz, error) {
	return s.findQuiz("id = ?", id)
}

// QuizByToken returns the quiz a share link names, with its chosen
// questions.
func (s *Store) QuizByToken(token string) (*Quiz, error) {
	return s.findQuiz("share_token = ?", token)
}

func (s *Store) findQuiz(where string, arg any) (*Quiz, error) {
	var z Quiz
	res := s.r.Preload("Questions", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Questions.Question").Where(where, arg).Limit(1).Find(&z)
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		return nil, ErrNotFound
	}
	return &z, nil
}

// ListQuizzes returns every quiz, newest first; openOnly keeps those open
// at now, for learners' home pages.
func (s *Store) ListQuizzes(openOnly bool, now time.Time) ([]Quiz, error) {
	q := s.r.Where("name <> ''")
	if openOnly {
		q = q.Where("(opens_at IS NULL OR opens_at <= ?) AND (closes_at IS NULL OR closes_at > ?)", now.UTC(), now.UTC())
	}
	var zs []Quiz
	err := q.Order("id DESC").Find(&zs).Error
	return zs, err
}

// AddQuizQuestions appends questions to a quiz's chosen ones, skipping any
// it has, and returns how many were added.
func (s *Store) AddQuizQuestions(quizID uint, ids []uint) (int, error) {
	added := 0
	err := s.w.Transaction(func(tx *gorm.DB) error {
		var z Quiz
		if err := tx.Limit(1).Find(&z, quizID).Error; err != nil {
			return err
		}
		if z.ID == 0 {
			return ErrNotFound
		}
		var have []uint
		if err := tx.Model(&QuizQuestion{}).Where("quiz_id = ?", quizID).Pluck("question_id", &have).Error; err != nil {
			return err
		}
		var existing int64
		if err := tx.Model(&Question{}).Where("id IN ?", ids).Count(&existing).Error; err != nil {
			return err
		}
		if int(existing) != len(dedupe(ids)) {
			return ErrNotFound
		}
		pos := len(have)
		for _, id := range dedupe(ids) {
			if slices.Contains(have, id) {
				continue
			}
			if err := tx.Create(&QuizQuestion{QuizID: quizID, QuestionID: id, Position: pos}).Error; err != nil {
				return err
			}
			pos++
			added++
		}
		return nil
	})
	return added, err
}

// RemoveQuizQuestion takes a question out of a quiz.
func (s *Store) RemoveQuizQuestion(quizID, questionID uint) error {
	res := s.w.Where("quiz_id = ? AND question_id = ?", quizID, questionID).Delete(&QuizQuestion{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return res.Error
}

func dedupe(ids []uint) []uint {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// StartQuizAttempt starts an attempt of a quiz, as GetQuiz or QuizByToken
// loaded it, for owner at now, if the quiz is open and owner has attempts
// left.
func (s *Store) StartQuizAttempt(z *Quiz, owner Owner, now time.Time) (*AttemptView, error) {
	quizID := z.ID
	if z.OpensAt != nil && now.Before(*z.OpensAt) || z.ClosesAt != nil && !now.Before(*z.ClosesAt) {
		return nil, ErrQuizClosed
	}
	picked, err := s.quizQuestions(z)
	if err != nil {
		return nil, err
	}
	if len(picked) == 0 {
		return nil, ErrNoQuestions
	}
	att := &Attempt{QuizID: &z.ID, ArticleID: picked[0].ArticleID, Total: len(picked), StartedAt: now.UTC()}
	if z.TimeLimit > 0 {
		deadline := att.StartedAt.Add(time.Duration(z.TimeLimit) * time.Minute)
		att.DeadlineAt = &deadline
	}
	owner.stamp(att)
	// Counted inside the write transaction, so that two starts at once
	// cannot both take the last attempt.
	check := func(tx *gorm.DB) error {
		if z.AttemptsAllowed == 0 {
			return nil
		}
		var locked uint
		if err := tx.Raw("SELECT id FROM quizzes WHERE id = ?"+s.engine.forUpdate(), quizID).Scan(&locked).Error; err != nil {
			return err
		}
		n, err := quizAttempts(tx, quizID, owner)
		if err == nil && int(n) >= z.AttemptsAllowed {
			err = ErrNoAttemptsLeft
		}
		return err
	}
	return s.createAttempt(att, picked, z.ShuffleOptions, check)
}

// quizQuestions draws a quiz's questions: the chosen ones (retired ones
// left out), or RuleCount drawn by its rule from the questions learners
// see.
func (s *Store) quizQuestions(z *Quiz) ([]Question, error) {
	var out []Question
	if z.RuleCount == 0 {
		for _, qq := range z.Questions {
			if qq.Question.Status != StatusRetired {
				out = append(out, qq.Question)
			}
		}
		if z.ShuffleQuestions {
			rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		}
		return out, nil
	}
	q := visible(s.r.Model(&Question{}))
	if len(z.RuleArticles) > 0 {
		q = q.Where("questions.article_id IN ?", []uint(z.RuleArticles))
	}
	if z.RuleTag != "" {
		q = q.Where("questions.tags LIKE ? ESCAPE '\\'", "%"+likeEscape(jsonString(z.RuleTag))+"%")
	}
	var pool []Question
	if err := q.Find(&pool).Error; err != nil {
		return nil, err
	}
	return pickQuestions(pool, z.RuleCount), nil
}

// QuizAttemptCount is how many attempts owner has made of a quiz.
func (s *Store) QuizAttemptCount(quizID uint, owner Owner) (int64, error) {
	return quizAttempts(s.r, quizID, owner)
}

func quizAttempts(db *gorm.DB, quizID uint, owner Owner) (int64, error) {
	q := db.Model(&Attempt{}).Where("quiz_id = ?", quizID)
	if owner.UserID != 0 {
		q = q.Where("learner_id = ?", owner.UserID)
	} else {
		q = q.Where("guest_token = ? AND learner_id IS NULL", owner.GuestToken)
	}
	var n int64
	err := q.Count(&n).Error
	return n, err
}

// QuizRules is what an attempt's pages need of its quiz.
type QuizRules struct {
	Feedback string // each, end or never
	PassMark int
	Token    string // the share token; "" for an attempt that is not of a quiz
	Name     string
}

// HidesGrades reports whether, under a quiz's feedback mode, a learner is
// kept from seeing which of an attempt's answers were right at now:
// always with feedback "never"; with "end" until the attempt is over
// (finished, or its time is up).
func HidesGrades(feedback string, a *Attempt, now time.Time) bool {
	return feedback == FeedbackNever || feedback == FeedbackEnd && a.FinishedAt == nil && !a.TimeUp(now)
}

// HidesGrades is the package's HidesGrades under these rules.
func (r QuizRules) HidesGrades(a *Attempt, now time.Time) bool {
	return HidesGrades(r.Feedback, a, now)
}

// Rules returns the rules of the quiz an attempt is of. An attempt that is
// not of a quiz shows feedback after each answer and has no pass mark.
func (s *Store) Rules(quizID *uint) (QuizRules, error) {
	r := QuizRules{Feedback: FeedbackEach}
	if quizID == nil {
		return r, nil
	}
	var z Quiz
	res := s.r.Select("feedback_mode, pass_mark, share_token, name").Limit(1).Find(&z, *quizID)
	if res.Error != nil || res.RowsAffected == 0 {
		return r, res.Error
	}
	return QuizRules{Feedback: z.FeedbackMode, PassMark: z.PassMark, Token: z.ShareToken, Name: z.Name}, nil
}

// SetDeadline moves a timed attempt's deadline, for tests and for an
// instructor granting more time.
func (s *Store) SetDeadline(attemptID uint, deadline time.Time) error {
	res := s.w.Model(&Attempt{}).Where("id = ?", attemptID).Update("deadline_at", deadline.UTC())
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return res.Error
}

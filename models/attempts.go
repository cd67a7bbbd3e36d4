package models

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"factquiz/questions"

	"gorm.io/gorm"
)

// DefaultAttemptSize is how many questions an attempt has unless asked
// otherwise.
const DefaultAttemptSize = 10

// MaxAttemptSize caps the questions of one attempt.
const MaxAttemptSize = 100

// Owner identifies who may see and answer an attempt: a signed-in
// learner, or the browser that started it as a guest (its cookie token).
type Owner struct {
	UserID     uint
	GuestToken string
}

func (o Owner) owns(a *Attempt) bool {
	if a.LearnerID != nil {
		return o.UserID != 0 && *a.LearnerID == o.UserID
	}
	// The guest cookie is a secret: compared in constant time.
	return o.UserID == 0 && o.GuestToken != "" && subtle.ConstantTimeCompare([]byte(a.GuestToken), []byte(o.GuestToken)) == 1
}

// stamp marks a new attempt as the owner's.
func (o Owner) stamp(a *Attempt) {
	if o.UserID != 0 {
		id := o.UserID
		a.LearnerID = &id
		return
	}
	a.GuestToken = o.GuestToken
}

// StartAttempt starts an attempt of count questions from an article: a
// mix of types drawn from its better questions that may be practised (see
// practicable), in random order, with options shuffled for this attempt.
func (s *Store) StartAttempt(articleID uint, count int, owner Owner) (*AttemptView, error) {
	if count <= 0 {
		count = DefaultAttemptSize
	}
	count = min(count, MaxAttemptSize)
	if _, err := s.ArticleTitle(articleID); err != nil {
		return nil, err
	}
	pool, err := s.PracticeQuestions(articleID)
	if err != nil {
		return nil, err
	}
	if len(pool) == 0 {
		return nil, ErrNoQuestions
	}
	picked := pickQuestions(pool, count)
	att := &Attempt{ArticleID: articleID, Total: len(picked), StartedAt: time.Now().UTC()}
	owner.stamp(att)
	return s.createAttempt(att, picked, true, nil)
}

// createAttempt stores a new attempt and its questions in one
// transaction, the options shuffled when shuffle is set. check, if any,
// runs first in the transaction and may refuse the attempt.
func (s *Store) createAttempt(att *Attempt, picked []Question, shuffle bool, check func(tx *gorm.DB) error) (*AttemptView, error) {
	aqs := make([]AttemptQuestion, len(picked))
	err := s.w.Transaction(func(tx *gorm.DB) error {
		if att.GuestToken != "" {
			if err := guestOpenCheck(tx, att.GuestToken, att.StartedAt); err != nil {
				return err
			}
		}
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		if err := tx.Create(att).Error; err != nil {
			return err
		}
		for i, q := range picked {
			opts := Strings(q.Options)
			if shuffle {
				opts = shuffled(q.Options)
			}
			aqs[i] = AttemptQuestion{AttemptID: att.ID, Position: i + 1, QuestionID: q.ID, Options: opts}
		}
		return tx.Omit("Question").Create(&aqs).Error
	})
	if err != nil {
		return nil, err
	}
	for i := range aqs {
		aqs[i].Question = picked[i]
	}
	return &AttemptView{Attempt: *att, Questions: aqs, Responses: map[uint]Response{}}, nil
}

// MaxGuestOpenAttempts is how many unfinished attempts one guest may have
// started in the last GuestOpenWindow: a guest who starts quiz after quiz
// without finishing them would otherwise fill the disk. Accounts are not
// bounded (the start rate limit covers them).
const (
	MaxGuestOpenAttempts = 20
	GuestOpenWindow      = 24 * time.Hour
)

// ErrTooManyOpen refuses a guest's new attempt while MaxGuestOpenAttempts
// are open.
var ErrTooManyOpen = fmt.Errorf("you have %d quizzes open as a guest, started in the last day: finish one of them, or log in, before you start another", MaxGuestOpenAttempts)

// guestOpenCheck refuses a guest's attempt when MaxGuestOpenAttempts of
// theirs are open, counted in the write transaction so that starts at
// once cannot pass it together.
func guestOpenCheck(tx *gorm.DB, token string, now time.Time) error {
	var n int64
	err := tx.Model(&Attempt{}).Where("guest_token = ? AND finished_at IS NULL AND started_at > ?", token, now.Add(-GuestOpenWindow)).
		Count(&n).Error
	if err == nil && n >= MaxGuestOpenAttempts {
		err = ErrTooManyOpen
	}
	return err
}

// pickQuestions draws n questions, favouring the better ranked with some
// chance so that a second attempt differs. The engine's Variety keeps the
// draw varied: never one fact twice (a sentence and its answer, whatever
// the type), no question that gives away another's answer, no type over
// 40 % nor kind of fact over 30 % where the pool allows. A pool too small
// for that fills up past the caps, then with questions that share an
// answer, never with a second question on one sentence.
func pickQuestions(pool []Question, n int) []Question {
	type cand struct {
		q    Question
		e    questions.Question
		rank float64
	}
	cands := make([]cand, 0, len(pool))
	for _, q := range pool {
		e, err := q.Engine()
		if err != nil {
			continue // a stored question the engine cannot read is not served
		}
		cands = append(cands, cand{q, e, q.Score + rand.Float64()*0.3})
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].rank > cands[j].rank })
	n = min(n, len(cands))
	v := questions.NewVariety(n, false)
	var out []Question
	used := map[uint]bool{}
	for pass := questions.Strict; pass <= questions.OnlySentence && len(out) < n; pass++ {
		for _, c := range cands {
			if len(out) == n {
				break
			}
			if used[c.q.ID] || !v.Fits(c.e, pass) {
				continue
			}
			used[c.q.ID] = true
			v.Add(c.e)
			out = append(out, c.q)
		}
	}
	rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func shuffled(items []string) Strings {
	if len(items) == 0 {
		return nil
	}
	out := slices.Clone(items)
	rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// AttemptView is an attempt with its questions in order and the answers
// given so far, by question id.
type AttemptView struct {
	Attempt   Attempt
	Questions []AttemptQuestion
	Responses map[uint]Response
}

// Current returns the first unanswered question, or nil when every
// question has an answer.
func (v *AttemptView) Current() *AttemptQuestion {
	for i := range v.Questions {
		if _, ok := v.Responses[v.Questions[i].QuestionID]; !ok {
			return &v.Questions[i]
		}
	}
	return nil
}

// TimeUp reports whether a timed attempt's time has run out at now.
func (a *Attempt) TimeUp(now time.Time) bool {
	return a.FinishedAt == nil && a.DeadlineAt != nil && now.After(a.DeadlineAt.Add(deadlineGrace))
}

// Answered is how many questions have an answer.
func (v *AttemptView) Answered() int { return len(v.Responses) }

// Correct is how many answers were right.
func (v *AttemptView) Correct() int {
	n := 0
	for _, r := range v.Responses {
		if r.Correct {
			n++
		}
	}
	return n
}

// Marks is the credit the answers earned: the right answers, plus the
// partial credit of questions with several right answers.
func (v *AttemptView) Marks() float64 {
	m := 0.0
	for _, r := range v.Responses {
		m += r.Credit
	}
	return m
}

// Find returns the attempt's question with this id, or nil.
func (v *AttemptView) Find(questionID uint) *AttemptQuestion {
	for i := range v.Questions {
		if v.Questions[i].QuestionID == questionID {
			return &v.Questions[i]
		}
	}
	return nil
}

// At returns the question at a 1-based position.
func (v *AttemptView) At(position int) *AttemptQuestion {
	if position < 1 || position > len(v.Questions) {
		return nil
	}
	return &v.Questions[position-1]
}

// GetAttempt loads an attempt that owner may see. An attempt that does not
// exist and one that belongs to someone else are both ErrNotFound, so that
// ids cannot be probed.
func (s *Store) GetAttempt(id uint, owner Owner) (*AttemptView, error) {
	var att Attempt
	if err := s.r.First(&att, id).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	if !owner.owns(&att) {
		return nil, ErrNotFound
	}
	v := &AttemptView{Attempt: att, Responses: map[uint]Response{}}
	if err := s.r.Preload("Question").Where("attempt_id = ?", id).Order("position").Find(&v.Questions).Error; err != nil {
		return nil, err
	}
	var rs []Response
	if err := s.r.Where("attempt_id = ?", id).Find(&rs).Error; err != nil {
		return nil, err
	}
	for _, r := range rs {
		v.Responses[r.QuestionID] = r
	}
	return v, nil
}

package models

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"factquiz/srs"
)

// Card is a learner's flashcard of a question with a typed answer: the
// front is the prompt with its blank, the back the answer. It holds the
// scheduler's state of that learner's memory of it.
type Card struct {
	ID         uint       `gorm:"primaryKey"`
	UserID     uint       `gorm:"not null;uniqueIndex:idx_card_user_question,priority:1;index:idx_card_user_due,priority:1"`
	QuestionID uint       `gorm:"not null;uniqueIndex:idx_card_user_question,priority:2"`
	Question   Question   `gorm:"constraint:OnDelete:CASCADE"`
	ArticleID  uint       `gorm:"not null;index"`
	State      srs.State  `gorm:"not null;default:0"`
	Step       int        `gorm:"not null;default:0"`
	Stability  float64    `gorm:"not null;default:0"`
	Difficulty float64    `gorm:"not null;default:0"`
	Due        time.Time  `gorm:"not null;index:idx_card_user_due,priority:2"`
	LastReview *time.Time //
	Reps       int        `gorm:"not null;default:0"`
	Lapses     int        `gorm:"not null;default:0"`
	CreatedAt  time.Time
}

// Review sources: a rating in a review session, or an answer in a quiz.
const (
	SourceReview = "review"
	SourceQuiz   = "quiz"
)

// ReviewLog is one rating of a card, kept whole so that the scheduler's
// parameters can be fitted to a learner's history later, and so that the
// last rating can be undone.
type ReviewLog struct {
	ID          uint       `gorm:"primaryKey"`
	CardID      uint       `gorm:"not null;index"`
	Card        Card       `gorm:"constraint:OnDelete:CASCADE"`
	UserID      uint       `gorm:"not null;index:idx_review_user_time,priority:1"`
	Rating      srs.Rating `gorm:"not null"`
	Source      string     `gorm:"not null"`
	ReviewedAt  time.Time  `gorm:"not null;index:idx_review_user_time,priority:2"`
	ElapsedDays int        `gorm:"not null"` // UTC days since the card's previous review
	StateBefore srs.State  `gorm:"not null"`
	StateAfter  srs.State  `gorm:"not null"`
	Before      CardState  `gorm:"type:text;not null"`
	After       CardState  `gorm:"type:text;not null"`
}

// CardState is the scheduler's view of a card, stored as JSON.
type CardState srs.Card

// Value stores the state as JSON.
func (c CardState) Value() (driver.Value, error) {
	b, err := json.Marshal(srs.Card(c))
	return string(b), err
}

// Scan reads the JSON.
func (c *CardState) Scan(src any) error {
	b, err := asBytes(src)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, (*srs.Card)(c))
}

// Errors of flashcards.
var (
	ErrNotDue        = errors.New("this card is not due yet")
	ErrNothingToUndo = errors.New("there is no rating to undo")
	ErrNewCardLimit  = errors.New("today's new cards are done: the daily limit is reached")
)

// Flashcard limits and defaults.
const (
	DefaultRetention = 0.9
	MinRetention     = 0.70
	MaxRetention     = 0.97
	DefaultNewPerDay = 20
	MaxNewPerDay     = 500
	// LearnAhead is how early a learning card may be shown when nothing
	// else is left, so that a session does not stall for a few minutes.
	LearnAhead = 20 * time.Minute
)

// cardTypes are the question types that make flashcards: the ones whose
// stem with its blank is a card's front and whose answer is its back (a
// typed answer, or the right option of a multiple choice, most of which
// are on dates since December 2026).
var cardTypes = []string{"fill_blank", "numeric", "multiple_choice"}

func (c *Card) sched() srs.Card {
	sc := srs.Card{State: c.State, Step: c.Step, Stability: c.Stability, Difficulty: c.Difficulty,
		Due: c.Due, Reps: c.Reps, Lapses: c.Lapses}
	if c.LastReview != nil {
		sc.LastReview = *c.LastReview
	}
	return sc
}

func (c *Card) apply(sc srs.Card) {
	c.State, c.Step, c.Stability, c.Difficulty = sc.State, sc.Step, sc.Stability, sc.Difficulty
	c.Due, c.Reps, c.Lapses = sc.Due.UTC(), sc.Reps, sc.Lapses
	c.LastReview = nil
	if !sc.LastReview.IsZero() {
		t := sc.LastReview.UTC()
		c.LastReview = &t
	}
}

// scheduler is the FSRS scheduler with a learner's desired retention.
func scheduler(retention float64) srs.Scheduler {
	s := srs.DefaultScheduler()
	if retention >= MinRetention && retention <= MaxRetention {
		s.DesiredRetention = retention
	}
	return s
}

// review rates a card and writes its log in tx.
func review(tx *gorm.DB, s srs.Scheduler, c *Card, r srs.Rating, now time.Time, source string) error {
	before := c.sched()
	after := s.Review(before, r, now)
	elapsed := 0
	if !before.LastReview.IsZero() {
		elapsed = max(0, int(dayOf(now).Sub(dayOf(before.LastReview)).Hours()/24))
	}
	c.apply(after)
	if err := tx.Model(c).Select("State", "Step", "Stability", "Difficulty", "Due", "LastReview", "Reps", "Lapses").Updates(c).Error; err != nil {
		return err
	}
	return tx.Create(&ReviewLog{CardID: c.ID, UserID: c.UserID, Rating: r, Source: source, ReviewedAt: now.UTC(),
		ElapsedDays: elapsed, StateBefore: before.State, StateAfter: after.State,
		Before: CardState(before), After: CardState(after)}).Error
}

// dayOf is the start of t's UTC day.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

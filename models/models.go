package models

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"time"
)

// Article is an article and the text it was parsed from.
type Article struct {
	ID        uint      `gorm:"primaryKey"`
	Title     string    `gorm:"not null"`
	Source    string    `gorm:"not null"` // the text as uploaded
	Sections  []Section `gorm:"constraint:OnDelete:CASCADE"`
	CreatedAt time.Time
	// LearnersSee says which questions quizzes draw: "all" (approved and
	// generated, the default, so that a new article works at once) or
	// "approved" (only those an instructor approved).
	LearnersSee string `gorm:"not null;default:all"`
	// Questions counts the article's questions that learners see; it is
	// filled by the queries that list articles, not stored.
	Questions int `gorm:"-"`
}

// What learners see of an article's questions.
const (
	LearnersSeeAll      = "all"
	LearnersSeeApproved = "approved"
)

// Section is one part of an article as it is shown: its heading and its
// paragraphs.
type Section struct {
	ID         uint    `gorm:"primaryKey"`
	ArticleID  uint    `gorm:"not null;index"`
	Position   int     `gorm:"not null"`
	Title      string  // "" for the lead
	Level      int     `gorm:"not null"`
	Paragraphs Strings `gorm:"type:text;not null"`
}

// Question statuses and origins.
const (
	StatusGenerated = "generated"
	StatusApproved  = "approved"
	StatusRetired   = "retired"

	OriginGenerated = "generated"
	OriginManual    = "manual"
	OriginImported  = "imported"
)

// Question is a stored question. Answer holds the answer as the engine's
// JSON writes it: a string, a boolean, a list, or a list of pairs.
type Question struct {
	ID        uint    `gorm:"primaryKey"`
	ArticleID uint    `gorm:"not null;index:idx_question_article_status,priority:1"`
	Key       string  `gorm:"not null"` // the engine's id, stable across runs
	Position  int     `gorm:"not null"` // rank within the article
	Type      string  `gorm:"not null"`
	Prompt    string  `gorm:"not null"`
	Options   Strings `gorm:"type:text"`
	Answer    JSON    `gorm:"type:text;not null"`
	Accepted  Strings `gorm:"type:text"`
	Tolerance float64
	Source    string
	Section   string
	Kind      string
	Score     float64
	Status    string `gorm:"not null;default:generated;index:idx_question_article_status,priority:2"`
	Origin    string `gorm:"not null;default:generated"`
	// What instructors add: a short title, tags, feedback shown after any
	// answer and after each option, and each option's credit in percent
	// for questions with several right answers.
	Title          string
	Tags           Strings `gorm:"type:text"`
	Feedback       string
	OptionFeedback Strings `gorm:"type:text"`
	Weights        Floats  `gorm:"type:text"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Quiz is a named quiz an instructor builds: chosen questions in their
// order, or a rule that draws RuleCount random questions from some
// articles (all of them when none is named), of one tag when RuleTag is
// set. Its settings say how attempts go.
type Quiz struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"not null"`
	OwnerID   uint   `gorm:"not null;index"`
	ArticleID *uint  `gorm:"index"` // the one article of an old "N from article X" quiz
	Count     int    `gorm:"not null;default:0"`
	// The rule, when RuleCount > 0.
	RuleCount    int
	RuleArticles Uints `gorm:"type:text"`
	RuleTag      string
	// Settings.
	ShuffleQuestions bool
	ShuffleOptions   bool
	TimeLimit        int    // minutes; 0 for none
	AttemptsAllowed  int    // 0 for any number
	FeedbackMode     string `gorm:"not null;default:each"` // each, end or never
	OpensAt          *time.Time
	ClosesAt         *time.Time
	PassMark         int            // percent; 0 for none
	ShareToken       string         `gorm:"uniqueIndex"`
	Questions        []QuizQuestion `gorm:"constraint:OnDelete:CASCADE"`
	CreatedAt        time.Time
}

// When a quiz shows whether an answer was right.
const (
	FeedbackEach  = "each"
	FeedbackEnd   = "end"
	FeedbackNever = "never"
)

// QuizQuestion is a question chosen for a quiz, at its place.
type QuizQuestion struct {
	ID         uint     `gorm:"primaryKey"`
	QuizID     uint     `gorm:"not null;uniqueIndex:idx_quiz_question,priority:1"`
	QuestionID uint     `gorm:"not null;uniqueIndex:idx_quiz_question,priority:2"`
	Question   Question `gorm:"constraint:OnDelete:CASCADE"`
	Position   int      `gorm:"not null"`
}

// Attempt is one sitting of a quiz by a learner or a guest.
type Attempt struct {
	ID         uint   `gorm:"primaryKey"`
	QuizID     *uint  `gorm:"index"`
	ArticleID  uint   `gorm:"not null;index"`
	GuestToken string `gorm:"index"` // the browser that started it, for guests
	LearnerID  *uint  `gorm:"index"`
	Total      int    `gorm:"not null"`
	Answered   int    `gorm:"not null;default:0"` // questions answered so far
	Score      int    `gorm:"not null;default:0"` // right answers so far
	// Marks is the credit earned so far: Score plus the partial credit of
	// questions with several right answers.
	Marks      float64 `gorm:"not null;default:0"`
	StartedAt  time.Time
	FinishedAt *time.Time
	// DeadlineAt is when a timed quiz's answers stop counting; nil when
	// it has no time limit.
	DeadlineAt *time.Time
}

// AttemptQuestion is a question as one attempt shows it: its place and its
// options in this attempt's order.
type AttemptQuestion struct {
	ID         uint    `gorm:"primaryKey"`
	AttemptID  uint    `gorm:"not null;uniqueIndex:idx_attempt_position,priority:1;uniqueIndex:idx_attempt_question,priority:1"`
	Position   int     `gorm:"not null;uniqueIndex:idx_attempt_position,priority:2"`
	QuestionID uint    `gorm:"not null;uniqueIndex:idx_attempt_question,priority:2"`
	Options    Strings `gorm:"type:text"`
	Question   Question
}

// Response is a learner's answer to one question of an attempt. An
// attempt takes one answer per question.
type Response struct {
	ID         uint `gorm:"primaryKey"`
	AttemptID  uint `gorm:"not null;uniqueIndex:idx_response_attempt_question,priority:1"`
	QuestionID uint `gorm:"not null;uniqueIndex:idx_response_attempt_question,priority:2;index"`
	Position   int  `gorm:"not null"`
	Given      JSON `gorm:"type:text;not null"`
	Correct    bool `gorm:"not null"`
	// Credit is the share of the question's mark earned, from 0 to 1: 1
	// when Correct, a part for some options of a multiple answer question.
	Credit     float64 `gorm:"not null;default:0"`
	AnsweredAt time.Time
}

// List is a list stored in one column as a JSON array.
type List[T any] []T

// Value stores the list as JSON; no list is an empty one.
func (l List[T]) Value() (driver.Value, error) {
	if l == nil {
		return "[]", nil
	}
	b, err := json.Marshal([]T(l))
	return string(b), err
}

// Scan reads a JSON array.
func (l *List[T]) Scan(src any) error {
	b, err := asBytes(src)
	if err != nil || len(b) == 0 {
		*l = nil
		return err
	}
	return json.Unmarshal(b, (*[]T)(l))
}

// The lists the models store.
type (
	Strings = List[string]  // options, accepted answers, tags, …
	Uints   = List[uint]    // ids
	Floats  = List[float64] // weights
)

// JSON is a JSON value stored as text.
type JSON json.RawMessage

// Value stores the JSON text.
func (j JSON) Value() (driver.Value, error) {
	if len(j) == 0 {
		return "null", nil
	}
	return string(j), nil
}

// Scan reads JSON text.
func (j *JSON) Scan(src any) error {
	b, err := asBytes(src)
	*j = append((*j)[:0], b...)
	return err
}

// MarshalJSON writes the value as it is.
func (j JSON) MarshalJSON() ([]byte, error) {
	if len(j) == 0 {
		return []byte("null"), nil
	}
	return j, nil
}

func asBytes(src any) ([]byte, error) {
	switch v := src.(type) {
	case nil:
		return nil, nil
	case string:
		return []byte(v), nil
	case []byte:
		return v, nil
	}
	return nil, errors.New("unsupported column type")
}

package srs

import (
	"strconv"
	"time"
)

// Rating is the learner's answer to a review.
type Rating int

// The four ratings. Hard is a pass: a wrong answer is Again, never Hard.
const (
	Again Rating = 1 // forgot
	Hard  Rating = 2 // recalled with serious effort
	Good  Rating = 3 // recalled
	Easy  Rating = 4 // recalled without effort
)

// Valid reports whether r is one of Again, Hard, Good and Easy.
func (r Rating) Valid() bool {
	return r >= Again && r <= Easy
}

// String returns the name of r, such as "Good", or "Rating(7)" when r is
// not valid.
func (r Rating) String() string {
	switch r {
	case Again:
		return "Again"
	case Hard:
		return "Hard"
	case Good:
		return "Good"
	case Easy:
		return "Easy"
	}
	return "Rating(" + strconv.Itoa(int(r)) + ")"
}

// State is where a card is in the learning cycle.
type State int

// The four states. New is the zero value, so the zero Card is a new card.
const (
	New        State = iota // never reviewed
	Learning                // in the learning steps after its first review
	Review                  // scheduled in whole days
	Relearning              // in the relearning steps after a lapse
)

// String returns the name of s, such as "Learning", or "State(7)" when s is
// not one of the four states.
func (s State) String() string {
	switch s {
	case New:
		return "New"
	case Learning:
		return "Learning"
	case Review:
		return "Review"
	case Relearning:
		return "Relearning"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Card is the scheduling state of one fact. The zero Card is a new card,
// due at once.
type Card struct {
	State State
	// Step is the index into the learning or relearning steps while the
	// card is in Learning or Relearning; it is 0 otherwise.
	Step int
	// Stability is the number of days after which the chance of recall
	// falls to 90%; Difficulty runs from 1 (easy) to 10 (hard). Both are
	// 0 for a new card.
	Stability, Difficulty float64
	// Due is when the card should next be reviewed; LastReview is when it
	// was last reviewed, the zero time for a new card.
	Due, LastReview time.Time
	// Reps counts the reviews and Lapses the times the card was forgotten
	// while in Review.
	Reps, Lapses int
}

// Interval returns how long after now the card c is due; it is negative
// when c is overdue. For a card returned by Review or Preview at now, it is
// the interval the scheduler chose, which a user interface can show on the
// rating's button.
func Interval(c Card, now time.Time) time.Duration {
	return c.Due.Sub(now)
}

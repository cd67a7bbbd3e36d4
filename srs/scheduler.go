package srs

import (
	"errors"
	"fmt"
	"time"
)

// Defaults and limits of the Scheduler options.
const (
	defaultRetention   = 0.9
	maxMaximumInterval = 36500 // days, about a century
)

// Errors returned by Validate and ReviewChecked, wrapped with the value at
// fault.
var (
	ErrRating               = errors.New("srs: rating not Again, Hard, Good or Easy")
	ErrRetention            = errors.New("srs: desired retention not in (0, 1]")
	ErrMaximumInterval      = errors.New("srs: maximum interval not in [1, 36500] days")
	ErrStep                 = errors.New("srs: learning step not positive")
	ErrTimeBeforeLastReview = errors.New("srs: review time before the card's last review")
)

// Scheduler holds the FSRS-6 parameters and the scheduling options. Use
// DefaultScheduler and change the fields you need; the zero Scheduler has
// no sensible weights.
type Scheduler struct {
	// Weights are the 21 FSRS-6 parameters, as an optimizer fits them to a
	// learner's review history. They are clipped to FSRS's ranges on use.
	Weights [21]float64
	// DesiredRetention is the chance of recall at which a card falls due,
	// in (0, 1]. Higher means more reviews; 0.70 to 0.97 is the useful range.
	DesiredRetention float64
	// MaximumInterval is the longest interval in days, in [1, 36500].
	MaximumInterval int
	// LearningSteps are the delays between the reviews of a new card before
	// it graduates to Review; RelearningSteps are those after a lapse. A
	// step of a day or more sends the card to Review for its whole days.
	LearningSteps, RelearningSteps []time.Duration
	// EnableShortTerm turns on the steps and the same-day stability
	// formula. When off, the steps are ignored, every answer is scheduled
	// in whole days, and a second review on the same day counts as no time
	// passed.
	EnableShortTerm bool
	// EnableFuzz spreads the intervals of 3 days or more that the model
	// computes for a card going to Review over a few days around them, so
	// that cards learnt together do not stay due together. The same card
	// and time always get the same fuzz.
	EnableFuzz bool
}

// DefaultScheduler returns a Scheduler with the FSRS-6 default weights, a
// desired retention of 0.9, a maximum interval of 36500 days, learning
// steps of 1 and 10 minutes, a relearning step of 10 minutes, short-term
// scheduling on and fuzz on.
func DefaultScheduler() Scheduler {
	return Scheduler{
		Weights:          defaultWeights,
		DesiredRetention: defaultRetention,
		MaximumInterval:  maxMaximumInterval,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		EnableShortTerm:  true,
		EnableFuzz:       true,
	}
}

// Validate reports the first option of s out of its range: a
// DesiredRetention outside (0, 1], a MaximumInterval outside [1, 36500] or a
// learning or relearning step that is not positive.
func (s Scheduler) Validate() error {
	if !(s.DesiredRetention > 0 && s.DesiredRetention <= 1) {
		return fmt.Errorf("%w: %v", ErrRetention, s.DesiredRetention)
	}
	if s.MaximumInterval < 1 || s.MaximumInterval > maxMaximumInterval {
		return fmt.Errorf("%w: %d", ErrMaximumInterval, s.MaximumInterval)
	}
	for i, d := range s.LearningSteps {
		if d <= 0 {
			return fmt.Errorf("learning step %d: %w: %v", i+1, ErrStep, d)
		}
	}
	for i, d := range s.RelearningSteps {
		if d <= 0 {
			return fmt.Errorf("relearning step %d: %w: %v", i+1, ErrStep, d)
		}
	}
	return nil
}

// Review returns the card c after the learner rated it r at now. The
// result has the new memory state, state, step and due time, Reps one
// higher, Lapses one higher after Again in Review, and LastReview set to
// now. Due is never before now.
//
// Review never panics, and clamps what it cannot use: a rating below Again
// counts as Again and one above Easy as Easy; a DesiredRetention outside
// (0, 1] counts as 0.9 and a MaximumInterval outside [1, 36500] as 36500;
// weights are clipped to FSRS's ranges and negative steps count as 0; a now
// before c.LastReview counts as 0 days elapsed, with the card scheduled from
// now; and a card
// with an unknown State counts as New, with its Stability, Difficulty and
// Step otherwise kept within their ranges. Use ReviewChecked to get an
// error instead.
func (s Scheduler) Review(c Card, r Rating, now time.Time) Card {
	r = min(max(r, Again), Easy)
	return s.Preview(c, now)[r-1]
}

// ReviewChecked is like Review but returns an error, and the card
// unchanged, when the rating is not Again to Easy, when Validate fails or
// when now is before the card's last review.
func (s Scheduler) ReviewChecked(c Card, r Rating, now time.Time) (Card, error) {
	if !r.Valid() {
		return c, fmt.Errorf("%w: %d", ErrRating, int(r))
	}
	if err := s.Validate(); err != nil {
		return c, err
	}
	if now.Before(c.LastReview) {
		return c, fmt.Errorf("%w: %v is before %v", ErrTimeBeforeLastReview, now, c.LastReview)
	}
	return s.Review(c, r, now), nil
}

// Preview returns the card c as Review would return it at now for each
// rating, indexed by the rating less one: Again at 0, Easy at 3. A user
// interface can label each button with Interval(card, now). Preview clamps
// as Review does.
//
// Whenever several ratings send the card to Review, a better rating waits
// at least a day longer: Easy than Good, Good than Hard, and Hard than
// Again when Again too gives days, as it does without steps. The maximum
// interval caps them all.
func (s Scheduler) Preview(c Card, now time.Time) [4]Card {
	m := newModel(s)
	c = sanitize(c)
	var elapsed int64
	if c.State != New {
		elapsed = elapsedDays(c.LastReview, now)
	}
	var out [4]Card
	for g := Again; g <= Easy; g++ {
		mem := m.next(memory{c.Stability, c.Difficulty}, g, elapsed, c.State == New)
		next := c
		next.Stability, next.Difficulty = mem.stability, mem.difficulty
		next.Reps++
		if g == Again && c.State == Review {
			next.Lapses++
		}
		next.LastReview = now
		out[g-1] = next
	}
	s.schedule(&out, &m, c, elapsed, now)
	return out
}

// Retrievability returns the chance that the learner recalls card c at
// now, from 0 to 1. It counts whole days of 24 hours since the last review,
// so it is 1 for a day after a review and 0.9 once Stability days have
// passed. It is 0 for a new card, which the learner has not seen.
func (s Scheduler) Retrievability(c Card, now time.Time) float64 {
	c = sanitize(c)
	if c.State == New {
		return 0
	}
	m := newModel(s)
	days := max((now.Unix()-c.LastReview.Unix())/86400, 0)
	return m.retrievability(float64(days), c.Stability)
}

// sanitize brings a card read from storage into the ranges the formulas
// need, so that a corrupt row cannot produce NaN or a panic.
func sanitize(c Card) Card {
	if c.State < New || c.State > Relearning {
		c.State = New
	}
	if c.State == New {
		return c
	}
	c.Stability = clamp(c.Stability, minStability, maxStability)
	c.Difficulty = clamp(c.Difficulty, minDifficulty, maxDifficulty)
	return c
}

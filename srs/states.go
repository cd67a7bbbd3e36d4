package srs

import "time"

const day = 24 * time.Hour

// move is what one rating does to a card: wait for a learning or
// relearning step, or graduate to a whole number of days in Review.
type move struct {
	graduate bool
	state    State // Learning or Relearning, for a step
	step     int
	delay    time.Duration
}

// moves returns the move of each rating for card c, indexed by the rating
// less one. Without short-term scheduling, or without steps, every rating
// graduates.
func (s Scheduler) moves(c Card) [4]move {
	grad := move{graduate: true}
	all := [4]move{grad, grad, grad, grad}
	if !s.EnableShortTerm {
		return all
	}
	switch c.State {
	case New:
		// A new card enters the learning steps as if it had done none.
		return stepMoves(all, Learning, s.LearningSteps, 0)
	case Learning:
		return stepMoves(all, Learning, s.LearningSteps, c.Step)
	case Relearning:
		return stepMoves(all, Relearning, s.RelearningSteps, c.Step)
	}
	if len(s.RelearningSteps) > 0 {
		all[Again-1] = move{state: Relearning, step: 0, delay: stepDelay(s.RelearningSteps[0])}
	}
	return all
}

// stepMoves fills in the moves of a card at step of steps: Again starts
// over, Hard repeats the step, Good goes on to the next step and Easy
// graduates, as Good does after the last step.
func stepMoves(all [4]move, state State, steps []time.Duration, step int) [4]move {
	if len(steps) == 0 {
		return all
	}
	// The steps may have changed since the card was stored.
	step = min(max(step, 0), len(steps)-1)
	all[Again-1] = move{state: state, step: 0, delay: stepDelay(steps[0])}
	all[Hard-1] = move{state: state, step: step, delay: hardDelay(steps)}
	if next := step + 1; next < len(steps) {
		all[Good-1] = move{state: state, step: next, delay: stepDelay(steps[next])}
	}
	return all
}

// hardDelay is the wait after Hard in the steps: halfway between the first
// two steps, or half as long again as a single step, to the minute.
func hardDelay(steps []time.Duration) time.Duration {
	first := stepDelay(steps[0])
	d := first + first/2
	if len(steps) > 1 {
		d = first/2 + stepDelay(steps[1])/2
	}
	// Steps under a minute would round to nothing.
	if r := d.Round(time.Minute); r > 0 {
		return r
	}
	return d
}

// stepDelay keeps a step between 0 and the longest interval, so that a
// misconfigured step can neither move a card back in time nor overflow.
func stepDelay(d time.Duration) time.Duration {
	return min(max(d, 0), maxMaximumInterval*day)
}

// schedule sets the state, step and due time of each card in out, which
// hold the new memory state of c after each rating at now.
func (s Scheduler) schedule(out *[4]Card, m *model, c Card, elapsed int64, now time.Time) {
	u := fuzzFraction(c, now)
	var graduating, days []int
	for i, mv := range s.moves(c) {
		if !mv.graduate {
			out[i] = toStep(out[i], mv, m.maxDays, now)
			continue
		}
		d := m.days(out[i].Stability)
		if s.EnableFuzz {
			d = fuzzDays(d, elapsed, m.maxDays, u)
		}
		graduating = append(graduating, i)
		days = append(days, d)
	}
	orderDays(days)
	for k, i := range graduating {
		out[i] = toReview(out[i], min(days[k], m.maxDays), now)
	}
}

// orderDays makes the graduating intervals, listed from the lowest rating
// up, grow with the rating, so that a better answer always waits longer:
// the first may not exceed the second, and each later one is at least a
// day longer than the one before.
func orderDays(days []int) {
	if len(days) < 2 {
		return
	}
	days[0] = min(days[0], days[1])
	for i := 1; i < len(days); i++ {
		days[i] = max(days[i], days[i-1]+1)
	}
}

// toStep puts c at a learning or relearning step. A step of a day or more
// is no longer short-term: the card goes to Review for its whole days.
func toStep(c Card, mv move, maxDays int, now time.Time) Card {
	if mv.delay >= day {
		return toReview(c, min(int(mv.delay/day), maxDays), now)
	}
	c.State, c.Step, c.Due = mv.state, mv.step, now.Add(mv.delay)
	return c
}

func toReview(c Card, days int, now time.Time) Card {
	c.State, c.Step = Review, 0
	c.Due = now.Add(time.Duration(days) * day)
	return c
}

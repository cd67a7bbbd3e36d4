package srs

import (
	"math"
	"math/rand/v2"
	"time"
)

// fuzzRange returns the whole days a fuzzed interval of days may take. The
// range widens with the interval: ±1 day up to 2.5 days, then 15% of the
// days up to a week, 10% up to 20 days and 5% beyond. It never starts
// below 2 days, nor, when the card is being pushed further out than it has
// already waited, at or below the elapsed days.
func fuzzRange(days int, elapsed int64, maxDays int) (lo, hi int) {
	i := float64(days)
	delta := 1 + 0.15*max(min(i, 7)-2.5, 0) + 0.10*max(min(i, 20)-7, 0) + 0.05*max(i-20, 0)
	lo = max(2, int(roundHalfUp(i-delta)))
	hi = min(int(roundHalfUp(i+delta)), maxDays)
	if int64(days) > elapsed {
		lo = max(lo, int(elapsed)+1)
	}
	return min(lo, hi), hi
}

// fuzzDays spreads days over its fuzz range, picking by u in [0, 1), so
// that cards learnt together do not stay due together. Intervals under 3
// days are left alone: a day either way would matter too much.
func fuzzDays(days int, elapsed int64, maxDays int, u float64) int {
	if days < 3 {
		return days
	}
	lo, hi := fuzzRange(days, elapsed, maxDays)
	return min(lo+int(u*float64(hi-lo+1)), hi)
}

// fuzzFraction draws the one number in [0, 1) that fuzzes every rating of
// a review of c at now. It is seeded from the card and the time, never the
// clock, so Review is repeatable and agrees with Preview; and one draw for
// all ratings keeps their order.
func fuzzFraction(c Card, now time.Time) float64 {
	seed1 := uint64(now.Unix()) ^ uint64(c.Reps)<<48
	seed2 := math.Float64bits(c.Stability) ^ math.Float64bits(c.Difficulty)<<1
	return rand.New(rand.NewPCG(seed1, seed2)).Float64()
}

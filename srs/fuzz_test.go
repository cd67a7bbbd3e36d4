package srs

import (
	"errors"
	"math"
	"testing"
	"time"
)

// FuzzReview runs a card through the reviews that ops describes, two bytes
// each: a rating, out of range included, and a step in time, backwards
// included. Whatever the options, every result must stay in range and due
// no earlier than its review, and ReviewChecked must agree with Review or
// say why not.
func FuzzReview(f *testing.F) {
	f.Add([]byte{3, 10, 3, 50, 1, 20, 1, 0, 3, 100}, 0.9, 36500, true, false)
	f.Add([]byte{0, 0, 9, 255, 4, 127, 2, 128}, 0.0, 0, false, true)
	f.Add([]byte{1, 1, 1, 1, 1, 1, 4, 4, 4, 4}, 1.0, 1, true, true)
	f.Add([]byte{2, 200, 3, 127, 3, 127, 3, 127}, 1e-300, 100, false, false)
	f.Fuzz(func(t *testing.T, ops []byte, retention float64, maxDays int, shortTerm, fuzz bool) {
		s := DefaultScheduler()
		s.DesiredRetention, s.MaximumInterval = retention, maxDays
		s.EnableShortTerm, s.EnableFuzz = shortTerm, fuzz
		var c Card
		now := start
		for i := 0; i+1 < len(ops); i += 2 {
			r := Rating(int(ops[i]) - 2)
			now = now.Add(fuzzGap(ops[i+1]))
			next := s.Review(c, r, now)
			checkCard(t, next, now)
			got, err := s.ReviewChecked(c, r, now)
			switch {
			case !r.Valid():
				mustBe(t, err, ErrRating)
			case s.Validate() != nil:
				mustBe(t, err, s.Validate())
			case now.Before(c.LastReview):
				mustBe(t, err, ErrTimeBeforeLastReview)
			case err != nil || got != next:
				t.Fatalf("ReviewChecked = %+v, %v; Review = %+v", got, err, next)
			}
			if r := s.Retrievability(next, now); math.IsNaN(r) || r < 0 || r > 1 {
				t.Fatalf("retrievability %v", r)
			}
			c = next
		}
	})
}

// fuzzGap maps a byte to a step in time: its signed value cubed, in
// minutes, from a minute to about four years either way.
func fuzzGap(b byte) time.Duration {
	n := time.Duration(int8(b))
	return n * n * n * time.Minute
}

func mustBe(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) && (err == nil || err.Error() != target.Error()) {
		t.Fatalf("error %v, want %v", err, target)
	}
}

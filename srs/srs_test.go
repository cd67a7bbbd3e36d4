package srs

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var start = time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)

func withoutFuzz() Scheduler {
	s := DefaultScheduler()
	s.EnableFuzz = false
	return s
}

func longTerm(shortTerm, fuzz bool) Scheduler {
	s := DefaultScheduler()
	s.EnableShortTerm = shortTerm
	s.EnableFuzz = fuzz
	s.LearningSteps, s.RelearningSteps = nil, nil
	return s
}

// wholeDays is the interval of c after a review at now in days, 0 for a
// step shorter than a day.
func wholeDays(c Card, now time.Time) int {
	return int(Interval(c, now) / day)
}

// The check go-fsrs, py-fsrs and ts-fsrs all assert (spec, top).
func TestPublicCheck(t *testing.T) {
	ratings := []Rating{Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good}
	want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	s := withoutFuzz()
	var c Card
	now := start
	var got []int
	for _, r := range ratings {
		c = s.Review(c, r, now)
		got = append(got, wholeDays(c, now))
		now = c.Due
	}
	if !slices.Equal(got, want) {
		t.Errorf("scheduled days = %v, want %v", got, want)
	}
}

// The memory-model check: the first rating sets S and D, each later one
// updates them after the given gap. With short-term on the same-day Good
// (gap 0) uses the same-day formula; with it off, R = 1 leaves S as it is.
func TestMemoryModel(t *testing.T) {
	ratings := []Rating{Again, Good, Good, Good, Good, Good}
	gaps := []int64{0, 0, 1, 3, 8, 21}
	tests := []struct {
		name      string
		shortTerm bool
		s, d      float64
	}{
		{"short-term on", true, 53.62691, 6.3574867},
		{"short-term off", false, 53.335106, 6.3574867},
	}
	check := func(t *testing.T, how string, s, d, wantS, wantD float64) {
		t.Helper()
		if math.Abs(s-wantS) > 1e-4 || math.Abs(d-wantD) > 1e-4 {
			t.Errorf("%s: S, D = %.7f, %.7f, want %.7f, %.7f", how, s, d, wantS, wantD)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := withoutFuzz()
			s.EnableShortTerm = tt.shortTerm
			m := newModel(s)
			var mem memory
			for i, r := range ratings {
				mem = m.next(mem, r, gaps[i], i == 0)
			}
			check(t, "model", mem.stability, mem.difficulty, tt.s, tt.d)

			var c Card
			now := start
			for i, r := range ratings {
				now = now.Add(time.Duration(gaps[i]) * day)
				c = s.Review(c, r, now)
			}
			check(t, "Review", c.Stability, c.Difficulty, tt.s, tt.d)
		})
	}
}

func TestFirstRating(t *testing.T) {
	want := []memory{{0.212, 6.4133}, {1.2931, 5.11217071}, {2.3065, 2.11810397}, {8.2956, 1}}
	s := withoutFuzz()
	for i, c := range s.Preview(Card{}, start) {
		if math.Abs(c.Stability-want[i].stability) > 1e-7 || math.Abs(c.Difficulty-want[i].difficulty) > 1e-7 {
			t.Errorf("%v: S, D = %v, %v, want %v", Rating(i+1), c.Stability, c.Difficulty, want[i])
		}
	}
}

func TestStateMachine(t *testing.T) {
	review := Card{State: Review, Stability: 20, Difficulty: 5, LastReview: start.Add(-20 * day), Reps: 5}
	tests := []struct {
		name     string
		mod      func(*Scheduler)
		card     Card
		r        Rating
		state    State
		step     int
		interval time.Duration
		lapses   int
	}{
		{"new again", nil, Card{}, Again, Learning, 0, time.Minute, 0},
		{"new hard", nil, Card{}, Hard, Learning, 0, 6 * time.Minute, 0},
		{"new good", nil, Card{}, Good, Learning, 1, 10 * time.Minute, 0},
		{"new easy", nil, Card{}, Easy, Review, 0, 8 * day, 0},
		{"new hard one step", func(s *Scheduler) { s.LearningSteps = s.LearningSteps[:1] }, Card{}, Hard, Learning, 0, 2 * time.Minute, 0},
		{"new good one step", func(s *Scheduler) { s.LearningSteps = s.LearningSteps[:1] }, Card{}, Good, Review, 0, 2 * day, 0},
		{"learning again", nil, Card{State: Learning, Step: 1, Stability: 2, Difficulty: 5, LastReview: start}, Again, Learning, 0, time.Minute, 0},
		{"learning hard", nil, Card{State: Learning, Step: 1, Stability: 2, Difficulty: 5, LastReview: start}, Hard, Learning, 1, 6 * time.Minute, 0},
		{"learning good last step", nil, Card{State: Learning, Step: 1, Stability: 2, Difficulty: 5, LastReview: start}, Good, Review, 0, 2 * day, 0},
		{"learning step out of range", nil, Card{State: Learning, Step: 7, Stability: 2, Difficulty: 5, LastReview: start}, Hard, Learning, 1, 6 * time.Minute, 0},
		{"review again", nil, review, Again, Relearning, 0, 10 * time.Minute, 1},
		{"review again no relearning", func(s *Scheduler) { s.RelearningSteps = nil }, review, Again, Review, 0, 2 * day, 1},
		{"relearning hard", nil, Card{State: Relearning, Stability: 3, Difficulty: 5, LastReview: start}, Hard, Relearning, 0, 15 * time.Minute, 0},
		{"relearning good", nil, Card{State: Relearning, Stability: 3, Difficulty: 5, LastReview: start}, Good, Review, 0, 3 * day, 0},
		{"step of a day", func(s *Scheduler) { s.LearningSteps = []time.Duration{36 * time.Hour} }, Card{}, Again, Review, 0, day, 0},
		{"long-term new again", func(s *Scheduler) { s.EnableShortTerm = false }, Card{}, Again, Review, 0, day, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := withoutFuzz()
			if tt.mod != nil {
				tt.mod(&s)
			}
			got := s.Review(tt.card, tt.r, start)
			if got.State != tt.state || got.Step != tt.step || Interval(got, start) != tt.interval || got.Lapses != tt.lapses {
				t.Errorf("got %v step %d in %v lapses %d, want %v step %d in %v lapses %d",
					got.State, got.Step, Interval(got, start), got.Lapses, tt.state, tt.step, tt.interval, tt.lapses)
			}
			if got.Reps != tt.card.Reps+1 || !got.LastReview.Equal(start) {
				t.Errorf("Reps %d, LastReview %v; want %d, %v", got.Reps, got.LastReview, tt.card.Reps+1, start)
			}
		})
	}
}

func TestLongTermMode(t *testing.T) {
	tests := []struct {
		name string
		s    Scheduler
	}{
		{"short-term off", longTerm(false, false)},
		{"short-term off, fuzz", longTerm(false, true)},
		{"no steps", longTerm(true, false)},
		{"no steps, fuzz", longTerm(true, true)},
		{"short-term off with steps", func() Scheduler { s := withoutFuzz(); s.EnableShortTerm = false; return s }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(3, 4))
			var c Card
			now := start
			for range 200 {
				checkAllDaysOrdered(t, tt.s.Preview(c, now), now, tt.s.MaximumInterval)
				c = tt.s.Review(c, Rating(1+rng.IntN(4)), now)
				if c.State != Review {
					t.Fatalf("state %v, want Review", c.State)
				}
				now = now.Add(time.Duration(rng.IntN(int(2*Interval(c, now)/time.Hour)+1)) * time.Hour)
			}
		})
	}
}

// checkAllDaysOrdered checks that every rating gives whole days, at least
// one, and that Again < Hard < Good < Easy unless at the maximum.
func checkAllDaysOrdered(t *testing.T, p [4]Card, now time.Time, maxDays int) {
	t.Helper()
	for i, c := range p {
		d := Interval(c, now)
		if d%day != 0 || d < day || c.State != Review {
			t.Fatalf("%v: %v in %v, want Review in whole days", Rating(i+1), c.State, d)
		}
		if i > 0 && wholeDays(c, now) <= wholeDays(p[i-1], now) && wholeDays(c, now) != maxDays {
			t.Fatalf("intervals not increasing: %v %v %v %v",
				wholeDays(p[0], now), wholeDays(p[1], now), wholeDays(p[2], now), wholeDays(p[3], now))
		}
	}
}

// randomReviewCard is a Review card with a random memory state, reviewed
// between the same day and three times its stability ago.
func randomReviewCard(rng *rand.Rand, now time.Time) Card {
	s := math.Exp(rng.Float64()*math.Log(5000/0.01)) * 0.01
	elapsed := time.Duration(rng.Float64() * 3 * s * float64(day))
	return Card{
		State:      Review,
		Stability:  s,
		Difficulty: 1 + 9*rng.Float64(),
		LastReview: now.Add(-elapsed),
		Reps:       rng.IntN(50),
		Lapses:     rng.IntN(5),
	}
}

func TestReviewOrdering(t *testing.T) {
	for _, fuzz := range []bool{false, true} {
		t.Run(map[bool]string{false: "fuzz off", true: "fuzz on"}[fuzz], func(t *testing.T) {
			s := DefaultScheduler()
			s.EnableFuzz = fuzz
			rng := rand.New(rand.NewPCG(5, 6))
			for range 5000 {
				now := start.Add(time.Duration(rng.Int64N(int64(400 * day))))
				c := randomReviewCard(rng, now)
				p := s.Preview(c, now)
				h, g, e := wholeDays(p[Hard-1], now), wholeDays(p[Good-1], now), wholeDays(p[Easy-1], now)
				if h < 1 || !(h < g || g == s.MaximumInterval) || !(g < e || e == s.MaximumInterval) {
					t.Fatalf("card %+v: hard, good, easy = %d, %d, %d", c, h, g, e)
				}
			}
		})
	}
}

func TestFuzzRange(t *testing.T) {
	tests := []struct {
		days    int
		elapsed int64
		maxDays int
		lo, hi  int
	}{
		{3, 0, 36500, 2, 4},      // δ = 1.075
		{5, 10, 36500, 4, 6},     // δ = 1.375; the card waited longer than 5 days
		{10, 0, 36500, 8, 12},    // δ = 1.975
		{10, 9, 36500, 10, 12},   // not due again before it has waited 10 days
		{100, 0, 36500, 93, 107}, // δ = 6.975
		{100, 0, 100, 93, 100},   // capped at the maximum
		{100, 0, 50, 50, 50},     // lo never above hi
	}
	for _, tt := range tests {
		lo, hi := fuzzRange(tt.days, tt.elapsed, tt.maxDays)
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("fuzzRange(%d, %d, %d) = %d, %d, want %d, %d", tt.days, tt.elapsed, tt.maxDays, lo, hi, tt.lo, tt.hi)
		}
	}
}

func TestFuzz(t *testing.T) {
	on, off := DefaultScheduler(), withoutFuzz()
	rng := rand.New(rand.NewPCG(7, 8))
	hits := map[int]int{}
	for range 2000 {
		now := start.Add(time.Duration(rng.Int64N(int64(400 * day))))
		c := Card{State: Review, Stability: 30, Difficulty: 5, LastReview: now.Add(-30 * day), Reps: rng.IntN(100)}
		plain := wholeDays(off.Review(c, Good, now), now)
		got := on.Review(c, Good, now)
		lo, hi := fuzzRange(plain, 30, on.MaximumInterval)
		if d := wholeDays(got, now); d < lo || d > hi {
			t.Fatalf("fuzzed %d days, want %d..%d around %d", d, lo, hi, plain)
		} else {
			hits[d-lo]++
		}
		if again := on.Review(c, Good, now); again != got {
			t.Fatalf("Review not repeatable: %v then %v", got.Due, again.Due)
		}
		if p := on.Preview(c, now); p[Good-1] != got {
			t.Fatalf("Preview %v, Review %v", p[Good-1].Due, got.Due)
		}
	}
	lo, hi := fuzzRange(wholeDays(off.Review(Card{State: Review, Stability: 30, Difficulty: 5, LastReview: start.Add(-30 * day)}, Good, start), start), 30, 36500)
	if len(hits) != hi-lo+1 {
		t.Errorf("fuzz reached %d of the %d days in its range: %v", len(hits), hi-lo+1, hits)
	}

	for _, days := range []int{1, 2} {
		for u := 0.0; u < 1; u += 0.01 {
			if got := fuzzDays(days, 0, 36500, u); got != days {
				t.Fatalf("fuzzDays(%d, u = %v) = %d; intervals under 3 days are not fuzzed", days, u, got)
			}
		}
	}
}

func TestElapsedDays(t *testing.T) {
	tests := []struct {
		last, now string
		want      int64
	}{
		{"2022-11-29T23:59:00Z", "2022-11-30T00:01:00Z", 1},
		{"2022-11-29T00:01:00Z", "2022-11-29T23:59:00Z", 0},
		{"2022-11-29T12:00:00Z", "2022-11-28T12:00:00Z", 0},
		{"2022-11-29T23:00:00-05:00", "2022-11-30T03:00:00Z", 0}, // both 30 Nov in UTC
		{"1960-01-01T12:00:00Z", "1960-01-03T01:00:00Z", 2},
		{"2000-01-01T12:00:00Z", "2100-01-01T00:00:00Z", 36525},
	}
	for _, tt := range tests {
		last, _ := time.Parse(time.RFC3339, tt.last)
		now, _ := time.Parse(time.RFC3339, tt.now)
		if got := elapsedDays(last, now); got != tt.want {
			t.Errorf("elapsedDays(%s, %s) = %d, want %d", tt.last, tt.now, got, tt.want)
		}
	}
}

func TestRetrievability(t *testing.T) {
	s := DefaultScheduler()
	if r := s.Retrievability(Card{}, start); r != 0 {
		t.Errorf("new card: %v, want 0", r)
	}
	c := s.Review(Card{}, Good, start)
	if r := s.Retrievability(c, start); r != 1 {
		t.Errorf("just reviewed: %v, want 1", r)
	}
	for _, stability := range []float64{1, 10, 365} {
		c := Card{State: Review, Stability: stability, Difficulty: 5, LastReview: start}
		at := start.Add(time.Duration(stability) * day)
		if r := s.Retrievability(c, at); math.Abs(r-0.9) > 1e-9 {
			t.Errorf("S = %v: R after S days = %v, want 0.9", stability, r)
		}
		prev := 1.0
		for d := 1; d <= 1000; d++ {
			r := s.Retrievability(c, start.Add(time.Duration(d)*day))
			if r >= prev || r <= 0 {
				t.Fatalf("S = %v: R(%d days) = %v after %v", stability, d, r, prev)
			}
			if within := s.Retrievability(c, start.Add(time.Duration(d)*day+23*time.Hour)); within != r {
				t.Fatalf("S = %v: R changed within day %d", stability, d)
			}
			prev = r
		}
	}
}

func TestReviewChecked(t *testing.T) {
	reviewed := withoutFuzz().Review(Card{}, Good, start)
	tests := []struct {
		name string
		mod  func(*Scheduler)
		r    Rating
		now  time.Time
		want error
	}{
		{"valid", nil, Good, start.Add(time.Hour), nil},
		{"same time", nil, Good, start, nil},
		{"rating 0", nil, 0, start, ErrRating},
		{"rating 5", nil, 5, start, ErrRating},
		{"retention 0", func(s *Scheduler) { s.DesiredRetention = 0 }, Good, start, ErrRetention},
		{"retention 1.5", func(s *Scheduler) { s.DesiredRetention = 1.5 }, Good, start, ErrRetention},
		{"retention NaN", func(s *Scheduler) { s.DesiredRetention = math.NaN() }, Good, start, ErrRetention},
		{"retention 1", func(s *Scheduler) { s.DesiredRetention = 1 }, Good, start, nil},
		{"maximum 0", func(s *Scheduler) { s.MaximumInterval = 0 }, Good, start, ErrMaximumInterval},
		{"maximum 36501", func(s *Scheduler) { s.MaximumInterval = 36501 }, Good, start, ErrMaximumInterval},
		{"maximum 1", func(s *Scheduler) { s.MaximumInterval = 1 }, Good, start, nil},
		{"zero step", func(s *Scheduler) { s.LearningSteps = []time.Duration{0} }, Good, start, ErrStep},
		{"negative relearning step", func(s *Scheduler) { s.RelearningSteps = []time.Duration{-time.Minute} }, Good, start, ErrStep},
		{"before last review", nil, Good, start.Add(-time.Second), ErrTimeBeforeLastReview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := withoutFuzz()
			if tt.mod != nil {
				tt.mod(&s)
			}
			got, err := s.ReviewChecked(reviewed, tt.r, tt.now)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if err != nil && got != reviewed {
				t.Errorf("card changed on error")
			}
			if err == nil && got != s.Review(reviewed, tt.r, tt.now) {
				t.Errorf("ReviewChecked and Review differ")
			}
		})
	}
}

// Review clamps what ReviewChecked rejects, as its documentation says.
func TestReviewClamps(t *testing.T) {
	s := withoutFuzz()
	c := s.Review(s.Review(Card{}, Good, start), Good, start.Add(10*time.Minute))
	now := c.Due
	tests := []struct {
		name      string
		mod       func(*Scheduler)
		r, sameAs Rating
		modSameAs func(*Scheduler)
	}{
		{"rating 0 is Again", nil, 0, Again, nil},
		{"rating -3 is Again", nil, -3, Again, nil},
		{"rating 9 is Easy", nil, 9, Easy, nil},
		{"retention 0 is 0.9", func(s *Scheduler) { s.DesiredRetention = 0 }, Good, Good, nil},
		{"retention 2 is 0.9", func(s *Scheduler) { s.DesiredRetention = 2 }, Good, Good, nil},
		{"maximum 0 is 36500", func(s *Scheduler) { s.MaximumInterval = 0 }, Good, Good, nil},
		{"maximum 1e6 is 36500", func(s *Scheduler) { s.MaximumInterval = 1e6 }, Good, Good, nil},
		{"weights clipped", func(s *Scheduler) { s.Weights[16] = 100 }, Easy, Easy, func(s *Scheduler) { s.Weights[16] = 6 }},
		{"negative step is 0", func(s *Scheduler) { s.LearningSteps = []time.Duration{-time.Hour} }, Again, Again, func(s *Scheduler) { s.LearningSteps = []time.Duration{0} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := s, s
			if tt.mod != nil {
				tt.mod(&a)
			}
			if tt.modSameAs != nil {
				tt.modSameAs(&b)
			}
			for _, card := range []Card{{}, c} {
				if got, want := a.Review(card, tt.r, now), b.Review(card, tt.sameAs, now); got != want {
					t.Errorf("%v card: got %+v, want %+v", card.State, got, want)
				}
			}
		})
	}

	earlier := start.Add(-time.Hour)
	if got, want := s.Review(c, Good, earlier), s.Review(c, Good, c.LastReview); got.Stability != want.Stability || got.Difficulty != want.Difficulty {
		t.Errorf("a review before the last one: S, D = %v, %v, want those of the same day %v, %v",
			got.Stability, got.Difficulty, want.Stability, want.Difficulty)
	}
}

// randomScheduler returns a scheduler with options valid or not, and
// whether Validate should accept them.
func randomScheduler(rng *rand.Rand) (Scheduler, bool) {
	s := DefaultScheduler()
	s.EnableShortTerm = rng.IntN(3) > 0
	s.EnableFuzz = rng.IntN(2) == 0
	valid := true
	switch rng.IntN(10) {
	case 0:
		s.DesiredRetention = []float64{0, -1, 1.01, math.NaN(), math.Inf(1)}[rng.IntN(5)]
		valid = false
	case 1:
		s.DesiredRetention = []float64{1e-9, 0.5, 0.7, 0.97, 1}[rng.IntN(5)]
	case 2:
		s.MaximumInterval = []int{-1, 0, 36501, 1 << 40}[rng.IntN(4)]
		valid = false
	case 3:
		s.MaximumInterval = []int{1, 2, 30, 36500}[rng.IntN(4)]
	case 4:
		s.LearningSteps, s.RelearningSteps = nil, nil
	case 5:
		s.LearningSteps = []time.Duration{-time.Minute, 0}
		valid = false
	case 6:
		s.RelearningSteps = []time.Duration{5 * time.Minute, time.Hour, 3 * day}
	case 7:
		for i := range s.Weights {
			s.Weights[i] *= math.Exp(rng.NormFloat64())
		}
	case 8:
		s = Scheduler{}
		valid = false
	}
	return s, valid
}

// randomGap returns a step forward or back in time, from none to decades.
func randomGap(rng *rand.Rand) time.Duration {
	switch rng.IntN(6) {
	case 0:
		return 0
	case 1:
		return time.Duration(rng.IntN(3600)) * time.Second
	case 2:
		return time.Duration(rng.IntN(48)) * time.Hour
	case 3:
		return time.Duration(rng.IntN(400)) * day
	case 4:
		return time.Duration(rng.IntN(100*365)) * day
	}
	return -time.Duration(rng.IntN(30*24)) * time.Hour
}

// checkCard checks the invariants of a card Review returned at now.
func checkCard(t *testing.T, c Card, now time.Time) {
	t.Helper()
	for _, x := range []float64{c.Stability, c.Difficulty} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("not finite: %+v", c)
		}
	}
	if c.Stability < minStability || c.Stability > maxStability {
		t.Fatalf("stability %v out of range", c.Stability)
	}
	if c.Difficulty < minDifficulty || c.Difficulty > maxDifficulty {
		t.Fatalf("difficulty %v out of range", c.Difficulty)
	}
	if c.Due.Before(now) || !c.LastReview.Equal(now) || c.State == New {
		t.Fatalf("due %v, last review %v, state %v at %v", c.Due, c.LastReview, c.State, now)
	}
}

func TestInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		s, valid := randomScheduler(rng)
		var c Card
		if rng.IntN(5) == 0 {
			c = Card{State: State(rng.IntN(7) - 1), Step: rng.IntN(9) - 2, Stability: rng.NormFloat64() * 1e5,
				Difficulty: []float64{math.NaN(), -3, 0, 5, 42}[rng.IntN(5)], LastReview: start}
		}
		now := start
		for range 60 {
			now = now.Add(randomGap(rng))
			r := Rating(rng.IntN(8) - 2)
			got, err := s.ReviewChecked(c, r, now)
			wantErr := !r.Valid() || !valid || now.Before(c.LastReview)
			if (err != nil) != wantErr {
				t.Fatalf("ReviewChecked(%v at %v) error %v, want error %v", r, now, err, wantErr)
			}
			next := s.Review(c, r, now)
			if err == nil && got != next {
				t.Fatalf("ReviewChecked and Review differ")
			}
			if clamped := min(max(r, Again), Easy); s.Review(c, clamped, now) != next {
				t.Fatalf("rating %v not clamped to %v", r, clamped)
			}
			checkCard(t, next, now)
			if next.Reps != c.Reps+1 {
				t.Fatalf("Reps %d after %d", next.Reps, c.Reps)
			}
			_ = s.Retrievability(next, now.Add(randomGap(rng)))
			c = next
		}
	}
}

func TestStrings(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Again.String(), "Again"},
		{Hard.String(), "Hard"},
		{Good.String(), "Good"},
		{Easy.String(), "Easy"},
		{Rating(0).String(), "Rating(0)"},
		{New.String(), "New"},
		{Learning.String(), "Learning"},
		{Review.String(), "Review"},
		{Relearning.String(), "Relearning"},
		{State(-1).String(), "State(-1)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

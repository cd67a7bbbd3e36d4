package srs_test

import (
	"fmt"
	"time"

	"factquiz/srs"
)

// A new card goes through the learning steps, then is scheduled in days.
func Example() {
	s := srs.DefaultScheduler()
	s.EnableFuzz = false // so the days below are the model's own

	var card srs.Card // the zero Card is new
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	for _, r := range []srs.Rating{srs.Good, srs.Good, srs.Good, srs.Again, srs.Good} {
		card = s.Review(card, r, now)
		fmt.Printf("%-5v -> %-10v due in %s\n", r, card.State, label(srs.Interval(card, now)))
		now = card.Due
	}
	fmt.Printf("reps %d, lapses %d, recall chance now %.2f\n",
		card.Reps, card.Lapses, s.Retrievability(card, now))
	// Output:
	// Good  -> Learning   due in 10m
	// Good  -> Review     due in 2d
	// Good  -> Review     due in 11d
	// Again -> Relearning due in 10m
	// Good  -> Review     due in 2d
	// reps 5, lapses 1, recall chance now 0.88
}

// Preview gives the outcome of each rating, for labels such as "Good · 10m"
// on the answer buttons.
func ExampleScheduler_Preview() {
	s := srs.DefaultScheduler()
	s.EnableFuzz = false
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	for i, next := range s.Preview(srs.Card{}, now) {
		fmt.Printf("%v · %s\n", srs.Rating(i+1), label(srs.Interval(next, now)))
	}
	// Output:
	// Again · 1m
	// Hard · 6m
	// Good · 10m
	// Easy · 8d
}

// label writes an interval as a button would show it.
func label(d time.Duration) string {
	if d < 24*time.Hour {
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// ReviewChecked reports what Review would silently clamp.
func ExampleScheduler_ReviewChecked() {
	s := srs.DefaultScheduler()
	s.DesiredRetention = 1.2
	_, err := s.ReviewChecked(srs.Card{}, srs.Good, time.Now())
	fmt.Println(err)
	// Output:
	// srs: desired retention not in (0, 1]: 1.2
}

// Package srs schedules flashcard reviews with FSRS-6, the Free Spaced
// Repetition Scheduler used by Anki and the open-spaced-repetition libraries.
//
// A Card holds one fact's memory state: its stability (the days until the
// chance of recall falls to 90%), its difficulty (1 to 10) and where it is
// in the New, Learning, Review and Relearning cycle. Scheduler.Review takes a
// card, the learner's Rating and the time of the answer, and returns the card
// with its next due time. Scheduler.Preview returns all four outcomes, so a
// user interface can show each button's interval before the learner answers.
//
// The package is pure Go with no database, clock or global random source:
// the same card, rating and time always give the same result, fuzz included.
package srs
